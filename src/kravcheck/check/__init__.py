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


def check_submission(catalogue: Catalogue, documents: list[Document], progress: Progress | None = None) -> Report:
    """Verdicts for every active krav of `catalogue`, in catalogue order, from the `documents`
    of one submission. `progress` wraps the krav loop (a progress bar)."""
    analyzer = Analyzer()
    active = [k for k in catalogue.krav if k.status == "active"]
    queries = cached_queries(catalogue, active, analyzer)  # first: the catalogue's words teach the compound splitter
    assessor = Assessor(passages_of(documents, analyzer), active, queries, catalogue.year)
    krav = progress(active) if progress else active
    verdicts = [assessor.verdict(k) for k in krav]
    return Report(catalogue, documents, verdicts, created=dt.date.today().isoformat())
