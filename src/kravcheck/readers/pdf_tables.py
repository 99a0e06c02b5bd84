"""Ruled tables, through pdfplumber's table finder, on the few pages that have a grid.

pdfplumber is far slower than PDFium (it parses every character in Python), so it is opened only
for pages where PDFium saw ruling lines that can make up a table.
"""

from __future__ import annotations

from pathlib import Path

from ..textnorm import clean
from .pdf_layout import TableRegion
from .pdf_page import PageContent


def may_hold_table(page: PageContent) -> bool:
    """Two or more horizontal and vertical rules, or a path that draws a grid or frame."""
    horizontal = sum(1 for r in page.rules if r.horizontal)
    vertical = sum(1 for r in page.rules if r.vertical)
    return bool(page.boxes) or (horizontal >= 2 and vertical >= 2)


class TableFinder:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf = None

    def tables(self, page_number: int) -> list[TableRegion]:
        if self._pdf is None:
            import pdfplumber  # imported lazily: most documents never need it

            self._pdf = pdfplumber.open(self._path)
        page = self._pdf.pages[page_number - 1]
        height = page.height
        regions = []
        for table in page.find_tables():
            rows = [[clean(cell or "") for cell in row] for row in table.extract()]
            rows = [row for row in rows if any(row)]
            if len(rows) < 2 or max(len(row) for row in rows) < 2:
                continue  # a framed paragraph, not a table
            x0, top, x1, bottom = table.bbox  # pdfplumber measures y from the top of the page
            regions.append(TableRegion(rows, x0, x1, height - bottom, height - top))
        page.close()
        return regions

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
