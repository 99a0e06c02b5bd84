"""One PDF page as text lines and ruling lines, read through PDFium's C API.

Speed matters here (see bench/parse_speed.py): the page text is fetched in one call and cut into
lines at PDFium's own line breaks, so no Python loop ever runs over characters. Character boxes
are asked for only on the rare lines that a strike-through line crosses.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

# PDFium ends a line with a generated "\r\n"; a line that ended in a hyphen it joins to the next
# line and marks the join with U+FFFE (U+0002 in some builds).
_LINE_BREAK = "\r\n"
_HYPHEN_JOINS = ("\ufffe", "\x02")
_THIN = 2.5  # points, stroke included: thicker than this is not a ruling line
_BOLD_WEIGHT = 600


@dataclass(slots=True)
class TextLine:
    text: str
    x0: float
    x1: float
    bottom: float  # PDF user space, y grows upwards
    top: float
    hyphenated: bool = False  # the line ended in a hyphen that PDFium removed
    bold: bool = False
    size: float = 0.0
    deleted: list[str] = field(default_factory=list)
    changed: bool = False
    char_start: int = 0
    char_end: int = 0

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True, frozen=True)
class Rule:
    """A drawn line or thin rectangle: a strike-through, a change bar or part of a table grid."""

    x0: float
    x1: float
    bottom: float
    top: float

    @property
    def horizontal(self) -> bool:
        return self.top - self.bottom <= _THIN and self.x1 - self.x0 > 2 * _THIN

    @property
    def vertical(self) -> bool:
        return self.x1 - self.x0 <= _THIN and self.top - self.bottom > 2 * _THIN


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]
    rules: list[Rule]
    boxes: list[Rule]  # path objects that are neither thin lines nor tiny: table grids, frames


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
            rules, boxes = _rules(page, scratch)
            _apply_strikes(textpage, lines, rules, scratch)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageContent(index + 1, width, height, lines, rules, boxes)


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
                    lines.append(line)
            start += length + (1 if hyphenated else 0)
    return lines


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
    x0 = bottom = float("inf")
    x1 = top = float("-inf")
    for i in range(count):
        raw.FPDFText_GetRect(handle, i, s.a, s.b, s.c, s.d)  # left, top, right, bottom
        x0, top, x1, bottom = min(x0, s.a.value), max(top, s.b.value), max(x1, s.c.value), min(bottom, s.d.value)
    first = start + len(piece) - len(piece.lstrip())
    return TextLine(
        text=piece.strip() + ("-" if hyphenated else ""),
        x0=x0,
        x1=x1,
        bottom=bottom,
        top=top,
        hyphenated=hyphenated,
        size=raw.FPDFText_GetFontSize(handle, first),
        bold=raw.FPDFText_GetFontWeight(handle, first) >= _BOLD_WEIGHT,
        char_start=start,
        char_end=start + length,
    )


def _rules(page: pdfium.PdfPage, s: ScratchValues) -> tuple[list[Rule], list[Rule]]:
    rules: list[Rule] = []
    boxes: list[Rule] = []
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
        elif rule.x1 - rule.x0 > 20 and rule.top - rule.bottom > 10:
            boxes.append(rule)
    return rules, boxes


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
