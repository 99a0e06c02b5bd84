"""Lint findings as SARIF 2.1.0, the format code-review tools read (GitHub code scanning, Azure
DevOps, VS Code's SARIF viewer). Levels map to SARIF's error, warning and note.

SARIF regions count lines; a DOCX has paragraphs and a PDF pages, so those go into the result's
property bag, and the region is given only where there is a line."""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from .finding import Finding, Level
from .rules import RuleSpec

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def render_sarif(findings: list[Finding], rules: dict[str, RuleSpec], levels: dict[str, Level]) -> str:
    """`rules`: every rule's description; `levels`: the rules that ran, with their configured level."""
    ids = list(levels)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "kravcheck",
                "version": __version__,
                "rules": [_descriptor(rules[rule], levels[rule]) for rule in ids],
            }},
            "results": [_result(f, ids.index(f.rule)) for f in findings],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _descriptor(spec: RuleSpec, level: Level) -> dict:
    return {
        "id": spec.id,
        "shortDescription": {"text": spec.description.split(":")[0].split(". ")[0]},
        "fullDescription": {"text": spec.description},
        "help": {"text": f"{spec.description}\n\nExempel (fynd):\n{spec.hit}\nExempel (inget fynd):\n{spec.ok}"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
        "properties": {"audience": spec.audience},
    }


def _result(finding: Finding, rule_index: int) -> dict:
    physical: dict = {"artifactLocation": {"uri": Path(finding.file).as_posix()}}
    if finding.line is not None:
        physical["region"] = {"startLine": finding.line, "snippet": {"text": finding.text}}
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    where = {key: value for key, value in (("page", finding.page), ("paragraph", finding.paragraph)) if value is not None}
    if where:
        result["properties"] = where
    return result
