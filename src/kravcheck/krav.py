"""The krav catalogue model: what a Beställning requires, extracted and then curated by people.

Field names are the YAML keys (docs/catalogue.md, schema in data/catalogue.schema.json).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Modality(StrEnum):
    SKA = "ska"  # ska, skall, måste, är skyldig att, ansvarar för, förbinder sig
    BOR = "bör"
    SKA_INTE = "ska_inte"  # får inte, ska inte: a prohibition


class Party(StrEnum):
    PROVIDER = "provider"
    REGION = "region"


class Unit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"


class Comparator(StrEnum):
    AT_MOST = "<="  # inom tre dagar, senast, högst
    AT_LEAST = ">="  # minst
    LESS = "<"  # under, mindre än
    MORE = ">"  # över, mer än
    EQUAL = "=="


@dataclass(frozen=True)
class Parameter:
    """A figure in a krav, normalised: "inom tre dagar" -> value 3, unit day, comparator <=.

    Dates are "--MM-DD" (a yearly deadline, "senast den 25 februari") or "YYYY-MM-DD"."""

    value: float | int | str
    unit: Unit
    comparator: Comparator
    source: str  # the words it was read from
    what: str | None = None  # for counts: what is counted ("läkare")

    @property
    def met_by_existence(self) -> bool:
        """"minst en läkare": a provider that says it has one states the figure."""
        return self.unit is Unit.COUNT and self.comparator is Comparator.AT_LEAST and float(self.value) <= 1


@dataclass
class Krav:
    id: str
    section: str | None
    section_title: str | None
    text: str
    modality: Modality
    party: Party
    page: int | None = None
    line: int | None = None
    topics: list[str] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    elements: list[Krav] = field(default_factory=list)
    # Curated by people; kept through re-extraction.
    verifikat: str | None = None  # how a provider shows compliance
    evidence_terms: list[str] = field(default_factory=list)  # paraphrases that count as evidence
    shown_by: list[str] = field(default_factory=list)  # names a provider affirms only if it complies ("BankID")
    applies_to: list[str] = field(default_factory=list)  # provider document kinds that hold it
    notes: str | None = None
    # Bookkeeping.
    fingerprint: str = ""
    status: str = "active"  # active | removed (vanished from the source on re-extraction)
    review: str | None = None  # "changed": the source text changed since curation

    def walk(self):
        """This krav and all its elements, depth first."""
        yield self
        for element in self.elements:
            yield from element.walk()
