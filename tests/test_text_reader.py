"""The text reader on the real 2026 seed: a two-column PDF extraction with stacked headings."""

from kravcheck.document import BlockKind

from .conftest import block_with


def headings(doc):
    return {b.number: b for b in doc.blocks if b.kind is BlockKind.HEADING}


def test_sections_follow_stacked_headings(seed_2026):
    # In the seed "■ 2.1.15 Patientnämnden" and "■ 2.1.16 Patientförsäkring" stand together above
    # both bodies; the body has to be split between them.
    besvara = block_with(seed_2026, "Besvara ärenden inom fyra veckor")
    assert besvara.kind is BlockKind.LIST_ITEM
    assert besvara.section == "2.1.15"
    assert seed_2026.section_title("2.1.15") == "Patientnämnden"
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
