"""`kravcheck diff`: what changed, krav by krav, between two yearly Beställningar.

align (which krav is which) → changes (kinds, figures, elements, materiality) → marks (the
region's own change marks, when the new side is a document) → report (JSON, `docs/diff.md`).
`cross_region` compares two regions' catalogues topic by topic instead.
"""

from __future__ import annotations

import datetime as dt

from ..catalogue import Catalogue
from ..document import Document
from ..krav import Krav
from .align import Alignment, align
from .changes import Change, changes_of
from .marks import apply_marks, has_marks
from .report import DiffReport


def diff_catalogues(old: Catalogue, new: Catalogue, new_document: Document | None = None) -> DiffReport:
    """The changes from `old` to `new`; with the new side's document, its change marks too."""
    alignment = align(old.active, new.active)
    changes, unchanged = changes_of(alignment)
    changes = in_new_order(changes, alignment, old.active, new.active)
    report = DiffReport(old, new, changes, len(unchanged), created=dt.date.today().isoformat())
    if new_document is not None and has_marks(new_document):
        report.marks_present = True
        report.disagreements = apply_marks(new_document, changes, [pair.new for pair in unchanged])
    return report


def in_new_order(changes: list[Change], alignment: Alignment, old: list[Krav], new: list[Krav]) -> list[Change]:
    """Changes in the order of the new document; a removed krav right after the new place of the
    nearest old krav before it that lives on."""
    new_position = {id(k): i for i, k in enumerate(new)}
    old_position = {id(k): i for i, k in enumerate(old)}
    successor = {old_position[id(p.old)]: new_position[id(p.new)] for p in alignment.pairs}

    def key(change: Change) -> tuple[float, int]:
        if change.new:
            return (min(new_position[id(k)] for k in change.new), 0)
        index = old_position[id(change.old[0])]
        before = next((successor[i] for i in range(index - 1, -1, -1) if i in successor), -1)
        return (before + 0.5, index)

    return sorted(changes, key=key)
