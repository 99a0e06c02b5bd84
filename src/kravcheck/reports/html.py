"""The check report as one self-contained HTML file: CSS and script inline, nothing fetched, so it
opens from a file share or an e-mail attachment and never touches the network.

Provider documents are untrusted input: every value reaches the page through Jinja's autoescape,
never as markup, and the page's Content-Security-Policy lets only its own script run (by hash), so
a `<script>` or an `onerror=` in a quote would be inert even if an escape were ever missed.

`environment()` and `page()` serve any report page (`base.html.j2`: inline style, header, print
styles, the policy); `render_html` is the check report (`check.html.j2`, `check.js`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections import Counter
from dataclasses import dataclass

import jinja2

from .common import (
    MODALITY_LABELS,
    NOT_MET,
    ORDER,
    STANCE_LABELS,
    STATUS_COLOURS,
    STATUS_LABELS,
    by_status,
    by_topic,
    catalogue_version,
    file_name,
    highlight,
    location,
    section_key,
    summary_line,
    title,
    topic_name,
)


@functools.cache
def environment() -> jinja2.Environment:
    """The templates of `reports/templates`, escaped by default whatever their file name."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kravcheck.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt field fails the render, not the reader
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters |= {"file_name": file_name, "location": location, "highlight": highlight, "topic_name": topic_name}
    env.globals |= {
        "STATUS_LABELS": STATUS_LABELS,
        "MODALITY_LABELS": MODALITY_LABELS,
        "STANCE_LABELS": STANCE_LABELS,
        "STATUS_COLOURS": STATUS_COLOURS,
        "ORDER": ORDER,
        "bar": bar,
    }
    return env


def page(template: str, script: str | None = None, **context) -> str:
    """Render a page template that extends `base.html.j2`, with `script` (a template file of plain
    JavaScript) inline and allowed by its hash."""
    env = environment()
    code = env.loader.get_source(env, script)[0] if script else ""
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    return env.get_template(template).render(script=code, script_hash=f"sha256-{digest}", **context)


@dataclass(frozen=True)
class Segment:
    """One status's part of a stacked bar, in per cent of its width."""

    status: str
    count: int
    x: float
    width: float


def bar(counts: dict[str, int]) -> list[Segment]:
    """A stacked bar of the counts per status, in report order; statuses without krav left out."""
    total = sum(counts.values()) or 1
    segments, x = [], 0.0
    for status in ORDER:
        if counts.get(status):
            width = 100 * counts[status] / total
            segments.append(Segment(status, counts[status], round(x, 3), round(width, 3)))
            x += width
    return segments


def render_html(report: dict) -> str:
    krav = [item for _, group in by_status(report) for item in group]
    sections = Counter((item.get("section") or "", item.get("section_title") or "") for item in krav)
    topics = Counter(topic for item in krav for topic in item.get("topics", []))
    summary = report["summary"]
    return page(
        "check.html.j2",
        "check.js",
        report=report,
        title=title(report),
        catalogue_version=catalogue_version(report),
        krav=krav,
        applicable=sum(summary.values()) - summary.get("not_applicable", 0),
        not_met=sum(summary.get(status, 0) for status in NOT_MET),
        summary_text=summary_line(report),
        topic_rows=by_topic(report),
        topic_options=sorted(((t, topic_name(t), n) for t, n in topics.items()), key=lambda option: option[1]),
        section_options=sorted(((s, t, n) for (s, t), n in sections.items()), key=lambda option: section_key(option[0])),
    )
