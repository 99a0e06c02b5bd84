"""The diff report as one self-contained HTML page (`diff --format html`), on the check report's
base (`html.environment`, `html.page`, `base.html.j2`): the same inline style, content policy and
autoescape. Document text reaches the page only through autoescape; a redline is escaped segment
by segment (`diff_macros.html.j2`), never joined into markup first.

`render_diff_html` is a diff of two years (`diff.html.j2`, `diff.js`: the inline or side-by-side
view, filters by kind); `render_topics_html` two regions compared by topic (`diff_topics.html.j2`).
"""

from __future__ import annotations

from .diff_common import (
    ISSUE_LABELS,
    KIND_COLOURS,
    KIND_LABELS,
    by_topic,
    coverage_notes,
    details,
    ids,
    kind_counts,
    place,
    side_name,
    title,
    topic_coverage_notes,
)
from .html import page

# What the templates look up besides the report: labels, colours and the one-line helpers.
_CONTEXT = {
    "KIND_LABELS": KIND_LABELS, "KIND_COLOURS": KIND_COLOURS, "ISSUE_LABELS": ISSUE_LABELS,
    "details": details, "place": place, "ids": ids,
}  # fmt: skip


def render_diff_html(report: dict) -> str:
    return page("diff.html.j2", "diff.js", report=report, title=title(report), counts=kind_counts(report),
                notes=coverage_notes(report), groups=by_topic(report), **_CONTEXT)


def render_topics_html(report: dict) -> str:
    a, b = side_name(report["old"]), side_name(report["new"])
    notes = topic_coverage_notes(report)
    return page("diff_topics.html.j2", report=report, title=f"{a} och {b}", a=a, b=b, notes=notes, **_CONTEXT)
