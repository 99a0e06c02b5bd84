"""What every rendering of a check report shares: Swedish labels, order, and where a quote is from."""

from __future__ import annotations

from ..check.verdict import STATUS_ORDER, Status

STATUS_LABELS = {str(status): status.label for status in Status}
ORDER = [str(status) for status in STATUS_ORDER]


def location(evidence: dict) -> str:
    """"ansokan.pdf s. 3, 2.1 Öppettider" — file, page and heading of a quote, as far as known."""
    parts = [evidence["file"]]
    if evidence.get("page"):
        parts[0] += f" s. {evidence['page']}"
    if evidence.get("section"):
        parts.append(evidence["section"])
    return ", ".join(parts)


def by_status(report: dict) -> list[tuple[str, list[dict]]]:
    """The report's krav grouped by status, in the order reports list them; empty groups left out."""
    groups = [(status, [k for k in report["krav"] if k["status"] == status]) for status in ORDER]
    return [(status, krav) for status, krav in groups if krav]


def summary_line(report: dict) -> str:
    return " · ".join(f"{count} {STATUS_LABELS[status]}" for status, count in report["summary"].items() if count)


def title(report: dict) -> str:
    catalog = report["catalog"]
    name = catalog.get("title") or "kravkatalog"
    return f"{name} ({catalog['region']} {catalog['year']})"
