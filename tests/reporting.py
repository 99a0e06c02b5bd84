"""Check reports of real submissions, made once per test session for the report tests: the
fixture submission Bergnäset (DOCX and PDF) and a small text submission whose quoted sentences
carry markup and a spreadsheet formula, as a hostile provider document might."""

from __future__ import annotations

import pytest

from kravcheck.catalogue import load_catalogue
from kravcheck.check import check_submission
from kravcheck.readers import read_document

from .conftest import REPO

CATALOGUE = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
BERGNASET = [
    REPO / "fixtures" / "submissions" / "bergnaset" / "bergnaset_ansokan.docx",
    REPO / "fixtures" / "submissions" / "bergnaset" / "bergnaset_verksamhetsberattelse_2025.pdf",
]
SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
FORMULA = '=HYPERLINK("http://example.invalid";"Patienter som behöver en medicinsk bedömning får en tid inom tre dagar.")'
HOSTILE = f"""\
Ansökan Hälsocentralen Testbyn

1 Digitala tjänster

Vi erbjuder chatt och videobesök via 1177 alla vardagar {SCRIPT} och patienterna kan förnya recept där.

Patienter kan boka, av- och omboka tider via 1177 {IMAGE} dygnet runt.

2 Tillgänglighet

{FORMULA}
"""


@pytest.fixture(scope="session")
def bergnaset_report() -> dict:
    report = check_submission(load_catalogue(CATALOGUE), [read_document(path) for path in BERGNASET])
    report.provider = "Hälsocentralen Bergnäset"
    return report.to_dict()


@pytest.fixture(scope="session")
def hostile_submission(tmp_path_factory):
    path = tmp_path_factory.mktemp("fientlig") / "ansokan.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def hostile_report(hostile_submission) -> dict:
    return check_submission(load_catalogue(CATALOGUE), [read_document(hostile_submission)]).to_dict()


def quotes(report: dict) -> list[str]:
    """Every evidence quote of the report, of krav and elements."""
    from kravcheck.reports.common import walk

    return [e["quote"] for top in report["krav"] for item, _ in walk(top) for e in item["evidence"]]


def assert_fetches_nothing(html: str):
    """One Swedish page that references nothing outside itself, its policy allowing no source
    and only its own script; returns the parsed page."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    assert tree.get("lang") == "sv"
    assert tree.xpath("//@src") == [] and tree.xpath("//link") == []
    assert all(href.startswith("#") for href in tree.xpath("//a/@href"))
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
    assert len(tree.xpath("//style")) == 1 and len(tree.xpath("//script")) == 1
    return tree
