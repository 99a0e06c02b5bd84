"""The check report as a readable Swedish summary for a terminal (`--format table`).

Colours are click styles; `typer.echo` strips them when the output is not a terminal."""

from __future__ import annotations

import textwrap

import click

from ..textnorm import shorten
from .common import STATUS_LABELS, by_status, location, summary_line, title

_COLOURS = {"contradicted": "red", "missing": "yellow", "partial": "cyan", "met": "green", "not_applicable": "white"}
_WIDTH = 100


def render_table(report: dict) -> str:
    lines = [click.style(f"Kravkontroll: {title(report)}", bold=True)]
    for doc in report["documents"]:
        pages = f" ({doc['pages']} s.)" if doc.get("pages") else ""
        lines.append(f"  dokument: {doc['file']}{pages}")
    lines += [f"  resultat: {summary_line(report)}", ""]
    for status, krav in by_status(report):
        if status == "not_applicable":
            lines += [click.style(f"{STATUS_LABELS[status]} ({len(krav)}): ", bold=True) + ", ".join(k["id"] for k in krav), ""]
            continue
        lines += [click.style(f"{STATUS_LABELS[status]} ({len(krav)})", fg=_COLOURS[status], bold=True)]
        for item in krav:
            lines += _krav_lines(item, status)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _krav_lines(item: dict, status: str) -> list[str]:
    head = f"  {click.style(item['id'], fg=_COLOURS[status])}  {shorten(item['text'], _WIDTH - 20)}"
    lines = [head, *_wrapped(item["reason"], "      ")]
    for evidence in item["evidence"][:1]:
        lines += _wrapped(f"”{shorten(evidence['quote'], 160)}” — {location(evidence)}", "      ")
    return lines


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]
