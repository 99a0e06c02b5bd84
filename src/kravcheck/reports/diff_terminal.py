"""The diff report for a terminal (`diff --format table`): struck words red, added words green.

Colours are click styles; `typer.echo` strips them when the output is not a terminal."""

from __future__ import annotations

import textwrap

import click

from .diff_common import ISSUE_LABELS, by_topic, coverage_notes, details, heading, summary_line, title

_WIDTH = 100
_INDENT = "    "


def render_diff_table(report: dict) -> str:
    lines = [click.style(title(report), bold=True), f"  {summary_line(report)}"]
    lines += [f"  {note}" for note in coverage_notes(report)]
    for topic, changes in by_topic(report):
        lines += ["", click.style(f"{topic} ({len(changes)})", bold=True)]
        for change in changes:
            lines.append("  " + click.style(heading(change), fg="cyan" if change["material"] else None))
            lines += _wrapped(_redline(change["redline"]))
            lines += [line for detail in details(change) for line in _wrapped(detail)]
    if report["marks"]["disagreements"]:
        lines += ["", click.style("Ändringsmarkeringar som inte stämmer", bold=True)]
        lines += [f"  {d['id']}: {ISSUE_LABELS[d['issue']]}" for d in report["marks"]["disagreements"]]
    return "\n".join(lines).rstrip() + "\n"


def _redline(segments: list[list[str]]) -> str:
    """wdiff's [-struck-] {+added+}, coloured on a terminal: the marks read without colour too."""
    styles = {"delete": ("[-{}-]", "red"), "insert": ("{{+{}+}}", "green")}
    return " ".join(
        click.style(styles[op][0].format(text), fg=styles[op][1]) if op in styles else text for op, text in segments
    )


def _wrapped(text: str) -> list[str]:
    # Wrapping counts the colour codes as characters: lines with colour wrap a little early.
    return textwrap.wrap(text, _WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT) or [_INDENT]
