"""From measured PDF lines to blocks: running lines, reading order, change bars, block grouping.

Reading order comes from geometry only. A line that crosses the page's vertical middle is
full-width; full-width lines cut the page into bands, and inside a band the left column is read
before the right one. Pages with no text on both sides of the middle are one column.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Block, BlockKind
from ..structure import HEADING_GLYPH, parse_heading, strip_bullet
from ..textnorm import join_lines
from .pdf_geometry import PageContent, TableRegion, TextLine

_MARGIN_BAND = 0.08  # share of the page height where running headers and footers live
_PAGE_NUMBER = re.compile(r"(?:sida\s+)?\d{1,4}(?:\s*(?:av|/|\()\s*\d{1,4}\)?)?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = (".", ":", "!", "?", ";")


def remove_running_lines(pages: list[PageContent]) -> None:
    """Drop page numbers and headers/footers that repeat (digits aside) on many pages."""
    def key(line: TextLine) -> str:
        return _DIGITS.sub("#", line.text.lower())

    def in_margin(page: PageContent, line: TextLine) -> bool:
        band = page.height * _MARGIN_BAND
        return line.bottom > page.height - band or line.top < band

    seen = Counter(key(line) for page in pages for line in page.lines if in_margin(page, line))
    repeated = {text for text, count in seen.items() if count >= max(2, len(pages) // 3)}
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (in_margin(page, line) and (key(line) in repeated or _PAGE_NUMBER.fullmatch(line.text)))
        ]


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


class BlockBuilder:
    """Groups lines in reading order into blocks. State carries across columns and pages, so a
    paragraph broken by a column or page end goes on, and list nesting follows bullet indents."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._lines: list[TextLine] = []
        self._kind = BlockKind.PARAGRAPH
        self._first_page = 0
        self._page = 0
        self._column = 0
        self._text_x = 0.0  # where a list item's text (and its continuation lines) starts
        self._bullet_stack: list[float] = []  # bullet x of each open list level, column-relative
        self._pitch = 14.0  # replaced per page by `set_line_pitch`

    def add_table(self, table: TableRegion, page: int) -> None:
        self.flush()
        self._bullet_stack = []
        text = "\n".join(" | ".join(row) for row in table.rows)
        self.blocks.append(Block(BlockKind.TABLE, text=text, page=page, rows=table.rows))

    def add_line(self, line: TextLine, page: int, column: int, column_x: float) -> None:
        """`column_x` is the left edge of the line's column, to compare indents across columns."""
        previous = self._lines[-1] if self._lines else None
        moved = previous is not None and (page, column) != (self._page, self._column)
        self._page, self._column = page, column
        is_item, rest = strip_bullet(line.text)
        if self._kind is BlockKind.HEADING and previous is not None and not moved and _wraps_heading(previous, line):
            self._lines.append(line)  # a heading title that wraps
        elif _is_heading(line) and not is_item:
            self._start(BlockKind.HEADING, line, page)
        elif is_item:
            self._start(BlockKind.LIST_ITEM, line, page)
            self._lines[-1] = _with_text(line, rest)
            self._text_x = line.x0 + 6
            self._nest(line.x0 - column_x)
        elif previous is None:
            self._start(BlockKind.PARAGRAPH, line, page)
        elif self._kind is BlockKind.HEADING:
            self._start(BlockKind.PARAGRAPH, line, page)
        elif moved:
            if previous.text.rstrip().endswith(_SENTENCE_END) or not line.text[:1].islower():
                self._start(BlockKind.PARAGRAPH, line, page)
            else:
                self._lines.append(line)  # the block goes on in the next column or on the next page
                self._text_x = line.x0  # and its continuation lines start where this one does
        elif not self._close(previous, line) or (self._kind is BlockKind.LIST_ITEM and line.x0 < self._text_x - 4):
            self._start(BlockKind.PARAGRAPH, line, page)
        else:
            self._lines.append(line)

    def set_line_pitch(self, lines: list[TextLine]) -> None:
        """Learn the page's normal distance between the tops of consecutive lines of a paragraph."""
        pitches = sorted(
            round(a.baseline - b.baseline, 1)
            for a, b in zip(lines, lines[1:])
            if 0 < a.baseline - b.baseline < 3 * a.height
        )
        if pitches:
            self._pitch = pitches[len(pitches) // 3]  # a low quantile: paragraph gaps make the rest longer

    def _close(self, previous: TextLine, line: TextLine) -> bool:
        """True when `line` follows `previous` at normal line spacing (no paragraph gap between)."""
        return 0 < previous.baseline - line.baseline < self._pitch * 1.2

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


def _with_text(line: TextLine, text: str) -> TextLine:
    line.text = text
    return line
