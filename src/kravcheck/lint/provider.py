"""Rules for a provider's documents before they are sent: patient data, template text left in,
outdated references, routines without date, version or owner."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import yaml

from ..document import BlockKind
from ..references import find_references
from .context import LintContext
from .finding import Hit

# ÅÅMMDD-NNNN, ÅÅMMDD+NNNN (100 years or older), ÅÅÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN.
_IDENTITY = re.compile(r"(?<![\d+-])(?P<century>18|19|20)?(?P<date>\d{6})(?P<sep>[-+]?)(?P<serial>\d{4})(?!\d)")
_COORDINATION_DAY = 60  # samordningsnummer: the day of birth plus 60

_PLACEHOLDERS = re.compile(
    r"\b(?:TODO|FIXME|TBD)\b"
    r"|(?i:\blorem ipsum\b)"
    r"|(?<!\w)(?:X{2,}|x{3,})(?!\w)"
    r"|(?i:\[\s*(?:fyll i|ange|infoga|skriv|lägg till|namn|datum|text|\.\.\.|…)[^\]]{0,60}\])"
    r"|(?i:<\s*(?:fyll i|ange|namn|datum)[^>]{0,40}>)"
    r"|(?i:ÅÅÅÅ-MM-DD)"
    r"|_{4,}"
)
_FIELD = r"(?:Namn|Datum|Ansvarig|Dokumentansvarig|Version|Fastställd av|Godkänd av|Upprättad av|Giltig till|Telefon|E-post)"
# "Ansvarig:" with nothing after it, before the next field or the end of the line.
_EMPTY_FIELD = re.compile(rf"(?<!\w){_FIELD}\s*:(?=\s*(?:$|\||{_FIELD}\s*:))")

_BESTALLNING_YEAR = re.compile(
    r"(?i:\b(?:beställning\w*|förfrågningsunderlag\w*)(?:\s+[^\s.;:]+){0,4}?|\bvårdval\s+primärvård)"
    r"\s+(?P<year>20\d{2})\b"
)

_ROUTINE = re.compile(r"rutin", re.IGNORECASE)
_METADATA = {
    "datum": re.compile(
        r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b"
        r"|(?i:\b\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?:19|20)\d{2}\b)"
    ),
    "version": re.compile(r"(?i:\b(?:version(?:snummer)?|revision|utgåva)\s*:?\s*\d)|\bv\.?\s?\d+\.\d+\b"),
    "ansvarig person": re.compile(
        r"(?i:\b(?:dokument|rutin|innehålls|process)?ansvarig\s*:\s*\w"
        r"|\b(?:fastställd|godkänd|upprättad|framtagen|skriven|reviderad)\s+av\s+\w)"
    ),
}


def personal_identity_number(ctx: LintContext) -> Iterator[Hit]:
    """Personnummer and samordningsnummer with a valid check digit; the match is shown masked, as
    lint output ends up in review tools and logs."""
    for index, block in enumerate(ctx.doc.blocks):
        for found in _IDENTITY.finditer(block.text):
            kind = _identity_kind(found)
            if kind is None:
                continue
            masked = f"{found['century'] or ''}{found['date']}{found['sep']}XXXX"
            yield Hit(
                "personal-identity-number", index, found.start(), found.end(),
                f"{kind} ({masked}): patientuppgifter får inte finnas i en inlämning", text=masked,
            )


def _identity_kind(found: re.Match[str]) -> str | None:
    century, date, sep = found["century"], found["date"], found["sep"]
    if sep not in (("-", "+") if century is None else ("", "-")):
        return None
    year, month, day = int(date[:2]), int(date[2:4]), int(date[4:])
    coordination = day > _COORDINATION_DAY
    day -= _COORDINATION_DAY if coordination else 0
    full_year = int(century) * 100 + year if century else (2000 + year if 2000 + year <= dt.date.today().year else 1900 + year)
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(full_year, month)[1]:
        return None
    if not _luhn_valid(date + found["serial"]):
        return None
    return "samordningsnummer" if coordination else "personnummer"


def _luhn_valid(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        doubled = digit * 2 if position % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def placeholder(ctx: LintContext) -> Iterator[Hit]:
    for index, block in enumerate(ctx.doc.blocks):
        for found in [*_PLACEHOLDERS.finditer(block.text), *_EMPTY_FIELD.finditer(block.text)]:
            yield Hit(
                "placeholder", index, found.start(), found.end(),
                f"mall- eller utkasttext kvar: ”{found.group().strip()}”; fyll i eller ta bort",
            )
        if block.kind is BlockKind.TABLE:
            yield from _empty_cells(index, block)


def _empty_cells(index: int, block) -> Iterator[Hit]:
    """A table row "Ansvarig | " whose value cell was never filled in."""
    for row in block.rows or []:
        if len(row) >= 2 and re.fullmatch(_FIELD, row[0].strip().rstrip(":")) and not any(c.strip() for c in row[1:]):
            start = block.text.find(row[0])
            yield Hit("placeholder", index, max(start, 0), max(start, 0) + len(row[0]),
                      f"mallfältet ”{row[0].strip()}” är tomt; fyll i eller ta bort")


@functools.cache
def superseded() -> dict[str, dict]:
    source = resources.files("kravcheck").joinpath("data/superseded_regulations.yaml").read_text(encoding="utf-8")
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def outdated_reference(ctx: LintContext) -> Iterator[Hit]:
    """A Beställning of another year than the catalogue's; a regulation that has been replaced."""
    replaced = superseded()
    for index, block in enumerate(ctx.doc.blocks):
        if ctx.catalogue_year is not None:
            for found in _BESTALLNING_YEAR.finditer(block.text):
                if int(found["year"]) != ctx.catalogue_year:
                    yield Hit(
                        "outdated-reference", index, found.start(), found.end(),
                        f"hänvisar till beställningen {found['year']}, men katalogen gäller {ctx.catalogue_year}",
                    )
        for citation in find_references(block.text):
            entry = replaced.get(citation)
            if entry is None:
                continue
            number = citation.split()[-1]
            start = max(block.text.find(number), 0)
            yield Hit(
                "outdated-reference", index, start, start + len(number),
                f"{entry['title']} ersattes {entry['since']} av {entry['replaced_by']}",
            )


def missing_metadata(ctx: LintContext) -> Iterator[Hit]:
    """A routine (its file name or title says "rutin") without a date, a version or a responsible
    person anywhere in its text."""
    blocks = ctx.doc.blocks
    if not blocks or not (_ROUTINE.search(Path(ctx.doc.source).name) or _ROUTINE.search(blocks[0].text)):
        return
    whole = "\n".join(block.text for block in blocks)
    missing = [name for name, pattern in _METADATA.items() if not pattern.search(whole)]
    if missing:
        listed = " och ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        yield Hit(
            "missing-metadata", 0, 0, len(blocks[0].text),
            f"rutinen saknar {listed}; ange dem i dokumentet",
        )


CHECKS = {
    "personal-identity-number": personal_identity_number,
    "placeholder": placeholder,
    "outdated-reference": outdated_reference,
    "missing-metadata": missing_metadata,
}
