"""`kravcheck lint`: drafting faults in a Beställning and common faults in provider documents.

Rules are data (data/lint_rules.yaml: id, level, description, examples) and code, one module per
family: `drafting` (modal verbs, krav, sentences), `terms` (abbreviations, terminology),
`crossrefs` (references), `numbering` (section numbers), `readability` (LIX), `provider`
(personnummer, template text, outdated references, routine metadata). Each rule yields `Hit`s
inside the document model; `lint_document` drops the suppressed ones (`suppress`), gives each its
configured level (`config`) and its place in the file (`locate`), and returns `Finding`s in
document order. Output formats: `output` (text, JSON) and `sarif`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..document import Document
from .config import LintConfig
from .context import LintContext
from .finding import Finding, Hit, Level

Check = Callable[[LintContext], Iterator[Hit]]


def checks() -> dict[str, Check]:
    from . import crossrefs, drafting, numbering, provider, readability, terms

    return {**drafting.CHECKS, **terms.CHECKS, **crossrefs.CHECKS, **numbering.CHECKS, **readability.CHECKS, **provider.CHECKS}


def lint_document(doc: Document, config: LintConfig, catalogue_year: int | None = None) -> list[Finding]:
    """The findings of every enabled rule in `doc`, suppressions applied, in document order."""
    from .locate import Locator
    from .suppress import ALL, suppressions

    context = LintContext(doc, config.options, catalogue_year)
    silenced = suppressions(doc)
    locator = Locator(doc)
    registry = checks()
    hits = [
        (hit, level)
        for rule, level in config.levels.items()
        for hit in registry[rule](context)
        if not silenced.get(hit.block, set()) & {ALL, hit.rule}
    ]
    hits.sort(key=lambda pair: (pair[0].block, pair[0].start))
    return [_finding(doc, hit, level, locator) for hit, level in hits]


def _finding(doc: Document, hit: Hit, level: Level, locator) -> Finding:
    block = doc.blocks[hit.block]
    return Finding(
        rule=hit.rule,
        level=level,
        file=doc.source,
        page=block.page,
        line=locator.line(hit.block, hit.start),
        paragraph=block.paragraph,
        message=hit.message,
        text=hit.text if hit.text is not None else block.text[hit.start : hit.end],
    )


__all__ = ["Finding", "Level", "LintConfig", "checks", "lint_document"]
