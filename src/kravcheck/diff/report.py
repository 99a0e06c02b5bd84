"""A diff's report: the two catalogues, the changes in the new document's order, the marks.

`DiffReport.to_dict` is the JSON report (format `kravcheck-diff/1`, docs/diff.md); every other
format is rendered from it, so all formats say the same thing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .. import __version__
from ..catalogue import Catalogue
from ..krav import Krav, Parameter
from .changes import Change, ChangeKind, ElementChange, FigureChange
from .marks import Disagreement

DIFF_FORMAT = "kravcheck-diff/1"


@dataclass
class DiffReport:
    old: Catalogue
    new: Catalogue
    changes: list[Change]  # in the new document's order, removed krav after their old neighbour
    unchanged: int
    marks_present: bool = False  # the new side was a document with change marks
    disagreements: list[Disagreement] = field(default_factory=list)
    created: str = ""

    def summary(self) -> dict[str, int]:
        counts = Counter(str(kind) for change in self.changes for kind in change.kinds)
        summary = {str(kind): counts[str(kind)] for kind in ChangeKind}
        summary["material"] = sum(change.material for change in self.changes)
        summary["unchanged"] = self.unchanged
        return summary

    def to_dict(self) -> dict:
        return {
            "format": DIFF_FORMAT,
            "created": self.created,
            "kravcheck_version": __version__,
            "old": catalogue_dict(self.old),
            "new": catalogue_dict(self.new),
            "summary": self.summary(),
            "changes": [_change_dict(change) for change in self.changes],
            "marks": {
                "present": self.marks_present,
                "disagreements": [
                    {"id": d.krav_id, "issue": d.issue, "text": d.text} for d in self.disagreements
                ],
            },
        }


def catalogue_dict(catalogue: Catalogue) -> dict:
    return {
        "region": catalogue.region,
        "year": catalogue.year,
        "title": catalogue.title,
        "path": str(catalogue.path) if catalogue.path else None,
        "source_file": catalogue.source_file,
        "sha256": catalogue.sha256,  # of the catalogue file; null when extracted from a document on the fly
        "source_sha256": catalogue.source_sha256,  # of the Beställning it was extracted from
        # "partial": the source states only some krav, so a krav missing from it is no removal.
        "coverage": catalogue.coverage,
        "krav": len(catalogue.active),
    }


def krav_dict(krav: Krav, top: bool = True) -> dict:
    data: dict = {"id": krav.id}
    if top:
        data |= {"section": krav.section, "section_title": krav.section_title, "topics": list(krav.topics)}
    data |= {
        "text": krav.text,
        "modality": str(krav.modality),
        "party": str(krav.party),
        "parameters": [parameter_dict(p) for p in krav.parameters],
    }
    if krav.elements:
        data["elements"] = [krav_dict(e, top=False) for e in krav.elements]
    return data


def parameter_dict(parameter: Parameter) -> dict:
    data = {
        "value": parameter.value, "unit": str(parameter.unit), "comparator": str(parameter.comparator),
        "source": parameter.source,
    }
    return data | ({"what": parameter.what} if parameter.what else {})


def _change_dict(change: Change) -> dict:
    data = {
        "kinds": [str(kind) for kind in change.kinds],
        "material": change.material,
        "direction": str(change.direction) if change.direction else None,
        "old": [krav_dict(k) for k in change.old],
        "new": [krav_dict(k) for k in change.new],
        "redline": [segment.to_list() for segment in change.redline],
        "figures": [_figure_dict(f) for f in change.figures],
        "elements": [_element_dict(e) for e in change.elements],
    }
    if change.mark is not None:
        data["marks"] = {"changed": change.mark.changed, "inserted": change.mark.inserted, "deleted": change.mark.deleted}
    return data


def _figure_dict(figure: FigureChange) -> dict:
    return {
        "old": parameter_dict(figure.old) if figure.old else None,
        "new": parameter_dict(figure.new) if figure.new else None,
        "direction": str(figure.direction) if figure.direction else None,
    }


def _element_dict(element: ElementChange) -> dict:
    return {
        "old": element.old.text if element.old else None,
        "new": element.new.text if element.new else None,
        "redline": [segment.to_list() for segment in element.redline],
    }
