"""A check's report: which catalogue, which documents, and a verdict per krav.

`Report.to_dict` is the JSON report (schema in docs/check-report.md); every other format is
rendered from it, so all formats say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__
from ..catalogue import Catalogue
from ..document import Document
from .verdict import STATUS_ORDER, Evidence, Verdict

REPORT_FORMAT = "kravcheck-report/1"


@dataclass
class Report:
    catalogue: Catalogue
    documents: list[Document]
    verdicts: list[Verdict] = field(default_factory=list)
    created: str = ""  # ISO date
    provider: str | None = None  # the provider's name, as the reviewer gives it (`check --provider`)

    def by_id(self) -> dict[str, Verdict]:
        """Every verdict, of krav and elements, by its krav or element id."""
        return {v.krav.id: v for top in self.verdicts for v in top.walk()}

    def summary(self) -> dict[str, int]:
        return {str(status): sum(v.status is status for v in self.verdicts) for status in STATUS_ORDER}

    def to_dict(self) -> dict:
        c = self.catalogue
        return {
            "format": REPORT_FORMAT,
            "created": self.created,
            "kravcheck_version": __version__,
            "provider": self.provider,
            "catalog": {
                "region": c.region,
                "year": c.year,
                "title": c.title,
                "path": str(c.path) if c.path else None,
                "sha256": c.sha256,
                "coverage": c.coverage,
                # Which extraction of the Beställning the catalogue is: a curated file keeps these.
                "extracted": c.extracted,
                "kravcheck_version": c.kravcheck_version,
            },
            "documents": [
                {"file": d.source, "sha256": d.sha256, "kind": str(d.kind), "pages": d.page_count} for d in self.documents
            ],
            "summary": self.summary(),
            "krav": [_verdict_dict(v, top=True) for v in self.verdicts],
        }


def _verdict_dict(verdict: Verdict, top: bool = False) -> dict:
    krav = verdict.krav
    data: dict = {"id": krav.id}
    if top:
        data |= {"section": krav.section, "section_title": krav.section_title}
    data |= {"text": krav.text, "modality": str(krav.modality)}
    if top:
        data["topics"] = list(krav.topics)
    data |= {
        "status": str(verdict.status),
        "confidence": round(verdict.confidence, 2),
        "reason": verdict.reason,
        "evidence": [_evidence_dict(e) for e in verdict.evidence],
        "looked_for": verdict.looked_for,
        "verifikat": krav.verifikat,
    }
    if verdict.elements:
        data["elements"] = [_verdict_dict(v) for v in verdict.elements]
    return data


def _evidence_dict(evidence: Evidence) -> dict:
    return {
        "file": evidence.file,
        "page": evidence.page,
        "section": evidence.section,
        "quote": evidence.quote,
        "score": evidence.score,
        "stance": evidence.stance,
        "marks": [list(span) for span in evidence.marks],
    }
