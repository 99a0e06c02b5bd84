"""The diff report as a Word document (`diff --format docx`), for staff who circulate a year's
changes: the two catalogues, a summary, then per topic the material changes, each with its
redline (struck words struck through, added words underlined), and a short list of the editorial
changes and moved krav.

Real Word heading styles (Title, Heading 1-3) give the document a navigable outline: a topic is a
Heading 2, each material change a Heading 3.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.shared import RGBColor

from .diff_common import (
    ISSUE_LABELS,
    KIND_COLOURS,
    NOT_MATERIAL,
    by_topic,
    coverage_notes,
    details,
    heading,
    side_name,
    summary_line,
    title,
)
from .docx import setup

_DELETED = RGBColor.from_string(KIND_COLOURS["removed"][0])
_INSERTED = RGBColor.from_string(KIND_COLOURS["added"][0])


def render_diff_docx(report: dict) -> bytes:
    doc = Document()
    setup(doc, title(report), "Ändringar i Beställning Vårdval primärvård")
    doc.add_paragraph(title(report), style="Title")
    facts = [
        ("Äldre", _side(report["old"])),
        ("Nyare", _side(report["new"])),
        ("Datum", report["created"]),
        ("kravcheck", f"version {report['kravcheck_version']}"),
    ]
    for label, value in facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    doc.add_heading("Sammanfattning", level=1)
    doc.add_paragraph(summary_line(report) + ".")
    for note in coverage_notes(report):
        doc.add_paragraph(note)

    material = dict(by_topic(report))
    rest = material.pop(NOT_MATERIAL, [])
    doc.add_heading("Väsentliga ändringar", level=1)
    if not material:
        doc.add_paragraph("Inga väsentliga ändringar.")
    for topic, changes in material.items():
        doc.add_heading(f"{topic} ({len(changes)})", level=2)
        for change in changes:
            doc.add_heading(heading(change), level=3)
            _redline(doc.add_paragraph(), change["redline"])
            for line in details(change):
                doc.add_paragraph(line, style="List Bullet")
            for element in change["elements"]:
                if element["redline"]:
                    item = doc.add_paragraph("Punkt: ", style="List Bullet")
                    _redline(item, element["redline"])

    if rest:
        doc.add_heading(f"{NOT_MATERIAL} ({len(rest)})", level=1)
        for change in rest:
            doc.add_paragraph(heading(change), style="List Bullet")

    if report["marks"]["disagreements"]:
        doc.add_heading("Ändringsmarkeringar som inte stämmer", level=1)
        for d in report["marks"]["disagreements"]:
            doc.add_paragraph(f"{d['id']}: {ISSUE_LABELS[d['issue']]}. ”{d['text']}”", style="List Bullet")

    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _side(side: dict) -> str:
    """"norrbotten 2026, 247 krav, källa bestallning_2026.pdf (SHA-256 …)"."""
    parts = [side_name(side), f"{side['krav']} krav"]
    if side["coverage"] == "partial":
        parts.append("täcker bara en del av årets krav")
    if side.get("path"):
        parts.append(f"katalog {side['path']} (SHA-256 {side['sha256']})")
    if side.get("source_file"):
        sha = f" (SHA-256 {side['source_sha256']})" if side.get("source_sha256") else ""
        parts.append(f"källa {side['source_file']}{sha}")
    return ", ".join(parts)


def _redline(paragraph, segments: list[list[str]]) -> None:
    """The segments as runs: struck words red and struck through, added words green and
    underlined; the marks read without colour too."""
    for i, (op, text) in enumerate(segments):
        if i:
            paragraph.add_run(" ")  # a space of its own: no strike or underline between words
        run = paragraph.add_run(text)
        if op == "delete":
            run.font.strike = True
            run.font.color.rgb = _DELETED
        elif op == "insert":
            run.font.underline = True
            run.font.color.rgb = _INSERTED
