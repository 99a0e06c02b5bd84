"""A submission's documents cut into passages: the units evidence is quoted from.

A passage is one sentence of a paragraph, one list item or one table row: small enough that a
quote shows exactly what the provider said, and that negation and figures are read in the right
place. Each passage keeps its place (file, page, heading) and its context: the heading it stands
under, the paragraph around a sentence, the lead-in of a list item ("Följande e-tjänster erbjuds
via 1177:"), the header row of a table. Context helps find a passage and decides whether a list item is a plan, but a quote is
always the passage itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import Block, BlockKind, Document
from .terms import Analyzer, Word

TABLE_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class Passage:
    file: str
    page: int | None
    heading: str | None  # the heading it stands under, as written ("3.2 Digitala tjänster")
    kind: str  # "sentence" | "list_item" | "table_row"
    text: str  # what is quoted
    context: str  # its paragraph, the lead-in of a list item, the header row of a table row, or ""
    words: tuple[Word, ...]  # content words of `text`
    terms: frozenset[str]  # all terms of `words`
    context_terms: frozenset[str]  # all terms of the content words of `context` and `heading`


@dataclass(frozen=True)
class _Unit:
    """A passage before analysis."""

    block: Block
    heading: str | None
    kind: str
    text: str
    context: str
    tokens: object = None  # the spaCy span of a sentence, already analysed


def passages_of(documents: list[Document], analyzer: Analyzer) -> list[Passage]:
    """All passages of the documents, in document and reading order."""
    units: list[tuple[str, _Unit]] = []
    for doc in documents:
        units.extend((Path(doc.source).name, unit) for unit in _units(doc, analyzer))
    unique_contexts = list(dict.fromkeys(_context_text(unit) for _file, unit in units))
    context_terms = {
        text: frozenset(t for word in words for t in word.terms)
        for text, words in zip(unique_contexts, analyzer.words_of(analyzer.docs(unique_contexts)), strict=True)
    }
    fresh = iter(analyzer.docs(unit.text for _file, unit in units if unit.tokens is None))
    texts = [unit.tokens if unit.tokens is not None else next(fresh) for _file, unit in units]
    words_of_units = analyzer.words_of(texts)
    return [
        Passage(
            file=file,
            page=unit.block.page,
            heading=unit.heading,
            kind=unit.kind,
            text=unit.text,
            context=unit.context,
            words=tuple(words),
            terms=frozenset(term for word in words for term in word.terms),
            context_terms=context_terms[_context_text(unit)],
        )
        for (file, unit), words in zip(units, words_of_units, strict=True)
    ]


def _context_text(unit: _Unit) -> str:
    return " ".join(part for part in (unit.heading, unit.context) if part)


def _units(doc: Document, analyzer: Analyzer):
    heading: str | None = None
    blocks = doc.blocks
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    sentences = dict(zip(map(id, paragraphs), analyzer.docs(b.text for b in paragraphs), strict=True))
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            heading = block.text.strip() or heading
        elif block.kind is BlockKind.PARAGRAPH:
            spans = [sentence for sentence in sentences[id(block)].sents if sentence.text.strip()]
            for sentence in spans:
                # The rest of the paragraph is context: "Vi har videobesök. De bokas via 1177."
                context = block.text if len(spans) > 1 else ""
                yield _Unit(block, heading, "sentence", sentence.text, context, sentence)
        elif block.kind is BlockKind.LIST_ITEM:
            lead_in = blocks[block.lead_in].text if block.lead_in is not None else ""
            yield _Unit(block, heading, "list_item", block.text.strip(), lead_in)
        elif block.kind is BlockKind.TABLE and block.rows:
            yield from _table_units(block, heading)


def _table_units(block: Block, heading: str | None):
    """One passage per row; a row's context is the header row, when the table has more rows."""
    rows = [[cell.strip() for cell in row] for row in block.rows or [] if any(cell.strip() for cell in row)]
    header = TABLE_CELL_SEPARATOR.join(rows[0]) if len(rows) > 1 else ""
    for row in rows[1:] if len(rows) > 1 else rows:
        yield _Unit(block, heading, "table_row", TABLE_CELL_SEPARATOR.join(c for c in row if c), header)
