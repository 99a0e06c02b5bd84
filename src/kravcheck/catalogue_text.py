"""A catalogue as readable Swedish text for the terminal (`kravcheck catalog show`)."""

from __future__ import annotations

from .catalogue import Catalogue
from .krav import Krav

MODALITY_SV = {"ska": "SKA", "bör": "BÖR", "ska_inte": "SKA INTE"}


def render_catalogue(catalogue: Catalogue, selected: list[Krav]) -> str:
    lines = [
        f"{catalogue.title or 'Kravkatalog'} · {catalogue.region} {catalogue.year} · "
        f"{len(selected)} av {len(catalogue.krav)} krav"
        + (" · delvis täckning" if catalogue.coverage == "partial" else ""),
        "",
    ]
    section = object()
    for krav in selected:
        if krav.section != section:
            section = krav.section
            lines.append(f"{krav.section or '–'} {krav.section_title or ''}".rstrip())
        flags = []
        if krav.party == "region":
            flags.append("binder regionen")
        if krav.status == "removed":
            flags.append("borttaget")
        if krav.review:
            flags.append("granska: ändrad text")
        suffix = f" [{', '.join(flags)}]" if flags else ""
        lines.append(f"  {krav.id}  {MODALITY_SV[krav.modality]}{suffix}  {krav.text}")
        for element in list(krav.walk())[1:]:
            depth = element.id.count(".") - krav.id.count(".")
            lines.append(f"  {'    ' * depth}– {element.text}")
        if krav.topics:
            lines.append(f"      ämnen: {', '.join(krav.topics)}")
    return "\n".join(lines) + "\n"
