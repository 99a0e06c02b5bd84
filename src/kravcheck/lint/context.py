"""What the rules read besides the document: its sentences, its krav and its definitions chapter,
each computed once, when a rule first asks for it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..document import BlockKind, Document
from ..krav import Krav

_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
_DEFINITIONS = re.compile(r"definition|begrepp|förkortning|ordlista", re.IGNORECASE)
_KRAV_KEY = 40  # characters of a krav's text enough to find its block


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int  # character offsets in the block's text
    end: int
    text: str
    words: int
    long_words: int  # more than six letters, as LIX counts them


class LintContext:
    def __init__(self, doc: Document, options: dict[str, dict], catalogue_year: int | None = None) -> None:
        self.doc = doc
        self.options = options
        self.catalogue_year = catalogue_year

    def prose_blocks(self):
        """(index, block) of the paragraphs and list items: the running text."""
        return ((i, b) for i, b in enumerate(self.doc.blocks) if b.kind in _PROSE)

    @functools.cached_property
    def _every_parse(self) -> list:
        """spaCy's parse of every block, shared with the extractor (`krav`)."""
        from ..extract import parse_blocks

        return parse_blocks(self.doc)

    @functools.cached_property
    def parsed(self) -> dict[int, object]:
        """spaCy's parse (tokens and sentences) of every prose block, by block index."""
        return {i: self._every_parse[i] for i, _ in self.prose_blocks()}

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        found = []
        for index, parsed in self.parsed.items():
            for sentence in parsed.sents:
                words = [t.text for t in sentence if any(c.isalnum() for c in t.text)]
                found.append(Sentence(
                    index, sentence.start_char, sentence.end_char, sentence.text, len(words),
                    sum(1 for w in words if sum(c.isalpha() for c in w) > 6),
                ))
        return found

    @functools.cached_property
    def krav(self) -> list[tuple[Krav, int]]:
        """Every krav and element the extractor finds, with the block it stands in."""
        from ..extract import extract_krav

        return [
            (krav, block)
            for top in extract_krav(self.doc, self._every_parse)
            for krav in top.walk()
            if (block := self._block_of(krav)) is not None
        ]

    def _block_of(self, krav: Krav) -> int | None:
        """The block holding the krav's text: one at the krav's line and page if there is one."""
        key = krav.text[:_KRAV_KEY]
        placed = (i for i in self._blocks_at.get((krav.line, krav.page), ()) if key in self.doc.blocks[i].text)
        anywhere = (i for i, b in enumerate(self.doc.blocks) if key in b.text)
        found = next(placed, None)
        return found if found is not None else next(anywhere, None)

    @functools.cached_property
    def _blocks_at(self) -> dict[tuple[int | None, int | None], list[int]]:
        at: dict[tuple[int | None, int | None], list[int]] = {}
        for index, block in enumerate(self.doc.blocks):
            at.setdefault((block.line, block.page), []).append(index)
        return at

    @functools.cached_property
    def definition_blocks(self) -> set[int]:
        """The blocks of the definitions chapter ("1.1 Definitioner", "Begrepp och förkortningar")."""
        chapters = {s.number for s in self.doc.sections if _DEFINITIONS.search(s.title)}
        return {i for i, b in enumerate(self.doc.blocks) if b.section in chapters}
