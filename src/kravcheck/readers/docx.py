"""Read a Word (DOCX) file into a `Document`, straight from the body XML.

python-docx's `Paragraph.text` drops text inside tracked insertions and knows nothing of
strike-through, yet drafts and revised versions of a beställning carry exactly those marks. So
the runs are read from the XML: inserted text is current text (and listed in `inserted`),
tracked-deleted and struck-through text is not (it goes to `deleted`). Headings, list items and
their levels come from paragraph styles and numbering, resolved through `basedOn` the way Word
does, instead of guessing from the layout.

Only the body is read: page headers and footers, footnotes, comments and text boxes are left out,
and so are table-of-contents entries. Content controls (w:sdt) are read through; their paragraphs
count as body paragraphs. A paragraph without current text is skipped, even when it had deleted
or struck text. In tables, a merged cell repeats its text in every grid column and row it spans.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from itertools import groupby
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..document import Block, BlockKind, Document, DocumentKind, sha256_of
from ..errors import InputError
from ..structure import HeadingText, finish, parse_heading, strip_bullet
from ..textnorm import clean

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}


def _tag(name: str) -> str:
    return f"{{{_W}}}{name}"


_W_P, _W_TBL, _W_TR, _W_TC, _W_R = (_tag(n) for n in ("p", "tbl", "tr", "tc", "r"))
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = _tag("sdt"), _tag("sdtContent"), _tag("customXml")
_W_VAL = _tag("val")
# Tracked changes: moved-away text is deleted text and moved-in text is inserted text.
_INSERTIONS = {_tag("ins"), _tag("moveTo")}
_DELETIONS = {_tag("del"), _tag("moveFrom")}
# Paragraph children that hold properties, never displayed text.
_PROPERTIES = {_tag("pPr"), _tag("rPr")}
# What a run child displays: text, or a tab / line break, which read as a space.
_RUN_TEXT = {_tag("t"), _tag("delText")}
_RUN_SPACE = {_tag("tab"), _tag("br"), _tag("cr")}
_OFF = {"0", "false", "off"}
_ON = {"1", "true", "on"}

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list bullet|list number|punktlista|numrerad lista)(?:\s*([1-9]))?$", re.IGNORECASE)
# Table-of-contents entries repeat the headings with page numbers; they are not content.
_TOC_STYLE = re.compile(r"^(?:toc\s*[1-9]|toc heading|innehåll\s*[1-9])$", re.IGNORECASE)
# zipfile's KeyError: "There is no item named 'word/document.xml' in the archive".
_MISSING_WORD_PART = re.compile(r"no item named '(?P<name>word/[^']+)'")
_BODY_TEXT_OUTLINE = 9  # w:outlineLvl 0-8 are heading levels 1-9; 9 means body text


def read_docx(path: Path) -> Document:
    """Read the body of a DOCX file into blocks. Raises `InputError` for a file Word could not open."""
    main, styles = _open(path)
    body = main.find("w:body", _NS)
    if body is None:  # a foreign main part, or Strict OOXML, whose namespace python-docx does not know
        raise InputError(f"filen är ingen giltig DOCX (dokumentet saknar brödtext): {path}")
    reader = _BodyReader(_Styles(styles))
    return Document(
        source=str(path),
        sha256=sha256_of(path),
        kind=DocumentKind.DOCX,
        page_count=None,
        blocks=finish(list(reader.blocks(body))),
    )


def _open(path: Path) -> tuple[etree._Element, etree._Element]:
    """The main document part's root and the styles part's root, parsed by python-docx."""
    try:
        word = docx.Document(str(path))
        return word.element, word.styles.element
    except Exception as exc:  # python-docx, lxml, zipfile and zlib raise many types for one cause: a bad file
        raise InputError(f"filen är ingen giltig DOCX ({_open_failure(exc)}): {path}") from exc


def _open_failure(exc: Exception) -> str:
    """A short Swedish reason for why python-docx could not open the file."""
    missing = _MISSING_WORD_PART.search(str(exc)) if isinstance(exc, KeyError) else None
    if missing:
        return f"{missing['name']} saknas i zip-arkivet"
    if isinstance(exc, (KeyError, ValueError, PackageNotFoundError)):
        return "inget Word-dokument i zip-arkivet"  # any zip, or e.g. an Excel file renamed to .docx
    if isinstance(exc, etree.XMLSyntaxError):
        return "trasig XML i dokumentet"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "skadat zip-arkiv"
    return "kan inte öppnas"


def body_items(container: etree._Element) -> Iterator[etree._Element]:
    """The `w:p` and `w:tbl` elements of a body or table cell in order, also inside content controls."""
    for child in container:
        if child.tag in (_W_P, _W_TBL):
            yield child
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from body_items(content)
        elif child.tag == _W_CUSTOM_XML:
            yield from body_items(child)


def _int_val(element: etree._Element, path: str, default: int) -> int:
    """The integer `w:val` at `path`, or `default` when absent or garbled (a bad file must not crash us)."""
    node = element.find(path, _NS)
    try:
        return int(node.get(_W_VAL)) if node is not None else default
    except (TypeError, ValueError):
        return default


def _is_on(node: etree._Element) -> bool:
    """A Word on/off property: present without a value, or with any value but 0/false/off, is on."""
    return (node.get(_W_VAL) or "true").lower() not in _OFF


class _Styles:
    """Style facts Word resolves through `basedOn` chains: names, outline levels, numbering, strike.

    A paragraph's *sources* are the paragraph itself followed by its style chain; a run's are the
    run, its character style chain, then the paragraph's style chain. Paragraph, run and style
    elements keep their properties under the same relative paths (`w:pPr/...`, `w:rPr/...`), so a
    property is looked up by taking the first source that sets it.
    """

    def __init__(self, root: etree._Element) -> None:
        self._by_id = {style.get(_tag("styleId")): style for style in root.iterchildren(_tag("style"))}
        self._default_paragraph = next(
            (
                style_id
                for style_id, style in self._by_id.items()
                if style.get(_tag("type")) == "paragraph" and style.get(_tag("default")) in _ON
            ),
            None,
        )

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first (cycles in bad files are cut)."""
        chain: list[etree._Element] = []
        while style_id in self._by_id and self._by_id[style_id] not in chain:
            style = self._by_id[style_id]
            chain.append(style)
            based_on = style.find("w:basedOn", _NS)
            style_id = based_on.get(_W_VAL) if based_on is not None else None
        return chain

    def paragraph_sources(self, paragraph: etree._Element) -> list[etree._Element]:
        style = paragraph.find("w:pPr/w:pStyle", _NS)
        return [paragraph, *self.chain(style.get(_W_VAL) if style is not None else self._default_paragraph)]

    def run_sources(self, run: etree._Element, paragraph_sources: list[etree._Element]) -> list[etree._Element]:
        style = run.find("w:rPr/w:rStyle", _NS)
        return [run, *self.chain(style.get(_W_VAL) if style is not None else None), *paragraph_sources[1:]]


def _first(sources: list[etree._Element], *paths: str) -> etree._Element | None:
    """The property node from the first source that sets any of `paths` (direct formatting wins)."""
    for source in sources:
        for path in paths:
            node = source.find(path, _NS)
            if node is not None:
                return node
    return None


def _first_val(sources: list[etree._Element], path: str) -> str | None:
    node = _first(sources, path)
    return node.get(_W_VAL) if node is not None else None


def _style_match(sources: list[etree._Element], pattern: re.Pattern[str]) -> re.Match[str] | None:
    """Match `pattern` against the style names in the chain, nearest style first."""
    for style in sources[1:]:
        name = style.find("w:name", _NS)
        match = pattern.match(name.get(_W_VAL) or "") if name is not None else None
        if match:
            return match
    return None


def _heading_level(sources: list[etree._Element]) -> int | None:
    """1-9 for a heading paragraph (outline level, else a Heading/Rubrik style name), None otherwise."""
    outline = _first_val(sources, "w:pPr/w:outlineLvl")
    if outline is not None:
        level = int(outline) if outline.isdigit() else _BODY_TEXT_OUTLINE
        return level + 1 if level < _BODY_TEXT_OUTLINE else None
    match = _style_match(sources, _HEADING_STYLE)
    return int(match[1]) if match else None


def _is_numbered(sources: list[etree._Element]) -> bool:
    """Word numbering applies (numId 0 is Word's way of switching inherited numbering off)."""
    num_id = _first_val(sources, "w:pPr/w:numPr/w:numId")
    return num_id is not None and num_id != "0"


def _list_level(sources: list[etree._Element], text: str) -> int | None:
    """Nesting level of a list item (1 = top level), None when the paragraph is no list item.

    "List Bullet 2" carries numbering without w:ilvl (each of those styles has a list of its own),
    so the style's trailing number counts when no w:ilvl is set.
    """
    numbered = _is_numbered(sources)
    ilvl = _first_val(sources, "w:pPr/w:numPr/w:ilvl") if numbered else None
    if ilvl is not None and ilvl.isdigit():
        return int(ilvl) + 1
    style = _style_match(sources, _LIST_STYLE)
    if numbered or style:
        return int(style[1]) if style and style[1] else 1
    return 1 if strip_bullet(text)[0] else None


class _Mark(Enum):
    CURRENT = "current"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass
class _Marked:
    """Text as it reads now, plus the tracked-inserted and deleted/struck fragments met on the way."""

    text: str = ""
    inserted: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[_Mark, str]]) -> _Marked:
        """Join marked pieces; neighbouring pieces with the same mark form one fragment."""
        marked = cls()
        current: list[str] = []
        for mark, group in groupby(pieces, key=lambda piece: piece[0]):
            text = "".join(piece for _, piece in group)
            if mark is not _Mark.DELETED:
                current.append(text)
            fragment = clean(text)
            if fragment and mark is _Mark.INSERTED:
                marked.inserted.append(fragment)
            elif fragment and mark is _Mark.DELETED:
                marked.deleted.append(fragment)
        marked.text = clean("".join(current))
        return marked

    @classmethod
    def joined(cls, parts: Iterable[_Marked], separator: str) -> _Marked:
        parts = list(parts)
        return cls(
            text=separator.join(part.text for part in parts if part.text),
            inserted=[fragment for part in parts for fragment in part.inserted],
            deleted=[fragment for part in parts for fragment in part.deleted],
        )


class _OutlineCounter:
    """Heading numbers for auto-numbered headings, counted from the heading levels seen so far.

    Typed heading numbers reset the counters, so "2.1 Tillgänglighet" followed by an
    auto-numbered level-3 heading gives "2.1.1".
    """

    def __init__(self) -> None:
        self._counters: list[int] = []

    def next(self, level: int) -> str:
        counters = (self._counters + [0] * level)[:level]
        counters[-1] += 1
        self._counters = counters
        return ".".join(map(str, counters))

    def seen(self, number: str) -> None:
        """Continue from a typed number; a range ("2.5.3-2.5.5") counts by its first number."""
        self._counters = [int(part) for part in number.split("-")[0].split(".")]


class _BodyReader:
    """Turns body elements into blocks; keeps the heading counters between paragraphs."""

    def __init__(self, styles: _Styles) -> None:
        self._styles = styles
        self._outline = _OutlineCounter()

    def blocks(self, body: etree._Element) -> Iterator[Block]:
        """Blocks in body order; `paragraph` is the body paragraph index (tables: the next one's)."""
        paragraphs = 0
        for item in body_items(body):
            if item.tag == _W_P:
                block = self._paragraph_block(item)
                index, paragraphs = paragraphs, paragraphs + 1
            else:
                block, index = self._table_block(item), paragraphs
            if block is not None:
                block.paragraph = index
                yield block

    def _paragraph_block(self, paragraph: etree._Element) -> Block | None:
        sources = self._styles.paragraph_sources(paragraph)
        marked = self._read_paragraph(paragraph, sources)
        if not marked.text or _style_match(sources, _TOC_STYLE):
            return None
        heading_level = _heading_level(sources)
        if heading_level is not None:
            block = self._heading_block(marked.text, heading_level, _is_numbered(sources))
        else:
            block = _body_block(marked.text, _list_level(sources, marked.text))
        block.inserted, block.deleted, block.changed = marked.inserted, marked.deleted, bool(marked.inserted)
        return block

    def _heading_block(self, text: str, style_level: int, numbered: bool) -> Block:
        """A typed number ("2.1.11 Fast läkarkontakt") wins; Word numbering is counted otherwise."""
        heading = parse_heading(text)
        if heading is not None:
            self._outline.seen(heading.number)
        elif numbered:
            heading = HeadingText(self._outline.next(style_level), text)
            text = f"{heading.number} {text}"
        if heading is None:
            return Block(BlockKind.HEADING, text, title=text, level=style_level)
        return Block(BlockKind.HEADING, text, number=heading.number, title=heading.title, level=heading.level)

    def _table_block(self, table: etree._Element) -> Block | None:
        rows, marked = self._read_table(table, "\n")
        if not rows:
            return None
        return Block(
            BlockKind.TABLE,
            marked.text,
            rows=rows,
            inserted=marked.inserted,
            deleted=marked.deleted,
            changed=bool(marked.inserted),
        )

    def _read_table(self, table: etree._Element, row_separator: str) -> tuple[list[list[str]], _Marked]:
        """The non-empty rows, one text per grid column, and the table as "cell | cell" rows.

        Merged cells repeat their text in every column (w:gridSpan) and row (w:vMerge) they span,
        so each row reads on its own, e.g. "Kategori | Ersättning" for every row of a category.
        Each real cell's fragments are counted once.
        """
        rows: list[list[str]] = []
        cells: list[_Marked] = []
        for tr in table.iterchildren(_W_TR):
            row = [""] * _int_val(tr, "w:trPr/w:gridBefore", 0)
            for tc in tr.iterchildren(_W_TC):
                v_merge = tc.find("w:tcPr/w:vMerge", _NS)
                if v_merge is not None and v_merge.get(_W_VAL, "continue") == "continue":
                    above = rows[-1] if rows else []
                    text = above[len(row)] if len(row) < len(above) else ""
                else:
                    cell = self._read_cell(tc)
                    cells.append(cell)
                    text = cell.text
                row.extend([text] * max(1, _int_val(tc, "w:tcPr/w:gridSpan", 1)))
            rows.append(row)
        rows = [row for row in rows if any(row)]
        marked = _Marked.joined(cells, " ")
        marked.text = row_separator.join(" | ".join(row) for row in rows)
        return rows, marked

    def _read_cell(self, cell: etree._Element) -> _Marked:
        """A cell's paragraphs joined by spaces; a nested table is flattened into the cell text."""
        return _Marked.joined((self._read_item(item) for item in body_items(cell)), " ")

    def _read_item(self, item: etree._Element) -> _Marked:
        if item.tag == _W_P:
            return self._read_paragraph(item, self._styles.paragraph_sources(item))
        return self._read_table(item, " ")[1]

    def _read_paragraph(self, paragraph: etree._Element, sources: list[etree._Element]) -> _Marked:
        return _Marked.from_pieces(self._pieces(paragraph, _Mark.CURRENT, sources))

    def _pieces(
        self, element: etree._Element, mark: _Mark, paragraph_sources: list[etree._Element]
    ) -> Iterator[tuple[_Mark, str]]:
        """Marked text pieces in reading order; hyperlinks, smart tags, fields and content controls
        are descended into, since they wrap ordinary runs."""
        for child in element:
            if child.tag == _W_R:
                yield from self._run_pieces(child, mark, paragraph_sources)
            elif child.tag in _INSERTIONS:
                inner = _Mark.DELETED if mark is _Mark.DELETED else _Mark.INSERTED
                yield from self._pieces(child, inner, paragraph_sources)
            elif child.tag in _DELETIONS:
                yield from self._pieces(child, _Mark.DELETED, paragraph_sources)
            elif child.tag not in _PROPERTIES:
                yield from self._pieces(child, mark, paragraph_sources)

    def _run_pieces(
        self, run: etree._Element, mark: _Mark, paragraph_sources: list[etree._Element]
    ) -> Iterator[tuple[_Mark, str]]:
        strike = _first(self._styles.run_sources(run, paragraph_sources), "w:rPr/w:strike", "w:rPr/w:dstrike")
        if strike is not None and _is_on(strike):
            mark = _Mark.DELETED
        for child in run:
            if child.tag in _RUN_TEXT:
                yield mark, child.text or ""
            elif child.tag in _RUN_SPACE:
                yield mark, " "


def _body_block(text: str, list_level: int | None) -> Block:
    if list_level is None:
        return Block(BlockKind.PARAGRAPH, text)
    return Block(BlockKind.LIST_ITEM, strip_bullet(text)[1], level=list_level)
