"""Drafting rules on sentences and krav: conflicting modal verbs, krav without a subject or with
only a vague measure, long sentences.

Modal verbs are found by the extractor's own Matcher (extract.py), so lint and extraction agree
on what a modal verb is; the krav-level rules read the extractor's krav.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..krav import Modality
from .context import LintContext
from .finding import Hit

_MODAL_OPENINGS = {"ska", "skall", "måste", "bör"}


def conflicting_modality(ctx: LintContext) -> Iterator[Hit]:
    """"bör ska", "ska bör", "måste bör": a modal verb right after one of another strength. The
    extractor reads such a krav as its stronger verb; the reader cannot know which was meant."""
    from ..extract import modal_matcher

    matcher = modal_matcher()
    for index, parsed in ctx.parsed.items():
        matches = sorted(matcher(parsed), key=lambda match: match[1])
        for (first_kind, first_start, first_end), (second_kind, second_start, second_end) in zip(matches, matches[1:]):
            kinds = {parsed.vocab.strings[first_kind], parsed.vocab.strings[second_kind]}
            if first_end == second_start and len(kinds) == 2 and "bör" in kinds:
                span = parsed[first_start:second_end]
                yield Hit(
                    "conflicting-modality", index, span.start_char, span.end_char,
                    f"”{span.text}”: två modala verb i rad; skriv ”ska” för ett krav eller ”bör” för en rekommendation",
                )


def unverifiable_krav(ctx: LintContext) -> Iterator[Hit]:
    """A ska-krav with a vague measure and no figure, deadline or date to check it by."""
    phrases = ctx.options["unverifiable-krav"]["vague"]
    vague = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE)
    seen: set[tuple[int, int]] = set()
    for krav, index in ctx.krav:
        if krav.modality is not Modality.SKA or krav.parameters:
            continue
        text = ctx.doc.blocks[index].text
        offset = max(text.find(krav.text), 0)
        found = vague.search(text, offset, offset + len(krav.text))
        if found is None or (index, found.start()) in seen:
            continue  # a sentence and its enumerated elements share the phrase: one hit
        seen.add((index, found.start()))
        yield Hit(
            "unverifiable-krav", index, found.start(), found.end(),
            f"ska-kravets enda mått är ”{found.group()}”: ange en frist, en siffra eller hur kravet följs upp",
        )


def krav_without_subject(ctx: LintContext) -> Iterator[Hit]:
    """A krav that opens with its modal verb ("Ska säkerställa att …") binds nobody by name."""
    for krav, index in ctx.krav:
        first = krav.text.split(maxsplit=1)[0] if krav.text.strip() else ""
        if first.lower() not in _MODAL_OPENINGS:
            continue
        text = ctx.doc.blocks[index].text
        start = max(text.find(krav.text), 0)
        yield Hit(
            "krav-without-subject", index, start, start + len(first),
            f"kravet börjar med ”{first}” utan att säga vem det binder (leverantören, regionen …)",
        )


def long_sentence(ctx: LintContext) -> Iterator[Hit]:
    limit = ctx.options["long-sentence"]["max_words"]
    for sentence in ctx.sentences:
        if sentence.words > limit:
            yield Hit(
                "long-sentence", sentence.block, sentence.start, sentence.end,
                f"meningen har {sentence.words} ord (högst {limit}); dela upp den",
            )


CHECKS = {
    "conflicting-modality": conflicting_modality,
    "unverifiable-krav": unverifiable_krav,
    "krav-without-subject": krav_without_subject,
    "long-sentence": long_sentence,
}
