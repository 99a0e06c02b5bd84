"""The structured document model every reader produces and every later stage reads.

A `Document` is an ordered list of `Block`s in reading order. Readers fill in the
layout facts they know (page, line or paragraph index, marks); `structure.finish`
then derives what is common to all formats: the section each block is in and the
lead-in each list item belongs to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


@dataclass
class Block:
    kind: BlockKind
    # Current text only: struck-through and tracked-deleted words are in `deleted`, not here.
    text: str
    page: int | None = None  # 1-based, PDF (and text where a page number line is seen)
    line: int | None = None  # 1-based first source line, text reader
    paragraph: int | None = None  # 0-based body paragraph index, DOCX reader
    section: str | None = None  # number of the section the block is in, e.g. "2.1.15"
    # Headings: section number and title; `level` is the numbering depth (1 for "2", 3 for "2.1.11").
    # List items: nesting level, 1 for a top-level item.
    level: int = 0
    number: str | None = None
    title: str | None = None
    # List items: index (into Document.blocks) of the block this item continues: the lead-in
    # paragraph ("Leverantören ska:") for a top-level item, the parent item for a nested one.
    lead_in: int | None = None
    rows: list[list[str]] | None = None  # tables: rows x cells, current text
    deleted: list[str] = field(default_factory=list)  # struck-through / w:del fragments
    inserted: list[str] = field(default_factory=list)  # w:ins fragments (also part of `text`)
    changed: bool = False  # a change bar beside it, or tracked insertions in it

    def to_dict(self) -> dict:
        """JSON-ready fields. `kind`, `text`, `page` and `section` are always there; the rest only
        where they apply to this block, to keep the output readable."""
        data = {"kind": str(self.kind), "text": self.text, "page": self.page, "section": self.section}
        for name in _OPTIONAL_FIELDS:
            value = getattr(self, name)
            if name == "level":
                if self.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM):
                    data[name] = value
            elif value is not None and value is not False and value != []:
                data[name] = value  # 0 is a real paragraph index
        return data


_OPTIONAL_FIELDS = (
    "line", "paragraph", "level", "number", "title", "lead_in", "rows", "deleted", "inserted", "changed"
)


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    level: int
    block_index: int  # index of its heading block


@dataclass
class Document:
    source: str
    sha256: str
    kind: DocumentKind
    page_count: int | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def sections(self) -> list[Section]:
        return [
            Section(b.number, b.title or "", b.level, i)
            for i, b in enumerate(self.blocks)
            if b.kind is BlockKind.HEADING and b.number
        ]

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "kind": str(self.kind),
            "page_count": self.page_count,
            "blocks": [b.to_dict() for b in self.blocks],
        }


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
