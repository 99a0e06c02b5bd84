"""The PDF reader on the fixture: the 2026 seed set as a two-column A4 PDF with change marks; and
on small PDFs drawn line by line, where the geometry of one rule must be exact.

The fixture was rendered from the text reader's output (fixtures/build.py), so the text reader's
blocks are the reference for what the PDF reader must recover from geometry alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kravcheck.document import BlockKind
from kravcheck.readers import read_document

from .conftest import REPO, block_with, section_title

sys.path.insert(0, str(REPO))
from fixtures.make_pdf import FONT, register_fonts  # noqa: E402


def test_page_count_and_running_lines_removed(pdf_2026, expect):
    assert pdf_2026.page_count == expect["pdf"]["page_count"]
    header = expect["pdf"]["header"]
    assert not [b for b in pdf_2026.blocks if header in b.text or "Sida " in b.text]


def test_reading_order_of_sections_matches_the_source(pdf_2026, seed_2026):
    # Two-column pages are read left column first, whatever order the file stores text in.
    order = [b.number for b in pdf_2026.blocks if b.kind is BlockKind.HEADING]
    assert order == [b.number for b in seed_2026.blocks if b.kind is BlockKind.HEADING]


def test_blocks_match_the_source_text(pdf_2026, seed_2026):
    # Same text after de-hyphenation (the PDF was hyphenated by pyphen), same kind, same section.
    source = {(b.kind, b.section, b.text) for b in seed_2026.blocks if b.kind is not BlockKind.HEADING}
    parsed = {(b.kind, b.section, b.text) for b in pdf_2026.blocks if b.kind is not BlockKind.HEADING}
    definitions = {s for s in source if s[1] == "1.1"}  # set as a table in the PDF
    missing = source - parsed - definitions
    assert len(missing) <= 0.02 * len(source), sorted(missing, key=str)[:10]


def test_section_attribution_in_two_columns(pdf_2026):
    besvara = block_with(pdf_2026, "Besvara ärenden inom fyra veckor")
    assert (besvara.kind, besvara.section, besvara.level) == (BlockKind.LIST_ITEM, "2.1.15", 1)
    assert section_title(pdf_2026, "2.1.15") == "Patientnämnden"
    bemoter = block_with(pdf_2026, "Bemöter patientens frågor.")
    assert bemoter.level == 2 and pdf_2026.blocks[bemoter.lead_in] is besvara


def test_hyphenation_repaired_real_hyphens_kept(pdf_2026):
    text = "\n".join(b.text for b in pdf_2026.blocks)
    assert "hälsocentral" in text
    assert "hälso- och sjukvård" in text
    assert "ST-läkare" in text and "IT-stöd" in text
    assert not [b.text for b in pdf_2026.blocks if b.text.endswith("-") and b.kind is not BlockKind.TABLE]


def test_struck_through_text_is_deleted_not_current(pdf_2026, expect):
    (struck,) = expect["pdf"]["struck"]
    block = block_with(pdf_2026, struck["text_contains"])
    assert block.deleted == [struck["deleted"]]
    assert f" {struck['deleted']} " not in block.text
    assert (block.section, block.page) == (struck["section"], struck["page"])
    assert [b for b in pdf_2026.blocks if b.deleted] == [block]


def test_change_bar_marks_only_its_paragraph(pdf_2026, expect):
    (bar,) = expect["pdf"]["change_bar"]
    changed = [b for b in pdf_2026.blocks if b.changed]
    assert len(changed) == 1
    assert changed[0].text.startswith(bar["text_startswith"])
    assert (changed[0].section, changed[0].page) == (bar["section"], bar["page"])


def test_table_kept_as_table(pdf_2026, expect):
    (facts,) = expect["pdf"]["tables"]
    tables = [b for b in pdf_2026.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    table = tables[0]
    assert (table.section, table.page) == (facts["section"], facts["page"])
    assert table.rows[0] == facts["first_row"]
    assert len(table.rows) == facts["rows"] and {len(r) for r in table.rows} == {facts["cols"]}
    assert ["Listning", "Att välja hälsocentral."] in table.rows
    # Cell text is de-hyphenated like body text.
    assert any("Region Norrbotten, som regionen tillhandahåller" in cell for row in table.rows for cell in row)


def test_one_column_pages_read_top_to_bottom(pdf_2026, expect):
    first_two_column = expect["pdf"]["two_column_from_page"]
    early = [b for b in pdf_2026.blocks if b.page and b.page < first_two_column and b.section and b.section.startswith("1.")]
    assert [b.section for b in early] == sorted((b.section for b in early), key=lambda s: [int(p) for p in s.split(".")])


# --- small PDFs drawn line by line ------------------------------------------------------------

LEFT, WIDTH, TOP, SIZE = 60.0, 475.0, 760.0, 10
PITCH, PARAGRAPH_GAP = 13.5, 19.5
P, L = BlockKind.PARAGRAPH, BlockKind.LIST_ITEM


class Line(NamedTuple):
    text: str
    indent: float = 0  # from LEFT, where the words start
    full: bool = False  # justified to the right edge, as every line of a justified paragraph but its last
    bullet: str = ""  # drawn 12 pt left of the words, as a list's hanging indent sets it


GAP = None  # a paragraph gap instead of a line


def _draw(path: Path, pages: list[list[Line | None]]) -> Path:
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for lines in pages:
        y = TOP
        for line in lines:
            if line is GAP:
                y -= PARAGRAPH_GAP - PITCH
                continue
            _draw_line(canvas, line, y)
            y -= PITCH
        canvas.showPage()
    canvas.save()
    return path


def _draw_line(canvas: Canvas, line: Line, y: float) -> None:
    """One text object a line, word by word, as a layout program sets a justified line."""
    x = LEFT + line.indent
    words = line.text.split()
    widths = [stringWidth(word, FONT, SIZE) for word in words]
    space = (LEFT + WIDTH - x - sum(widths)) / (len(words) - 1) if line.full else stringWidth(" ", FONT, SIZE)
    # A justified line holds as many words as fit; much wider spaces than that are no real line
    # (and PDFium joins a line of wide spaces that starts with a bullet to the line above it).
    assert space < 3 * stringWidth(" ", FONT, SIZE), f"too few words to fill the line: {line.text!r}"
    text = canvas.beginText()
    text.setFont(FONT, SIZE)
    placed = [(x - 12, line.bullet)] if line.bullet else []
    for word, width in zip(words, widths):
        placed.append((x, word))
        x += width + space
    for at, word in placed:
        text.setTextOrigin(at, y)
        text.textOut(word)
    canvas.drawText(text)


def test_dash_that_starts_a_wrapped_line_of_prose_is_no_bullet(tmp_path):
    # Swedish prose sets " – " everywhere. After a full line the dash goes on with the sentence;
    # after a colon, or at a list's bullet position, it is a list item's bullet.
    path = _draw(tmp_path / "dash.pdf", [[
        Line("Hälsocentralen erbjuder telefonrådgivning och chatt för alla listade patienter alla vardagar", full=True),
        Line("– även under sommaren – och besvarar ärenden inom en timme."),
        GAP,
        Line("Patienten får:"),
        Line("– en tid inom tre dagar,"),
        Line("– en skriftlig vårdplan."),
        GAP,
        Line("Kontaktvägar:"),
        Line("Telefon med återuppringning samma dag för alla listade patienter, även helger och", indent=22, full=True,
             bullet="–"),
        Line("– under sommaren – via 1177.", indent=22),
        Line("Chatt via 1177.", indent=22, bullet="–"),
    ]])
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (P, "Hälsocentralen erbjuder telefonrådgivning och chatt för alla listade patienter alla vardagar – även "
         "under sommaren – och besvarar ärenden inom en timme."),
        (P, "Patienten får:"),
        (L, "en tid inom tre dagar,"),
        (L, "en skriftlig vårdplan."),
        (P, "Kontaktvägar:"),
        (L, "Telefon med återuppringning samma dag för alla listade patienter, även helger och – under sommaren – "
         "via 1177."),
        (L, "Chatt via 1177."),
    ]


def test_paragraph_goes_on_over_a_page_break_before_a_capital_when_its_line_ran_full(tmp_path):
    path = _draw(tmp_path / "pages.pdf", [
        [
            Line("Leverantören ska varje år lämna en verksamhetsberättelse och även en patientsäkerhets-", full=True),
            Line("berättelse till regionen, som sedan granskar båda berättelserna noggrant tillsammans med", full=True),
        ],
        [
            Line("Region Norrbotten följer upp avtalet varje kvartal."),  # goes on: the line before ran full
            GAP,
            Line("Uppföljningen redovisas i kvalitetsbokslutet, som varje år publiceras på 1177 och även på", full=True),
            Line("regionens webbplats."),
        ],
        [Line("Patienten kan lämna synpunkter via 1177.")],  # a new paragraph: the one before ended
    ])
    doc = read_document(path)
    assert [(b.kind, b.text, b.page) for b in doc.blocks] == [
        (P, "Leverantören ska varje år lämna en verksamhetsberättelse och även en patientsäkerhetsberättelse till "
         "regionen, som sedan granskar båda berättelserna noggrant tillsammans med Region Norrbotten följer upp "
         "avtalet varje kvartal.", 1),
        (P, "Uppföljningen redovisas i kvalitetsbokslutet, som varje år publiceras på 1177 och även på regionens "
         "webbplats.", 2),
        (P, "Patienten kan lämna synpunkter via 1177.", 3),
    ]


def test_list_item_goes_on_over_a_page_break_at_its_indent_not_at_the_edge(tmp_path):
    path = _draw(tmp_path / "items.pdf", [
        [
            Line("Kontaktvägar:"),
            Line("Telefon med återuppringning samma dag för alla listade patienter och anhöriga via", indent=22,
                 full=True, bullet="•"),
        ],
        [
            Line("Region Norrbottens telefonsystem.", indent=22),  # at the item's text: the item goes on
            Line("Chatt med sjuksköterska alla vardagar, och med läkare efter en bedömning, för alla", indent=22,
                 full=True, bullet="•"),
        ],
        [Line("Avvikelser rapporteras i Synergi.")],  # at the body's edge: the text after the list
    ])
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (P, "Kontaktvägar:"),
        (L, "Telefon med återuppringning samma dag för alla listade patienter och anhöriga via Region "
         "Norrbottens telefonsystem."),
        (L, "Chatt med sjuksköterska alla vardagar, och med läkare efter en bedömning, för alla"),
        (P, "Avvikelser rapporteras i Synergi."),
    ]
