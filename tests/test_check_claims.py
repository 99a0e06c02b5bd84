"""What a passage claims: negation scoped to its clause, plans, figures compared with direction."""

from __future__ import annotations

import pytest

from kravcheck.check.claims import Stance, clauses, copies_of_krav, is_negated, is_plan, read_claim, restates_krav
from kravcheck.parameters import find_parameters

THREE_DAYS = find_parameters("Om medicinsk bedömning behövs ska denna erbjudas inom tre dagar.")
DEADLINE = find_parameters("Rapporten ska lämnas senast den 25 februari.")
SAME_DAY = find_parameters("Patienten ska kunna nå vården samma dag via telefon.")


@pytest.mark.parametrize(
    ("clause", "negated"),
    [
        ("Chatt erbjuds för närvarande inte", True),
        ("Chattfunktionen stängdes i september", True),
        ("Vi saknar i dag en tillgänglighetsanpassad toalett", True),
        ("vi erbjuder inte bara video utan även chatt", False),
        ("ingen patient ska behöva vänta mer än tre dagar", False),
        ("Inget videobesök startar utan att patienten har legitimerat sig med BankID", False),  # always
        ("Ingen nyanställd börjar arbeta självständigt innan introduktionen är genomförd", False),
        ("Vi stänger inte telefonkön innan alla har fått en tid", False),
        ("Videobesök bokas när patienten inte behöver undersökas på plats", False),  # a promise that something is spared
        ("Patienter med stora vårdbehov ska inte behöva be om en fast läkarkontakt", False),
        ("Vi erbjuder chatt via 1177 vardagar 8–17", False),
        ("Videobesöket ersätter inte det fysiska besöket utan är ett komplement", False),  # what it is not, then is
        ("Vi erbjuder inte chatt utan hänvisar till telefon", True),
        ("Vi har lagt ner chatten efter sommaren", True),  # a service ended, in the words providers use
        ("Vi har slutat erbjuda videobesök", True),
        ("Vi har valt bort drop-in", True),
        ("Stöd- och behandlingsprogram har tagits bort ur utbudet", True),
        ("Ingenting av detta har genomförts", True),
    ],
)
def test_negation(clause, negated):
    assert is_negated(clause) is negated


def test_negation_belongs_to_its_clause():
    text = "Chatt erbjuds för närvarande inte, men videobesök finns varje dag."
    video = text.index("videobesök")
    claim = read_claim(text, text[video - 4 :], "", [], 2026)
    assert claim.stance is Stance.AFFIRMS
    chat = read_claim(text, text[: text.index(",")], "", [], 2026)
    assert chat.stance is Stance.DENIES


def test_a_sentence_is_a_clause_of_its_own():
    # A list item or table cell of two sentences: the second's negation is not the first's.
    text = "Sjuksköterskan ringer upp vid den angivna tiden. Om patienten inte svarar görs ett nytt försök."
    first = text.index(".") + 1
    assert clauses(text) == [(0, first), (first + 1, len(text))]
    claim = read_claim(text, text[:first], "", [], 2026, [(text.index("ringer"), text.index(" vid"))])
    assert claim.stance is Stance.AFFIRMS


def test_negation_far_from_the_matched_words_does_not_deny():
    clause = "Vi har inte haft några längre avbrott i telefonin under året och alla som ringer före 16 blir uppringda samma dag"
    start = clause.index("uppringda")
    assert not is_negated(clause, [(start, start + 9)])


def _near(clause: str, *words: str) -> list[tuple[int, int]]:
    return [(clause.index(word), clause.index(word) + len(word)) for word in words]


@pytest.mark.parametrize(
    ("clause", "matched", "negated"),
    [
        # A subordinate clause's negation qualifies a circumstance ...
        ("Patienter med stora vårdbehov erbjuds alltid en fast läkarkontakt, även om de inte själva har efterfrågat det",
         ("fast läkarkontakt",), False),
        ("Eftersom verksamhetschefen inte är läkare finns en medicinskt ledningsansvarig läkare", ("medicinskt ledningsansvarig",), False),
        # ... unless the krav's words stand in it, and no more of them stand outside it.
        ("Vi är en liten hälsocentral som inte erbjuder chatt", ("chatt",), True),
        ("Eftersom verksamhetschefen inte är läkare finns en medicinskt ledningsansvarig, specialist i allmänmedicin",
         ("verksamhetschefen", "läkare", "medicinskt", "ledningsansvarig", "allmänmedicin"), False),
        ("Den fasta läkarkontakten samordnar remisser, så att patienten inte själv behöver hålla reda på dem",
         ("fasta läkarkontakten", "samordnar", "patienten"), False),
        ("Eftersom vi inte har chatt hänvisar vi till telefon", ("chatt",), True),
        # "ingen" denies the noun phrase after it.
        ("För att chatten ska vara lätt att använda kräver den ingen inloggning", ("chatten",), False),
        ("Vi har ingen chatt", ("chatt",), True),
        # So does "i stället för": what stands before it is done.
        ("Kvällar tar vår underleverantör emot samtal för sjukvårdsrådgivning i stället för 1177", ("sjukvårdsrådgivning",), False),
        ("Patienterna bokar tid via vår egen app i stället för 1177", ("1177",), True),
        # "inte … förrän": not until.
        ("Vi släpper inte Tele Q-kön för dagen förrän samtliga återuppringningstider är fördelade", ("Tele Q-kön",), False),
    ],
)
def test_negation_denies_only_the_matched_words(clause, matched, negated):
    assert is_negated(clause, _near(clause, *matched)) is negated


def test_a_pasted_krav_is_a_copy_whichever_krav_it_is_found_for():
    krav = [
        "Den fasta vårdkontakten ska koordinera vårdens insatser och fungera som ett stöd för patienten.",
        "följa upp",
    ]
    passages = [
        "Den fasta vårdkontakten ska koordinera vårdens insatser och fungera som ett stöd för patienten, säkerställa att vårdplanen är aktuell.",
        "Den fasta vårdkontakten samordnar vårdens insatser och är patientens stöd.",
        "Vi följer upp alla avvikelser varje månad.",
    ]
    assert copies_of_krav(passages, krav) == {0}


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("Vi planerar att införa chatt under 2027.", True),
        ("Chatt införs under 2027.", True),
        ("Målet är att erbjuda stöd- och behandlingsprogram.", True),
        ("Läkaren planerar uppföljningen tillsammans med patienten.", False),
        ("Allvarliga händelser utreds med händelseanalys.", False),  # investigated: done, not planned
        ("Hälsocentralen kommer från avtalsstart att erbjuda videobesök.", False),
    ],
)
def test_plans(text, plan):
    assert is_plan(text, 2026) is plan


@pytest.mark.parametrize(
    ("text", "required", "stance"),
    [
        ("Patienter som behöver medicinsk bedömning får en tid inom fem dagar.", THREE_DAYS, Stance.WORSE),
        ("Medicinsk bedömning erbjuds inom 2 dagar.", THREE_DAYS, Stance.BETTER_OR_EQUAL),
        ("Medicinsk bedömning erbjuds samma dag eller nästa.", THREE_DAYS, Stance.BETTER_OR_EQUAL),
        ("Bedömningen görs inom 48 timmar.", THREE_DAYS, Stance.BETTER_OR_EQUAL),
        ("Bedömningen görs inom en vecka.", THREE_DAYS, Stance.WORSE),
        # a krav in days counts whole days: two hours is the same day, thirty is not
        ("Alla som ringer blir uppringda inom två timmar.", SAME_DAY, Stance.BETTER_OR_EQUAL),
        ("Alla som ringer får svar inom 30 minuter.", SAME_DAY, Stance.BETTER_OR_EQUAL),
        ("Den som ringer efter klockan 14 rings upp nästa vardag.", SAME_DAY, Stance.WORSE),
        ("Återuppringning sker inom 30 timmar.", SAME_DAY, Stance.WORSE),
    ],
)
def test_figures_compare_with_direction(text, required, stance):
    assert read_claim(text, text, "", required, 2026).stance is stance


@pytest.mark.parametrize(
    ("clause", "matched", "stance"),
    [
        # Something else is not the krav's thing: neither for nor against it.
        ("Hyrläkare är aldrig fast läkarkontakt", ("fast läkarkontakt",), Stance.QUALIFIES),
        ("Vikarierande läkare utses inte som fast läkarkontakt", ("fast läkarkontakt",), Stance.QUALIFIES),
        ("Den som saknar fast läkarkontakt i dessa grupper fångas upp i en månatlig lista", ("fast läkarkontakt",), Stance.QUALIFIES),
        # The krav's own thing, or the provider itself, is not: a denial.
        ("Chatten är inte bemannad på kvällar", ("Chatten",), Stance.DENIES),
        ("Vi är inte anslutna till 1177", ("1177",), Stance.DENIES),
    ],
)
def test_a_negation_of_something_else_qualifies(clause, matched, stance):
    assert read_claim(clause, clause, "", [], 2026, _near(clause, *matched)).stance is stance


def test_a_pointer_elsewhere_is_no_claim():
    text = "Chatt, videobesök, receptförnyelse och tidbokning via 1177 beskrivs närmare i bilaga 2."
    assert read_claim(text, text, "", [], 2026).stance is Stance.REFERS


def test_an_age_is_no_wait():
    text = "De digitala kontaktvägarna används av alla åldrar, från tonåringar till en patient på 94 år."
    assert read_claim(text, text, "", SAME_DAY, 2026).stance is Stance.AFFIRMS


def test_a_lead_time_is_no_figure_for_or_against():
    text = "Bokade tider kan av- och ombokas i 1177 fram till 24 timmar före besöket."
    assert read_claim(text, text, "", SAME_DAY, 2026).stance is Stance.AFFIRMS


@pytest.mark.parametrize(
    "text",
    ["Väntetiden till första bedömning hos kurator var i genomsnitt nio dagar.", "Medelväntetiden till bedömning var 12 dagar."],
)
def test_an_average_is_no_figure_for_or_against(text):
    assert read_claim(text, text, "", THREE_DAYS, 2026).stance is Stance.AFFIRMS
    kept = "Medianen var 2 dagar och alla fick bedömning inom fem dagar."  # the average ends at "och"
    assert read_claim(kept, kept, "", THREE_DAYS, 2026).stance is Stance.WORSE


def test_deadlines_compare_by_day_of_year():
    late = read_claim("Berättelsen lämnas senast 31 mars.", "Berättelsen lämnas senast 31 mars.", "", DEADLINE, 2026)
    early = read_claim("Vi lämnar den senast den 15 februari.", "Vi lämnar den senast den 15 februari.", "", DEADLINE, 2026)
    assert (late.stance, early.stance) == (Stance.WORSE, Stance.BETTER_OR_EQUAL)


def test_a_copied_krav_or_the_bestallnings_voice_is_a_restatement():
    krav = "Vårdgivaren ska erbjuda invånarna digitala kontaktvägar under vårdcentralens öppettider."
    assert restates_krav(krav, krav)
    assert restates_krav("Leverantören ska erbjuda chatt och video.", krav)
    assert not restates_krav("Vi erbjuder chatt och video under hela öppettiden.", krav)


def test_the_krav_words_after_the_providers_own_subject_are_a_claim():
    element = "följa Socialstyrelsens föreskrifter för basal hygien i vård och omsorg (SOSFS 2015:10)"
    assert not restates_krav("Hälsocentralen följer Socialstyrelsens föreskrifter om basal hygien i vård och omsorg (SOSFS 2015:10).", element)
    assert restates_krav("Följa Socialstyrelsens föreskrifter för basal hygien i vård och omsorg (SOSFS 2015:10).", element)


def test_a_duty_restates_only_the_krav_words_it_governs():
    # The krav's two words and a "ska" in one sentence: the duty is another matter.
    passage = "Patienterna kan förnya recept via 1177, och vi följer anvisningarna för hur ärenden ska hanteras."
    assert not restates_krav(passage, "förnya recept")
    krav = "Koordinera vårdens insatser och fungera som ett stöd för patienten."
    assert restates_krav(f"Den fasta vårdkontakten ska {krav.lower()}", krav)
    assert not copies_of_krav([passage], ["Leverantören ska erbjuda patienterna att förnya recept via 1177."])
