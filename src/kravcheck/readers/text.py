"""Read plain text (.txt/.md), including text extracted from two-column PDFs such as the seeds.

Text extracted from a two-column PDF has lost its geometry. Three things go wrong, and this reader
repairs them with documented heuristics:

1. **Stacked headings.** Headings that stood side by side at the top of two columns come out one
   after the other ("■ 2.1.11 Fast läkarkontakt" then "■ 2.1.12 Klagomål"), or even on one line,
   followed by the body text of both. `_attach_bodies` splits that body between them:
   - a heading whose own sub-heading stands in the same stack (2.2 then 2.2.1; "2.4 / 2.5 /
     2.4.1 / 2.5.1" from two columns) is a parent and gets no share of the body;
   - the body is cut at the block boundaries that score best: a paragraph that opens with a
     purpose statement ("Att säkerställa …"), a paragraph after a list; each share should open
     with, and hold, blocks whose words echo its own heading's title more than the other
     titles ("… klagomål …" under "Klagomål", "… fast läkarkontakt …" under "Fast
     läkarkontakt"), words compared by stem and as compounds (`_Echo`); a list is never cut,
     nor a lead-in that ends in a colon from its list; a share may be empty, as a heading's
     text can stand elsewhere;
   - with one heading the whole body is its own.
   In parts of the extraction the headings come out after their own text; where a run of text
   between two heading groups belongs is decided by the same echoes, with a prior for the
   direction its neighbourhood leans to. Headings with no text after them at the end of the
   document had theirs before them, so their neighbourhood leans backward.
2. **Wrapped headings and lines.** A heading's title wraps onto short following lines
   ("■ 2.1.6 Dokumenterad" / "överenskommelse"); lines of a block wrap with hyphenation. Title
   continuation is a short line that starts in lower case, or follows a title that ended in a
   hyphen, comma or conjunction, or follows a number that had no title yet.
3. **Columns spliced together.** Where the extraction jumps to another column or text frame
   without a blank line, the new line starts with one space: after a finished sentence that is a
   paragraph break. A sentence cut by a column break goes on later, after other text and headings:
   a paragraph that opens in lower case ("andra vårdenheter och …") continues the nearest earlier
   paragraph of the chapter that stops in mid-sentence ("… genom samarbete med").

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
from ..nlp import stem
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
# A paragraph that ends in one of these words stops in mid-sentence: its sentence goes on elsewhere
# ("… genom samarbete med"). Not pronouns: "… möjligt att göra det" is finished.
_OPEN_ENDINGS = (*_TITLE_OPEN_ENDINGS[3:], " på", " att", " som", " vid", " från", " enligt", " en", " ett")
_CONTINUATION_REACH = 20  # items (blocks and headings) back to look for the paragraph a fragment continues
_COLUMN_START = re.compile(r" \S")  # one leading space: the extraction started a new column or frame
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
    items = _join_continuations(_scan(_mark_soft_breaks(text.splitlines())))
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
        elif (
            pending is not None
            and pending.kind is BlockKind.PARAGRAPH
            and not _ends_paragraph(pending.lines[-1], stripped)
            and not _starts_column(pending.lines[-1], raw)
        ):
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


def _starts_column(previous: str, raw: str) -> bool:
    """" Digitala distanskontakter …" after "… godkännande från regionen.": where a two-column
    extraction jumps to another column or text frame without a blank line, the new line starts
    with one space. After a finished sentence that is a paragraph break."""
    return bool(_COLUMN_START.match(raw)) and previous.rstrip().endswith(_SENTENCE_ENDS)


def _join_continuations(items: list[_Heading | Block]) -> list[_Heading | Block]:
    """Join a paragraph that opens in lower case ("andra vårdenheter och underleverantörer. …") to
    the paragraph it continues: the nearest earlier one, within reach and in the same chapter,
    that stops in mid-sentence ("… genom samarbete med"). A two-column extraction can put other
    columns' text and headings between the two halves of one sentence."""
    out: list[_Heading | Block] = []
    for item in items:
        if isinstance(item, Block) and item.kind is BlockKind.PARAGRAPH and item.text[:1].islower():
            start = _unfinished_paragraph(out)
            if start is not None:
                start.text = join_lines([start.text, item.text])
                continue
        out.append(item)
    return out


def _unfinished_paragraph(items: list[_Heading | Block]) -> Block | None:
    for item in reversed(items[-_CONTINUATION_REACH:]):
        if isinstance(item, _Heading):
            if item.heading.level == 1:
                return None  # a chapter starts: its text does not continue the chapter before
            continue
        if item.kind is BlockKind.PARAGRAPH and item.text.endswith(_OPEN_ENDINGS):
            return item
    return None


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


@dataclass(frozen=True)
class _Words:
    """The words of a text (four letters or more), their Snowball stems and 8-letter prefixes."""

    words: frozenset[str]
    stems: frozenset[str]
    prefixes: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        words = frozenset(w.lower() for w in re.findall(r"\w{4,}", text))
        return cls(words, frozenset(stem(w) for w in words), frozenset(w[:_STEM] for w in words))


class _Echo:
    """How much a block's words echo a heading's title.

    A title word counts fully when its stem is among the block's stems ("läkarkontakt" in
    "läkarkontakten") or when their first eight letters agree ("patientn…" is not "patientf…");
    it counts half when one word begins with the other, as a compound with its first part
    ("hållbarhetsarbete" and "hållbar"), six letters at least. Words found in many blocks of the
    document ("primärvård", "Norrbotten") carry no signal: a title word with a common stem is left
    out, and a common prefix or first part is no agreement, so the rare compound
    "Verksamhetschef" is matched on its stem and not on the "verksamhet" it starts with.
    """

    def __init__(self, blocks: list[Block]) -> None:
        # Caches keyed by id(block): the entry holds the block, so its id is not reused meanwhile.
        self._words: dict[int, tuple[Block, _Words]] = {}
        self._titles: dict[tuple[str, int], float] = {}  # (title, block) -> echo
        frequency: dict[str, int] = {}  # blocks per stem, and per 8-letter prefix marked "="
        for block in blocks:
            words = self.words(block)
            for key in itertools.chain(words.stems, ("=" + p for p in words.prefixes)):
                frequency[key] = frequency.get(key, 0) + 1
        limit = max(3, _COMMON_SHARE * len(blocks))
        self._common = {key for key, count in frequency.items() if count > limit}

    def words(self, block: Block) -> _Words:
        if id(block) not in self._words:
            self._words[id(block)] = (block, _Words.of(block.text))
        return self._words[id(block)][1]

    def title(self, heading: Block, block: Block) -> float:
        words = self.words(block)
        key = (heading.title or "", id(block))
        if key not in self._titles:
            title_words = [w for w in _Words.of(key[0]).words if stem(w) not in self._common]
            agreement = sum(self._agreement(word, words) for word in title_words)
            self._titles[key] = agreement / len(title_words) if title_words else 0.0
        return self._titles[key]

    def _agreement(self, word: str, words: _Words) -> float:
        if stem(word) in words.stems or (word[:_STEM] in words.prefixes and "=" + word[:_STEM] not in self._common):
            return 1.0
        # The title's stem may begin a compound of the text ("Remisser": "remisshantering"); a word
        # of the text only as written ("hållbar": "hållbarhetsarbete"), as the stem of an inflected
        # verb can be a bare root ("meddelas": "meddel…", which is not "meddelarfrihet").
        if self._first_part(stem(word), words.words) or any(self._first_part(other, [word]) for other in words.words):
            return 0.5
        return 0.0

    def _first_part(self, part: str, wholes) -> bool:
        return (
            len(part) >= _SHORT_STEM
            and stem(part) not in self._common
            and any(whole != part and whole.startswith(part) for whole in wholes)
        )

    def group(self, block: Block, group: list[Block]) -> float:
        return max((self.title(h, block) for h in _slots(group)), default=0.0)


def _cuts(groups: list[list[Block]], bodies: list[list[Block]], echo: _Echo) -> list[int]:
    """How many blocks of each body run belong to the heading group before it; the rest belong
    to the group after it."""
    leanings = []  # > 0: the run reads as the text of the next group
    for j, run in enumerate(bodies):
        if not run:
            # Headings with no text after them end the document: their text stood before them,
            # so the neighbourhood reads backward.
            leanings.append(1.0)
            continue
        if j + 1 >= len(groups):
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
        if not _cuttable(run, cut):
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
    """The headings of a group that take body text: not a parent whose sub-heading stands in the
    same stack. Side by side, "2.4" and "2.5" come out with their first sub-headings after them
    ("2.4 / 2.5 / 2.4.1 / 2.5.1"): neither parent has text of its own there."""
    return [h for i, h in enumerate(group) if not _is_parent_in_group(group, i)]


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
    """Order a stacked heading group and its body: each slot with its share, each parent just
    before its first sub-heading ("2.3" after the share of "2.2.5", before "2.3.1")."""
    slots = _slots(group)
    cuts = _best_cuts(slots, body, echo) if len(slots) > 1 and body else (len(body),) * (len(slots) - 1)
    bounds = [0, *cuts, len(body)]
    parents = [h for h in group if h not in slots]
    out = [h for h in parents if not any(covers(h.number or "", s.number or "") for s in slots)]
    for heading, start, end in zip(slots, bounds, bounds[1:]):
        out.extend(h for h in parents if h not in out and covers(h.number or "", heading.number or ""))
        out.append(heading)
        out.extend(body[start:end])
    return out


def _is_parent_in_group(group: list[Block], index: int) -> bool:
    return any(covers(group[index].number or "", other.number or "") for other in group[index + 1 :])


def _best_cuts(slots: list[Block], body: list[Block], echo: _Echo) -> tuple[int, ...]:
    """Choose where the body of each stacked heading starts (see the module docstring). A share
    may be empty: in a stack like "3.9 / 3.9.3 / 3.9.1" a heading's text can stand elsewhere in
    the extraction, and forcing a block on every heading would cut a lead-in from its list."""
    own = [[echo.title(slot, block) for block in body] for slot in slots]
    margin = _summed_margins(own)
    candidates = [cut for cut in range(len(body) + 1) if _cuttable(body, cut)]
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in itertools.combinations_with_replacement(candidates, len(slots) - 1):
        score = sum(_cut_score(body, cut) for cut in cuts if 0 < cut < len(body))
        bounds = (0, *cuts, len(body))
        for s, (start, end) in enumerate(zip(bounds, bounds[1:])):
            if start < end:
                score += 2.0 * own[s][start] + margin[s][end] - margin[s][start]
        if best is None or score > best[0]:
            best = (score, cuts)
    assert best is not None
    return best[1]


def _summed_margins(own: list[list[float]]) -> list[list[float]]:
    """[s][i]: how much more the blocks before i echo slot s than the best other slot, summed, so
    that the score of any share is one subtraction."""
    others = [[max(row[i] for o, row in enumerate(own) if o != s) for i in range(len(own[s]))] for s in range(len(own))]
    return [list(itertools.accumulate((a - b for a, b in zip(own[s], others[s])), initial=0.0)) for s in range(len(own))]


def _cuttable(body: list[Block], cut: int) -> bool:
    """A list is never cut, nor a lead-in from its list: a section does not end in a colon."""
    if cut in (0, len(body)):
        return True
    return body[cut].kind is not BlockKind.LIST_ITEM and not body[cut - 1].text.rstrip().endswith(":")


def _cut_score(body: list[Block], cut: int) -> float:
    """A section more likely starts with a paragraph after a list, or with a purpose statement."""
    before, after = body[cut - 1], body[cut]
    score = 1.0
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
