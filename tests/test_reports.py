"""The reports for people, rendered from real checks: HTML (self-contained, escaped, every krav
with its evidence), the XLSX compliance matrix and the DOCX letter, opened with their own
libraries; and `check --format html|xlsx|docx` on the command line."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import lxml.html
import openpyxl

from kravcheck.reports.common import NOT_MET, ORDER, STATUS_LABELS, by_status, highlight, walk
from kravcheck.reports.docx import render_docx
from kravcheck.reports.html import render_html
from kravcheck.reports.xlsx import MATRIX_COLUMNS, render_xlsx

from .reporting import (
    CATALOGUE, FORMULA, IMAGE, SCRIPT, assert_fetches_nothing, bergnaset_report, hostile_report, hostile_submission, quotes,
)
from .test_cli_parse import kravcheck

__all__ = ["bergnaset_report", "hostile_report", "hostile_submission"]  # session fixtures


def _rows(tree) -> list:
    return tree.xpath("//table[@id='kravtabell']/tbody/tr")


def _elements(report: dict) -> list[dict]:
    return [item for top in report["krav"] for item, _ in walk(top)]


# --- HTML ------------------------------------------------------------------------------------


def test_html_is_one_file_that_fetches_nothing(bergnaset_report):
    html = render_html(bergnaset_report)
    assert len(html.encode("utf-8")) < 1_000_000
    assert_fetches_nothing(html)


def test_html_header_and_summary_say_what_was_checked_and_how_it_went(bergnaset_report):
    report = bergnaset_report
    tree = lxml.html.fromstring(render_html(report))
    header = tree.xpath("//header")[0].text_content()
    for doc in report["documents"]:
        assert doc["file"].rsplit("/", 1)[-1] in header and doc["sha256"] in header
    assert "9 sidor" in header  # the PDF's pages
    assert "Hälsocentralen Bergnäset" in header and "Norrbotten 2026" in header
    assert f"extraherad {report['catalog']['extracted']}" in header and report["created"] in header
    assert f"version {report['kravcheck_version']}" in header
    summary = report["summary"]
    applicable = sum(summary.values()) - summary["not_applicable"]
    headline = tree.xpath("//p[@class='headline']")[0].text_content()
    assert f"{summary['met']} av {applicable} krav uppfyllda." in headline
    counts = {b.get("data-status"): int(b.xpath(".//span[@class='number']")[0].text) for b in tree.xpath("//button[@data-status]")}
    assert counts == summary
    # The chart says its numbers in words too: each part's title, and the chart's label.
    chart = tree.xpath("//section[@class='summary']/svg")[0]
    assert [rect.text_content() for rect in chart.xpath("rect")] == [f"{STATUS_LABELS[s]}: {summary[s]}" for s in ORDER if summary[s]]
    topics = tree.xpath("//table[@class='topics']/tbody/tr/th")
    assert topics[-1].text_content() == "Inget ämne" and len(topics) > 20


def test_html_table_has_every_krav_with_its_status_in_words(bergnaset_report):
    report = bergnaset_report
    rows = _rows(lxml.html.fromstring(render_html(report)))
    expected = [item for _, group in by_status(report) for item in group]
    assert [row.xpath("td[@class='id']")[0].text for row in rows] == [item["id"] for item in expected]
    for row, item in zip(rows, expected, strict=True):
        badge = row.xpath("td[1]/span")[0]
        assert row.get("data-status") == item["status"] and badge.get("class") == f"badge s-{item['status']}"
        assert STATUS_LABELS[item["status"]] in badge.text_content()
        assert row.get("data-topics").split() == item["topics"]


def test_html_detail_shows_quotes_highlighted_and_what_was_looked_for(bergnaset_report):
    report = bergnaset_report
    rows = {row.xpath("td[@class='id']")[0].text: row for row in _rows(lxml.html.fromstring(render_html(report)))}
    met = [k for k in report["krav"] if k["status"] == "met" and k["evidence"] and "elements" not in k]
    assert met
    for item in met:
        quote = rows[item["id"]].xpath(".//blockquote")[0]
        assert quote.text_content() == item["evidence"][0]["quote"]
        assert quote.xpath("mark"), f"{item['id']}: no word of the quote is marked"
        assert item["evidence"][0]["file"] in rows[item["id"]].xpath(".//figcaption")[0].text_content()
    missing = [k for k in report["krav"] if k["status"] == "missing" and "elements" not in k and k["verifikat"]]
    assert missing
    for item in missing:
        detail = rows[item["id"]].xpath(".//div[@class='detail']")[0].text_content()
        assert "Sökte efter: " + ", ".join(item["looked_for"]) in detail
        assert item["verifikat"] in detail and item["reason"] in detail


def test_highlighting_marks_what_the_check_matched_and_keeps_every_quote_whole(bergnaset_report, hostile_report):
    for report in (bergnaset_report, hostile_report):
        for item in _elements(report):
            for evidence in item["evidence"]:
                segments = highlight(evidence["quote"], evidence["marks"])
                assert "".join(text for text, _ in segments) == evidence["quote"]
    quote = "Vi erbjuder chatt och videobesök inom tre dagar via 1177."
    words = ("erbjuder", "chatt", "videobesök", "inom", "tre", "dagar", "1177")
    marks = [[quote.index(word), quote.index(word) + len(word)] for word in words]
    assert [text for text, hit in highlight(quote, marks) if hit] == ["erbjuder chatt", "videobesök inom tre dagar", "1177"]


def test_the_check_marks_the_words_and_the_figure_it_matched(bergnaset_report):
    marked = {
        (item["id"], evidence["quote"]): [evidence["quote"][start:end] for start, end in evidence["marks"]]
        for item in _elements(bergnaset_report)
        for evidence in item["evidence"]
    }
    assert all(marks for marks in marked.values()), "every quote has a word that matched"
    figures = [
        (evidence["quote"], item["id"])
        for item in _elements(bergnaset_report)
        for evidence in item["evidence"]
        if evidence["stance"] in ("meets_figure", "worse")
    ]
    assert figures
    for quote, krav_id in figures:
        assert any(any(ch.isdigit() for ch in mark) or " " in mark for mark in marked[krav_id, quote]), quote


def test_markup_in_a_document_is_text_in_the_report(hostile_report):
    assert any(SCRIPT in quote for quote in quotes(hostile_report)) and any(IMAGE in quote for quote in quotes(hostile_report))
    html = render_html(hostile_report)
    assert SCRIPT not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    tree = lxml.html.fromstring(html)
    assert len(tree.xpath("//script")) == 1 and tree.xpath("//img") == []
    assert any(SCRIPT in q.text_content() for q in tree.xpath("//blockquote"))


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx_matrix_has_a_row_per_krav_and_element(bergnaset_report):
    report = bergnaset_report
    book = openpyxl.load_workbook(BytesIO(render_xlsx(report)))
    assert book.sheetnames == ["Kravmatris", "Sammanfattning"]
    sheet = book["Kravmatris"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.title for c in MATRIX_COLUMNS]
    items = _elements(report)
    assert [row[0] for row in rows[1:]] == [item["id"] for item in items]
    column = {c.title: i for i, c in enumerate(MATRIX_COLUMNS)}
    for row, item in zip(rows[1:], items, strict=True):
        assert row[column["Status"]] == STATUS_LABELS[item["status"]] and row[column["Motivering"]] == item["reason"]
        assert row[column["Belägg (citat)"]] == (item["evidence"][0]["quote"] if item["evidence"] else None)
        assert row[column["Kommentar"]] is None
    element = next(item for item in items if item["id"].count(".") > report["krav"][0]["id"].count("."))
    parent = next(k for k in report["krav"] if element in k.get("elements", []))
    assert rows[1 + items.index(element)][column["Avsnitt"]].startswith(parent["section"])
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == f"A1:K{len(items) + 1}"
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert sorted(rule.formula[0] for rule in rules) == sorted(f'"{label}"' for label in STATUS_LABELS.values())
    assert sheet.column_dimensions["C"].width >= 50 and sheet["C2"].alignment.wrap_text


def test_xlsx_summary_sheet_counts_per_status(bergnaset_report):
    book = openpyxl.load_workbook(BytesIO(render_xlsx(bergnaset_report)))
    values = {row[0]: row[1] for row in book["Sammanfattning"].iter_rows(values_only=True) if row[0]}
    assert {STATUS_LABELS[s]: values[STATUS_LABELS[s]] for s in ORDER} == {STATUS_LABELS[s]: n for s, n in bergnaset_report["summary"].items()}
    assert values["Vårdgivare"] == "Hälsocentralen Bergnäset"


def test_xlsx_keeps_a_formula_in_a_quote_as_text(hostile_report):
    assert FORMULA in quotes(hostile_report)
    data = render_xlsx(hostile_report)
    sheet = openpyxl.load_workbook(BytesIO(data))["Kravmatris"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells and all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_letter_has_an_outline_and_a_table_of_the_krav_not_met(bergnaset_report):
    report = bergnaset_report
    document = docx.Document(BytesIO(render_docx(report)))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]
    groups = [(status, krav) for status, krav in by_status(report) if status in NOT_MET]
    assert styled == [
        ("Title", "Begäran om rättelse"),
        ("Heading 1", "Sammanfattning"),
        ("Heading 1", "Krav som inte är uppfyllda"),
        *[("Heading 2", f"{STATUS_LABELS[status]} ({len(krav)})") for status, krav in groups],
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Vårdgivare: Hälsocentralen Bergnäset" in text and report["created"] in text
    assert [len(table.rows) - 1 for table in document.tables] == [len(krav) for _, krav in groups]
    for table, (_, krav) in zip(document.tables, groups, strict=True):
        assert [row.cells[0].paragraphs[0].text for row in table.rows[1:]] == [item["id"] for item in krav]
        first = krav[0]
        assert first["text"] in table.rows[1].cells[1].text and first["reason"] in table.rows[1].cells[2].text


# --- the command line ------------------------------------------------------------------------


def test_binary_formats_need_an_output_file(hostile_submission):
    result = kravcheck("check", "-c", str(CATALOGUE), str(hostile_submission), "--format", "docx")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("kravcheck: fel: ") and "-o" in result.stderr and result.stderr.count("\n") == 1


def test_check_writes_the_matrix_and_prints_html(hostile_submission, tmp_path):
    out = tmp_path / "matris.xlsx"
    written = kravcheck("check", "-c", str(CATALOGUE), str(hostile_submission), "-f", "xlsx", "-o", str(out), "--provider", "Testbyn")
    assert written.returncode == 0, written.stderr
    values = {row[0]: row[1] for row in openpyxl.load_workbook(out)["Sammanfattning"].iter_rows(values_only=True) if row[0]}
    assert values["Vårdgivare"] == "Testbyn"
    printed = kravcheck("check", "-c", str(CATALOGUE), str(hostile_submission), "-f", "html")
    assert printed.returncode == 0 and printed.stdout.startswith("<!DOCTYPE html>") and SCRIPT not in printed.stdout
