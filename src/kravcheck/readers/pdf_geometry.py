"""Data classes passed between the PDF reader's stages: measured lines, rules, tables, columns, pages."""

from __future__ import annotations

from dataclasses import dataclass, field

_THIN = 2.5  # points, stroke included: thicker than this is not a ruling line


@dataclass(slots=True)
class TextLine:
    text: str
    x0: float
    x1: float
    bottom: float  # PDF user space, y grows upwards
    top: float
    baseline: float = 0.0  # y of the first character's origin: steadier than the glyph box for spacing
    hyphenated: bool = False  # the line ended in a hyphen that PDFium removed
    bold: bool = False  # of the font where the words start (see pdf_page._set_font)
    size: float = 0.0  # points; 0 when PDFium could not tell
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
class TableRegion:
    """A table found on a page, placed in reading order like a line."""

    rows: list[list[str]]
    x0: float
    x1: float
    bottom: float
    top: float


@dataclass(frozen=True, slots=True)
class Column:
    """Where one column's lines start and where its full lines end, on one page."""

    left: float
    right: float


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]
    rules: list[Rule]  # rules that are not part of a table grid: strike-throughs, change bars
    tables: list[TableRegion]
    irregular_grid: bool  # a grid `read_grid` could not read: pdfplumber must look at this page
