"""The check's results: a verdict per krav and per element, with its evidence. Reports read these."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..krav import Krav


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    MISSING = "missing"
    CONTRADICTED = "contradicted"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        """The Swedish word reports show."""
        return _LABELS[self]


_LABELS = {
    Status.MET: "Uppfyllt",
    Status.PARTIAL: "Delvis",
    Status.MISSING: "Saknas",
    Status.CONTRADICTED: "Avviker",
    Status.NOT_APPLICABLE: "Ej tillämpligt",
}

# The order reports list and count statuses in: what needs action first.
STATUS_ORDER = (Status.CONTRADICTED, Status.MISSING, Status.PARTIAL, Status.MET, Status.NOT_APPLICABLE)


@dataclass(frozen=True)
class Evidence:
    file: str
    page: int | None
    section: str | None  # the heading the passage stands under
    quote: str
    score: float  # how well the passage matches the krav, 0..1
    stance: str  # claims.Stance: affirms, denies, plans, worse, meets_figure
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) in `quote` of what matched the krav


@dataclass
class Verdict:
    krav: Krav
    status: Status
    confidence: float
    reason: str  # Swedish, one sentence
    evidence: list[Evidence] = field(default_factory=list)
    elements: list[Verdict] = field(default_factory=list)
    looked_for: list[str] = field(default_factory=list)

    def walk(self):
        """This verdict and its elements' verdicts, depth first (as `Krav.walk`)."""
        yield self
        for element in self.elements:
            yield from element.walk()
