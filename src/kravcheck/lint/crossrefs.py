"""Cross-references that lead nowhere: sections the document lacks, bilagor it does not list,
"se separat avsnitt" without a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import BlockKind
from ..structure import covers
from .context import LintContext
from .finding import Hit

_NUMBER = r"\d{1,2}(?:\.\d{1,2})"
# "se avsnitt 2.5.12", "avsnitt 3", "enligt 2.6.4", "se 2.2.2.1": one part only after "avsnitt" or
# "kapitel" ("enligt 4 kap." and "under 2026" are no sections).
_CUED = re.compile(
    rf"(?i:\b(?:avsnitt|kapitel)\s+(?P<named>{_NUMBER}*)|\b(?:se|enligt|under)\s+(?P<dotted>{_NUMBER}+))"
    r"(?![\d:]|\.\d|\s*(?:§|kap\b|%))"
)
# A bare number of three parts or more ("3.2.3") is a section number wherever it stands.
_BARE = re.compile(rf"(?<![\d.])(?P<bare>{_NUMBER}{{2,4}})(?![\d:]|\.\d)")
# "(Tidigare 3.2.3 – …)": last year's numbering, not a cross-reference; "… avsnitt 4 i Avgiftshandboken":
# a section of another document.
_EARLIER = re.compile(r"(?i:tidigare|förut|f\.d\.|version)\s*$")
_ELSEWHERE = re.compile(r"\s+(?:i|ur)\s+(?!detta\b|denna\b)[\wÅÄÖåäö]")
_BILAGA = re.compile(r"(?i:\bbilaga)\s+(?P<number>\d{1,2})\b")
_UNNUMBERED = re.compile(r"(?i:\b(?:se|i)\s+(?:ett\s+)?(?:separat|särskilt|eget|annat)\s+avsnitt\b)")
_LISTING = (BlockKind.LIST_ITEM, BlockKind.TABLE, BlockKind.HEADING)


def dangling_reference(ctx: LintContext) -> Iterator[Hit]:
    yield from _sections(ctx)
    yield from _bilagor(ctx)
    for index, block in ctx.prose_blocks():
        for found in _UNNUMBERED.finditer(block.text):
            yield Hit(
                "dangling-reference", index, found.start(), found.end(),
                f"”{found.group()}” säger inte vilket avsnitt; ange avsnittets nummer",
            )


def _sections(ctx: LintContext) -> Iterator[Hit]:
    """References to section numbers the document has no heading for (a range heading
    "2.5.3-2.5.5" holds 2.5.4). A document without numbered headings refers to others' sections."""
    numbers = {s.number for s in ctx.doc.sections}
    if not numbers:
        return
    for index, block in ctx.prose_blocks():
        for found in [*_CUED.finditer(block.text), *_BARE.finditer(block.text)]:
            number = found[found.lastgroup]
            if number in numbers or any(covers(n, number) for n in numbers if "-" in n):
                continue
            start = found.start(found.lastgroup)
            if _EARLIER.search(block.text[:start]) or _ELSEWHERE.match(block.text, found.end()):
                continue
            yield Hit(
                "dangling-reference", index, start, found.end(),
                f"hänvisning till avsnitt {number}, som inte finns i dokumentet",
            )
            numbers.add(number)  # one hit per missing section, not per mention in the same block


def _bilagor(ctx: LintContext) -> Iterator[Hit]:
    """A bilaga cited in the text that is not among those the document lists (in a list, a table
    or a heading). Without such a listing there is nothing to check against."""
    blocks = ctx.doc.blocks
    listed = {int(m["number"]) for b in blocks if b.kind in _LISTING for m in _BILAGA.finditer(b.text)}
    if not listed:
        return
    for index, block in ctx.prose_blocks():
        if block.kind is BlockKind.LIST_ITEM:
            continue
        for found in _BILAGA.finditer(block.text):
            if int(found["number"]) not in listed:
                yield Hit(
                    "dangling-reference", index, found.start(), found.end(),
                    f"hänvisning till {found.group()}, men de bilagor dokumentet listar är {_listing(listed)}",
                )


def _listing(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(n) for n in ordered)


CHECKS = {"dangling-reference": dangling_reference}
