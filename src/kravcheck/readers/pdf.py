"""Read a PDF into a `Document`: PDFium for text and geometry, pdfplumber for ruled tables."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..document import Document, DocumentKind, sha256_of
from ..errors import InputError
from ..structure import finish
from .pdf_geometry import PageContent, TableRegion, TextLine
from .pdf_layout import (
    BlockBuilder,
    LinePitch,
    column_edges,
    mark_change_bars,
    reading_order,
    remove_running_lines,
)
from .pdf_page import ScratchValues, has_images, inside, read_page
from .pdf_tables import TableFinder

_MIN_TEXT = 20  # characters; less than this in the whole file means there is no text layer


def read_pdf(path: Path) -> Document:
    pdf = _open(path)
    finder = TableFinder(path)
    try:
        scratch = ScratchValues()
        pages = [read_page(pdf, index, scratch) for index in range(len(pdf))]
        _require_text(pdf, pages, path)
        remove_running_lines(pages)
        ordered = [_order(page, finder) for page in pages]
        builder = BlockBuilder(LinePitch(ordered))  # the pitch is learned over all pages first
        for page, items in zip(pages, ordered):
            _lay_out(page, items, builder)
        builder.flush()
        page_count = len(pdf)
    finally:
        finder.close()
        pdf.close()
    return Document(
        source=str(path),
        sha256=sha256_of(path),
        kind=DocumentKind.PDF,
        page_count=page_count,
        blocks=finish(builder.blocks),
    )


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code == raw.FPDF_ERR_PASSWORD:
            raise InputError(f"PDF:en är krypterad och kräver lösenord; spara en olåst kopia: {path}") from exc
        if exc.err_code == raw.FPDF_ERR_SECURITY:
            raise InputError(f"PDF:en använder en krypteringsmetod som inte stöds: {path}") from exc
        raise InputError(f"PDF:en är trasig och går inte att läsa: {path}") from exc


def _require_text(pdf: pdfium.PdfDocument, pages: list[PageContent], path: Path) -> None:
    if sum(len(line.text) for page in pages for line in page.lines) >= _MIN_TEXT:
        return
    if any(has_images(pdf, index) for index in range(len(pdf))):
        raise InputError(
            f"PDF:en saknar textlager (sidorna är bilder); den behöver OCR först, t.ex. med ocrmypdf: {path}"
        )
    raise InputError(f"PDF:en innehåller ingen text: {path}")


def _order(page: PageContent, finder: TableFinder) -> list[tuple[int, TextLine | TableRegion]]:
    """The page's lines and tables (pdfplumber's included) in reading order, change bars marked."""
    if page.irregular_grid:
        extra = finder.tables(page.number)
        page.tables += extra
        page.lines = [line for line in page.lines if not any(inside(line, table) for table in extra)]
    mark_change_bars(page)
    return reading_order(page)


def _lay_out(page: PageContent, ordered: list[tuple[int, TextLine | TableRegion]], builder: BlockBuilder) -> None:
    columns = column_edges(page, ordered)
    for column, item in ordered:
        if isinstance(item, TableRegion):
            builder.add_table(item, page.number)
        else:
            builder.add_line(item, page.number, column, columns[column])
