"""A catalogue's queries, kept between runs.

Analysing a catalogue (spaCy, lemma lookups, compound splitting, the thesaurus) costs a fifth of
a check and gives the same queries every time the same catalogue is checked by the same code. So
the queries, and the word forms their analysis taught the analyzer, are kept in the user's cache
directory under a key made of the catalogue's SHA-256 and the code and data that analyse it: any
change to either makes a new key. A cache that cannot be read or written is skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import resources
from pathlib import Path

from .. import __version__
from ..catalogue import Catalogue
from ..krav import Krav
from ..nlp import cache_dir
from .query import Query, build_queries
from .terms import Analyzer

# The modules and data whose change changes a query.
_SOURCES = ("nlp.py", "check/terms.py", "check/query.py", "check/thesaurus.py", "data/synonyms.yaml")


def cached_queries(catalogue: Catalogue, krav: list[Krav], analyzer: Analyzer) -> dict[str, Query]:
    """`build_queries(krav, analyzer)`, from the cache when this catalogue was analysed before."""
    path = _path(catalogue, krav)
    if path is not None:
        try:
            with path.open("rb") as handle:
                vocabulary, queries = pickle.load(handle)
            analyzer.learn(vocabulary)
            return queries
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            pass
    queries = build_queries(krav, analyzer)
    if path is not None:
        _store(path, (analyzer.vocabulary(), queries))
    return queries


def _path(catalogue: Catalogue, krav: list[Krav]) -> Path | None:
    if catalogue.sha256 is None:
        return None
    digest = hashlib.sha256(f"{__version__}|{catalogue.sha256}|{','.join(k.id for k in krav)}".encode())
    package = resources.files("kravcheck")
    for source in _SOURCES:
        digest.update(package.joinpath(source).read_bytes())
    return cache_dir() / "queries" / f"{digest.hexdigest()[:32]}.pickle"


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent run reads the whole file or none
    except OSError:
        pass
