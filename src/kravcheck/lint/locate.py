"""The source line of a hit in a text file.

A block knows the line it starts on; a sentence deep in a paragraph wrapped over many lines stands
further down. The block's text is its lines joined, with line-end hyphens removed, so its letters
and digits are those of the lines in order: counting them finds the line of an offset. Where the
reader joined lines that were apart (a sentence cut by a column break), the count does not hold,
and the check on the word at the offset sends the hit back to the block's first line.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..document import Document, DocumentKind

_REACH = 80  # lines: no block of an extraction is longer
_PROBE = 6  # letters of the hit that must stand on the line found


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


class Locator:
    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @functools.cached_property
    def _lines(self) -> list[str]:
        if self._doc.kind is not DocumentKind.TEXT:
            return []
        data = Path(self._doc.source).read_bytes()
        try:
            return data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace").splitlines()

    def line(self, block_index: int, offset: int) -> int | None:
        block = self._doc.blocks[block_index]
        if block.line is None or not self._lines:
            return block.line
        before = len(_letters(block.text[:offset]))
        probe = _letters(block.text[offset:])[:_PROBE]
        seen = 0
        for number in range(block.line - 1, min(len(self._lines), block.line - 1 + _REACH)):
            letters = _letters(self._lines[number])
            if seen + len(letters) > before:
                at = before - seen
                following = letters[at:] + _letters(self._lines[number + 1]) if number + 1 < len(self._lines) else letters[at:]
                return number + 1 if following.startswith(probe) else block.line
            seen += len(letters)
        return block.line
