"""What every rendering of a check report shares: Swedish labels, order and colours, where a quote
is from, counts per topic, and which words of a quote to highlight."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..check.verdict import STATUS_ORDER, Status

STATUS_LABELS = {str(status): status.label for status in Status}
ORDER = [str(status) for status in STATUS_ORDER]
# The statuses a provider is asked to put right: everything before "met" in the report order.
NOT_MET = ORDER[: ORDER.index(str(Status.MET))]
MODALITY_LABELS = {"ska": "ska", "bör": "bör", "ska_inte": "ska inte"}
# Each status's colour (text, background) in every format. Dark on light with a contrast of at
# least 4.5:1, and always next to the status in words: colour is never the only sign.
STATUS_COLOURS = {
    "contradicted": ("B3261E", "FBE3E1"),
    "missing": ("A14A00", "FDEBD3"),
    "partial": ("1D5E8C", "DCEBF7"),
    "met": ("1E6B34", "DCF1E2"),
    "not_applicable": ("59626B", "ECEEF0"),
}
# What a quote does for the krav (`claims.Stance`), as a reader would say it.
STANCE_LABELS = {
    "affirms": "visar kravet",
    "meets_figure": "anger en lika bra eller bättre siffra",
    "denies": "säger att det inte görs",
    "worse": "anger en sämre siffra",
    "plans": "bara en plan",
}



def location(evidence: dict) -> str:
    """"ansokan.pdf s. 3, 2.1 Öppettider" — file, page and heading of a quote, as far as known."""
    parts = [file_name(evidence["file"])]
    if evidence.get("page"):
        parts[0] += f" s. {evidence['page']}"
    if evidence.get("section"):
        parts.append(evidence["section"])
    return ", ".join(parts)


def file_name(path: str) -> str:
    """The file's name without its folders: reports go to providers, who do not share our paths."""
    return re.split(r"[\\/]", path)[-1]


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


def catalogue_version(report: dict) -> str:
    """"extraherad 2026-11-22 med kravcheck 0.1.0": which extraction of the Beställning was used."""
    catalog = report["catalog"]
    parts = [f"extraherad {catalog['extracted']}" if catalog.get("extracted") else ""]
    if catalog.get("kravcheck_version"):
        parts.append(f"med kravcheck {catalog['kravcheck_version']}")
    return " ".join(part for part in parts if part) or "okänd"


def walk(item: dict, parent: dict | None = None) -> Iterator[tuple[dict, dict | None]]:
    """A krav of the report and then its elements, each with the krav it belongs to."""
    yield item, parent
    for element in item.get("elements", []):
        yield from walk(element, item)


def topic_name(topic_id: str) -> str:
    from ..topics import topic_label

    try:
        return topic_label(topic_id)
    except KeyError:  # a catalogue curated with a topic this version's taxonomy lacks
        return topic_id


def by_topic(report: dict) -> list[tuple[str, Counter]]:
    """Each topic's label and its krav counted per status, the topic with most krav first; krav
    without a topic count under "Inget ämne", last."""
    counts: dict[str, Counter] = {}
    for item in report["krav"]:
        for topic in item.get("topics") or [None]:
            counts.setdefault(topic, Counter())[item["status"]] += 1
    ranked = sorted(counts.items(), key=lambda pair: (pair[0] is None, -sum(pair[1].values()), topic_name(pair[0] or "")))
    return [(topic_name(topic) if topic else "Inget ämne", count) for topic, count in ranked]


def section_key(section: str | None) -> tuple[int, ...]:
    """"2.10" after "2.9": sections sort by their numbers, not as text."""
    return tuple(int(part) for part in re.findall(r"\d+", section or ""))


def highlight(quote: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    """The quote cut into segments, each marked when the check matched it to the krav.

    `marks` are the (start, end) spans the check recorded on the evidence (`Evidence.marks`), so
    the page shows exactly the words it matched, never a guess of its own. Marks with only
    spaces between them become one ("inom tre dagar"). The segments are plain text, so a
    renderer escapes each and never has to parse markup."""
    segments: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(marks):
        start = max(start, position)
        if end <= start:
            continue
        gap = quote[position:start]
        if segments and segments[-1][1] and not gap.strip():
            segments[-1] = (segments[-1][0] + gap + quote[start:end], True)
        else:
            segments += [(gap, False), (quote[start:end], True)]
        position = end
    segments.append((quote[position:], False))
    return [(text, hit) for text, hit in segments if text]
