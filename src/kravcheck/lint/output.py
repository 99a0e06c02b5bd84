"""Lint findings as text (one per line, for people and editors) and as JSON (for programs)."""

from __future__ import annotations

import json
from collections import Counter

from .finding import Finding, Level

_UNKNOWN = "-"
_LEVEL_NAMES = {Level.ERROR: ("fel", "fel"), Level.WARNING: ("varning", "varningar"), Level.INFO: ("info", "info")}


def location(finding: Finding) -> str:
    """"file:page:line", with the paragraph as "¶N" (1-based, as Word users count) for DOCX and
    "-" where the reader does not know the page or line."""
    page = str(finding.page) if finding.page is not None else _UNKNOWN
    if finding.line is not None:
        where = str(finding.line)
    elif finding.paragraph is not None:
        where = f"¶{finding.paragraph + 1}"
    else:
        where = _UNKNOWN
    return f"{finding.file}:{page}:{where}"


def render_text(findings: list[Finding]) -> str:
    return "".join(f"{location(f)}: {f.rule} {f.level} {f.message}\n" for f in findings)


def render_json(findings: list[Finding], files: list[str]) -> str:
    data = {"files": files, "summary": _counts(findings), "findings": [f.to_dict() for f in findings]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.level for f in findings)
    return {str(level): counts[level] for level in (Level.ERROR, Level.WARNING, Level.INFO)}


def summary_line(findings: list[Finding], files: int) -> str:
    """"2 fel, 5 varningar, 14 info i 3 filer"."""
    counts = Counter(f.level for f in findings)
    parts = [f"{counts[level]} {names[0] if counts[level] == 1 else names[1]}" for level, names in _LEVEL_NAMES.items()]
    return f"{', '.join(parts)} i {files} {'fil' if files == 1 else 'filer'}"
