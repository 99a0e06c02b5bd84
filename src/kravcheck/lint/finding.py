"""What a lint rule reports: a `Hit` inside the document model, then a located `Finding`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}


@dataclass(frozen=True)
class Hit:
    """A rule's find: the block it is in and the span of `Block.text` it covers."""

    rule: str
    block: int
    start: int
    end: int
    message: str
    text: str | None = None  # what to show as the matched text when not the span itself (masked numbers)


@dataclass(frozen=True)
class Finding:
    """A hit with its level and its place in the source file: page, and line (text) or paragraph
    (DOCX, 0-based as in `parse --format json`) where the reader knows them."""

    rule: str
    level: Level
    file: str
    page: int | None
    line: int | None
    paragraph: int | None
    message: str
    text: str

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "level": str(self.level),
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "paragraph": self.paragraph,
            "message": self.message,
            "text": self.text,
        }
