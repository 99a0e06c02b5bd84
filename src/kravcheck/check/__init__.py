"""Check a provider's submission against a krav catalogue: a verdict per krav, with evidence.

The pipeline, top to bottom: documents -> passages (`passages`) -> for each krav a query
(`query`) -> ranked, scored and read candidates (`assess`, `claims`) -> verdicts (`verdict`) ->
a report (`report`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..catalogue import Catalogue
from ..document import Document
from ..krav import Krav
from .assess import Assessor
from .passages import passages_of
from .cache import cached_queries
from .report import Report
from .terms import Analyzer

Progress = Callable[[Iterable[Krav]], Iterable[Krav]]


class Checker:
    """A catalogue made ready to check submissions against: the language pipeline loaded and the
    queries of its active krav built, or read from the cache."""

    def __init__(self, catalogue: Catalogue) -> None:
        import bm25s  # noqa: F401  imported now: a caller reading documents meanwhile gains its start-up

        self.catalogue = catalogue
        self.analyzer = Analyzer()
        self.active = [k for k in catalogue.krav if k.status == "active"]
        self.queries = cached_queries(catalogue, self.active, self.analyzer)  # first: the catalogue's words teach the compound splitter

    def check(self, documents: list[Document], progress: Progress | None = None) -> Report:
        """Verdicts for every active krav, in catalogue order, from the `documents` of one
        submission. `progress` wraps the krav loop (a progress bar)."""
        assessor = Assessor(passages_of(documents, self.analyzer), self.active, self.queries, self.catalogue.year)
        krav = progress(self.active) if progress else self.active
        verdicts = [assessor.verdict(k) for k in krav]
        return Report(self.catalogue, documents, verdicts, created=dt.date.today().isoformat())


def check_submission(catalogue: Catalogue, documents: list[Document], progress: Progress | None = None) -> Report:
    """`Checker(catalogue).check(documents, progress)`: one submission, one catalogue."""
    return Checker(catalogue).check(documents, progress)
