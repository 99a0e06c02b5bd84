"""The diff report as Markdown: a list of changes like a region's own "väsentliga ändringar",
grouped by topic, each with its redline (~~struck~~, **added**)."""

from __future__ import annotations

from .diff_common import (
    ISSUE_LABELS, by_topic, coverage_notes, details, heading, side_name, summary_line, title, topic_coverage_notes,
)

_MARKUP = {"delete": "~~{}~~", "insert": "**{}**", "equal": "{}"}


def render_diff_markdown(report: dict) -> str:
    lines = [f"# {title(report)}", "", f"**Sammanfattning:** {summary_line(report)}", ""]
    lines += [f"> {note}" for note in coverage_notes(report)]
    for topic, changes in by_topic(report):
        lines += ["", f"## {topic} ({len(changes)})", ""]
        for change in changes:
            lines += [f"### {heading(change)}", "", "> " + redline_markdown(change["redline"]), ""]
            lines += [f"- {line}" for line in details(change)]
            lines += [f"- Punkt: {redline_markdown(e['redline'])}" for e in change["elements"] if e["redline"]]
            lines.append("")
    if report["marks"]["disagreements"]:
        lines += ["", "## Ändringsmarkeringar som inte stämmer", ""]
        lines += [f"- {d['id']}: {ISSUE_LABELS[d['issue']]} — {d['text']}" for d in report["marks"]["disagreements"]]
    return "\n".join(lines).rstrip() + "\n"


def redline_markdown(segments: list[list[str]]) -> str:
    return " ".join(_MARKUP[op].format(text) for op, text in segments)


def render_topics_markdown(report: dict) -> str:
    """A cross-region comparison: per topic, what each region has that the other lacks."""
    a, b = side_name(report["old"]), side_name(report["new"])
    lines = [f"# Jämförelse per ämne: {a} och {b}", ""]
    lines += [f"> {note}" for note in topic_coverage_notes(report)]
    for topic in report["topics"]:
        lines += ["", f"## {topic['label']}", ""]
        lines.append(f"{len(topic['both'])} krav i båda, {len(topic['only_old'])} bara i {a}, {len(topic['only_new'])} bara i {b}.")
        for name, only in ((a, topic["only_old"]), (b, topic["only_new"])):
            if only:
                lines += ["", f"**Bara i {name}:**", ""]
                lines += [f"- {k['text']} ({k['id']})" for k in only]
    return "\n".join(lines).rstrip() + "\n"
