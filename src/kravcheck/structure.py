"""What all readers share once blocks are in reading order: heading numbers, sections, lead-ins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Block, BlockKind

# "■ 2.1.11 Fast läkarkontakt", "2.1.11 Fast läkarkontakt", "1. 4 Övergripande mål" (a stray space
# inside the number in the 2026 PDF), "2.5.3-2.5.5 Hjälpmedel" (a range: the first number counts),
# "■ 2.2.2.1" (title on the next line). A range heading keeps its range as its number:
# it is a parent of the sections it spans.
_NUMBERED = re.compile(
    r"^\s*(?:■\s*)?(?P<num>\d{1,2}(?:\s?\.\s?\d{1,2}){0,5})\.?"
    r"(?:\s*[-–]\s*(?P<end>\d{1,2}(?:\.\d{1,2})*))?"
    r"(?:\s+(?P<title>\S.*?))?\s*$"
)
_CHAPTER = re.compile(r"^\s*Kapitel\s+(?P<num>\d{1,2})\.?(?:\s+(?P<title>\S.*?))?\s*$", re.IGNORECASE)
HEADING_GLYPH = "■"
_ENUMERATOR = re.compile(r"(?:\d{1,2}[.)]|[a-z]\))[ \t\u00a0]+(?=[A-ZÅÄÖa-zåäö])")
BULLET_GLYPHS = "•\uf0b7\u25aa\u25cf\u2022\u2023\u2043\u25e6–-o"


@dataclass(frozen=True)
class HeadingText:
    number: str
    title: str

    @property
    def level(self) -> int:
        return section_level(self.number)


def parse_heading(text: str) -> HeadingText | None:
    """Split a heading line into its section number and title; None if it carries no number."""
    match = _CHAPTER.match(text) or _NUMBERED.match(text)
    if not match:
        return None
    number = re.sub(r"\s+", "", match["num"])
    if match.groupdict().get("end"):
        number = f"{number}-{match['end']}"
    title = (match["title"] or "").strip()
    if title and not (title[0].isupper() or title[0].isdigit()):
        return None  # "2 dagar efter ..." is a sentence, not a heading
    return HeadingText(number, title)


def section_level(number: str) -> int:
    """Depth of a section number: "2" -> 1, "2.1.11" -> 3; a range counts by its first number."""
    return number.split("-")[0].count(".") + 1


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def covers(number: str, other: str) -> bool:
    """True when section `other` lies inside section `number` ("2.2" covers "2.2.1";
    the range "2.5.3-2.5.5" covers "2.5.4")."""
    if "-" in number:
        first, last = number.split("-", 1)
        key = _number_key(other.split("-")[0])
        return _number_key(first) <= key[: len(_number_key(first))] and key[: len(_number_key(last))] <= _number_key(last)
    return other.startswith(number + ".")


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, rest) when the text starts with a bullet glyph or an enumerator ("1.", "2)", "a)")
    followed by white space."""
    stripped = text.lstrip()
    if len(stripped) > 1 and stripped[0] in BULLET_GLYPHS and stripped[1] in " \t\u00a0":
        return True, stripped[1:].strip()
    enumerated = _ENUMERATOR.match(stripped) if stripped[:1].isdigit() or stripped[1:2] == ")" else None
    if enumerated:
        return True, stripped[enumerated.end() :].strip()
    return False, text


def finish(blocks: list[Block]) -> list[Block]:
    """Give every block its section and every list item its lead-in. Mutates and returns `blocks`.

    A list item's lead-in is the block it continues: for a top-level item the paragraph right
    before the list when that paragraph ends in a colon ("Leverantören ska:"), for a nested item
    the nearest item one level up.
    """
    section: str | None = None
    run_lead: int | None = None
    last_at_level: dict[int, int] = {}
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING and block.number:
            section = block.number
        block.section = section
        if block.kind is not BlockKind.LIST_ITEM:
            last_at_level.clear()
            continue
        previous = blocks[index - 1] if index else None
        if previous is None or previous.kind is not BlockKind.LIST_ITEM:
            run_lead = (
                index - 1
                if previous is not None
                and previous.kind is BlockKind.PARAGRAPH
                and previous.text.rstrip().endswith(":")
                else None
            )
        level = max(block.level, 1)
        block.level = level
        block.lead_in = last_at_level.get(level - 1) if level > 1 else run_lead
        last_at_level[level] = index
        for deeper in [k for k in last_at_level if k > level]:
            del last_at_level[deeper]
    return blocks
