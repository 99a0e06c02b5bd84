"""The text reader: on the real 2026 seed (a two-column PDF extraction with stacked headings) and
on small inline inputs, one per heuristic."""

from kravcheck.document import Block, BlockKind
from kravcheck.readers import read_document
from kravcheck.readers.text import _Echo

from .conftest import block_with, section_title


def headings(doc):
    return {b.number: b for b in doc.blocks if b.kind is BlockKind.HEADING}


def test_sections_follow_stacked_headings(seed_2026):
    # In the seed "■ 2.1.15 Patientnämnden" and "■ 2.1.16 Patientförsäkring" stand together above
    # both bodies; the body has to be split between them.
    besvara = block_with(seed_2026, "Besvara ärenden inom fyra veckor")
    assert besvara.kind is BlockKind.LIST_ITEM
    assert besvara.section == "2.1.15"
    assert section_title(seed_2026, "2.1.15") == "Patientnämnden"
    assert block_with(seed_2026, "gäller Region Norrbottens patientförsäkring").section == "2.1.16"
    assert block_with(seed_2026, "En fast läkarkontakt ska vara legitimerad läkare").section == "2.1.11"
    assert block_with(seed_2026, "riktlinjer för handläggning av klagomål").section == "2.1.12"
    assert block_with(seed_2026, "Vårdgarantin är en grundläggande rättighet").section == "2.1.13"
    assert block_with(seed_2026, "Patientsäkerhet är en grundpelare").section == "2.1.14"
    assert block_with(seed_2026, "Leverantören ska omedelbart informera Region").section == "2.1.3"
    assert block_with(seed_2026, "vården är kunskapsbaserad, jämlik").section == "2.1.4"
    assert block_with(seed_2026, "Jämställdhetsintegrering ska tillämpas").section == "2.1.1"
    assert block_with(seed_2026, "bedriva ett strukturerat och dokumenterat hållbarhetsarbete").section == "2.1.2"


def test_two_headings_on_one_line_and_wrapped_titles(seed_2026):
    found = headings(seed_2026)
    assert found["2.1.3"].title == "Informationsansvar"
    assert found["2.1.4"].title == "Kunskapsstyrning"
    assert found["2.1.6"].title == "Dokumenterad överenskommelse"
    assert found["2.2.2.1"].title == "Överenskommelse inom samma vårdgivare"
    assert found["2.1.1"].title == "Jämlikhet och jämställdhet – inklusive barns rättigheter och nationella minoriteter"
    assert found["2.5.3-2.5.5"].title == "Hjälpmedel"
    assert found["1.4"].title == "Övergripande mål"  # "■ 1. 4" in the seed
    assert found["2.1.11"].level == 3 and found["2"].level == 1


def test_chapter_heading_comes_before_its_sections(seed_2026):
    order = [b.number for b in seed_2026.blocks if b.kind is BlockKind.HEADING]
    assert order.index("2") < order.index("2.1") < order.index("2.1.1")
    assert headings(seed_2026)["3"].title == "Primärvårdens inriktning och uppdrag (uppdaterad struktur)"


def test_lead_ins_and_nesting(seed_2026):
    lead = block_with(seed_2026, "Den fasta läkarkontakten ska:")
    first = seed_2026.blocks[seed_2026.blocks.index(lead) + 1]
    assert first.kind is BlockKind.LIST_ITEM and first.text.startswith("Ansvara för att patienten undersöks")
    assert seed_2026.blocks[first.lead_in] is lead
    besvara = block_with(seed_2026, "Besvara ärenden inom fyra veckor")
    bemoter = block_with(seed_2026, "Bemöter patientens frågor.")
    assert (besvara.level, bemoter.level) == (1, 2)
    assert seed_2026.blocks[bemoter.lead_in] is besvara


def test_hyphenation_repaired_and_lines_kept(seed_2026):
    invitation = block_with(seed_2026, "fritt kan välja vilken")
    assert "vilken hälsocentral de vill" in invitation.text  # "hälso-" / "central" in the seed
    assert invitation.line == 15  # the paragraph after the run-in heading "Inbjudan att lämna ansökan om …"
    assert "inom hälso- och sjukvården" in block_with(seed_2026, "gäller samtliga verksamheter och").text
    assert block_with(seed_2026, "Besvara ärenden inom fyra veckor").line == 656


def test_numbered_items_are_list_items(seed_2026):
    item = block_with(seed_2026, "Konsultavtal, se avsnitt 2.2.2.2")
    assert item.kind is BlockKind.LIST_ITEM
    assert not item.text.startswith("2.")


# --- heuristics on small inline inputs ------------------------------------------------------


def read_inline(tmp_path, text: str):
    path = tmp_path / "inline.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def sections(doc) -> dict[str, str | None]:
    """First words of each body block -> its section."""
    return {" ".join(b.text.split()[:3]): b.section for b in doc.blocks if b.kind is not BlockKind.HEADING}


def test_one_leading_space_after_a_sentence_starts_a_paragraph(tmp_path):
    doc = read_inline(tmp_path, "Lokalerna ska vara tillgängliga för alla.\n Digitala kontakter ska uppfylla kraven.\n")
    assert [b.text for b in doc.blocks] == [
        "Lokalerna ska vara tillgängliga för alla.",
        "Digitala kontakter ska uppfylla kraven.",
    ]


def test_sentence_cut_by_a_column_break_is_joined(tmp_path):
    doc = read_inline(
        tmp_path,
        "■ 4.1 Fysisk tillgänglighet\n\nVerksamheten kan organiseras genom samarbete med\n\n"
        "■ 4.2 Jour\n\nPrimärvården ansvarar för jour på kvällar.\n\n"
        "andra vårdenheter. Lokalerna ska vara tillgängliga.\n",
    )
    joined = block_with(doc, "genom samarbete med andra vårdenheter. Lokalerna ska vara tillgängliga.")
    assert joined.section == "4.1"
    assert block_with(doc, "Primärvården ansvarar för jour").section == "4.2"


def test_lower_case_paragraph_does_not_join_a_finished_one(tmp_path):
    doc = read_inline(tmp_path, "Det är möjligt att göra det\n\nomvandlas till filial av ekonomiska skäl.\n")
    assert len([b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]) == 2


def test_parents_in_a_stack_take_no_share(tmp_path):
    # Two columns side by side: "2.4" and "2.5" each with its first sub-heading.
    doc = read_inline(
        tmp_path,
        "■ 2.4 Rättigheter\n\n■ 2.5 Ansvar\n\n■ 2.4.1 Leverantörens rättigheter\n\n■ 2.5.1 Kris och beredskap\n\n"
        "Region Norrbotten ansvarar för att ge leverantören information.\n\n"
        "Regionens beredskapsorganisation utgör grund vid kris.\n",
    )
    assert sections(doc) == {"Region Norrbotten ansvarar": "2.4.1", "Regionens beredskapsorganisation utgör": "2.5.1"}
    order = [b.number for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert order == ["2.4", "2.4.1", "2.5", "2.5.1"]  # each parent just before its sub-heading


def test_a_share_may_be_empty_and_a_list_is_not_cut(tmp_path):
    doc = read_inline(
        tmp_path,
        "■ 3.9 Tillgänglighet\n\n■ 3.9.3 Öppettider\n\n■ 3.9.1 Sjukvårdsrådgivning dygnet runt\n\n"
        "Leverantören ska erbjuda sjukvårdsrådgivning:\n\n•\tDagtid via telefon\n\n•\tÖvrig tid via 1177\n",
    )
    assert set(sections(doc).values()) == {"3.9.1"}


def test_headings_at_the_end_take_the_text_before_them(tmp_path):
    # The document ends with a heading: here headings follow their text, so the text between
    # "5.2" and "5.3", which echoes both titles, belongs to "5.3".
    doc = read_inline(
        tmp_path,
        "■ 5.1 Inledning\n\nAllmän text utan koppling.\n\n■ 5.2 Hjälpmedel\n\n"
        "Leverantören ska förskriva hjälpmedel och läkemedel enligt rutin.\n\n■ 5.3 Läkemedel\n",
    )
    assert sections(doc) == {"Allmän text utan": "5.1", "Leverantören ska förskriva": "5.3"}


def test_title_echo_on_stems_and_compounds():
    filler = [Block(BlockKind.PARAGRAPH, text=f"Verksamheten i verksamhetens lokaler, stycke {i}.") for i in range(30)]
    chef = Block(BlockKind.PARAGRAPH, text="Namn på verksamhetschef ska framgå. Ändringar ska meddelas beställaren.")
    hallbar = Block(BlockKind.PARAGRAPH, text="Regionen ska bidra till en hållbar utveckling.")
    echo = _Echo([*filler, chef, hallbar])

    def heading(title: str) -> Block:
        return Block(BlockKind.HEADING, text=title, title=title)

    # "verksamh…" is common in this document, but the rare compound matches on its stem
    assert echo.title(heading("Verksamhetschef"), chef) == 1.0
    assert echo.title(heading("Verksamhetsinformation"), chef) == 0.0
    # "meddelas" is no first part of "meddelarfrihet"; "hållbar" is one of "hållbarhetsarbete"
    assert echo.title(heading("Meddelarfrihet"), chef) == 0.0
    assert echo.title(heading("Hållbarhetsarbete"), hallbar) == 0.5


# --- provider documents written as text: one line per paragraph ------------------------------


def test_one_line_per_paragraph_is_not_double_spaced(tmp_path):
    # Blank lines between all blocks, as in a double-spaced extraction; but the lines are whole
    # paragraphs that end their sentences, so a long line without a full stop is a block of its own.
    doc = read_inline(
        tmp_path,
        "Rutiner för tillgänglighet och kontinuitet på mottagningen 2026\n\n"
        "Telefontiden är vardagar 08.00–09.30 och alla som ringer blir uppringda samma dag.\n\n"
        "Utanför telefontiden hänvisar telefonsvararen till Arvidsjaurs hälsocentral.\n",
    )
    assert [b.text[:12] for b in doc.blocks] == ["Rutiner för ", "Telefontiden", "Utanför tele"]


def test_double_spaced_extraction_joins_a_sentence_across_the_blank_line(tmp_path):
    doc = read_inline(
        tmp_path,
        "Telefontillgängligheten ska vara god, de som ringer in till hälsocentralen ska\n\n"
        "få kontakt med vården inom fyra timmar efter att inringning skett.\n\n"
        "Vårdgivare ska i god tid och skriftligt till Beställaren ansöka om att få\n\n"
        "ersättning för att öppna filial eller servicepunkt.\n",
    )
    assert [b.text[:20] for b in doc.blocks] == ["Telefontillgänglighe", "Vårdgivare ska i god"]


def test_headings_with_a_one_part_number(tmp_path):
    doc = read_inline(
        tmp_path,
        "Rutinsamling\n\n1 Telefon och tidbokning\n\n"
        "Telefontid via Tele Q vardagar 08.00–09.30 och 13.00–14.00.\n\n"
        "2. Hygien\n\nBasala hygienrutiner gäller för all personal vid alla patientnära moment.\n\n"
        "1 Kommentar utan punkt\n\nMätning av följsamheten har inte gjorts under 2025.\n",
    )
    assert [(b.number, b.title) for b in doc.blocks if b.kind is BlockKind.HEADING] == [
        ("1", "Telefon och tidbokning"),
        ("2", "Hygien"),
    ]
    assert sections(doc)["Basala hygienrutiner gäller"] == "2"
    assert sections(doc)["1 Kommentar utan"] == "2"  # its number goes back: no heading


def test_a_numbered_list_between_blank_lines_is_no_heading(tmp_path):
    # Short numbered items, each alone between blank lines.
    doc = read_inline(
        tmp_path,
        "Hälsocentralen är ansluten till 1177 Vårdguidens e-tjänster sedan 2020.\n\n"
        "De tjänster som ingår i basutbudet är följande tre stycken:\n\n1. Förnya recept\n\n"
        "2. Kontakta mig\n\n3. Av- och omboka tid\n\nTjänsterna ska finnas i 1177 Vårdguidens e-tjänster.\n",
    )
    assert not [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM] == [
        "Förnya recept",
        "Kontakta mig",
        "Av- och omboka tid",
    ]


def test_unnumbered_headings_in_a_file_written_one_line_per_paragraph(tmp_path):
    doc = read_inline(
        tmp_path,
        "Rutin för telefoni\n\nFastställd av verksamhetschefen 2025-08-18.\n\nSyfte\n\nRutinen ska säkerställa att alla som ringer får kontakt samma dag.\n\n"
        "Telefontider och bemanning\n\n• Telefonen är öppen vardagar 08.00–15.30.\n\n"
        "Vid sjukfrånvaro prioriteras telefonen framför planerade besök.\n\n"
        "Senast reviderad\n\nUppföljning\n\nStatistiken redovisas varje månad på arbetsplatsträffen.\n",
    )
    assert [(b.kind, b.text[:30]) for b in doc.blocks if b.kind is not BlockKind.LIST_ITEM] == [
        (BlockKind.PARAGRAPH, "Rutin för telefoni"),  # the document's title
        (BlockKind.PARAGRAPH, "Fastställd av verksamhetschefe"),
        (BlockKind.HEADING, "Syfte"),
        (BlockKind.PARAGRAPH, "Rutinen ska säkerställa att al"),
        (BlockKind.HEADING, "Telefontider och bemanning"),
        (BlockKind.PARAGRAPH, "Vid sjukfrånvaro prioriteras t"),
        (BlockKind.PARAGRAPH, "Senast reviderad"),  # followed by a title, not by text
        (BlockKind.HEADING, "Uppföljning"),
        (BlockKind.PARAGRAPH, "Statistiken redovisas varje må"),
    ]


def test_headings_in_a_file_written_as_text_keep_their_own_text(tmp_path):
    # The text under "1.1 Telefon" echoes the title "Bokning av besök"; in an extraction it could
    # be text that came out before its heading, but a file written as text is in order.
    doc = read_inline(
        tmp_path,
        "1.1 Telefon\n\nPatienterna ringer via Tele Q och får en tid för bokning av besök samma dag.\n\n"
        "Bokning av besök sker i journalsystemet av sjuksköterskan efter bedömning.\n\n"
        "1.2 Bokning av besök\n\nBesök bokas inom tre dagar efter medicinsk bedömning.\n",
    )
    assert sections(doc) == {"Patienterna ringer via": "1.1", "Bokning av besök": "1.1", "Besök bokas inom": "1.2"}


def test_bullet_indentation_nests_and_returns(tmp_path):
    doc = read_inline(
        tmp_path,
        "Patienterna kan kontakta oss så här:\n\n• Telefon.\n• Chatt via 1177:\n  • med sjuksköterska\n"
        "    • vardagar 8–17\n  • med läkare\n• Videobesök.\n• Journalen:\n• läses på 1177\n",
    )
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.level) for b in items] == [
        ("Telefon.", 1),
        ("Chatt via 1177:", 1),
        ("med sjuksköterska", 2),
        ("vardagar 8–17", 3),
        ("med läkare", 2),
        ("Videobesök.", 1),  # less indented: the colon's nesting stops
        ("Journalen:", 1),
        ("läses på 1177", 2),  # same indentation after a colon: nested, as in an extraction
    ]
    assert doc.blocks[items[3].lead_in] is items[2]
    assert doc.blocks[items[4].lead_in] is items[1]


def test_table_rows_make_one_table(tmp_path):
    doc = read_inline(
        tmp_path,
        "1.1 Uppföljning\n\nMått | 2025 | Mål\nTelefon besvarad samma dag | 97 % | 95 %\n"
        "Bedömning inom tre dagar | 91 % | 90 %\nKälla: Tele Q | månadsstatistik | 2025 | 2026\n",
    )
    (table,) = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert table.rows == [
        ["Mått", "2025", "Mål"],
        ["Telefon besvarad samma dag", "97 %", "95 %"],
        ["Bedömning inom tre dagar", "91 %", "90 %"],
    ]
    assert table.text.splitlines()[0] == "Mått | 2025 | Mål"
    assert table.section == "1.1"
    # A row with another number of cells is no row of the table, and one row alone is no table.
    assert (doc.blocks[-1].kind, doc.blocks[-1].text) == (BlockKind.PARAGRAPH, "Källa: Tele Q | månadsstatistik | 2025 | 2026")
