"""The region's own change marks in the new document, set beside the computed changes.

A region marks its revisions: a bar in the margin or a tracked insertion for new text, strike-
through or a tracked deletion for removed text (`Block.changed`, `Block.inserted`,
`Block.deleted`, filled by the readers). Each new krav is traced to the blocks it was read from
(its line or page, its section and its text), so its change carries the marks found there. Where
marks and computed changes disagree, the report says so: a mark with no change behind it, or a
material change without a mark. A document without any marks says nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..document import Block, Document
from ..krav import Krav
from ..textnorm import clean
from .changes import Change, ChangeKind, Mark

_PREFIX = 60  # characters of a krav's text that find its block: a sentence may continue past it
DELETED_LIKE_REMOVED = 80  # rapidfuzz partial_ratio of a struck fragment and a removed krav


@dataclass(frozen=True)
class Disagreement:
    krav_id: str
    issue: str  # "mark_without_change" | "change_without_mark"
    text: str


def has_marks(doc: Document) -> bool:
    return any(block.changed or block.inserted or block.deleted for block in doc.blocks)


def apply_marks(doc: Document, changes: list[Change], unchanged: Iterable[Krav]) -> list[Disagreement]:
    """Give every change of a new krav its marks; return where marks and changes disagree."""
    if not has_marks(doc):
        return []
    blocks = _BlocksBySection(doc)
    disagreements: list[Disagreement] = []
    for change in changes:
        if change.new:
            change.mark = _merged(blocks.mark_of(k) for new in change.new for k in new.walk())
        else:  # a removed krav: struck text in the new document that reads like it
            change.mark = _struck_like(doc, change.old)
        if change.material and not change.mark:
            krav = (change.new or change.old)[0]
            disagreements.append(Disagreement(krav.id, "change_without_mark", krav.text))
        elif not change.material and change.mark and ChangeKind.EDITORIAL not in change.kinds:
            krav = change.new[0]
            disagreements.append(Disagreement(krav.id, "mark_without_change", krav.text))
    for krav in unchanged:
        if _merged(blocks.mark_of(k) for k in krav.walk()):
            disagreements.append(Disagreement(krav.id, "mark_without_change", krav.text))
    return disagreements


class _BlocksBySection:
    def __init__(self, doc: Document) -> None:
        self._sections: dict[str | None, list[tuple[Block, str]]] = {}
        for block in doc.blocks:
            self._sections.setdefault(block.section, []).append((block, clean(block.text)))

    def mark_of(self, krav: Krav) -> Mark:
        """The marks on the blocks `krav` was read from (not its elements')."""
        return _merged(Mark(b.changed, list(b.inserted), list(b.deleted)) for b in self.blocks_of(krav))

    def blocks_of(self, krav: Krav) -> list[Block]:
        """The blocks in the krav's section that hold the start of its text; where the krav knows
        its line or page, only those there."""
        start = clean(krav.text)[:_PREFIX]
        found = [block for block, text in self._sections.get(krav.section, []) if start in text]
        for attribute in ("line", "page"):
            value = getattr(krav, attribute)
            narrowed = [b for b in found if value is not None and getattr(b, attribute) == value]
            if narrowed:
                return narrowed
        return found


def _struck_like(doc: Document, removed: list[Krav]) -> Mark:
    from rapidfuzz import fuzz

    texts = [k.text for k in removed]
    struck = [
        fragment for block in doc.blocks for fragment in block.deleted
        if any(fuzz.partial_ratio(fragment, text) >= DELETED_LIKE_REMOVED for text in texts)
    ]
    return Mark(deleted=struck)


def _merged(marks: Iterable[Mark]) -> Mark:
    merged = Mark()
    for mark in marks:
        merged.changed |= mark.changed
        merged.inserted += mark.inserted
        merged.deleted += mark.deleted
    return merged
