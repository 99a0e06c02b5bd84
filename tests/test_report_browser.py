"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright. The status
filter shows the right rows, the page works from the keyboard, a document's `<script>` does not
run, nothing is fetched, and a screenshot is saved for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from kravcheck.reports.common import STATUS_LABELS, by_status
from kravcheck.reports.html import render_html

from .reporting import IMAGE, SCRIPT, bergnaset_report, hostile_report, hostile_submission

__all__ = ["bergnaset_report", "hostile_report", "hostile_submission"]  # session fixtures

CHROMIUM = Path("/usr/bin/chromium")
# The machine has no network; Chromium must not try (updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium: apt-get install chromium (.ci/run does)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_report(browser, tmp_path):
    """Opens a report's HTML from a file, as staff would; collects the console's errors and every
    URL the page asked for."""
    pages = []

    def open_(report: dict, name: str):
        path = tmp_path / name
        path.write_text(render_html(report), encoding="utf-8")
        pages.append(open_file(browser, path))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


def open_file(browser, path: Path):
    """A page of `path` that collects the console's errors (`page.errors`) and every URL it asked
    for (`page.requests`)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(path.as_uri())
    return page


def _visible_statuses(page) -> list[str]:
    return page.eval_on_selector_all("#kravtabell tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.status)")


def test_status_filter_shows_only_that_status(open_report, bergnaset_report, tmp_path):
    summary = bergnaset_report["summary"]
    page = open_report(bergnaset_report, "rapport.html")
    page.screenshot(path=str(tmp_path / "rapport.png"))
    assert (tmp_path / "rapport.png").stat().st_size > 10_000
    total = len(bergnaset_report["krav"])
    assert len(_visible_statuses(page)) == total

    page.click("button.only[data-status=contradicted]")  # the count in the summary
    assert _visible_statuses(page) == ["contradicted"] * summary["contradicted"]
    assert page.inner_text(".shown") == f"Visar {summary['contradicted']} av {total} krav."

    page.check("input[name=status][value=missing]")  # and a check box of the filter
    assert sorted(set(_visible_statuses(page))) == ["contradicted", "missing"]
    assert len(_visible_statuses(page)) == summary["contradicted"] + summary["missing"]
    page.screenshot(path=str(tmp_path / "rapport-filtrerad.png"))

    page.select_option("select[name=topic]", "fast_vardkontakt")
    expected = [k["status"] for k in bergnaset_report["krav"] if "fast_vardkontakt" in k["topics"] and k["status"] in ("contradicted", "missing")]
    assert sorted(_visible_statuses(page)) == sorted(expected) and expected

    page.click("button.show-all")
    assert len(_visible_statuses(page)) == total
    page.fill("input[name=q]", bergnaset_report["krav"][-1]["id"])
    assert len(_visible_statuses(page)) == 1
    assert page.errors == [] and all(url.startswith("file://") for url in page.requests)


def test_a_krav_opens_from_the_keyboard(open_report, bergnaset_report):
    page = open_report(bergnaset_report, "rapport.html")
    first = by_status(bergnaset_report)[0][1][0]  # the table lists what needs action first
    row = page.locator("#kravtabell tbody tr").first
    assert not row.locator("details").evaluate("d => d.open")
    page.focus("#kravtabell tbody tr:first-child summary")
    page.keyboard.press("Enter")
    assert row.locator("details").evaluate("d => d.open")
    assert first["reason"] in row.inner_text() and STATUS_LABELS[first["status"]] in row.inner_text()


def test_a_script_in_a_document_does_not_run(open_report, hostile_report, tmp_path):
    page = open_report(hostile_report, "fientlig.html")
    page.fill("input[name=q]", "window.__pwned=1")  # the search finds the quote, literally
    assert _visible_statuses(page)
    row = page.locator("#kravtabell tbody tr:not([hidden])").first
    row.locator("summary").click()
    row.screenshot(path=str(tmp_path / "fientlig.png"))  # the quote, as staff would see it
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shown = page.eval_on_selector_all("blockquote", "quotes => quotes.map(q => q.textContent)")
    assert any(SCRIPT in quote for quote in shown) and any(IMAGE in quote for quote in shown)
    assert page.eval_on_selector_all("img, blockquote script", "nodes => nodes.length") == 0
    # No policy violation either: escaping alone kept the markup inert, and the page's own script ran.
    assert page.errors == [] and page.inner_text(".shown").startswith("Visar ")
