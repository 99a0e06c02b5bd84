"""From measured PDF lines to blocks: running lines, reading order, change bars, block grouping.

Reading order comes from geometry only. A line that crosses the page's vertical middle is
full-width; full-width lines cut the page into bands, and inside a band the left column is read
before the right one. Pages with no text on both sides of the middle are one column.

Lines make one block while nothing ends it: a gap wider than the font's line pitch, a line that
stops short of the column's end after a full stop or before a change of font, a bullet or a
heading. A block goes on in the next column or on the next page unless its last line ended it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict

from ..document import Block, BlockKind
from ..structure import HEADING_GLYPH, parse_heading, strip_bullet
from ..textnorm import join_lines
from .pdf_geometry import Column, PageContent, TableRegion, TextLine

_MARGIN_BAND = 0.08  # share of the page height where running headers and footers live
_PAGE_NUMBER = re.compile(r"(?:sida\s+)?\d{1,4}(?:\s*(?:av|/|\()\s*\d{1,4}\)?)?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = (".", ":", "!", "?", ";")
_DASHES = "–-"  # bullet glyphs that Swedish prose also uses (" – "), so one can start a wrapped line
_LEADING = 1.2  # baseline distance / font size of single-spaced text, when a document shows none
_WIDEST_PITCH = 1.5  # a size's pitch can be this much wider than the body's spacing, scaled to it
_UNKNOWN_PITCH = 14.0  # points: the body's pitch when no line sizes could be read
_PARAGRAPH_GAP = 1.2  # a gap wider than this many line pitches separates two blocks
_GAP_TOLERANCE = 0.6  # points: gaps closer than this are one spacing (baselines are rounded)
_FIT_MARGIN = 1.25  # a word "would have fitted" only with this much room to spare: widths are estimates
_RIGHT_SLACK = 0.15  # share of the width: a one-column page whose lines all stop short of this has no full line
_ALIGNED = 0.01  # share of the page width: line ends this close together are one edge
_SIZE_STEP = 1.0  # points: sizes this far apart are set apart on purpose (a title, small print)
_SAME_X = 3.0  # points: line starts this close are one indent


def remove_running_lines(pages: list[PageContent]) -> None:
    """Drop page numbers and headers/footers that repeat (digits aside) on many pages; on a one-page
    document, where nothing can repeat, the small-print lines at the page's top and bottom edges."""
    def key(line: TextLine) -> str:
        return _DIGITS.sub("#", line.text.lower())

    seen = Counter(key(line) for page in pages for line in page.lines if _in_margin(page, line))
    repeated = {text for text, count in seen.items() if count >= max(2, len(pages) // 3)}
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (_in_margin(page, line) and (key(line) in repeated or _PAGE_NUMBER.fullmatch(line.text)))
        ]
    if len(pages) == 1:
        _drop_small_print_at_edges(pages[0])


def _in_margin(page: PageContent, line: TextLine) -> bool:
    band = page.height * _MARGIN_BAND
    return line.bottom > page.height - band or line.top < band


def _drop_small_print_at_edges(page: PageContent) -> None:
    """Running matter of a single page: from each edge inwards, the lines in the margin band that are
    set smaller than any line of the body and are no sentence. The first line that fails stops the
    search, so nothing between body lines, and no footnote (a sentence), is ever dropped."""
    body = [line.size for line in page.lines if not _in_margin(page, line) and line.size > 0]
    if not body:
        return
    small = min(body) - _SIZE_STEP
    by_height = sorted(page.lines, key=lambda line: -line.top)
    running: set[int] = set()  # ids of the lines to drop
    for edge in (by_height, by_height[::-1]):
        for line in edge:
            if not (_in_margin(page, line) and 0 < line.size <= small and not _ends_sentence(line)):
                break
            running.add(id(line))
    page.lines = [line for line in page.lines if id(line) not in running]


def reading_order(page: PageContent) -> list[tuple[int, TextLine | TableRegion]]:
    """Lines and tables in reading order, each with its column: 0 left (or the only one), 1 right,
    -1 full width."""
    items: list[TextLine | TableRegion] = [*page.lines, *page.tables]
    middle = page.width / 2
    columns = [0 if i.x1 <= middle + 2 else 1 if i.x0 >= middle - 2 else -1 for i in items]
    if 1 not in columns or 0 not in columns:
        return sorted(((0, i) for i in items), key=lambda pair: -pair[1].top)
    full = sorted((i for i, c in zip(items, columns) if c == -1), key=lambda i: -i.top)
    ordered: list[tuple[int, TextLine | TableRegion]] = []
    ceiling = float("inf")
    for cut in [*full, None]:
        floor = cut.top if cut is not None else float("-inf")
        band = [(c, i) for i, c in zip(items, columns) if c != -1 and floor < (i.top + i.bottom) / 2 < ceiling]
        band.sort(key=lambda pair: (pair[0], -pair[1].top))
        ordered += band
        if cut is not None:
            ordered.append((-1, cut))
            ceiling = cut.bottom
    return ordered


def mark_change_bars(page: PageContent) -> None:
    """A vertical rule in the margin of a column marks the lines it stands beside as changed."""
    for bar in (rule for rule in page.rules if rule.vertical):
        x = (bar.x0 + bar.x1) / 2
        beside = [line for line in page.lines if bar.bottom - 1 <= (line.top + line.bottom) / 2 <= bar.top + 1]
        if not beside or any(line.x0 - 1 <= x <= line.x1 + 1 for line in beside):
            continue  # a rule among the text is a table or frame line, not a change bar
        # Distance from the bar to each line, signed by side: positive when the line is to the right.
        distances = [(line.x0 - x if line.x0 > x else -(x - line.x1), line) for line in beside]
        nearest = min(distances, key=lambda pair: abs(pair[0]))[0]
        for distance, line in distances:
            if (distance > 0) == (nearest > 0) and abs(distance) <= abs(nearest) + 12:
                line.changed = True


def column_edges(page: PageContent, ordered: list[tuple[int, TextLine | TableRegion]]) -> dict[int, Column]:
    """The extent of each column of `reading_order`'s output."""
    items: defaultdict[int, list[TextLine | TableRegion]] = defaultdict(list)
    for column, item in ordered:
        items[column].append(item)
    one_column = 1 not in items
    edges = {}
    for column, members in items.items():
        left = min(item.x0 for item in members)
        edges[column] = Column(left, _full_line_end(page, left, [item.x1 for item in members], one_column))
    return edges


def _full_line_end(page: PageContent, left: float, ends: list[float], one_column: bool) -> float:
    """Where full lines end: the rightmost line end, unless on a one-column page it stops well short
    of the mirror of the left margin and no other line ends near it. That is a page of short lines
    (one-line paragraphs, a title), whose longest line is no full line: it ends at the mirror. Lines
    that end together (justified text, a column of a two-column page) mark a real edge."""
    right = max(ends)
    mirror = page.width - left
    if not one_column or right >= mirror - _RIGHT_SLACK * (mirror - left):
        return right
    aligned = sum(end >= right - _ALIGNED * page.width for end in ends) >= 2
    return right if aligned else mirror


class LinePitch:
    """The distance between the baselines of two wrapped lines of one paragraph, per font size,
    learned over the whole document. It is the smallest gap that recurs between lines of one size in
    one column: wrapped lines sit at the font's leading, paragraph gaps are wider. A size never seen
    on consecutive lines (a one-line title) gets the spacing of the most frequent size (the body's),
    scaled to it."""

    def __init__(self, pages: list[list[tuple[int, TextLine | TableRegion]]]) -> None:
        gaps: defaultdict[float, list[float]] = defaultdict(list)
        for ordered in pages:
            for (column, above), (next_column, below) in zip(ordered, ordered[1:]):
                if column == next_column and isinstance(above, TextLine) and isinstance(below, TextLine):
                    gap = above.baseline - below.baseline
                    # Closer than 0.7 em is a raised or lowered piece of one line, not the next line.
                    if abs(above.size - below.size) < 0.5 and 0.7 * below.size <= gap <= 3 * below.size:
                        gaps[_size_key(below.size)].append(gap)
        self._learned = {size: _smallest_common(values) for size, values in gaps.items()}
        body = max(gaps, key=lambda size: len(gaps[size]), default=None)
        self._body = self._learned[body] if body else _UNKNOWN_PITCH
        self._leading = self._body / body if body else _LEADING
        self._pitch: dict[float, float] = {}  # by exact size: asked for every line

    def of(self, size: float) -> float:
        pitch = self._pitch.get(size)
        if pitch is None:
            pitch = self._pitch[size] = self._estimate(size)
        return pitch

    def _estimate(self, size: float) -> float:
        if size <= 0:  # the font size could not be read: take the line for body text
            return self._body
        scaled = size * self._leading
        learned = self._learned.get(_size_key(size), scaled)
        # Far wider than the body's spacing would make it, the smallest gap of a size is a gap
        # between one-line blocks (headings, a table of contents), not a pitch.
        return learned if learned <= _WIDEST_PITCH * scaled else scaled


def _size_key(size: float) -> float:
    return round(size * 2) / 2


def _smallest_common(gaps: list[float]) -> float:
    """The smallest gap that recurs (in at least 2 places, or 5 % of a long document's gaps, so
    that a few odd gaps cannot pass for the pitch); the middle of its cluster. With no gap recurring
    the smallest one is the best guess."""
    gaps = sorted(gaps)
    support = max(2, len(gaps) // 20)
    for start, gap in enumerate(gaps):
        end = bisect_right(gaps, gap + _GAP_TOLERANCE)
        if end - start >= support:
            return gaps[(start + end - 1) // 2]
    return gaps[0]


class BlockBuilder:
    """Groups lines in reading order into blocks. State carries across columns and pages, so a
    paragraph broken by a column or page end goes on, and list nesting follows bullet indents."""

    def __init__(self, pitch: LinePitch | None = None) -> None:
        self.blocks: list[Block] = []
        self._lines: list[TextLine] = []
        self._kind = BlockKind.PARAGRAPH
        self._first_page = 0
        self._page = 0
        self._column = 0
        self._right = 0.0  # where a full line of the last line's column ends
        self._text_x = 0.0  # where a list item's text (and its continuation lines) starts
        self._bullet_stack: list[float] = []  # bullet x of each open list level, column-relative
        self._pitch = pitch or LinePitch([])

    def add_table(self, table: TableRegion, page: int) -> None:
        self.flush()
        self._bullet_stack = []
        text = "\n".join(" | ".join(row) for row in table.rows)
        self.blocks.append(Block(BlockKind.TABLE, text=text, page=page, rows=table.rows))

    def add_line(self, line: TextLine, page: int, column: int, edges: Column) -> None:
        """`edges` are those of the line's column, to compare indents and line ends across columns."""
        previous = self._lines[-1] if self._lines else None
        moved = previous is not None and (page, column) != (self._page, self._column)
        right, self._right = self._right, edges.right  # `right`: the end of `previous`'s column
        self._page, self._column = page, column
        is_item, rest = strip_bullet(line.text)
        if is_item and previous is not None and self._dash_in_prose(previous, line, moved, edges, right):
            is_item = False
        if self._kind is BlockKind.HEADING and previous is not None and not moved and _wraps_heading(previous, line):
            self._lines.append(line)  # a heading title that wraps
        elif _is_heading(line) and not is_item:
            self._start(BlockKind.HEADING, line, page)
        elif is_item:
            self._start(BlockKind.LIST_ITEM, line, page)
            self._lines[-1] = _with_text(line, rest)
            self._text_x = line.x0 + 6
            self._nest(line.x0 - edges.left)
        elif previous is None or self._kind is BlockKind.HEADING:
            self._start(BlockKind.PARAGRAPH, line, page)
        elif moved:
            if self._goes_on(previous, line, right, edges):
                self._lines.append(line)  # the block goes on in the next column or on the next page
                self._text_x = line.x0  # and its continuation lines start where this one does
            else:
                self._start(BlockKind.PARAGRAPH, line, page)
        elif self._ends_block(previous, line, right):
            self._start(BlockKind.PARAGRAPH, line, page)
        else:
            self._lines.append(line)

    def _goes_on(self, previous: TextLine, line: TextLine, right: float, edges: Column) -> bool:
        """A block cut by a column or page end goes on at the top of the next column unless its
        last line ended it: after a full stop no; before a lower-case word yes; before a capital or
        a digit only when the last line ran to its column's end and the font stays the same. A list
        item goes on at its text's indent, not at the column's edge, where the text after a list
        starts."""
        if _ends_sentence(previous):
            return False
        if line.text[0].islower():
            return True
        if _ended_early(previous, line, right) or _font_changes(previous, line):
            return False
        return self._kind is not BlockKind.LIST_ITEM or line.x0 > edges.left + _SAME_X

    def _ends_block(self, previous: TextLine, line: TextLine, right: float) -> bool:
        """True when `line`, in the column of `previous`, cannot go on with its block: a paragraph gap
        before it, a list item's text left behind, or a line before it that stops short of the
        column's end after a full stop or before a change of font (a title, a lead-in, a caption)."""
        if not self._close(previous, line):
            return True
        if self._left_of_item_text(line):
            return True
        return (_ends_sentence(previous) or _font_changes(previous, line)) and _ended_early(previous, line, right)

    def _dash_in_prose(self, previous: TextLine, line: TextLine, moved: bool, edges: Column, right: float) -> bool:
        """A dash that starts a wrapped line of running text (" – " is everywhere in Swedish prose)
        rather than a list item: the line before did not end its block, and the dash stands where
        the block's lines start, not at a list's indent (a dash item's text hangs right of it)."""
        if line.text[0] not in _DASHES or self._kind is BlockKind.HEADING:
            return False
        if _ends_sentence(previous) or _ended_early(previous, line, right):
            return False
        if moved:
            return self._kind is BlockKind.PARAGRAPH and line.x0 <= edges.left + _SAME_X
        if not self._close(previous, line):
            return False
        if self._kind is BlockKind.LIST_ITEM:
            return not self._left_of_item_text(line)
        return line.x0 <= min(kept.x0 for kept in self._lines) + _SAME_X

    def _left_of_item_text(self, line: TextLine) -> bool:
        """True when the open block is a list item and `line` starts left of its text: at a bullet's
        place or back at the body's edge."""
        return self._kind is BlockKind.LIST_ITEM and line.x0 < self._text_x - 4

    def _close(self, previous: TextLine, line: TextLine) -> bool:
        """True when `line` follows `previous` at its font's line pitch (no paragraph gap between)."""
        return 0 < previous.baseline - line.baseline < self._pitch.of(line.size) * _PARAGRAPH_GAP

    def _nest(self, bullet_x: float) -> None:
        while self._bullet_stack and bullet_x < self._bullet_stack[-1] - 3:
            self._bullet_stack.pop()
        if not self._bullet_stack or bullet_x > self._bullet_stack[-1] + 3:
            self._bullet_stack.append(bullet_x)

    def _start(self, kind: BlockKind, line: TextLine, page: int) -> None:
        self.flush()
        if kind is not BlockKind.LIST_ITEM:
            self._bullet_stack = []  # a list ends where any other block starts
        self._kind, self._lines, self._first_page = kind, [line], page

    def flush(self) -> None:
        if not self._lines:
            return
        lines, self._lines = self._lines, []
        text = join_lines([line.text for line in lines])
        if not text:
            return
        block = Block(
            self._kind,
            text=text,
            page=self._first_page,
            deleted=[fragment for line in lines for fragment in line.deleted],
            changed=any(line.changed for line in lines),
        )
        if self._kind is BlockKind.HEADING:
            parsed = parse_heading(text.lstrip(HEADING_GLYPH).strip())
            if parsed is not None:
                block.number, block.title, block.level = parsed.number, parsed.title, parsed.level
                block.text = f"{parsed.number} {parsed.title}".strip()
        elif self._kind is BlockKind.LIST_ITEM:
            block.level = len(self._bullet_stack)
        self.blocks.append(block)


def _is_heading(line: TextLine) -> bool:
    """A '■' heading, or a bold line that reads as a numbered heading or a chapter."""
    text = line.text
    if text.startswith(HEADING_GLYPH):
        return True
    return line.bold and parse_heading(text) is not None


def _wraps_heading(previous: TextLine, line: TextLine) -> bool:
    """A bold line of the same size right under a heading line, at the heading's own line spacing,
    continues it, unless it opens a heading of its own."""
    return (
        line.bold
        and abs(line.size - previous.size) < 1
        and 0 < previous.baseline - line.baseline < 1.6 * line.size
        and not line.text.startswith(HEADING_GLYPH)
    )


def _ended_early(previous: TextLine, line: TextLine, right: float) -> bool:
    """True when the first word of `line` would have fitted at the end of `previous` (whose column
    ends at `right`): the line before was ended on purpose, not wrapped. Word widths are estimated
    from the average character width of the longer line."""
    if previous.hyphenated:
        return False
    longer = previous if len(previous.text) >= len(line.text) else line
    char_width = (longer.x1 - longer.x0) / max(len(longer.text), 1)
    word = line.text.split(" ", 1)[0]
    return right - previous.x1 > _FIT_MARGIN * (len(word) + 1) * char_width  # + 1: the space before it


def _ends_sentence(line: TextLine) -> bool:
    return line.text.endswith(_SENTENCE_END)  # line texts are stripped


def _font_changes(previous: TextLine, line: TextLine) -> bool:
    """Bold against regular or a point or more in size: a title, heading or lead-in set apart."""
    return previous.bold != line.bold or abs(previous.size - line.size) >= _SIZE_STEP


def _with_text(line: TextLine, text: str) -> TextLine:
    line.text = text
    return line
