"""The laws and regulations a krav cites, in one citation form each, so krav can be grouped by them.

Socialstyrelsen's regulations keep their series ("SOSFS 2015:10", "HSLF-FS 2016:40"); Swedish laws,
cited as "(2017:30)", "lagen (2017:372) om …", "(LOV; 2008:962)" or "SFS 2004:168", become
"SFS 2017:30"; EU regulations, "(EU) 2016/679" or "EU 2016/679", become "EU 2016/679". A
number must have a four-digit year and a colon or, for the EU, a slash after "EU": "kl. 8:00",
"2025/2026" and "2.1.11" are no references.
"""

from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d{2}"
_REFERENCE = re.compile(
    # A series: "SOSFS 2011:9", "HSLF-FS 2017:40", "SFS 2004:168" (not the "SFS" inside "SOSFS").
    rf"(?<![\w-])(?P<series>SOSFS|HSLF\s?[-–‐]\s?FS|SFS)\s*(?P<series_number>{_YEAR}:\d+)"
    # A law's number in brackets, perhaps after its abbreviation: "(2017:30)", "(LOV; 2008:962)".
    rf"|\((?:[A-ZÅÄÖ]{{2,8}}\s*;\s*)?(?P<law_number>{_YEAR}:\d+)\)"
    # A law's number after the law: "enligt lag 2019:1297", "patientdatalagen 2008:355".
    rf"|(?:lag|förordning)(?:en)?\s+(?P<named_law_number>{_YEAR}:\d+)"
    # An EU regulation: "(EU) 2016/679", "EU 2016/679", "(EU) nr 910/2014".
    r"|(?<!\w)\(?EU\)?\s*(?:nr\s+)?(?P<eu_number>\d{1,4}/\d{1,4})(?![\d/])",
)


def find_references(text: str) -> list[str]:
    """The regulations and laws `text` cites, normalised, each once, in text order."""
    return list(dict.fromkeys(_citation(match) for match in _REFERENCE.finditer(text)))


def _citation(match: re.Match[str]) -> str:
    """The one form a reference is kept in: "SOSFS 2015:10", "SFS 2017:30", "EU 2016/679"."""
    if match["series"]:
        series = "HSLF-FS" if match["series"].startswith("HSLF") else match["series"]
        return f"{series} {match['series_number']}"
    if match["eu_number"]:
        return f"EU {match['eu_number']}"
    return f"SFS {match['law_number'] or match['named_law_number']}"
