"""The diff report for people: HTML (one self-contained page, escaped, with its inline and
side-by-side views and filters, in Chromium too) and DOCX (a heading outline, a redline of struck
and underlined runs), of the fixture pair (fixtures/make_diff_pair.py) and of a catalogue pair
whose krav carry markup."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import docx
import lxml.html
import pytest
from typer.testing import CliRunner

from kravcheck.catalogue import Catalogue, dump_yaml, to_yaml_map
from kravcheck.cli import app
from kravcheck.krav import Krav, Modality, Party
from kravcheck.reports.diff_common import KIND_LABELS, NOT_MATERIAL, by_topic, heading, ids
from kravcheck.reports.diff_docx import render_diff_docx
from kravcheck.reports.diff_html import render_diff_html

from .conftest import REPO, SEED_2026
from .reporting import IMAGE, SCRIPT, assert_fetches_nothing
from .test_diff import PAIR_2025, _changes_for, edits, pair_report, side_2025
from .test_report_browser import CHROMIUM, browser, open_file

__all__ = ["browser", "edits", "pair_report", "side_2025"]  # fixtures of test_diff and test_report_browser

runner = CliRunner()


@pytest.fixture(scope="module")
def pair_html(pair_report) -> str:
    return render_diff_html(pair_report)


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    """`kravcheck diff -f html` of two catalogues whose krav and heading carry markup."""
    folder = tmp_path_factory.mktemp("fientlig")

    def catalogue(year: int, text: str) -> Path:
        krav = Krav(f"NB{year % 100}-1-01", "1", f"Väntrum {SCRIPT}", text, Modality.SKA, Party.PROVIDER, topics=["tillganglighet"])
        path = folder / f"{year}.yaml"
        path.write_text(dump_yaml(to_yaml_map(Catalogue("norrbotten", year, [krav]))), encoding="utf-8")
        return path

    old = catalogue(2025, f"Leverantören ska visa {SCRIPT} i väntrummet.")
    new = catalogue(2026, f"Leverantören ska visa {IMAGE} i väntrummet inom tre dagar.")
    out = folder / "diff.html"
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _articles(html: str) -> list:
    return lxml.html.fromstring(html).xpath("//article[contains(@class, 'change')]")


# --- HTML ------------------------------------------------------------------------------------


def test_diff_html_has_every_edit_of_the_fixture_pair_with_its_kinds(pair_report, pair_html, edits):
    articles = {a.xpath("string(h4/span[@class='id'])"): a for a in _articles(pair_html)}
    assert sorted(articles) == sorted(ids(c) for c in pair_report["changes"])
    for edit in edits:
        for change in _changes_for(pair_report, edit):
            article = articles[ids(change)]
            assert article.get("data-kinds").split() == edit["kinds"], edit["note"]
            badges = [b.text_content() for b in article.xpath("h4/span[starts-with(@class, 'badge')]")]
            assert badges == [KIND_LABELS[kind] for kind in edit["kinds"]]
            assert edit["match"] in article.text_content()
            assert article.get("data-material") == ("true" if change["material"] else "false")


def test_diff_html_groups_by_topic_in_the_new_documents_order(pair_report, pair_html):
    tree = lxml.html.fromstring(pair_html)
    topics = [h.text_content() for h in tree.xpath("//section[@class='topic']/h3")]
    assert topics == [f"{name} ({len(changes)})" for name, changes in by_topic(pair_report)]
    assert topics[-1].startswith(NOT_MATERIAL)
    counts = {li.xpath("string(span[starts-with(@class, 'badge')])"): int(li.xpath("string(span[@class='number'])"))
              for li in tree.xpath("//ul[@class='kind-counts']/li")}
    assert counts == {KIND_LABELS[k]: n for k, n in pair_report["summary"].items() if k in KIND_LABELS and n}
    header = tree.xpath("//header")[0].text_content()
    assert "Norrbotten 2025" in header and "Norrbotten 2026" in header and pair_report["created"] in header
    assert pair_report["new"]["source_sha256"] in header and f"version {pair_report['kravcheck_version']}" in header


def test_diff_html_redline_inline_and_side_by_side(pair_html):
    figure = next(a for a in _articles(pair_html) if a.get("data-kinds") == "figure")
    inline = figure.xpath("p[contains(@class, 'inline')]")[0]
    assert [(e.tag, e.text) for e in inline.xpath("del|ins")] == [("del", "fem"), ("ins", "tre")]
    assert inline.text_content() == "Om medicinsk bedömning behövs ska denna erbjudas inom fem tre dagar."
    old, new = figure.xpath("div[@class='sides']/div/p")
    assert old.text_content() == "Om medicinsk bedömning behövs ska denna erbjudas inom fem dagar." and not old.xpath("ins")
    assert new.text_content() == "Om medicinsk bedömning behövs ska denna erbjudas inom tre dagar." and not new.xpath("del")


def test_diff_html_is_one_file_that_fetches_nothing(pair_html):
    assert_fetches_nothing(pair_html)


def test_markup_in_a_krav_is_text_in_the_diff(hostile_html):
    assert SCRIPT not in hostile_html and "<img" not in hostile_html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hostile_html
    tree = lxml.html.fromstring(hostile_html)
    assert len(tree.xpath("//script")) == 1 and tree.xpath("//img") == []
    change = _articles(hostile_html)[0]
    assert change.xpath("string(.//del)") == SCRIPT  # the struck word, whole and inert
    assert IMAGE in change.xpath("string(p[contains(@class, 'inline')])")
    assert SCRIPT in change.xpath("string(h4)")  # the heading's title too


def test_cross_region_html_has_every_topic(tmp_path):
    old, new = REPO / "requirements_catalog" / "norrtalje" / "2024.yaml", REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
    out = tmp_path / "regioner.html"
    result = runner.invoke(app, ["diff", "--cross-region", "--by", "topic", str(old), str(new), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    json_result = runner.invoke(app, ["diff", "--cross-region", "--by", "topic", str(old), str(new), "-f", "json"])
    topics = json.loads(json_result.output)["topics"]
    tree = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert [h.text_content() for h in tree.xpath("//section[@class='topic']/h3")] == [t["label"] for t in topics]
    listing = next(t for t in topics if t["topic"] == "listning")
    section = tree.xpath("//section[h3='Listning och val av hälsocentral']")[0].text_content()
    assert all(k["text"] in section for k in listing["only_old"] + listing["only_new"])


# --- DOCX ------------------------------------------------------------------------------------


def test_diff_docx_has_an_outline_and_one_entry_per_material_change(pair_report):
    document = docx.Document(BytesIO(render_diff_docx(pair_report)))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]
    groups = by_topic(pair_report)
    material = [(topic, changes) for topic, changes in groups if topic != NOT_MATERIAL]
    rest = dict(groups)[NOT_MATERIAL]
    expected = [("Title", "Ändringar norrbotten 2025 → norrbotten 2026"), ("Heading 1", "Sammanfattning"), ("Heading 1", "Väsentliga ändringar")]
    for topic, changes in material:
        expected += [("Heading 2", f"{topic} ({len(changes)})"), *(("Heading 3", heading(c)) for c in changes)]
    expected.append(("Heading 1", f"{NOT_MATERIAL} ({len(rest)})"))
    assert styled == expected
    assert sum(style == "Heading 3" for style, _ in styled) == pair_report["summary"]["material"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert all(heading(c) in bullets for c in rest)
    text = "\n".join(p.text for p in document.paragraphs)
    assert pair_report["new"]["source_sha256"] in text and pair_report["created"] in text


def test_diff_docx_redline_strikes_and_underlines(pair_report):
    document = docx.Document(BytesIO(render_diff_docx(pair_report)))
    figure = next(p for p in document.paragraphs if p.text.startswith("Om medicinsk bedömning behövs"))
    assert [r.text for r in figure.runs if r.font.strike] == ["fem"]
    assert [r.text for r in figure.runs if r.font.underline] == ["tre"]
    assert figure.text == "Om medicinsk bedömning behövs ska denna erbjudas inom fem tre dagar."


def test_diff_docx_needs_an_output_file_and_is_written_with_one(tmp_path):
    result = runner.invoke(app, ["diff", str(PAIR_2025), str(SEED_2026), "-f", "docx"])
    assert result.exit_code == 2 and result.output.startswith("kravcheck: fel: --format docx") and "-o" in result.output
    assert len(result.output.strip().splitlines()) == 1
    out = tmp_path / "andringar.docx"
    written = runner.invoke(app, ["diff", str(PAIR_2025), str(SEED_2026), "-f", "docx", "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert docx.Document(out).paragraphs[0].text == "Ändringar norrbotten 2025 → norrbotten 2026"


# --- in a browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def diff_page(browser, pair_html, tmp_path_factory):
    path = tmp_path_factory.mktemp("diff") / "andringar.html"
    path.write_text(pair_html, encoding="utf-8")
    page = open_file(browser, path)
    yield page
    page.close()


def _visible(page) -> list[str]:
    return page.eval_on_selector_all("article.change:not([hidden])", "changes => changes.map(c => c.dataset.kinds)")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium: apt-get install chromium (.ci/run does)")
def test_diff_page_switches_view_and_filters(diff_page, pair_report, tmp_path):
    page = diff_page
    figure = page.locator("article.change[data-kinds=figure]")
    assert figure.locator("p.inline").is_visible() and not figure.locator(".sides").is_visible()
    page.check("input[name=view][value=sides]")
    assert figure.locator(".sides").is_visible() and not figure.locator("p.inline").is_visible()
    assert figure.locator(".sides .old").inner_text().endswith("inom fem dagar.")
    page.screenshot(path=str(tmp_path / "sida-vid-sida.png"))

    total = len(pair_report["changes"])
    assert len(_visible(page)) == total
    page.check("input[name=material]")  # bara väsentliga
    assert len(_visible(page)) == pair_report["summary"]["material"]
    assert page.inner_text(".shown") == f"Visar {pair_report['summary']['material']} av {total} ändringar."
    assert not page.locator("section.topic", has_text=NOT_MATERIAL).is_visible()  # an emptied topic goes too

    page.click("button.show-all")
    page.uncheck("input[name=kind][value=renumbered]")
    assert len(_visible(page)) == total - pair_report["summary"]["renumbered"]
    assert page.locator("article.change[data-kinds=figure] p.inline").is_visible()  # the reset view
    assert page.errors == [] and all(url.startswith("file://") for url in page.requests)
