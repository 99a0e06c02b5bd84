"""A word-level redline: the new text with what was struck and what was added.

Words are compared whole, with their punctuation, so "dagar," against "dagar." shows; runs of
white space count as one space, since extraction spacing is no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Segment:
    op: str  # "equal" | "delete" | "insert"
    text: str

    def to_list(self) -> list[str]:
        return [self.op, self.text]


def redline(old: str, new: str) -> list[Segment]:
    """`old` turned into `new` as segments in reading order; a replaced run is its deletion
    followed by its insertion."""
    a, b = old.split(), new.split()
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", " ".join(b[j1:j2])))
    return segments
