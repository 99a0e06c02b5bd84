"""Terminology rules: abbreviations never written out, and two words for one thing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import LintContext
from .finding import Hit

# "SIP", "HSLF-FS", "KVÅ" in "KVÅ-kod"; mixed case with one small letter inside: "FoU", "SoL".
_ABBREVIATION = re.compile(r"(?<![\w-])(?:[A-ZÅÄÖ]{2,6}(?:-[A-ZÅÄÖ]{2,4})?|[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ])(?!\w)")
_NOT_ABBREVIATIONS = re.compile(r"[IVXLCDM]+|X+|TODO|FIXME|TBD")  # roman numerals, placeholders
# Quoted text is verbatim (a search word, a name): "sökordet ”VNR”" expands nothing.
_QUOTED = re.compile(r"[”“\"][^”“\"]{0,80}[”“\"]|'[^']{0,80}'")
_UPPER_SHARE = 0.5  # a block mostly in capitals is a shouted heading, not a text of abbreviations


def undefined_abbreviation(ctx: LintContext) -> Iterator[Hit]:
    """The first use of each abbreviation that is neither written out in brackets ("samordnad
    individuell plan (SIP)", "SIP (samordnad individuell plan)"), nor in the definitions chapter,
    nor known to every reader (options: known)."""
    known = set(ctx.options["undefined-abbreviation"]["known"])
    whole = "\n".join(block.text for block in ctx.doc.blocks)
    definitions = " ".join(ctx.doc.blocks[i].text for i in sorted(ctx.definition_blocks))
    reported: set[str] = set()
    for index, block in enumerate(ctx.doc.blocks):
        letters = [c for c in block.text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > _UPPER_SHARE:
            continue
        text = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), block.text)
        for found in _ABBREVIATION.finditer(text):
            word = found.group()
            if word in known or word in reported or _NOT_ABBREVIATIONS.fullmatch(word):
                continue
            reported.add(word)
            if not _written_out(word, whole) and not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", definitions):
                yield Hit(
                    "undefined-abbreviation", index, found.start(), found.end(),
                    f"förkortningen {word} skrivs aldrig ut; skriv ut den första gången den används eller i definitionerna",
                )


def _written_out(word: str, text: str) -> bool:
    """In brackets after its words ("… plan (SIP)", "(LOV; 2008:962)") or followed by them in
    brackets ("SIP (samordnad …)")."""
    escaped = re.escape(word)
    inside = rf"\((?:[^()]*[\s;,])?{escaped}(?:[\s;,][^()]*)?\)"
    before = rf"(?<!\w){escaped}\s*\((?=[a-zåäö])"
    return re.search(f"{inside}|{before}", text) is not None


def inconsistent_term(ctx: LintContext) -> Iterator[Hit]:
    """Two words of a group ("hälsocentral", "vårdcentral") both used, neither equated by the
    definitions chapter nor written as one ("hälsocentral/vårdcentral"): one hit, at the first use
    of the rarer word."""
    blocks = ctx.doc.blocks
    definitions = " ".join(blocks[i].text for i in sorted(ctx.definition_blocks)).lower()
    whole = "\n".join(block.text for block in blocks).lower()
    for group in ctx.options["inconsistent-term"]["groups"]:
        patterns = {term: re.compile(rf"(?<!\w){re.escape(term.lower())}\w*", re.IGNORECASE) for term in group}
        counts = {term: len(pattern.findall(whole)) for term, pattern in patterns.items()}
        used = [term for term in group if counts[term]]
        if len(used) < 2 or sum(1 for term in used if patterns[term].search(definitions)) >= 2:
            continue
        if any(re.search(rf"{re.escape(a.lower())}\w*\s*/\s*{re.escape(b.lower())}", whole) for a in used for b in used if a != b):
            continue
        rare = min(used, key=lambda term: counts[term])
        common = max(used, key=lambda term: counts[term])
        index, found = next((i, m) for i, b in enumerate(blocks) if (m := patterns[rare].search(b.text)))
        yield Hit(
            "inconsistent-term", index, found.start(), found.end(),
            f"”{rare}” ({_times(counts[rare])}) och ”{common}” ({_times(counts[common])}) används om samma sak; "
            "välj ett ord eller likställ dem i definitionerna",
        )


def _times(count: int) -> str:
    return "1 gång" if count == 1 else f"{count} gånger"


CHECKS = {"undefined-abbreviation": undefined_abbreviation, "inconsistent-term": inconsistent_term}
