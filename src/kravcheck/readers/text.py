"""Read plain text (.txt/.md), including text extracted from two-column PDFs such as the seeds.

Text extracted from a two-column PDF has lost its geometry. Two things go wrong, and this reader
repairs them with documented heuristics:

1. **Stacked headings.** Headings that stood side by side at the top of two columns come out one
   after the other ("■ 2.1.11 Fast läkarkontakt" then "■ 2.1.12 Klagomål"), or even on one line,
   followed by the body text of both. `_attach_bodies` splits that body between them:
   - a heading directly followed by its own sub-heading (2.2 then 2.2.1) is a parent and gets no
     share of the body;
   - the body is cut at the block boundaries that score best: a paragraph that opens with a
     purpose statement ("Att säkerställa …"), a paragraph after a list; each share should open
     with, and hold, blocks whose words echo its own heading's title more than the other
     titles ("… klagomål …" under "Klagomål", "… fast läkarkontakt …" under "Fast
     läkarkontakt"); a cut right after a lead-in that ends in a colon is never made;
   - with one heading the whole body is its own.
2. **Wrapped headings and lines.** A heading's title wraps onto short following lines
   ("■ 2.1.6 Dokumenterad" / "överenskommelse"); lines of a block wrap with hyphenation. Title
   continuation is a short line that starts in lower case, or follows a title that ended in a
   hyphen, comma or conjunction, or follows a number that had no title yet.

Block boundaries: a blank line ends a block; a bullet glyph starts a list item; lines indented
with a tab continue the current list item; a short line ending in a colon ("Om ansvar och
roller:") ends a paragraph. A list item that ends in a colon takes the following items of the
same list as its nested items. A line that is only a page number is a running footer and dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Block, BlockKind, Document, DocumentKind, sha256_of
from ..errors import InputError
from ..structure import HEADING_GLYPH, HeadingText, covers, finish, parse_heading, strip_bullet
from ..textnorm import join_lines

_PAGE_NUMBER = re.compile(r"\d{1,3}")
_SOFT_BREAK = "\x00soft"  # a blank line that does not end a paragraph (see _mark_soft_breaks)
_DOUBLE_SPACED = 0.6  # share of lines followed by a single blank line that marks a double-spaced file
_SENTENCE_ENDS = (".", ":", "!", "?", ";")
_PLAIN_HEADING = re.compile(r"\d{1,2}(?:\.\d{1,2})+\s+[A-ZÅÄÖ]")
_PLAIN_HEADING_MAX = 90
_SHORT_LINE = 40  # characters: body lines are longer; a shorter line ends its block
_SUBHEADING_LINE = 36
_CHAPTER_START = re.compile(r"Kapitel\s+\d{1,2}\b", re.IGNORECASE)
_TITLE_LINE_MAX = 34  # heading titles were set in a narrow column; body lines are longer
_TITLE_OPEN_ENDINGS = ("-", ",", "–", " och", " samt", " eller", " för", " av", " i", " med", " inom", " mellan", " om", " till")
_STEM = 8  # prefix length that stands in for a stem when matching heading titles to body text
_SHORT_STEM = 6
_GLOSSARY = re.compile(r"definition|begrepp|ordlista|förkortning", re.IGNORECASE)
_COMMON_SHARE = 0.04  # a title word in more than this share of blocks is too common to place text
_DIRECTION_PRIOR = 0.6  # how much echo it takes to go against the direction of the neighbourhood


@dataclass
class _Heading:
    heading: HeadingText
    line: int


@dataclass
class _Pending:
    """A block being collected line by line."""

    kind: BlockKind
    first_line: int
    lines: list[str] = field(default_factory=list)
    position: int = 0  # where in the item list the block goes: where it started


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # older Windows exports
    if not text.strip():
        raise InputError(f"filen innehåller ingen text: {path}")
    items = _scan(_mark_soft_breaks(text.splitlines()))
    blocks = _chapter_before_its_sections(_attach_bodies(items))
    _implicit_list_items(blocks)
    _nest_list_items(blocks)
    return Document(
        source=str(path), sha256=sha256_of(path), kind=DocumentKind.TEXT, page_count=None, blocks=finish(blocks)
    )


def _scan(lines: list[str]) -> list[_Heading | Block]:
    """Split the lines into headings and body blocks, in source order."""
    items: list[_Heading | Block] = []
    pending: _Pending | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            text = join_lines(pending.lines)
            if text:
                items.insert(pending.position, Block(kind=pending.kind, text=text, line=pending.first_line))
        pending = None

    index = 0
    while index < len(lines):
        raw = lines[index]
        stripped = raw.strip()
        number = index + 1
        index += 1
        if raw == _SOFT_BREAK:
            continue
        if not stripped or _PAGE_NUMBER.fullmatch(stripped):
            if not _interrupted(pending):  # an unfinished item may go on after a blank line and a heading
                flush()
            continue
        if stripped.startswith(HEADING_GLYPH) or _CHAPTER_START.match(stripped) or _is_plain_heading(stripped, lines, index):
            headings = [parse_heading(part) for part in _split_heading_line(stripped)]
            headings = [h for h in headings if h is not None]
            if headings:
                # A heading set beside a list item can cut it in two in the extraction; an item
                # that has not ended stays open for its tab-indented continuation.
                if not _interrupted(pending):
                    flush()
                index = _read_title_continuation(lines, index, headings)
                items.extend(_Heading(h, number) for h in headings)
                continue
            flush()
        is_item, rest = strip_bullet(raw)
        if is_item:
            flush()
            pending = _Pending(BlockKind.LIST_ITEM, number, [rest], len(items))
        elif pending is not None and pending.kind is BlockKind.LIST_ITEM and raw[:1] == "\t" or (
            pending is not None and pending.kind is BlockKind.LIST_ITEM and raw.startswith(" \t")
        ):
            pending.lines.append(stripped)
        elif pending is not None and pending.kind is BlockKind.PARAGRAPH and not _ends_paragraph(pending.lines[-1], stripped):
            pending.lines.append(stripped)
        else:
            flush()
            pending = _Pending(BlockKind.PARAGRAPH, number, [stripped], len(items))
    flush()
    return items


def _mark_soft_breaks(lines: list[str]) -> list[str]:
    """Some extractions are double-spaced: a blank line after every line. There a blank line
    inside a sentence (the line before it does not end one) is no paragraph break."""
    text_lines = sum(1 for line in lines if line.strip())
    single_blanks = [
        i for i in range(1, len(lines) - 1) if not lines[i].strip() and lines[i - 1].strip() and lines[i + 1].strip()
    ]
    if len(single_blanks) < _DOUBLE_SPACED * text_lines:
        return lines
    marked = list(lines)
    for i in single_blanks:
        before, after = lines[i - 1].strip(), lines[i + 1].strip()
        short_item = len(before) < _SHORT_LINE and after[:1].isupper()  # "Förnya recept" / "Kontakta mig"
        if not before.endswith(_SENTENCE_ENDS) and not short_item:
            marked[i] = _SOFT_BREAK
    return marked


def _implicit_list_items(blocks: list[Block]) -> None:
    """Short lines after a lead-in, whose bullet glyphs the extraction lost, are list items:
    "De tjänster som ingår i basutbudet är:" / "Förnya recept" / "Kontakta mig" …"""
    for index, block in enumerate(blocks[:-1]):
        if block.kind is not BlockKind.PARAGRAPH or not block.text.endswith(":"):
            continue
        for item in blocks[index + 1 :]:
            if item.kind is not BlockKind.PARAGRAPH or len(item.text) >= _SHORT_LINE or item.text.endswith(_SENTENCE_ENDS):
                break
            item.kind, item.level = BlockKind.LIST_ITEM, 1


def _is_plain_heading(stripped: str, lines: list[str], index: int) -> bool:
    """"4.32.1 Obligatoriskt basutbud för 1177": a numbered heading without the ■ glyph, standing
    after a break."""
    before = lines[index - 2].strip() if index >= 2 else ""
    return (
        bool(_PLAIN_HEADING.match(stripped))
        and len(stripped) <= _PLAIN_HEADING_MAX
        and not stripped.endswith((".", ",", ";"))
        and (not before or lines[index - 2] == _SOFT_BREAK or before.endswith(_SENTENCE_ENDS))
    )


def _interrupted(pending: _Pending | None) -> bool:
    return (
        pending is not None
        and pending.kind is BlockKind.LIST_ITEM
        and not pending.lines[-1].rstrip().endswith((".", ":", ";", "!", "?"))
    )


def _split_heading_line(line: str) -> list[str]:
    """'■ 2.1.3 Informationsansvar ■ 2.1.4 Kunskapsstyrning' -> one string per heading."""
    parts = [part.strip() for part in line.split(HEADING_GLYPH)]
    return [part for part in parts if part]


def _read_title_continuation(lines: list[str], index: int, headings: list[HeadingText]) -> int:
    """Append wrapped title lines to the last heading on the line; return the next line index."""
    last = headings[-1]
    title = last.title
    while index < len(lines):
        candidate = lines[index].strip()
        if not candidate or len(candidate) > _TITLE_LINE_MAX or candidate.startswith(HEADING_GLYPH):
            break
        if strip_bullet(lines[index])[0] or candidate.endswith(".") and title:
            break
        if title and not (candidate[0].islower() or title.endswith(_TITLE_OPEN_ENDINGS)):
            break
        title = join_lines([title, candidate]) if title else candidate
        index += 1
    headings[-1] = HeadingText(last.number, title)
    return index


def _ends_paragraph(line: str, following: str) -> bool:
    """A short line ending in a colon is a lead-in; a short line without a sentence end followed by
    one that opens a sentence is a run-in subheading ("Listningsregler", "Gemensamt ansvar och
    kontaktvägar"). Either way the paragraph ends."""
    line = line.rstrip()
    if line.endswith(":") and len(line) < 45:
        return True
    return len(line) < _SUBHEADING_LINE and not line.endswith(_SENTENCE_ENDS + (",", "-")) and following[:1].isupper()


def _attach_bodies(items: list[_Heading | Block]) -> list[Block]:
    """Emit blocks in reading order: each heading group followed by its share of the body.

    A body run between two heading groups usually belongs to the group before it. But in parts
    of a two-column extraction the headings come out after their own text, and a section's text
    can come out partly before and partly after its heading. So each run is cut in two: a head
    for the group before it and a tail for the group after it. The cut is where each side gets
    the blocks that echo its own titles, with a weak prior for the direction that the
    neighbouring runs lean to (such stretches span many sections). A list is never cut, and no
    text crosses into another chapter: a chapter opens with its own text.
    """
    runs = [(is_heading, list(run)) for is_heading, run in itertools.groupby(items, key=lambda i: isinstance(i, _Heading))]
    groups = [[_heading_block(h) for h in run] for is_heading, run in runs if is_heading]
    if not groups:
        return [block for _, run in runs for block in run]
    front = runs[0][1] if not runs[0][0] else []
    bodies = [run for is_heading, run in runs[1 if front else 0 :] if not is_heading]
    # bodies[j] follows groups[j]; cuts[j] blocks of it belong to groups[j], the rest to groups[j + 1].
    while len(bodies) < len(groups):
        bodies.append([])
    echo = _Echo([block for _, run in runs for block in run if isinstance(block, Block)])
    cuts = _cuts(groups, bodies, echo)
    blocks: list[Block] = list(front)
    for j, group in enumerate(groups):
        before = bodies[j - 1][cuts[j - 1] :] if j > 0 else []
        after = bodies[j][: cuts[j]]
        blocks.extend(_interleave(group, before + after, echo))
    return blocks


class _Echo:
    """How much a block's words echo a heading's title, compared by prefix: eight letters count
    fully ("patientn…" is not "patientf…"), six letters half ("hållbar" in "hållbarhetsarbete").
    Title words found in many blocks of the document ("primärvård", "Norrbotten") carry no signal
    and are left out."""

    def __init__(self, blocks: list[Block]) -> None:
        frequency: dict[str, int] = {}
        for block in blocks:
            for prefix in {w.lower()[:_STEM] for w in re.findall(r"\w{4,}", block.text)}:
                frequency[prefix] = frequency.get(prefix, 0) + 1
        limit = max(3, _COMMON_SHARE * len(blocks))
        self._common = {prefix for prefix, count in frequency.items() if count > limit}

    def title(self, heading: Block, block: Block) -> float:
        title_words = [w.lower() for w in re.findall(r"\w{4,}", heading.title or "") if w.lower()[:_STEM] not in self._common]
        if not title_words:
            return 0.0
        words = {w.lower() for w in re.findall(r"\w{4,}", block.text)}
        long_prefixes = {w[:_STEM] for w in words}
        short_prefixes = {w[:_SHORT_STEM] for w in words}
        score = sum(
            1.0 if word[:_STEM] in long_prefixes else 0.5 if word[:_SHORT_STEM] in short_prefixes else 0.0
            for word in title_words
        )
        return score / len(title_words)

    def group(self, block: Block, group: list[Block]) -> float:
        return max((self.title(h, block) for h in _slots(group)), default=0.0)


def _cuts(groups: list[list[Block]], bodies: list[list[Block]], echo: _Echo) -> list[int]:
    """How many blocks of each body run belong to the heading group before it; the rest belong
    to the group after it."""
    leanings = []  # > 0: the run reads as the text of the next group
    for j, run in enumerate(bodies):
        if j + 1 >= len(groups) or not run:
            leanings.append(-1.0)
            continue
        leanings.append(max(echo.group(b, groups[j + 1]) for b in run) - max(echo.group(b, groups[j]) for b in run))
    cuts = []
    for j, run in enumerate(bodies):
        if j + 1 >= len(groups) or _chapter(groups[j][-1]) != _chapter(groups[j + 1][0]):
            cuts.append(len(run))  # a chapter opens with its own text: nothing crosses into it
            continue
        if _GLOSSARY.search(groups[j][-1].title or ""):
            cuts.append(len(run))  # definitions name terms from every section: echoes mislead
            continue
        neighbours = sum(leanings[k] for k in (j - 1, j + 1) if 0 <= k < len(leanings))
        cuts.append(_best_cut(run, groups[j], groups[j + 1], echo, backward=leanings[j] + 0.5 * neighbours > 0.1))
    return cuts


def _best_cut(run: list[Block], behind: list[Block], ahead: list[Block], echo: _Echo, backward: bool) -> int:
    """The cut that gives each side the blocks that echo its titles, with a weak prior for the
    direction of the neighbourhood. A list is never cut."""
    echoes_behind = [echo.group(b, behind) for b in run]
    echoes_ahead = [echo.group(b, ahead) for b in run]
    best, best_score = None, float("-inf")
    for cut in range(len(run) + 1):
        if 0 < cut < len(run) and (run[cut].kind is BlockKind.LIST_ITEM or run[cut - 1].text.rstrip().endswith(":")):
            continue
        score = sum(echoes_behind[:cut]) + sum(echoes_ahead[cut:])
        score += _DIRECTION_PRIOR * ((len(run) - cut) if backward else cut) / max(len(run), 1)
        if score > best_score:
            best, best_score = cut, score
    return len(run) if best is None else best


def _chapter(heading: Block) -> str:
    return (heading.number or "").split(".")[0]


def _chapter_before_its_sections(blocks: list[Block]) -> list[Block]:
    """Move "Kapitel 2." before section 2.1 when it came out after it: in the two-column original
    the chapter title stood in a column beside the first sections."""
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING or block.level != 1 or not block.number:
            continue
        first = next(
            (i for i, b in enumerate(blocks[:index]) if b.kind is BlockKind.HEADING and covers(block.number, b.number or "")),
            None,
        )
        if first is not None:
            blocks.insert(first, blocks.pop(index))
    return blocks


def _slots(group: list[Block]) -> list[Block]:
    """The headings of a group that take body text: not a parent directly followed by its child."""
    return [h for i, h in enumerate(group) if not _is_parent_of_next(group, i)]


def _heading_block(item: _Heading) -> Block:
    number, title = item.heading.number, item.heading.title
    return Block(
        BlockKind.HEADING,
        text=f"{number} {title}".strip(),
        line=item.line,
        level=item.heading.level,
        number=number,
        title=title,
    )


def _interleave(group: list[Block], body: list[Block], echo: _Echo) -> list[Block]:
    """Order a stacked heading group and its body: parents first, then each slot with its share."""
    slots = _slots(group)
    parents = [h for h in group if h not in slots]
    if len(slots) <= 1 or len(body) < len(slots):
        return parents + slots + body
    cuts = _best_cuts(slots, body, echo)
    out = list(parents)
    bounds = [0, *cuts, len(body)]
    for heading, start, end in zip(slots, bounds, bounds[1:]):
        out.append(heading)
        out.extend(body[start:end])
    return out


def _is_parent_of_next(group: list[Block], index: int) -> bool:
    if index + 1 >= len(group):
        return False
    return covers(group[index].number or "", group[index + 1].number or "")


def _best_cuts(slots: list[Block], body: list[Block], echo: _Echo) -> tuple[int, ...]:
    """Choose where the body of each stacked heading starts (see the module docstring)."""
    candidates = range(1, len(body))
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(candidates, len(slots) - 1):
        score = sum(_cut_score(body, cut) for cut in cuts)
        bounds = (0, *cuts, len(body))
        for slot, start, end in zip(slots, bounds, bounds[1:]):
            others = [other for other in slots if other is not slot]
            score += 2.0 * echo.title(slot, body[start])
            score += sum(echo.title(slot, b) - max(echo.title(o, b) for o in others) for b in body[start:end])
        if best is None or score > best[0]:
            best = (score, cuts)
    assert best is not None
    return best[1]


def _cut_score(body: list[Block], cut: int) -> float:
    before, after = body[cut - 1], body[cut]
    if before.text.rstrip().endswith(":"):
        return -10.0  # a lead-in is never the last block of a section
    score = 0.0
    if after.kind is BlockKind.PARAGRAPH:
        score += 1.0
        if before.kind is BlockKind.LIST_ITEM:
            score += 1.0
        if after.text.startswith("Att "):
            score += 3.0
    return score


def _nest_list_items(blocks: list[Block]) -> None:
    """An item ending in a colon takes the following items of its list as nested items.

    The extracted text has lost indentation, so the nesting runs to the end of the list; curators
    correct the rare list that returns to the outer level.
    """
    level = 1
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            level = 1
            continue
        block.level = level
        if block.text.rstrip().endswith(":"):
            level += 1
