"""The cache of analysed catalogues: a second check reads the queries the first one built, and
a cache that is damaged or stale is rebuilt, never trusted."""

from __future__ import annotations

import pytest

from kravcheck.catalogue import load_catalogue
from kravcheck.check import cache
from kravcheck.check.terms import Analyzer

from .conftest import REPO

CATALOGUE = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"


@pytest.fixture
def catalogue():
    return load_catalogue(CATALOGUE)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    return tmp_path / "queries"


def _active(catalogue):
    return [k for k in catalogue.krav if k.status == "active"]


def test_the_second_check_of_a_catalogue_reads_its_queries_from_the_cache(catalogue, cache_home, monkeypatch):
    built = cache.cached_queries(catalogue, _active(catalogue), Analyzer())
    assert len(list(cache_home.glob("*.pickle"))) == 1
    assert {k.id for top in _active(catalogue) for k in top.walk()} == set(built)

    def must_not_build(*_args):
        raise AssertionError("the cached queries were not used")

    monkeypatch.setattr(cache, "build_queries", must_not_build)
    analyzer = Analyzer()
    cached = cache.cached_queries(catalogue, _active(catalogue), analyzer)
    assert cached == built
    # The analyzer knows the catalogue's words, as after an analysis: they split compounds.
    assert "hälsocentral" in analyzer.vocabulary()


def test_a_damaged_cache_is_rebuilt(catalogue, cache_home):
    built = cache.cached_queries(catalogue, _active(catalogue), Analyzer())
    [path] = cache_home.glob("*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.cached_queries(catalogue, _active(catalogue), Analyzer()) == built
    assert path.read_bytes() != b"not a pickle"


def test_another_catalogue_content_has_another_key(catalogue, cache_home, tmp_path):
    cache.cached_queries(catalogue, _active(catalogue), Analyzer())
    edited = tmp_path / "2026.yaml"
    edited.write_text(CATALOGUE.read_text(encoding="utf-8") + "\n# kurerad\n", encoding="utf-8")
    other = load_catalogue(edited)
    cache.cached_queries(other, _active(other), Analyzer())
    assert len(list(cache_home.glob("*.pickle"))) == 2
