"""The check report as a Word document for a formal letter to the provider ("begäran om rättelse"):
who and what was checked, a summary, and a table per status of the krav that are not met, with
what each krav expects and what the documents showed.

Headings use Word's own heading styles, so the document has a navigable outline; the text is
marked Swedish, so Word checks its spelling as Swedish.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from .common import (
    MODALITY_LABELS,
    NOT_MET,
    STATUS_COLOURS,
    STATUS_LABELS,
    by_status,
    catalogue_version,
    file_name,
    location,
    summary_line,
    title,
)

_COLUMNS = (("Krav", Cm(3.0)), ("Vad kravet förväntar", Cm(7.0)), ("Vad dokumenten visar", Cm(7.0)))


def render_docx(report: dict) -> bytes:
    doc = Document()
    setup(doc, f"Begäran om rättelse: {title(report)}", report.get("provider") or "")
    catalog = report["catalog"]
    doc.add_paragraph("Begäran om rättelse", style="Title")
    facts = [("Vårdgivare", report["provider"])] if report.get("provider") else []
    facts += [
        ("Kravkatalog", f"{title(report)}, {catalogue_version(report)}"),
        ("Datum", report["created"]),
        ("Granskade dokument", ", ".join(file_name(d["file"]) for d in report["documents"])),
    ]
    for label, value in facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    summary = report["summary"]
    applicable = sum(summary.values()) - summary.get("not_applicable", 0)
    not_met = sum(summary.get(status, 0) for status in NOT_MET)
    doc.add_heading("Sammanfattning", level=1)
    doc.add_paragraph(
        f"Av {applicable} krav som gäller vårdgivaren visar dokumenten att {summary.get('met', 0)} är uppfyllda; "
        f"{not_met} är inte uppfyllda. Granskningen gjordes med kravcheck {report.get('kravcheck_version', '')} "
        f"mot kravkatalogen för {catalog['region']} {catalog['year']}."
    )
    doc.add_paragraph(f"Resultat: {summary_line(report)}.")

    groups = [(status, krav) for status, krav in by_status(report) if status in NOT_MET]
    doc.add_heading("Krav som inte är uppfyllda", level=1)
    if not groups:
        doc.add_paragraph("Dokumenten visar alla krav som gäller vårdgivaren.")
    else:
        doc.add_paragraph(
            "Vi ber er att rätta eller komplettera underlaget för kraven nedan. För varje krav anges vad "
            "kravet förväntar och vad som hittades i de inlämnade dokumenten."
        )
    for status, krav in groups:
        heading = doc.add_heading(f"{STATUS_LABELS[status]} ({len(krav)})", level=2)
        for run in heading.runs:
            run.font.color.rgb = RGBColor.from_string(STATUS_COLOURS[status][0])
        _krav_table(doc, krav)

    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def expected(item: dict) -> list[str]:
    """What the krav asks for: its text, the elements not shown, and how a provider shows it."""
    lines = [f"{item['text']} ({MODALITY_LABELS.get(item['modality'], item['modality'])})"]
    lines += [f"– {e['text']} ({STATUS_LABELS[e['status']].lower()})" for e in item.get("elements", []) if e["status"] in NOT_MET]
    if item.get("verifikat"):
        lines.append(f"Verifikat: {item['verifikat']}")
    return lines


def found(item: dict) -> list[str]:
    """What the documents showed: the reason and the deciding quote with where it is from."""
    return [item["reason"], *(f"”{e['quote']}” ({location(e)})" for e in item["evidence"][:1])]


def _krav_table(doc, krav: list[dict]) -> Table:
    table = doc.add_table(rows=1, cols=len(_COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, (heading, _width) in zip(table.rows[0].cells, _COLUMNS, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    _repeat_as_header(table.rows[0])
    for item in krav:
        section = " ".join(part for part in (item.get("section"), item.get("section_title")) if part)
        _fill(table.add_row().cells, [[item["id"], section], expected(item), found(item)])
    for column, (_heading, width) in zip(table.columns, _COLUMNS, strict=True):
        for cell in column.cells:
            cell.width = width
    return table


def _fill(cells, columns: list[list[str]]) -> None:
    for cell, lines in zip(cells, columns, strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _repeat_as_header(row) -> None:
    """The table's first row repeats on every page it runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def setup(doc, document_title: str, subject: str = "") -> None:
    """A4 portrait, 10 pt text marked Swedish, and the file's title: every Word report starts so."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not the template's Letter
    section.left_margin = section.right_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "sv-SE")
    normal.element.get_or_add_rPr().append(language)
    properties = doc.core_properties
    properties.title = document_title
    properties.subject = subject
    properties.author = "kravcheck"
    properties.language = "sv-SE"
