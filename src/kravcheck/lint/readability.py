"""LIX (läsbarhetsindex) per section: words per sentence plus the percentage of long words
(more than six letters). Björnsson's bands give the value its meaning for the reader."""

from __future__ import annotations

from collections.abc import Iterator

from .context import LintContext
from .finding import Hit

_BANDS = ((30, "mycket lättläst"), (40, "lättläst"), (50, "medelsvår"), (60, "svår"))
_HARDEST = "mycket svår"


def lix(words: int, sentences: int, long_words: int) -> float:
    return words / sentences + 100 * long_words / words


def band(value: float) -> str:
    return next((label for limit, label in _BANDS if value < limit), _HARDEST)


def readability(ctx: LintContext) -> Iterator[Hit]:
    """One info hit per section with enough words, at its heading (or first block)."""
    minimum = ctx.options["readability"]["min_words"]
    totals: dict[str | None, list[int]] = {}  # section -> [words, sentences, long words]
    for sentence in ctx.sentences:
        section = ctx.doc.blocks[sentence.block].section
        counts = totals.setdefault(section, [0, 0, 0])
        counts[0] += sentence.words
        counts[1] += 1 if sentence.words else 0
        counts[2] += sentence.long_words
    first_block = {}
    for index, block in enumerate(ctx.doc.blocks):
        first_block.setdefault(block.section, index)
    for section, (words, sentences, long_words) in totals.items():
        if words < minimum:
            continue
        value = lix(words, sentences, long_words)
        index = first_block[section]
        name = f"avsnitt {section}" if section else "inledningen"
        yield Hit(
            "readability", index, 0, len(ctx.doc.blocks[index].text),
            f"LIX {value:.0f} ({band(value)}) i {name}, {words} ord",
        )


CHECKS = {"readability": readability}
