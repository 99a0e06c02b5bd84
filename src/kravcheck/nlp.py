"""Swedish language processing: spaCy's Swedish language class, lemmas and stems.

Everything loads lazily, once: spaCy costs most of a second to import, and the lemma table of
spacy-lookups-data has 660 000 entries, which take two seconds to load as a dict. The table is
therefore copied once into an indexed SQLite file in the user's cache directory, and only the
forms a document uses are looked up. The same file holds every word the table knows (its forms and
its lemmas), the lexicon that splits compounds. The table lacks many compounds ("läkarkontakten",
"hälsocentralerna"), so matching compares Snowball stems of lemmas.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

_TABLE_VERSION = "sv_lemma_lookup-2"


@functools.cache
def pipeline():
    """spaCy's blank Swedish pipeline: tokenizer (with Swedish abbreviations), sentencizer, lemmas."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("kravcheck_lemmas"):
        Language.component("kravcheck_lemmas", func=_set_lemmas)
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kravcheck_lemmas")
    return nlp


def _set_lemmas(doc):
    forms = {token.lower_ for token in doc if token.is_alpha}
    table = lemma_table()
    table.prefetch(forms)
    for token in doc:
        if token.is_alpha:
            token.lemma_ = table.lemma(token.lower_)
    return doc


@functools.cache
def stemmer():
    import Stemmer

    return Stemmer.Stemmer("swedish")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return stemmer().stemWord(word.lower())


class LemmaTable:
    """spacy-lookups-data's Swedish lemma lookup table, read through an SQLite copy."""

    def __init__(self, path: Path | None) -> None:
        self._known: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        self._all: dict[str, str] | None = None
        self._words: frozenset[str] = frozenset()
        if path is not None:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self._all = _load_lookups()  # no writable cache: the slow way
            self._words = frozenset(self._all) | {lemma.lower() for lemma in self._all.values()}

    def prefetch(self, forms: Iterable[str]) -> None:
        missing = [form for form in forms if form not in self._known]
        if self._all is not None:
            self._known.update({form: self._all.get(form, "") for form in missing})
            return
        assert self._db is not None
        for start in range(0, len(missing), 900):  # SQLite's limit on bound parameters
            chunk = missing[start : start + 900]
            self._known.update(dict.fromkeys(chunk, ""))
            placeholders = ",".join("?" * len(chunk))
            self._known.update(self._db.execute(f"SELECT form, lemma FROM lemma WHERE form IN ({placeholders})", chunk))

    def known_words(self, forms: Iterable[str]) -> set[str]:
        """Those of `forms` that are Swedish words: a form or a lemma of the table."""
        forms = list(dict.fromkeys(forms))
        if self._all is not None:
            return {form for form in forms if form in self._words}
        assert self._db is not None
        found: set[str] = set()
        for start in range(0, len(forms), 900):
            chunk = forms[start : start + 900]
            placeholders = ",".join("?" * len(chunk))
            found.update(row[0] for row in self._db.execute(f"SELECT form FROM word WHERE form IN ({placeholders})", chunk))
        return found

    def lemma(self, form: str) -> str:
        """The table's lemma, or the form itself where the table has none (as spaCy's lookup
        lemmatizer does); matching compares stems of lemmas, which covers the compounds."""
        if form not in self._known:
            self.prefetch([form])
        return self._known[form] or form


@functools.cache
def lemma_table() -> LemmaTable:
    return LemmaTable(_cached_table())


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kravcheck"


def _cached_table() -> Path | None:
    path = cache_dir() / f"{_TABLE_VERSION}.sqlite"
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
            table = _load_lookups()
            db.executemany("INSERT OR REPLACE INTO lemma VALUES (?, ?)", table.items())
            db.execute("CREATE TABLE word (form TEXT PRIMARY KEY) WITHOUT ROWID")
            words = set(table) | {lemma.lower() for lemma in table.values()}
            db.executemany("INSERT INTO word VALUES (?)", ((w,) for w in sorted(words)))
        os.replace(tmp, path)  # atomic: a concurrent run sees the whole table or none
    except OSError:
        return None
    return path


def _load_lookups() -> dict[str, str]:
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return {form.lower(): lemma for form, lemma in table.items()}
