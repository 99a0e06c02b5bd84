"""Renderings of a check report for people. Each renders the JSON report dict
(`check.report.Report.to_dict`), so every format says the same thing."""

from __future__ import annotations

import importlib

# Format -> (module, function). Imported only when asked for: openpyxl, python-docx and Jinja cost
# start-up time that the other formats should not pay.
_RENDERERS = {
    "table": ("terminal", "render_table"),
    "md": ("markdown", "render_markdown"),
    "html": ("html", "render_html"),
    "xlsx": ("xlsx", "render_xlsx"),
    "docx": ("docx", "render_docx"),
}


def render(report: dict, fmt: str) -> str | bytes:
    """The report in `fmt`: text, or the bytes of a file for xlsx and docx."""
    module, function = _RENDERERS[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)(report)
