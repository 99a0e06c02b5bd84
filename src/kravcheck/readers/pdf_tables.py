"""Ruled tables. A regular grid is read straight from PDFium's ruling lines; anything else goes to
pdfplumber's table finder.

pdfplumber parses every character of a page in Python (about 80 ms a page here), which alone
would eat the reader's speed budget, so it is the fallback for grids with merged or missing
rules, not the first resort.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..textnorm import join_lines
from .pdf_geometry import Rule, TableRegion

_TOUCH = 2.5  # points: rules closer than this belong to the same grid
_SAME = 2.0  # points: edges closer than this are one edge


@dataclass(frozen=True)
class Grid:
    """A cluster of ruling lines that may be a table."""

    rules: tuple[Rule, ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            min(r.x0 for r in self.rules),
            min(r.bottom for r in self.rules),
            max(r.x1 for r in self.rules),
            max(r.top for r in self.rules),
        )

    def edges(self) -> tuple[list[float], list[float]] | None:
        """Column and row edges when every rule spans the whole grid (a regular table), else None."""
        x0, bottom, x1, top = self.bbox
        verticals = [r for r in self.rules if r.vertical]
        horizontals = [r for r in self.rules if r.horizontal]
        if any(r.bottom > bottom + _TOUCH or r.top < top - _TOUCH for r in verticals):
            return None
        if any(r.x0 > x0 + _TOUCH or r.x1 < x1 - _TOUCH for r in horizontals):
            return None
        xs = _distinct((r.x0 + r.x1) / 2 for r in verticals)
        ys = _distinct((r.bottom + r.top) / 2 for r in horizontals)
        return xs, sorted(ys, reverse=True)


def find_grids(rules: list[Rule]) -> list[Grid]:
    """Group touching horizontal and vertical rules; two of each make a grid."""
    clusters: list[list[Rule]] = []
    for rule in (r for r in rules if r.horizontal or r.vertical):
        touching = [c for c in clusters if any(_touch(rule, other) for other in c)]
        merged = [rule, *(r for c in touching for r in c)]
        clusters = [c for c in clusters if c not in touching] + [merged]
    return [
        Grid(tuple(c))
        for c in clusters
        if sum(r.horizontal for r in c) >= 2 and sum(r.vertical for r in c) >= 2
    ]


def read_grid(grid: Grid, text_in: Callable[[float, float, float, float], str]) -> TableRegion | None:
    """Cells of a regular grid, each read with `text_in(left, bottom, right, top)`."""
    edges = grid.edges()
    if edges is None:
        return None
    xs, ys = edges
    rows = [
        [join_lines(text_in(left, bottom, right, top).splitlines()) for left, right in zip(xs, xs[1:])]
        for top, bottom in zip(ys, ys[1:])
    ]
    x0, bottom, x1, top = grid.bbox
    return TableRegion(rows, x0, x1, bottom, top)


class TableFinder:
    """pdfplumber, opened on first need, for the grids `read_grid` cannot read."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf = None

    def tables(self, page_number: int) -> list[TableRegion]:
        if self._pdf is None:
            import pdfplumber  # imported lazily: most documents never need it

            self._pdf = pdfplumber.open(self._path)
        page = self._pdf.pages[page_number - 1]
        regions = []
        for table in page.find_tables():
            rows = [[join_lines((cell or "").splitlines()) for cell in row] for row in table.extract()]
            rows = [row for row in rows if any(row)]
            if len(rows) < 2 or max(len(row) for row in rows) < 2:
                continue  # a framed paragraph, not a table
            x0, top, x1, bottom = table.bbox  # pdfplumber measures y from the top of the page
            regions.append(TableRegion(rows, x0, x1, page.height - bottom, page.height - top))
        page.close()
        return regions

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _touch(a: Rule, b: Rule) -> bool:
    return (
        a.x0 - _TOUCH <= b.x1 and b.x0 - _TOUCH <= a.x1 and a.bottom - _TOUCH <= b.top and b.bottom - _TOUCH <= a.top
    )


def _distinct(values) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SAME:
            out.append(value)
    return out
