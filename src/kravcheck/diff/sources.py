"""The two sides of a diff: a catalogue file, or a document whose krav are extracted on the fly.

A document does not say which catalogue it would be: its region and year are taken from the
options when given, otherwise read from its text. The region is the first known region named in
its opening blocks ("Region Norrbotten"); the year is the one that most often follows "Beställning",
"Vårdval" or "Primärvård" ("Beställning Vårdval Primärvård 2026"), not the first year in it:
Beställningar open with history ("Sedan den 1 januari 2010").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import REGION_CODES, Catalogue
from ..document import Document
from ..errors import InputError

CATALOGUE_SUFFIXES = (".yaml", ".yml")
_OPENING_BLOCKS = 40  # where a Beställning names its region
_TITLE_YEAR = re.compile(r"(?:beställning|vårdval|primärvård|förfrågningsunderlag)\w*\s+(?:\w+\s+){0,2}?(20\d\d)\b", re.I)


@dataclass
class Side:
    catalogue: Catalogue
    document: Document | None = None  # set when the side was a document: its change marks count


def load_side(path: Path, region: str | None = None, year: int | None = None, with_document: bool = False) -> Side:
    """`path` as a catalogue; a document is read and its krav extracted. With `with_document`
    the document is kept for its change marks."""
    from ..catalogue import load_catalogue

    if path.suffix.lower() in CATALOGUE_SUFFIXES:
        return Side(load_catalogue(path))
    from ..extract import extract_catalogue
    from ..readers import read_document

    doc = read_document(path)
    region = region or infer_region(doc)
    year = year or infer_year(doc)
    if region is None or year is None:
        missing = " och ".join(option for option, value in (("--region", region), ("året", year)) if value is None)
        raise InputError(f"kan inte avgöra {missing} för {path}; ange dem med --region och --old-year/--new-year")
    return Side(extract_catalogue(path, region, year, title=None), doc if with_document else None)


def infer_region(doc: Document) -> str | None:
    opening = _folded(" ".join(block.text for block in doc.blocks[:_OPENING_BLOCKS]))
    found = [(opening.find(name), name) for name in REGION_CODES if name in opening]
    return min(found)[1] if found else None


def infer_year(doc: Document) -> int | None:
    years = Counter(int(m.group(1)) for block in doc.blocks for m in _TITLE_YEAR.finditer(block.text))
    return years.most_common(1)[0][0] if years else None


def _folded(text: str) -> str:
    """Lower case without diacritics: "Norrtälje" is the region id "norrtalje"."""
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
