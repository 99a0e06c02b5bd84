"""The check report as an XLSX compliance matrix: one row per krav and element, for staff to sort,
filter and comment on, and a summary sheet.

Document text is untrusted: every value is written as a string cell, so a quote that begins with
"=" stays text and never becomes a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .common import (
    MODALITY_LABELS,
    ORDER,
    STATUS_COLOURS,
    STATUS_LABELS,
    by_topic,
    catalogue_version,
    file_name,
    title,
    topic_name,
    walk,
)

_HEADER_FILL = PatternFill("solid", fgColor="E4E8EC")
_BOLD = Font(bold=True)
_TOP = Alignment(vertical="top")
_WRAPPED = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Column:
    title: str
    width: int  # in characters
    wrap: bool = False


MATRIX_COLUMNS = (
    Column("ID", 17),
    Column("Avsnitt", 24, wrap=True),
    Column("Kravtext", 60, wrap=True),
    Column("Kravnivå", 9),
    Column("Ämne", 22, wrap=True),
    Column("Status", 14),
    Column("Belägg (citat)", 60, wrap=True),
    Column("Fil", 26, wrap=True),
    Column("Sida", 6),
    Column("Motivering", 50, wrap=True),
    Column("Kommentar", 40, wrap=True),  # left empty for the staff's notes
)
STATUS_COLUMN = [c.title for c in MATRIX_COLUMNS].index("Status") + 1


def render_xlsx(report: dict) -> bytes:
    book = Workbook()
    matrix = book.active
    matrix.title = "Kravmatris"
    _matrix(matrix, report)
    _summary(book.create_sheet("Sammanfattning"), report)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def matrix_rows(report: dict) -> list[list]:
    """The matrix's rows: each krav and then its elements, which share the krav's section and topics."""
    rows = []
    for top in report["krav"]:
        for item, _parent in walk(top):
            evidence = item["evidence"][0] if item["evidence"] else {}
            rows.append([
                item["id"],
                " ".join(part for part in (top.get("section"), top.get("section_title")) if part),
                item["text"],
                MODALITY_LABELS.get(item["modality"], item["modality"]),
                ", ".join(topic_name(t) for t in top.get("topics", [])),
                STATUS_LABELS[item["status"]],
                evidence.get("quote", ""),
                file_name(evidence["file"]) if evidence else "",
                evidence.get("page"),
                item["reason"],
                "",
            ])
    return rows


def _matrix(sheet: Worksheet, report: dict) -> None:
    _row(sheet, [c.title for c in MATRIX_COLUMNS], header=True)
    for row in matrix_rows(report):
        _row(sheet, row)
    for index, column in enumerate(MATRIX_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        if column.wrap:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = _WRAPPED
    last = f"{get_column_letter(len(MATRIX_COLUMNS))}{sheet.max_row}"
    sheet.freeze_panes = "B2"  # the header and the ID stay in view
    sheet.auto_filter.ref = f"A1:{last}"
    status = get_column_letter(STATUS_COLUMN)
    _status_colours(sheet, f"{status}2:{status}{sheet.max_row}")
    _print_wide(sheet)


def _summary(sheet: Worksheet, report: dict) -> None:
    catalog = report["catalog"]
    _row(sheet, [f"Kravkontroll: {title(report)}"], header=True)
    sheet["A1"].font = Font(bold=True, size=14)
    facts = [
        ("Vårdgivare", report.get("provider") or ""),
        ("Kravkatalog", f"{catalog.get('title') or 'Kravkatalog'}, {catalog['region']} {catalog['year']}"),
        ("Katalogversion", catalogue_version(report)),
        ("Datum", report["created"]),
        ("kravcheck", report.get("kravcheck_version", "")),
    ]
    facts += [("Dokument", f"{file_name(d['file'])} (SHA-256 {d['sha256']})") for d in report["documents"]]
    for label, value in facts:
        _row(sheet, [label, value])
        sheet.cell(sheet.max_row, 1).font = _BOLD
    sheet.append([])
    _row(sheet, ["Status", "Antal krav"], header=True)
    first = sheet.max_row + 1
    for status in ORDER:
        _row(sheet, [STATUS_LABELS[status], report["summary"].get(status, 0)])
    _status_colours(sheet, f"A{first}:A{sheet.max_row}")
    sheet.append([])
    _row(sheet, ["Ämne", "Krav", *(STATUS_LABELS[s] for s in ORDER)], header=True)
    for topic, counts in by_topic(report):
        _row(sheet, [topic, sum(counts.values()), *(counts[s] for s in ORDER)])
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 16
    for cell in sheet["B"]:
        cell.alignment = _TOP


def _row(sheet: Worksheet, values: list, header: bool = False) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        _as_text(cell)
        if header:
            cell.font, cell.fill = _BOLD, _HEADER_FILL
        else:
            cell.alignment = _TOP


def _as_text(cell: Cell) -> None:
    """openpyxl reads a string beginning with "=" as a formula; a quote must stay a quote."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"


def _status_colours(sheet: Worksheet, cells: str) -> None:
    """Each status label in its colour, by conditional formatting: staff may sort and re-type cells."""
    for status, (ink, wash) in STATUS_COLOURS.items():
        rule = CellIsRule(
            operator="equal",
            formula=[f'"{STATUS_LABELS[status]}"'],
            font=Font(bold=True, color=ink),
            fill=PatternFill("solid", fgColor=wash, bgColor=wash),
        )
        sheet.conditional_formatting.add(cells, rule)


def _print_wide(sheet: Worksheet) -> None:
    """A printout in landscape, as wide as the page, the header on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
