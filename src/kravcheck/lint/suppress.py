"""Inline suppression: `kravcheck: ignore RULE-ID[, RULE-ID …]` (or bare `kravcheck: ignore`, all
rules).

In text (and as text in a DOCX paragraph) the marker silences the block it stands in; a marker
that is a block of its own ("<!-- kravcheck: ignore placeholder -->" on its own line) silences
the block after it. In a DOCX a Word comment with the marker silences the paragraph (or table)
it is anchored to: comments are where reviewers write in Word, and they leave the text as it is.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from ..document import Document, DocumentKind

ALL = "*"
# Rule ids are lower case: the marker ends at the first word that is not one.
_MARKER = re.compile(r"(?i:kravcheck):\s*ignore\b(?P<rules>(?:[ \t]*,?[ \t]*[a-z]+(?:-[a-z]+)*)*)")
_COMMENT_SYNTAX = re.compile(r"<!--|-->|^\s*(?:#|//|%)|\s")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rules(match: re.Match[str]) -> set[str]:
    named = set(re.findall(r"[a-z]+(?:-[a-z]+)*", match["rules"]))
    return named or {ALL}


def suppressions(doc: Document) -> dict[int, set[str]]:
    """Block index -> the rules silenced there (ALL for every rule)."""
    silenced: dict[int, set[str]] = {}
    for index, block in enumerate(doc.blocks):
        for found in _MARKER.finditer(block.text):
            rest = _COMMENT_SYNTAX.sub("", block.text[: found.start()] + block.text[found.end():])
            target = index + 1 if not rest and index + 1 < len(doc.blocks) else index
            silenced.setdefault(target, set()).update(_rules(found))
    if doc.kind is DocumentKind.DOCX:
        by_paragraph = _comment_markers(Path(doc.source))
        for index, block in enumerate(doc.blocks):
            if block.paragraph in by_paragraph:
                silenced.setdefault(index, set()).update(by_paragraph[block.paragraph])
    return silenced


def _comment_markers(path: Path) -> dict[int, set[str]]:
    """Body paragraph index -> rules named by the markers in the Word comments anchored there,
    counting body paragraphs the way the DOCX reader does."""
    from ..readers.docx import body_items

    try:
        with zipfile.ZipFile(path) as package:
            if "word/comments.xml" not in package.namelist():
                return {}
            comments = etree.fromstring(package.read("word/comments.xml"))
            body = etree.fromstring(package.read("word/document.xml")).find(f"{{{_W}}}body")
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {}  # the reader has already accepted the file; a broken comments part silences nothing
    marked: dict[str, set[str]] = {}
    for comment in comments.iter(f"{{{_W}}}comment"):
        text = "".join(comment.itertext())
        for found in _MARKER.finditer(text):
            marked.setdefault(comment.get(f"{{{_W}}}id"), set()).update(_rules(found))
    found_at: dict[int, set[str]] = {}
    paragraphs = 0
    for item in body_items(body):
        for anchor in item.iter(f"{{{_W}}}commentRangeStart", f"{{{_W}}}commentReference"):
            rules = marked.get(anchor.get(f"{{{_W}}}id"))
            if rules:
                found_at.setdefault(paragraphs, set()).update(rules)
        if item.tag == f"{{{_W}}}p":
            paragraphs += 1
    return found_at
