"""Read plain text (.txt/.md), including text extracted from two-column PDFs such as the seeds.

Two kinds of text come in. A PDF extraction's lines wrap at the column width, mostly in
mid-sentence. A provider's document written as text has one line per paragraph, heading, list
item or table row, and blank lines between blocks; its lines are of very different lengths and
most long ones end a sentence. The file as a whole decides which it is (`_one_line_per_paragraph`:
two in three lines of 40 characters or more, not counting items and rows, end in sentence
punctuation, and there are three such lines at least). In a file written as text the headings
stand before their own text, in the order written: the repairs of stacked headings and headings
after their text (1. below) are not made, as they would move text between sections by its words.

Text extracted from a PDF, here a two-column one, has lost its geometry. Four things go wrong,
and this reader repairs them with documented heuristics:

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
4. **Double-spaced lines.** Some extractions put a blank line after every line. A file is
   double-spaced when most of its lines stand alone between blank lines and its lines wrap (it is
   not written one line per paragraph); there a blank line after a line that does not end a
   sentence is no break. In a file written one line per paragraph every blank line is a break,
   so a long title without a full stop is a block of its own.

Block boundaries: a blank line ends a block; a bullet glyph starts a list item; lines indented
with a tab continue the current list item; a short line ending in a colon ("Om ansvar och
roller:") ends a paragraph. A line that is only a page number is a running footer and dropped.

Headings: a ■ glyph, "Kapitel N", or a dotted number ("2.1.11 Fast läkarkontakt") standing after a
break. A one-part number ("1 Telefon och tidbokning", "2. Hygien") makes a heading when the line
stands alone between blank lines at the margin, has at most 60 characters, opens with a capital
after the number and does not end in a full stop, colon, semicolon, comma or dash; the numbers
must increase through the file, and numbered lines with only blank lines between them, numbered
alike and one apart, are a list ("1. Förnya recept" / "2. Kontakta mig"), not headings. In a file
written one line per paragraph a line without a number is a heading ("Syfte", "Så fungerar Tele
Q") under the same conditions of shape when text follows it (a paragraph, a list or a table, not
another such line); the first line is the document's title and stays a paragraph, as in the
other readers. Such a heading has no number and leaves the section as it is.

Lists: a bullet's indentation counts two spaces a level ("• item", "  • nested"); leading tabs
are an extraction's layout and do not count. A more indented item is nested in the item before
it, a less indented one returns to the level of its indentation. An item that ends in a colon
takes the following items at its own indentation as its nested items (an extraction has lost
the indentation), until a less indented item or the end of the list.

Tables: two or more consecutive lines of three or more cells ("Mått | 2025 | Mål"), each with as
many cells as the first, are one table block with its rows, its text one "cell | cell" line per
row as the PDF and DOCX readers give it.
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
# Share of body lines that end a sentence in a file written one line per paragraph. In an extraction
# only the last line of a paragraph can end one: at most half of them for two-line paragraphs.
_FINISHED_SHARE = 2 / 3
_MIN_BODY_LINES = 3  # fewer are too little to tell a file written as text from an extraction
_TITLE_MAX = 60  # characters: a heading without ■ or a dotted number is short
_TITLE_UNFINISHED = (".", ":", ";", ",", "-", "–")  # a title ends in none of these
_ONE_PART_NUMBER = re.compile(r"(?P<num>\d{1,2})(?P<dot>\.?)\s+[A-ZÅÄÖ]")  # "1 Telefon", "2. Hygien"
_LEADING_NUMBER = re.compile(r"(?P<num>\d{1,2})(?P<dot>[.)]?)\s")  # a numbered line of any kind
_CELL_SEPARATOR = re.compile(r" \|(?: |$)")
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
    level: int = 0  # list items: the indentation level of the bullet (see _indent_level)


@dataclass
class _Layout:
    """What is decided from the file as a whole before it is read line by line (0-based line
    indices)."""

    headings: set[int]  # headings with a one-part number ("1 Telefon och tidbokning")
    titles: set[int]  # unnumbered headings ("Syfte")
    tables: dict[int, list[list[str]]]  # first line of a table -> its rows of cells


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # older Windows exports
    if not text.strip():
        raise InputError(f"filen innehåller ingen text: {path}")
    lines = text.splitlines()
    per_paragraph = _one_line_per_paragraph(lines)
    lines = _mark_soft_breaks(lines, per_paragraph)
    layout = _Layout(
        headings=_numbered_titles(lines),
        titles=_unnumbered_titles(lines) if per_paragraph else set(),
        tables=_tables(lines),
    )
    items = _join_continuations(_scan(lines, layout))
    if per_paragraph:
        blocks = [_heading_block(item) if isinstance(item, _Heading) else item for item in items]
    else:
        blocks = _chapter_before_its_sections(_attach_bodies(items))
    _implicit_list_items(blocks)
    _nest_list_items(blocks)
    return Document(
        source=str(path), sha256=sha256_of(path), kind=DocumentKind.TEXT, page_count=None, blocks=finish(blocks)
    )


def _scan(lines: list[str], layout: _Layout) -> list[_Heading | Block]:
    """Split the lines into headings and body blocks, in source order."""
    items: list[_Heading | Block] = []
    pending: _Pending | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            text = join_lines(pending.lines)
            if text:
                block = Block(kind=pending.kind, text=text, line=pending.first_line, level=pending.level)
                items.insert(pending.position, block)
        pending = None

    def end_block() -> None:
        # A heading set beside a list item can cut it in two in the extraction; an item that has
        # not ended stays open for its tab-indented continuation.
        if not _interrupted(pending):
            flush()

    index = 0
    while index < len(lines):
        raw = lines[index]
        stripped = raw.strip()
        number = index + 1
        index += 1
        if raw == _SOFT_BREAK:
            continue
        if not stripped or _PAGE_NUMBER.fullmatch(stripped):
            end_block()  # an unfinished item may go on after a blank line and a heading
            continue
        if number - 1 in layout.tables:
            flush()
            rows = layout.tables[number - 1]
            items.append(_table_block(rows, number))
            index += len(rows) - 1
            continue
        if _is_heading_line(stripped, lines, index, layout):
            headings = [parse_heading(part) for part in _split_heading_line(stripped)]
            headings = [h for h in headings if h is not None]
            if headings:
                end_block()
                index = _read_title_continuation(lines, index, headings)
                items.extend(_Heading(h, number) for h in headings)
                continue
            flush()
        if number - 1 in layout.titles:
            end_block()
            # Only in a file written as text, where the stacked-heading repairs are not made.
            items.append(Block(BlockKind.HEADING, text=stripped, line=number, level=1, title=stripped))
            continue
        is_item, rest = strip_bullet(raw)
        if is_item:
            flush()
            pending = _Pending(BlockKind.LIST_ITEM, number, [rest], len(items), _indent_level(raw))
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


def _is_heading_line(stripped: str, lines: list[str], index: int, layout: _Layout) -> bool:
    """A ■ heading, a chapter, a dotted number standing after a break, or a one-part number that
    the layout accepted. `index` is the index of the line after it."""
    return (
        stripped.startswith(HEADING_GLYPH)
        or bool(_CHAPTER_START.match(stripped))
        or _is_plain_heading(stripped, lines, index)
        or index - 1 in layout.headings
    )


def _table_block(rows: list[list[str]], line: int) -> Block:
    # The text as the PDF and DOCX readers give it: one "cell | cell" line per row.
    return Block(BlockKind.TABLE, text="\n".join(" | ".join(row) for row in rows), line=line, rows=rows)


def _indent_level(raw: str) -> int:
    """1 for a bullet at the margin, one more per two leading spaces ("  • nested"). Leading tabs
    come from a PDF extraction's layout, not from nesting: such a bullet counts as at the margin."""
    leading = raw[: len(raw) - len(raw.lstrip())]
    if leading.strip(" "):
        return 1
    return 1 + len(leading) // 2


def _one_line_per_paragraph(lines: list[str]) -> bool:
    """Whether the file was written as text, one line per paragraph, rather than extracted from a
    PDF, whose lines wrap at the column width: most lines long enough to be body text end a
    sentence. Bullets and table rows are left out (an item need not end in a full stop); with
    fewer than three body lines to go by the file counts as an extraction."""
    body = [
        stripped
        for stripped in (line.strip() for line in lines)
        if len(stripped) >= _SHORT_LINE and not strip_bullet(stripped)[0] and _table_cells(stripped) is None
    ]
    finished = sum(1 for line in body if line.endswith(_SENTENCE_ENDS))
    return len(body) >= _MIN_BODY_LINES and finished >= _FINISHED_SHARE * len(body)


def _mark_soft_breaks(lines: list[str], per_paragraph: bool) -> list[str]:
    """Some extractions are double-spaced: a blank line after every line. There a blank line
    inside a sentence (the line before it does not end one) is no paragraph break.

    A file written one line per paragraph with blank lines between blocks has as many blank lines,
    but its lines do not wrap: there every blank line is a break."""
    text_lines = sum(1 for line in lines if line.strip())
    single_blanks = [
        i for i in range(1, len(lines) - 1) if not lines[i].strip() and lines[i - 1].strip() and lines[i + 1].strip()
    ]
    if per_paragraph or len(single_blanks) < _DOUBLE_SPACED * text_lines:
        return lines
    marked = list(lines)
    for i in single_blanks:
        before, after = lines[i - 1].strip(), lines[i + 1].strip()
        short_item = len(before) < _SHORT_LINE and after[:1].isupper()  # "Förnya recept" / "Kontakta mig"
        if not before.endswith(_SENTENCE_ENDS) and not short_item:
            marked[i] = _SOFT_BREAK
    return marked


def _is_blank(lines: list[str], index: int) -> bool:
    """A blank line, or the start or end of the file. A soft break is no blank line."""
    return not 0 <= index < len(lines) or not lines[index].strip()


def _stands_alone(lines: list[str], index: int) -> bool:
    return _is_blank(lines, index - 1) and _is_blank(lines, index + 1)


def _next_text(lines: list[str], index: int, step: int) -> str | None:
    """The nearest line before (step -1) or after (step 1) that is not blank."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].strip():
            return lines[index].strip()
        index += step
    return None


def _title_like(stripped: str) -> bool:
    """Short and without the punctuation that ends a sentence or a lead-in."""
    return len(stripped) <= _TITLE_MAX and not stripped.endswith(_TITLE_UNFINISHED)


def _is_text(stripped: str) -> bool:
    """What follows a heading: a paragraph, a list or a table, not another title-like line."""
    return not _title_like(stripped) or strip_bullet(stripped)[0] or _table_cells(stripped) is not None


def _numbered_titles(lines: list[str]) -> set[int]:
    """Headings with a one-part number, "1 Telefon och tidbokning" or "2. Hygien": a title-like
    line at the margin that stands alone between blank lines and opens with a capital after its
    number. The numbers increase through the file; a line whose number goes back is left as it is.
    Numbered lines with only blank lines between them, numbered alike and counting on by one, are
    a list (a double-spaced extraction's "1. Öka …" / "2. Fastställa …"): text stands between two
    headings."""
    found: set[int] = set()
    last = 0
    for index, line in enumerate(lines):
        match = _ONE_PART_NUMBER.match(line)
        if not match or not _stands_alone(lines, index) or not _title_like(line.strip()):
            continue
        if int(match["num"]) > last and not _in_numbered_list(lines, index, match):
            found.add(index)
            last = int(match["num"])
    return found


def _in_numbered_list(lines: list[str], index: int, match: re.Match[str]) -> bool:
    """Whether the nearest text line before or after is numbered alike and one off: a list item."""
    for step in (-1, 1):
        neighbour = _LEADING_NUMBER.match(_next_text(lines, index, step) or "")
        if neighbour and neighbour["dot"] == match["dot"] and int(neighbour["num"]) == int(match["num"]) + step:
            return True
    return False


def _unnumbered_titles(lines: list[str]) -> set[int]:
    """Headings without a number in a file written one line per paragraph ("Syfte", "Så fungerar
    Tele Q"): a title-like line that opens with a capital, stands alone between blank lines and is
    followed by text (a paragraph or a list), not by another title-like line. The file's first
    line is its title, a paragraph as in the other readers, and so is a subtitle followed by a
    heading."""
    text_lines = [i for i, line in enumerate(lines) if line.strip()]
    return {
        index
        for index, after in zip(text_lines[1:], text_lines[2:])
        if _title_like(lines[index].strip())
        and lines[index][:1].isupper()
        and _table_cells(lines[index].strip()) is None
        and _stands_alone(lines, index)
        and _is_text(lines[after].strip())
    }


def _table_cells(stripped: str) -> list[str] | None:
    """The cells of a table row written "cell | cell | cell" (three cells at least, so that a
    stray bar in a sentence is no table); None for any other line."""
    cells = _CELL_SEPARATOR.split(stripped)
    return [cell.strip() for cell in cells] if len(cells) >= 3 else None


def _tables(lines: list[str]) -> dict[int, list[list[str]]]:
    """Tables: two or more consecutive table rows with the same number of cells."""
    tables: dict[int, list[list[str]]] = {}
    start = 0
    while start < len(lines):
        rows = _rows_from(lines, start)
        if len(rows) >= 2:
            tables[start] = rows
        start += max(len(rows), 1)
    return tables


def _rows_from(lines: list[str], start: int) -> list[list[str]]:
    """The table rows from `start` on with as many cells as the first; a row whose count differs
    starts another table."""
    rows: list[list[str]] = []
    for line in itertools.islice(lines, start, None):
        cells = _table_cells(line.strip())
        if cells is None or rows and len(cells) != len(rows[0]):
            break
        rows.append(cells)
    return rows


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
    """Turn each list item's indentation level (from `_scan`) into its nesting level.

    A more indented item is nested in the item before it; a less indented one returns to the
    level of the open item with its indentation. An item ending in a colon takes the following
    items at its own indentation as its nested items: an extraction has lost the indentation, so
    that nesting runs until a less indented item or the end of the list; curators correct the
    rare extracted list that returns to the outer level.
    """
    open_items: list[tuple[int, int]] = []  # (indentation, level) of the items a next one may nest in
    previous: Block | None = None
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            open_items, previous = [], None
            continue
        indent = block.level
        while open_items and open_items[-1][0] > indent:
            open_items.pop()
        if open_items and open_items[-1][0] == indent:
            level = open_items.pop()[1]
            if previous is not None and previous.level == level and previous.text.rstrip().endswith(":"):
                level += 1  # the previous item, at this indentation, is a lead-in
        else:
            level = open_items[-1][1] + 1 if open_items else 1
        open_items.append((indent, level))
        block.level, previous = level, block
