"""What every rendering of a diff report shares: Swedish labels, grouping by topic in the new
document's order, and one line per thing that changed in a krav. Renders the JSON report dict
(`diff.report.DiffReport.to_dict`), so every format says the same thing."""

from __future__ import annotations

from ..diff.changes import MATERIAL
from .common import MODALITY_LABELS, topic_name

KIND_LABELS = {
    "added": "Nytt krav", "removed": "Borttaget krav", "text": "Ändrad lydelse", "editorial": "Redaktionell ändring",
    "figure": "Ändrat värde", "modality": "Ändrad kravnivå", "party": "Ändrad part", "moved": "Flyttat",
    "renumbered": "Omnumrerat", "elements": "Ändrad lista", "split": "Uppdelat", "merged": "Sammanslaget",
}  # fmt: skip
# Each kind's colour (text, background) in HTML and DOCX, dark on light (contrast at least 4.5:1)
# and always beside the kind in words. Material kinds are coloured, the others grey.
KIND_COLOURS = {
    "added": ("1E6B34", "DCF1E2"), "removed": ("B3261E", "FBE3E1"), "text": ("1D5E8C", "DCEBF7"),
    "figure": ("A14A00", "FDEBD3"), "modality": ("6A3D9A", "EDE3F6"), "party": ("00676B", "D8F0F0"),
    "elements": ("1D5E8C", "DCEBF7"), "split": ("3D4F6B", "E3E8F0"), "merged": ("3D4F6B", "E3E8F0"),
    "moved": ("59626B", "ECEEF0"), "renumbered": ("59626B", "ECEEF0"), "editorial": ("59626B", "ECEEF0"),
}  # fmt: skip
DIRECTION_LABELS = {"stricter": "skärpt", "looser": "lättat"}
PARTY_LABELS = {"provider": "leverantören", "region": "regionen"}
NO_TOPIC = "Övrigt"
NOT_MATERIAL = "Redaktionella ändringar och flyttade krav"
ISSUE_LABELS = {
    "mark_without_change": "markerad som ändrad, men ingen ändring hittades",
    "change_without_mark": "ändrad, men utan ändringsmarkering",
}


def title(report: dict) -> str:
    return f"Ändringar {side_name(report['old'])} → {side_name(report['new'])}"


def side_name(side: dict) -> str:
    return f"{side['region']} {side['year']}"


def summary_line(report: dict) -> str:
    summary = report["summary"]
    counts = [f"{summary[kind]} {label.lower()}" for kind, label in KIND_LABELS.items() if summary.get(kind)]
    return f"{summary['material']} väsentliga ändringar ({', '.join(counts) or 'inga'}); {summary['unchanged']} krav oförändrade"


def kind_counts(report: dict) -> list[tuple[str, int, bool]]:
    """(kind, changes of that kind, whether the kind is material) for the kinds that occur, in
    the order of KIND_LABELS."""
    summary = report["summary"]
    return [(kind, summary[kind], kind in MATERIAL) for kind in KIND_LABELS if summary.get(kind)]


def coverage_notes(report: dict) -> list[str]:
    """A partial source states only some krav: what it lacks was not necessarily added or removed."""
    notes = []
    if report["old"]["coverage"] == "partial":
        notes.append(f"{side_name(report['old'])} täcker bara en del av kraven: ”nytt krav” betyder att det inte nämns där.")
    if report["new"]["coverage"] == "partial":
        notes.append(f"{side_name(report['new'])} täcker bara en del av kraven: ”borttaget krav” betyder att det inte nämns där.")
    return notes


def topic_coverage_notes(report: dict) -> list[str]:
    """The same for two regions compared by topic: what a partial source lacks may be in force."""
    return [
        f"{side_name(side)} täcker bara en del av kraven: ”bara i” kan betyda att det inte nämns där."
        for side in (report["old"], report["new"]) if side["coverage"] == "partial"
    ]


def by_topic(report: dict) -> list[tuple[str, list[dict]]]:
    """Material changes grouped by the first topic of their krav, topics in the order the new
    document reaches them; editorial changes and moved krav last, in a group of their own."""
    groups: dict[str, list[dict]] = {}
    rest: list[dict] = []
    for change in report["changes"]:
        if not change["material"]:
            rest.append(change)
            continue
        topics = krav(change)["topics"]
        groups.setdefault(topic_name(topics[0]) if topics else NO_TOPIC, []).append(change)
    ordered = [(name, changes) for name, changes in groups.items() if name != NO_TOPIC]
    ordered += [(name, groups[name]) for name in (NO_TOPIC,) if name in groups]
    return ordered + ([(NOT_MATERIAL, rest)] if rest else [])


def krav(change: dict) -> dict:
    """The krav a change is about: the first new one, or the old one when it was removed."""
    return (change["new"] or change["old"])[0]


def heading(change: dict) -> str:
    """"Ändrat värde, Ändrad kravnivå · 2.1.13 Vårdgaranti (NB26-2.1.13-03)"."""
    kinds = ", ".join(KIND_LABELS[kind] for kind in change["kinds"])
    where = place(change)
    return f"{kinds} · {where} ({ids(change)})" if where else f"{kinds} ({ids(change)})"


def place(change: dict) -> str:
    """"2.1.13 Vårdgaranti": where the krav of a change stands, as far as known."""
    item = krav(change)
    return " ".join(part for part in (item.get("section"), item.get("section_title")) if part)


def ids(change: dict) -> str:
    """The IDs a change is listed under: the new krav's, or the old ones' when it was removed."""
    return ", ".join(k["id"] for k in change["new"] or change["old"])


def details(change: dict) -> list[str]:
    """One Swedish line per thing that changed besides the wording."""
    lines = []
    old, new = change["old"][:1], change["new"][:1]
    for figure in change["figures"]:
        before = figure["old"]["source"] if figure["old"] else "inget värde"
        after = figure["new"]["source"] if figure["new"] else "inget värde"
        direction = DIRECTION_LABELS.get(figure["direction"] or "", "")
        lines.append(f"Värde: {before} → {after}" + (f" ({direction})" if direction else ""))
    if "modality" in change["kinds"]:
        direction = DIRECTION_LABELS.get(change["direction"] or "", "")
        lines.append(
            f"Kravnivå: {MODALITY_LABELS[old[0]['modality']]} → {MODALITY_LABELS[new[0]['modality']]}"
            + (f" ({direction})" if direction else "")
        )
    if "party" in change["kinds"]:
        lines.append(f"Part: {PARTY_LABELS[old[0]['party']]} → {PARTY_LABELS[new[0]['party']]}")
    if {"moved", "renumbered"} & set(change["kinds"]):
        lines.append(f"Avsnitt: {_place(old[0])} → {_place(new[0])}")
    for element in change["elements"]:
        if element["old"] is None:
            lines.append(f"Ny punkt: {element['new']}")
        elif element["new"] is None:
            lines.append(f"Borttagen punkt: {element['old']}")
    if change["new"] and len(change["new"]) > 1:
        lines.append("Uppdelat i: " + ", ".join(k["id"] for k in change["new"]))
    if change["old"] and len(change["old"]) > 1:
        lines.append("Sammanslaget av: " + ", ".join(k["id"] for k in change["old"]))
    marks = change.get("marks")
    if marks and marks["deleted"]:
        lines.append("Struket i dokumentet: " + " | ".join(marks["deleted"]))
    return lines


def _place(item: dict) -> str:
    return " ".join(part for part in (item.get("section") or "–", item.get("section_title")) if part)
