"""The DOCX reader: structure from styles and numbering, revision marks, tables, bad files.

Files are built in tmp_path, either from a kravcheck `Document` with fixtures/make_docx.py (the
realistic fixture path) or from hand-written body OXML inside python-docx's default package,
for the cases make_docx does not produce (auto numbering, custom styles, merged cells ...).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from kravcheck.document import Block, BlockKind, Document, DocumentKind
from kravcheck.errors import InputError
from kravcheck.readers import read_document
from kravcheck.structure import finish

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.make_docx import HEADER_TEXT, build_docx  # noqa: E402

H, P, L, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE
FEE_ROWS = [["Åldersgrupp", "Ersättning per år"], ["0–6 år", "1 250 kr"], ["7–17 år", "980 kr"]]


def _source_document() -> Document:
    """A small Beställning excerpt, shaped like what the text reader gives build_docx."""
    blocks = [
        Block(H, "2 Uppdraget", number="2", title="Uppdraget", level=1),
        Block(H, "2.1 Tillgänglighet", number="2.1", title="Tillgänglighet", level=2),
        Block(P, "Hälsocentralen ska vara öppen vardagar mellan klockan 08.00 och 17.00."),
        Block(H, "2.1.15 Patientnämnden", number="2.1.15", title="Patientnämnden", level=3),
        Block(P, "Leverantören ska samverka med patientnämnden och lämna begärda uppgifter inom tre veckor."),
        Block(P, "Leverantören ska:"),
        Block(L, "ha rutiner för klagomål", level=1),
        Block(L, "utse en kontaktperson", level=2),
        Block(L, "återkoppla till patienten", level=1),
        Block(T, "", rows=FEE_ROWS),
        Block(P, "Ersättningen räknas upp årligen."),
    ]
    return Document("seed.txt", "0" * 64, DocumentKind.TEXT, None, finish(blocks))


@pytest.fixture(scope="module")
def fixture_docx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, dict]:
    out = tmp_path_factory.mktemp("docx") / "bestallning_2026.docx"
    injected = build_docx(_source_document(), out)
    return read_document(out), injected


def _by_text(doc: Document, text: str) -> Block:
    return next(block for block in doc.blocks if block.text == text)


def _write_docx(path: Path, body: str, styles: str = "") -> Path:
    """A DOCX whose body is `body` (OXML, w: prefix) and with extra `styles` in styles.xml."""
    word = docx.Document()
    section_properties = word.element.body.find(qn("w:sectPr"))
    for element in list(parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>")):
        section_properties.addprevious(element)
    for style in list(parse_xml(f"<w:styles {nsdecls('w')}>{styles}</w:styles>")):
        word.styles.element.append(style)
    word.save(path)
    return path


def _read_body(tmp_path: Path, body: str, styles: str = "") -> Document:
    return read_document(_write_docx(tmp_path / "hand.docx", body, styles))


def _r(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(text: str, style: str = "", properties: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{style_xml}{properties}</w:pPr>{_r(text)}</w:p>"


def _revision(kind: str, runs: str, revision_id: int = 1) -> str:
    """A tracked change: kind is ins, del, moveTo or moveFrom."""
    attributes = f'w:id="{revision_id}" w:author="Region Norrbotten" w:date="2025-10-01T09:00:00Z"'
    return f"<w:{kind} {attributes}>{runs}</w:{kind}>"


def _deleted_run(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def _num(ilvl: int, num_id: int = 1) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def _tc(content: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


def _table(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


# --- the make_docx fixture -------------------------------------------------------------------


def test_fixture_headings_carry_number_title_level_and_sections(fixture_docx):
    doc, _ = fixture_docx
    headings = [(b.number, b.title, b.level, b.text) for b in doc.blocks if b.kind is H]
    assert headings == [
        ("2", "Uppdraget", 1, "2 Uppdraget"),
        ("2.1", "Tillgänglighet", 2, "2.1 Tillgänglighet"),
        ("2.1.15", "Patientnämnden", 3, "2.1.15 Patientnämnden"),
    ]
    assert _by_text(doc, "Leverantören ska:").section == "2.1.15"
    assert _by_text(doc, "Hälsocentralen ska vara öppen vardagar mellan klockan 08.00 och 17.00.").section == "2.1"
    assert doc.kind is DocumentKind.DOCX and doc.page_count is None and len(doc.sha256) == 64


def test_fixture_list_items_nest_under_their_lead_in(fixture_docx):
    doc, _ = fixture_docx
    lead_in = doc.blocks.index(_by_text(doc, "Leverantören ska:"))
    items = [b for b in doc.blocks if b.kind is L]
    assert [(b.text, b.level) for b in items] == [
        ("ha rutiner för klagomål", 1),
        ("utse en kontaktperson", 2),
        ("återkoppla till patienten", 1),
    ]
    assert items[0].lead_in == lead_in and items[2].lead_in == lead_in
    assert items[1].lead_in == doc.blocks.index(items[0])


def test_fixture_table_comes_in_body_order_with_its_cells(fixture_docx):
    doc, _ = fixture_docx
    kinds = [b.kind for b in doc.blocks]
    table = doc.blocks[kinds.index(T)]
    assert doc.blocks[kinds.index(T) - 1].kind is L
    assert doc.blocks[kinds.index(T) + 1].text == "Ersättningen räknas upp årligen."
    assert table.rows == FEE_ROWS
    assert table.text.splitlines()[1] == "0–6 år | 1 250 kr"
    assert table.section == "2.1.15"


def test_fixture_revision_marks_split_current_from_deleted_text(fixture_docx):
    doc, injected = fixture_docx
    changed = _by_text(doc, injected["text"])
    assert changed.section == injected["section"] == "2.1"  # the first "ska" paragraph in a section
    assert changed.paragraph == injected["paragraph"]
    assert injected["inserted"] in changed.text and changed.inserted == [injected["inserted"]]
    assert changed.changed
    assert changed.deleted == [injected["deleted"], injected["struck"]]
    all_text = "\n".join(b.text for b in doc.blocks)
    assert injected["deleted"] not in all_text and injected["struck"] not in all_text
    assert [b for b in doc.blocks if b.changed] == [changed]


def test_fixture_page_header_and_footer_stay_out(fixture_docx):
    doc, _ = fixture_docx
    all_text = "\n".join(b.text for b in doc.blocks)
    assert HEADER_TEXT not in all_text
    assert "Sida" not in all_text and "PAGE" not in all_text


def test_fixture_paragraph_indices_follow_the_body(fixture_docx):
    doc, _ = fixture_docx
    indices = [b.paragraph for b in doc.blocks]
    table_at = [b.kind for b in doc.blocks].index(T)
    assert indices[:table_at] == list(range(table_at))
    assert indices[table_at] == indices[table_at + 1] == table_at  # a table takes the next paragraph's index


# --- hand-written OXML: structure ------------------------------------------------------------


def test_auto_numbered_headings_are_counted_per_level(tmp_path):
    doc = _read_body(
        tmp_path,
        _p("Inledning", "Heading1", _num(0))
        + _p("Syfte", "Heading2", _num(1))
        + _p("Bakgrund", "Heading2", _num(1))
        + _p("Uppdraget", "Heading1", _num(0))
        + _p("Tillgänglighet", "Heading2", _num(1))
        + _p("3.4 Läkemedel", "Heading2")
        + _p("Förskrivning", "Heading3", _num(2))
        + _p("Text under rubriken."),
    )
    headings = [(b.number, b.title, b.level, b.text) for b in doc.blocks if b.kind is H]
    assert headings == [
        ("1", "Inledning", 1, "1 Inledning"),
        ("1.1", "Syfte", 2, "1.1 Syfte"),
        ("1.2", "Bakgrund", 2, "1.2 Bakgrund"),
        ("2", "Uppdraget", 1, "2 Uppdraget"),
        ("2.1", "Tillgänglighet", 2, "2.1 Tillgänglighet"),
        ("3.4", "Läkemedel", 2, "3.4 Läkemedel"),  # a typed number resets the counters
        ("3.4.1", "Förskrivning", 3, "3.4.1 Förskrivning"),
    ]
    assert doc.blocks[-1].section == "3.4.1"


def test_headings_from_swedish_names_outline_levels_and_based_on(tmp_path):
    styles = (
        '<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Kravrubrik"><w:name w:val="Kravrubrik"/>'
        '<w:basedOn w:val="Heading3"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Avsnitt"><w:name w:val="Avsnitt"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    )
    doc = _read_body(
        tmp_path,
        _p("Beställning Vårdval Primärvård 2026", "Title")
        + _p("■ 2.1.11 Fast läkarkontakt", "Avsnitt")
        + _p("2.2 Jour", "Rubrik2")
        + _p("2.2.1 Jourcentral", "Kravrubrik")
        + _p("Bilagor", "Heading1"),
        styles,
    )
    assert doc.blocks[0].kind is P  # the Title style is no heading
    headings = [(b.number, b.title, b.level) for b in doc.blocks if b.kind is H]
    assert headings == [
        ("2.1.11", "Fast läkarkontakt", 3),
        ("2.2", "Jour", 2),
        ("2.2.1", "Jourcentral", 3),
        (None, "Bilagor", 1),  # an unnumbered heading keeps its style level
    ]
    assert doc.blocks[1].text == "■ 2.1.11 Fast läkarkontakt"


def test_list_levels_from_numbering_styles_and_bullet_glyphs(tmp_path):
    doc = _read_body(
        tmp_path,
        _p("Leverantören ska:")
        + _p("erbjuda tidsbokning", "ListParagraph", _num(0))
        + _p("via 1177", "ListParagraph", _num(1))
        + _p("per telefon", "ListBullet2")
        + _p("• svara inom tre dagar")
        + _p("Ingen lista längre", "ListParagraph", '<w:numPr><w:numId w:val="0"/></w:numPr>'),
    )
    items = [(b.text, b.level, b.lead_in) for b in doc.blocks if b.kind is L]
    assert items == [
        ("erbjuda tidsbokning", 1, 0),
        ("via 1177", 2, 1),
        ("per telefon", 2, 1),
        ("svara inom tre dagar", 1, 0),
    ]
    assert doc.blocks[-1].kind is P


def test_empty_paragraphs_are_skipped_but_counted(tmp_path):
    doc = _read_body(tmp_path, "<w:p/>" + _p("Första") + "<w:p><w:r><w:t> </w:t></w:r></w:p>" + _p("Andra"))
    assert [(b.text, b.paragraph) for b in doc.blocks] == [("Första", 1), ("Andra", 3)]


def test_content_controls_are_read_and_table_of_contents_skipped(tmp_path):
    doc = _read_body(
        tmp_path,
        "<w:sdt><w:sdtContent>"
        + _p("Innehåll", "TOCHeading")
        + _p("2.1 Tillgänglighet\t4", "TOC2")
        + "</w:sdtContent></w:sdt>"
        + "<w:sdt><w:sdtContent>"
        + _p("Leverantören ska ha en verksamhetschef.")
        + "</w:sdtContent></w:sdt>",
        '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>',
    )
    assert [(b.text, b.paragraph) for b in doc.blocks] == [("Leverantören ska ha en verksamhetschef.", 2)]


# --- hand-written OXML: runs and revision marks ----------------------------------------------


def test_inserted_text_inside_hyperlinks_fields_and_smart_tags_is_current(tmp_path):
    doc = _read_body(
        tmp_path,
        "<w:p>"
        + _r("Se ")
        + f'<w:hyperlink r:id="rId99" {nsdecls("r")}>{_revision("ins", _r("1177.se"))}</w:hyperlink>'
        + "<w:r><w:tab/><w:t>och</w:t><w:br/></w:r>"
        + f'<w:smartTag w:uri="urn:x" w:element="place">{_r("Luleå")}</w:smartTag>'
        + f'<w:fldSimple w:instr=" REF krav ">{_r(" avsnitt 2.1")}</w:fldSimple>'
        + _revision("moveTo", _r(" senast"), 2)
        + _revision("moveFrom", _r(" tidigare"), 3)
        + "</w:p>",
    )
    [block] = doc.blocks
    assert block.text == "Se 1177.se och Luleå avsnitt 2.1 senast"
    assert block.inserted == ["1177.se", "senast"] and block.changed
    assert block.deleted == ["tidigare"]


def test_deleted_and_struck_runs_are_not_current_text(tmp_path):
    styles = (
        '<w:style w:type="character" w:styleId="Utgatt"><w:name w:val="Utgått"/>'
        "<w:rPr><w:dstrike/></w:rPr></w:style>"
    )
    doc = _read_body(
        tmp_path,
        "<w:p>"
        + _r("Denne ")
        + _revision("del", _deleted_run("bör "))
        + _r("ska vara specialist ")
        + _r("i allmänmedicin ", "<w:strike/>")
        + _r("eller motsvarande ", '<w:rStyle w:val="Utgatt"/>')
        + _r("enligt ", '<w:strike w:val="0"/>')
        + _r("avtalet.", '<w:rStyle w:val="Utgatt"/><w:dstrike w:val="false"/>')
        + "</w:p>",
        styles,
    )
    [block] = doc.blocks
    assert block.text == "Denne ska vara specialist enligt avtalet."
    assert block.deleted == ["bör", "i allmänmedicin eller motsvarande"]
    assert not block.changed and block.inserted == []


# --- hand-written OXML: tables ---------------------------------------------------------------


def test_merged_cells_repeat_their_text(tmp_path):
    doc = _read_body(
        tmp_path,
        _table(
            _tc(_p("Ersättning"), '<w:gridSpan w:val="2"/>') + _tc(_p("Not")),
            _tc(_p("Barn"), '<w:vMerge w:val="restart"/>') + _tc(_p("0–6 år")) + _tc(_p("a")),
            _tc("<w:p/>", "<w:vMerge/>") + _tc(_p("7–17 år")) + _tc(_p("b")),
        ),
    )
    [table] = doc.blocks
    assert table.rows == [
        ["Ersättning", "Ersättning", "Not"],
        ["Barn", "0–6 år", "a"],
        ["Barn", "7–17 år", "b"],
    ]
    assert table.text == "Ersättning | Ersättning | Not\nBarn | 0–6 år | a\nBarn | 7–17 år | b"


def test_nested_tables_flatten_and_cell_marks_reach_the_table(tmp_path):
    nested = _table(_tc(_p("x")) + _tc(_p("y")), _tc(_p("z")) + _tc(_p("w")))
    doc = _read_body(
        tmp_path,
        _p("Före")
        + _table(
            _tc(_p("Krav") + nested) + _tc("<w:p/>"),
            _tc(_p("Tid"))
            + _tc(
                "<w:p>"
                + _r("inom ")
                + _revision("ins", _r("tre"), 1)
                + _revision("del", _deleted_run("fem"), 2)
                + _r(" dagar")
                + "</w:p>"
            ),
            _tc("<w:p/>") + _tc("<w:p/>"),
        )
        + _p("Efter"),
    )
    before, table, after = doc.blocks
    assert table.rows == [["Krav x | y z | w", ""], ["Tid", "inom tre dagar"]]  # the empty row is dropped
    assert table.inserted == ["tre"] and table.deleted == ["fem"] and table.changed
    assert (before.paragraph, table.paragraph, after.paragraph) == (0, 1, 1)


# --- bad files ---------------------------------------------------------------------------------


def _good_docx(tmp_path: Path) -> Path:
    return _write_docx(tmp_path / "good.docx", _p("Leverantören ska ha en verksamhetschef."))


def _rewrite_zip(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    """Copy a zip, replacing members (None drops a member)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = replace.get(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def _assert_rejected(path: Path) -> None:
    with pytest.raises(InputError, match=r"^filen är ingen giltig DOCX \(.+\): "):
        read_document(path)


def test_zip_without_word_document_is_rejected(tmp_path):
    without = _rewrite_zip(_good_docx(tmp_path), tmp_path / "utan.docx", {"word/document.xml": None})
    with pytest.raises(InputError, match="word/document.xml saknas"):
        read_document(without)
    foreign = _rewrite_zip(_good_docx(tmp_path), tmp_path / "annan.docx", {"word/document.xml": b"<rot/>"})
    _assert_rejected(foreign)
    plain = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "inget Word här")
    _assert_rejected(plain)


def test_truncated_docx_is_rejected(tmp_path):
    data = _good_docx(tmp_path).read_bytes()
    truncated = tmp_path / "avkortad.docx"
    truncated.write_bytes(data[: len(data) // 2])
    _assert_rejected(truncated)


def test_broken_xml_and_corrupt_members_are_rejected(tmp_path):
    good = _good_docx(tmp_path)
    broken = _rewrite_zip(good, tmp_path / "xml.docx", {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(InputError, match="trasig XML"):
        read_document(broken)
    corrupt = tmp_path / "crc.docx"
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        member = archive.getinfo("word/document.xml")
    start = member.header_offset + 30 + len(member.filename) + 4  # into the compressed data
    data[start : start + 16] = bytes(b ^ 0xFF for b in data[start : start + 16])
    corrupt.write_bytes(bytes(data))
    _assert_rejected(corrupt)
