"""The check report as Markdown, for e-mail and issue trackers."""

from __future__ import annotations

from .common import MODALITY_LABELS, STATUS_LABELS, by_status, file_name, location, summary_line, title


def render_markdown(report: dict) -> str:
    lines = [f"# Kravkontroll: {title(report)}", ""]
    lines.append("Dokument: " + ", ".join(f"`{file_name(d['file'])}`" for d in report["documents"]))
    lines += ["", f"**Resultat:** {summary_line(report)}", ""]
    if report["catalog"].get("coverage") == "partial":
        lines += ["> Katalogen täcker bara en del av årets krav.", ""]
    for status, krav in by_status(report):
        lines += [f"## {STATUS_LABELS[status]} ({len(krav)})", ""]
        for item in krav:
            lines += _krav_lines(item)
    return "\n".join(lines).rstrip() + "\n"


def _krav_lines(item: dict) -> list[str]:
    modality = MODALITY_LABELS[item["modality"]]
    lines = [f"### {item['id']} · {item.get('section') or ''} {item.get('section_title') or ''}".rstrip(), ""]
    lines += [f"> {item['text']} *({modality})*", "", item["reason"], ""]
    lines += [f"- ”{e['quote']}” — {location(e)}" for e in item["evidence"]]
    for element in item.get("elements", []):
        label = STATUS_LABELS[element["status"]]
        lines.append(f"- **{label}:** {element['text']}")
        lines += [f"  - ”{e['quote']}” — {location(e)}" for e in element["evidence"][:1]]
    return lines + [""]
