"""The PDF reader on the fixture: the 2026 seed set as a two-column A4 PDF with change marks.

The fixture was rendered from the text reader's output (fixtures/build.py), so the text reader's
blocks are the reference for what the PDF reader must recover from geometry alone.
"""

from kravcheck.document import BlockKind

from .conftest import block_with


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
    assert pdf_2026.section_title("2.1.15") == "Patientnämnden"
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
