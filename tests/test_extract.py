"""Krav detection on sentences and on the real 2026 seed."""

from __future__ import annotations

import pytest

from kravcheck.extract import extract_krav, find_modal, find_party
from kravcheck.krav import Modality, Party, Unit
from kravcheck.nlp import pipeline
from kravcheck.readers import read_document


def first_sentence(text: str):
    return next(iter(pipeline()(text).sents))


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Leverantören ska omedelbart informera Region Norrbotten.", Modality.SKA),
        ("Leverantören skall delta i informationsmöten.", Modality.SKA),
        ("Leverantören är skyldig att delta i dialogmöten.", Modality.SKA),
        ("Leverantören ansvarar för att tillhandahålla tolk.", Modality.SKA),
        ("Leverantör förbinder sig att meddela Beställaren.", Modality.SKA),
        ("Vårdgivaren bör så långt det är möjligt tillgodose patientens önskemål.", Modality.BOR),
        ("Leverantören får inte ta ut avgifter av patienten.", Modality.SKA_INTE),
        ("Detta ska inte vara frivilligt.", Modality.SKA_INTE),
        ("Denne bör ska vara specialist i allmänmedicin.", Modality.SKA),  # a drafting fault: the stronger wins
        ("Vården ska inte bara vara tillgänglig utan även kontinuerlig.", Modality.SKA),
    ],
)
def test_modality_on_word_forms(sentence, modality):
    hit = find_modal(first_sentence(sentence))
    assert hit is not None and hit.modality is modality


@pytest.mark.parametrize(
    "sentence",
    [
        "Leverantören får samarbeta med andra aktörer.",  # a permission
        "För att detta ska fungera krävs fastställda kontaktvägar.",  # a purpose clause
        "Kunskapsstyrning är systemet för att säkerställa en kunskapsbaserad vård.",
        "Privata leverantörer kan ansluta sig till ytterligare digitala tjänster.",
    ],
)
def test_not_a_krav(sentence):
    assert find_modal(first_sentence(sentence)) is None


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("Region Norrbotten ansvarar för att informera leverantören vid förändringar.", Party.REGION),
        ("Leverantören ska omedelbart informera Region Norrbotten om byte av verksamhetschef.", Party.PROVIDER),
        ("Vid behov ska regionen erbjuda stöd.", Party.REGION),
        ("Det digitala verktyg för SIP som Region Norrbotten tillhandahåller ska användas.", Party.PROVIDER),
        ("Fasta vårdkontakter ska registreras i journalsystem enligt gällande rutin.", Party.PROVIDER),
    ],
)
def test_party(sentence, party):
    span = first_sentence(sentence)
    assert find_party(span, find_modal(span)) is party


@pytest.fixture(scope="module")
def krav_2026(seed_2026):
    return extract_krav(seed_2026)


def by_text(krav, start: str):
    found = [k for top in krav for k in top.walk() if k.text.startswith(start)]
    assert found, start
    return found[0]


def test_lead_in_with_list_is_one_krav_with_elements(krav_2026):
    lead = next(k for k in krav_2026 if k.section == "2.1.11" and k.text == "Den fasta läkarkontakten ska:")
    assert lead.modality is Modality.SKA and lead.party is Party.PROVIDER
    assert [e.text.split()[0] for e in lead.elements] == ["Ansvara", "Vägleda", "Ha"]
    assert all(e.modality is Modality.SKA for e in lead.elements)


def test_nested_list_nests(krav_2026):
    besvara = by_text(krav_2026, "Besvara ärenden inom fyra veckor")
    assert [e.text for e in besvara.elements][:1] == ["Bemöter patientens frågor."]
    assert besvara.parameters[0].value == 4 and besvara.parameters[0].unit is Unit.WEEK


def test_region_krav_and_item_of_its_own(krav_2026):
    region = by_text(krav_2026, "Region Norrbotten ansvarar för att informera leverantören")
    assert region.party is Party.REGION and region.section == "2.1.3"


def test_parameters_and_references(krav_2026):
    bedomning = by_text(krav_2026, "Om medicinsk bedömning behövs ska denna erbjudas inom tre dagar")
    (days,) = bedomning.parameters
    assert (days.value, days.unit, str(days.comparator)) == (3, Unit.DAY, "<=")
    deadline = by_text(krav_2026, "Årligen lämna in en patientsäkerhetsberättelse senast den 25 februari")
    assert [(p.value, p.unit) for p in deadline.parameters] == [("--02-25", Unit.DATE)]
    hygien = by_text(krav_2026, "Leverantören ska följa Socialstyrelsens föreskrifter för basal hygien")
    assert "SOSFS 2015:10" in hygien.references
    assert [e.text for e in hygien.elements][1:] == ["Region Norrbottens vårdhygieniska riktlinjer", "rutiner för MRB-screening"]


def test_topics_assigned(krav_2026):
    assert "fast_lakarkontakt" in by_text(krav_2026, "Den fasta läkarkontakten ska:").topics
    assert "hygien" in by_text(krav_2026, "Leverantören ska följa Socialstyrelsens föreskrifter för basal hygien").topics


def test_no_krav_from_permissions_or_purposes(krav_2026):
    texts = [k.text for top in krav_2026 for k in top.walk()]
    assert not [t for t in texts if t.startswith("För att detta ska fungera")]
    assert not [t for t in texts if t.startswith("Begreppet hälsocentral ska tolkas")]


# --- series of duties in one sentence, on small inline inputs -------------------------------


def elements_of(tmp_path, sentence: str) -> list[str]:
    path = tmp_path / "sentence.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    (krav,) = extract_krav(read_document(path))
    return [e.text for e in krav.elements]


@pytest.mark.parametrize(
    ("sentence", "elements"),
    [
        # passive infinitives; the commas after the closing conjunction are the last part's; a
        # purpose clause is no part
        (
            "Det innebär att klagomål ska tas emot, hanteras och återkopplas på ett professionellt, "
            "respektfullt och transparent sätt, för att bidra till förbättring av vården.",
            ["tas emot", "hanteras", "återkopplas på ett professionellt, respektfullt och transparent sätt"],
        ),
        # two acts, each with its own complement, open the series
        (
            "Leverantören ska utan dröjsmål rapportera anmälningspliktiga sjukdomar via SmiNet och följa "
            "smittskyddslagen (SFS 2004:168), smittskyddsförordningen (SFS 2004:255) samt regionens riktlinjer.",
            [
                "utan dröjsmål rapportera anmälningspliktiga sjukdomar via SmiNet",
                "följa smittskyddslagen (SFS 2004:168)",
                "smittskyddsförordningen (SFS 2004:255)",
                "regionens riktlinjer",
            ],
        ),
        # "allmänna" ends in -a but is no infinitive: one act
        (
            "Leverantören ska följa Socialstyrelsens föreskrifter och allmänna råd, regionens riktlinjer "
            "samt rutiner för hygien.",
            ["följa Socialstyrelsens föreskrifter och allmänna råd", "regionens riktlinjer", "rutiner för hygien"],
        ),
        # a bare first verb, or one that ends in a preposition, shares the second verb's object
        (
            "Leverantören ska ordinera och ta prover, undersöka, behandla samt vaccinera patienter.",
            ["ordinera och ta prover", "undersöka", "behandla", "vaccinera patienter"],
        ),
        (
            "Leverantören ska vara väl förtrogen med och följa gällande lagar, förordningar och föreskrifter.",
            ["vara väl förtrogen med och följa gällande lagar", "förordningar", "föreskrifter"],
        ),
        # bare verbs that open a series share the object of the first verb that has one
        (
            "Leverantören ansvarar för att registrera, följa upp och analysera vårdrelaterade infektioner "
            "samt följsamheten till basala hygienrutiner, och ska vidta åtgärder vid eventuella avvikelser.",
            [
                "registrera vårdrelaterade infektioner samt följsamheten till basala hygienrutiner",
                "följa upp vårdrelaterade infektioner samt följsamheten till basala hygienrutiner",
                "analysera vårdrelaterade infektioner samt följsamheten till basala hygienrutiner",
                "vidta åtgärder vid eventuella avvikelser",
            ],
        ),
        (
            "Leverantören ska undersöka, behandla samt vaccinera patienter.",
            ["undersöka patienter", "behandla patienter", "vaccinera patienter"],
        ),
        # acts named as nouns, governed by the modal; the examples are cut off
        (
            "Leverantören ansvarar för provtagning, uppföljning och remittering av personer i samband med "
            "smittspårning av exempelvis tarmsjukdomar, multiresistenta bakterier eller skärskador.",
            ["provtagning", "uppföljning", "remittering av personer i samband med smittspårning"],
        ),
        # states of the patient, not things to do; nouns of one duty
        ("Patienten ska vara delaktig, känna trygghet i planen och kunna påverka tider för vårdmöten.", []),
        ("Jämställdhetsintegrering ska tillämpas i planering, genomförande och uppföljning av vården.", []),
    ],
)
def test_series_of_duties(tmp_path, sentence, elements):
    assert elements_of(tmp_path, sentence) == elements
