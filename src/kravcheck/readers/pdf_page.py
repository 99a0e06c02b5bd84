"""One PDF page as text lines and ruling lines, read through PDFium's C API.

Speed matters here (see bench/parse_speed.py): the page text is fetched in one call and cut into
lines at PDFium's own line breaks, so no Python loop ever runs over characters. Character boxes
are asked for only on the rare lines that a strike-through line crosses.
"""

from __future__ import annotations

import ctypes
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..structure import BULLET_GLYPHS
from .pdf_geometry import PageContent, Rule, TableRegion, TextLine
from .pdf_tables import find_grids, read_grid

# PDFium ends a line with a generated "\r\n"; a line that ended in a hyphen it joins to the next
# line and marks the join with U+FFFE (U+0002 in some builds).
_LINE_BREAK = "\r\n"
_HYPHEN_JOINS = ("\ufffe", "\x02")
_BOLD_WEIGHT = 600
_BULLET_SPACES = " \t\u00a0"


class ScratchValues:
    """Reusable ctypes out-parameters: allocating them per call costs more than the call."""

    def __init__(self) -> None:
        self.a, self.b, self.c, self.d = (ctypes.c_double() for _ in range(4))
        self.fa, self.fb, self.fc, self.fd = (ctypes.c_float() for _ in range(4))


def read_page(pdf: pdfium.PdfDocument, index: int, scratch: ScratchValues | None = None) -> PageContent:
    scratch = scratch or ScratchValues()
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = _text_lines(textpage, scratch)
            rules = _rules(page, scratch)
            _apply_strikes(textpage, lines, rules, scratch)
            grids = find_grids(rules)
            tables = [read_grid(grid, lambda *box: _text_in(textpage, *box)) for grid in grids]
        finally:
            textpage.close()
    finally:
        page.close()
    in_grid = {id(rule) for grid in grids for rule in grid.rules}
    found = [table for table in tables if table is not None]
    return PageContent(
        number=index + 1,
        width=width,
        height=height,
        lines=[line for line in lines if not any(inside(line, table) for table in found)],
        rules=[rule for rule in rules if id(rule) not in in_grid],
        tables=found,
        irregular_grid=None in tables,
    )


def inside(line: TextLine, table: TableRegion) -> bool:
    middle_y = (line.top + line.bottom) / 2
    return table.x0 - 1 <= line.x0 and line.x1 <= table.x1 + 1 and table.bottom <= middle_y <= table.top


def _text_in(textpage: pdfium.PdfTextPage, left: float, bottom: float, right: float, top: float) -> str:
    """Text inside a box, one line per line, hyphen joins turned back into line-end hyphens."""
    text = textpage.get_text_bounded(left, bottom, right, top).replace(_LINE_BREAK, "\n")
    for mark in _HYPHEN_JOINS:
        text = text.replace(mark, "-\n")
    return text


def has_images(pdf: pdfium.PdfDocument, index: int) -> bool:
    page = pdf[index]
    try:
        return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    finally:
        page.close()


def _text_lines(textpage: pdfium.PdfTextPage, scratch: ScratchValues) -> list[TextLine]:
    handle = textpage.raw
    text = textpage.get_text_range()
    lines: list[TextLine] = []
    position = 0
    for physical in text.split(_LINE_BREAK):
        start = position
        position += len(physical) + len(_LINE_BREAK)
        for piece, hyphenated in _split_hyphen_joins(physical):
            length = len(piece)
            if piece.strip():
                line = _measure(handle, piece, start, length, hyphenated, scratch)
                if line is not None:
                    _set_font(handle, line, lines[-1] if lines else None)
                    lines.append(line)
            start += length + (1 if hyphenated else 0)
    return lines


def _set_font(handle, line: TextLine, before: TextLine | None) -> None:
    """Size and weight of the line's font, which block grouping compares between neighbouring
    lines, read where the words start: a bullet glyph is often set in another font or size than
    its item. Calls are saved where the answer is known (see bench/parse_speed.py): the rest of a
    hyphenated word is set like its first part, and a line that starts in lower case after a
    regular one goes on with its text and stays regular."""
    if before is not None and before.hyphenated:
        line.size, line.bold = before.size, before.bold
        return
    index = line.char_start + _bullet_length(line.text)
    line.size = raw.FPDFText_GetFontSize(handle, index)
    if before is None or before.bold or not line.text[0].islower():
        line.bold = raw.FPDFText_GetFontWeight(handle, index) >= _BOLD_WEIGHT


def _bullet_length(text: str) -> int:
    """Characters before the words of a line that starts with a bullet glyph and a space; else 0."""
    if len(text) < 2 or text[0] not in BULLET_GLYPHS or text[1] not in _BULLET_SPACES:
        return 0
    return len(text) - len(text[1:].lstrip())


def _split_hyphen_joins(physical: str) -> list[tuple[str, bool]]:
    for mark in _HYPHEN_JOINS:
        if mark in physical:
            parts = physical.split(mark)
            return [(part, i < len(parts) - 1) for i, part in enumerate(parts)]
    return [(physical, False)]


def _measure(handle, piece: str, start: int, length: int, hyphenated: bool, s: ScratchValues) -> TextLine | None:
    count = raw.FPDFText_CountRects(handle, start, length)
    if count <= 0:
        return None
    raw.FPDFText_GetRect(handle, 0, s.a, s.b, s.c, s.d)  # left, top, right, bottom
    x0, top, x1, bottom = s.a.value, s.b.value, s.c.value, s.d.value
    for i in range(1, count):  # most lines are one rectangle; a font change makes more
        raw.FPDFText_GetRect(handle, i, s.a, s.b, s.c, s.d)
        x0, top, x1, bottom = min(x0, s.a.value), max(top, s.b.value), max(x1, s.c.value), min(bottom, s.d.value)
    first = start + len(piece) - len(piece.lstrip())
    raw.FPDFText_GetCharOrigin(handle, first, s.a, s.b)  # x, y
    return TextLine(
        text=piece.strip() + ("-" if hyphenated else ""),
        x0=x0,
        x1=x1,
        bottom=bottom,
        top=top,
        baseline=s.b.value,
        hyphenated=hyphenated,
        char_start=first,
        char_end=start + length,
    )


def _rules(page: pdfium.PdfPage, s: ScratchValues) -> list[Rule]:
    """Thin path objects: the raw material of strike-throughs, change bars and table grids."""
    rules: list[Rule] = []
    handle = page.raw
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, s.fa, s.fb, s.fc, s.fd):  # left, bottom, right, top
            continue
        rule = Rule(s.fa.value, s.fc.value, s.fb.value, s.fd.value)
        if rule.horizontal or rule.vertical:
            rules.append(rule)
    return rules


def _apply_strikes(textpage: pdfium.PdfTextPage, lines: list[TextLine], rules: list[Rule], s: ScratchValues) -> None:
    """A horizontal rule through the middle band of a line strikes the characters under it."""
    for rule in rules:
        if not rule.horizontal:
            continue
        y = (rule.top + rule.bottom) / 2
        for line in lines:
            band = line.height * 0.22
            if line.bottom + band < y < line.top - band and rule.x0 < line.x1 and rule.x1 > line.x0:
                _strike(textpage, line, rule, s)


def _strike(textpage: pdfium.PdfTextPage, line: TextLine, rule: Rule, s: ScratchValues) -> None:
    """Move the characters under `rule` from the line's text to its deleted fragments."""
    text = textpage.get_text_range(line.char_start, line.char_end - line.char_start)
    flags = []
    for offset in range(len(text)):
        raw.FPDFText_GetCharBox(textpage.raw, line.char_start + offset, s.a, s.b, s.c, s.d)  # l, r, b, t
        flags.append(s.b.value > s.a.value and rule.x0 <= (s.a.value + s.b.value) / 2 <= rule.x1)
    fragment = "".join(c for c, struck in zip(text, flags) if struck).strip()
    if not fragment:
        return
    line.deleted.append(fragment)
    kept = "".join(" " if struck else c for c, struck in zip(text, flags))
    line.text = " ".join(kept.split()) + ("-" if line.hyphenated else "")
