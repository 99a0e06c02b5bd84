"""`kravcheck check`: verdicts on a small submission full of traps, invariants on the labelled
corpus, and the command line (formats, --fail-on, refusing to overwrite, bad input)."""

from __future__ import annotations

import json

import pytest

from kravcheck.catalogue import load_catalogue
from kravcheck.check import check_submission
from kravcheck.readers import read_document

from .conftest import REPO
from .test_cli_parse import kravcheck

CATALOGUE = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
CORPUS = sorted((REPO / "fixtures" / "submissions").glob("*/labels.yaml"))

TRAPS = """\
Ansökan Hälsocentralen Testbyn

1 Tillgänglighet

Patienter som behöver en medicinsk bedömning får en tid inom fem dagar.

2 Digitala tjänster

För videobesök använder vi Min vård Norrbotten, och videotider finns varje dag. Chatt erbjuds för närvarande inte.

Vi planerar att börja med stöd- och behandlingsprogram på nätet under 2027.

3 Fast läkarkontakt

Vi tilldelar inte fasta läkarkontakter.

4 Patientsäkerhet

Under året rapporterades 46 avvikelser. Vi har ingen rutin för riskanalys, men avser att ta fram en under 2027.

5 Hygien

Leverantören ska följa Socialstyrelsens föreskrifter för basal hygien i vård och omsorg (SOSFS 2015:10).

Screening för multiresistenta bakterier görs inte här; patienter som behöver MRB-odling hänvisas till infektionsmottagningen.
"""


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


@pytest.fixture(scope="module")
def traps(catalogue, tmp_path_factory):
    path = tmp_path_factory.mktemp("inlamning") / "ansokan.txt"
    path.write_text(TRAPS, encoding="utf-8")
    return check_submission(catalogue, [read_document(path)]).by_id()


def test_a_worse_deadline_contradicts(traps):
    verdict = traps["NB26-2.1.13-03"]
    assert verdict.status == "contradicted"
    assert "inom fem dagar" in verdict.reason and "inom tre dagar" in verdict.reason
    assert "inom fem dagar" in verdict.evidence[0].quote


def test_negation_is_scoped_to_the_service_it_denies(traps):
    assert traps["NB26-3.9.3.2-02.2"].status == "contradicted"  # kommunicera via chattfunktion
    assert "Chatt erbjuds för närvarande inte" in traps["NB26-3.9.3.2-02.2"].evidence[0].quote
    assert traps["NB26-3.9.3.2-02.1"].status == "met"  # delta i videobesök
    assert traps["NB26-3.9.3.2-02"].status == "contradicted"  # the krav of seven elements


def test_denying_what_the_krav_names_contradicts_it_however_few_of_its_words_are_said(traps):
    # "erbjuda medborgarna möjligheten till digitala kontakter via chatt och videosamtal"
    assert traps["NB26-3.14.1-01"].status == "contradicted"
    assert "Chatt erbjuds för närvarande inte" in traps["NB26-3.14.1-01"].evidence[0].quote
    # "Patienten ska ha möjlighet att välja en fast läkarkontakt …"
    assert traps["NB26-2.1.11-01"].status == "contradicted"
    assert traps["NB26-2.1.11-01"].evidence[0].quote == "Vi tilldelar inte fasta läkarkontakter."
    # "… som omfattar rutiner för riskanalys, avvikelsehantering och egenkontroller": the clause
    # that denies one of them is about it, whatever the rest of the sentence says.
    assert traps["NB26-2.1.14-02.1"].status == "contradicted"


def test_a_denial_in_the_words_of_a_synonym_contradicts(traps):
    # "rutiner för MRB-screening": the denied clause holds the synonym, the other its abbreviation.
    verdict = traps["NB26-2.5.17-01.3"]
    assert verdict.status == "contradicted"
    assert "görs inte här" in verdict.reason


def test_showing_some_of_the_things_a_krav_asks_for_together_is_partial(catalogue, tmp_path):
    # "… erbjuda medborgarna möjligheten till digitala kontakter via chatt och videosamtal"
    text = "Via Min vård Norrbotten erbjuder vi videosamtal med sjuksköterska under hela öppettiden."
    verdict = _check(catalogue, tmp_path, text)["NB26-3.14.1-01"]
    assert verdict.status == "partial"
    assert "chatt" in verdict.reason and "videosamtal" not in verdict.reason
    assert verdict.evidence[0].quote.startswith("Via Min vård Norrbotten erbjuder vi videosamtal")


def _check(catalogue, tmp_path, text: str):
    path = tmp_path / "ansokan.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return check_submission(catalogue, [read_document(path)]).by_id()


def test_a_name_the_catalogue_says_shows_the_krav_meets_it(catalogue, tmp_path):
    # "Föregås av en stark autentisering genom säker ID-kontroll", shown_by: [BankID, …]: the
    # passage shares no word with the element.
    verdict = _check(catalogue, tmp_path, "Patienten loggar in med BankID innan besöket startar.")["NB26-3.9.3.3-06.6"]
    assert verdict.status == "met"
    assert verdict.evidence[0].quote == "Patienten loggar in med BankID innan besöket startar."
    assert "BankID" in verdict.looked_for


def test_a_name_the_catalogue_says_shows_the_krav_is_found_however_it_ranks(catalogue, tmp_path):
    # "… använda regionens upphandlade digitala plattform …", shown_by: [Min vård Norrbotten],
    # which the ranking knows only as "vård": fifteen passages about digital platforms outrank it.
    filler = [f"Den digitala vårdplattformen nummer {n} används i vården." for n in range(15)]
    named = "Vi använder Min vård Norrbotten."
    verdict = _check(catalogue, tmp_path, "\n\n".join([*filler, named]))["NB26-3.9.3.2-04"]
    assert verdict.evidence[0].quote == named


def test_a_name_the_catalogue_says_shows_the_krav_shows_nothing_in_a_denial(catalogue, tmp_path):
    text = "För att chatten ska vara lätt att använda kräver den ingen inloggning, så att även patienter utan BankID kan nå oss."
    assert _check(catalogue, tmp_path, text)["NB26-3.9.3.3-06.6"].status != "met"


def test_ej_denies_as_inte_does(catalogue, tmp_path):
    # "ej" is no content word: "Synergi används ej på enheten" is about Synergi alone.
    denial = "Synergi används ej på enheten; avvikelser som berör regionens verksamheter skickas i stället till berörd enhet per e-post."
    text = f"Avvikelser rapporteras i vårt eget avvikelsesystem AvIQ, där vi även registrerar synpunkter och klagomål. {denial}"
    verdict = _check(catalogue, tmp_path, text)["NB26-2.1.16-01.3.5"]  # "Använda regionens IT-stöd Synergi …"
    assert verdict.status == "contradicted" and verdict.evidence[0].quote == denial


def test_a_provider_that_has_one_states_at_least_one(catalogue, tmp_path):
    # "Hälsocentralen ska ha minst en läkare med specialistkompetens i allmänmedicin …"
    verdict = _check(catalogue, tmp_path, "Två av våra läkare är specialister i allmänmedicin.")["NB26-2.6-05"]
    assert verdict.status == "met", verdict.reason


def test_drafting_abbreviations_are_not_looked_for(traps):
    # "Identifiering (t.ex. skörhetsbedömning)"
    assert "t.ex." not in traps["NB26-3.6.1-01.1"].looked_for
    assert "skörhetsbedömning" in traps["NB26-3.6.1-01.1"].looked_for


def test_a_lead_in_s_own_figure_binds(catalogue, tmp_path):
    # "Besvara ärenden inom fyra veckor, med ett patientanpassat svar som:" and three items
    verdicts = _check(catalogue, tmp_path, "Ärenden från patientnämnden besvaras inom sex veckor från att begäran har kommit in.")
    lead_in = verdicts["NB26-2.1.15-02.2"]
    assert lead_in.status == "contradicted"
    assert "inom sex veckor" in lead_in.reason and len(lead_in.elements) == 3
    assert verdicts["NB26-2.1.15-02"].status == "contradicted"


def test_a_plan_does_not_meet_a_krav_in_force(traps):
    verdict = traps["NB26-3.9.3.2-02.5"]
    assert verdict.status == "missing"
    assert "plan" in verdict.reason


def test_a_restated_krav_shows_nothing(traps):
    assert traps["NB26-2.5.17-01.1"].status == "missing"


def test_a_worse_figure_in_other_words_contradicts_however_the_passage_ranks(catalogue, tmp_path):
    # Fourteen passages share more of "nå vården … via telefon, digitala kanaler eller fysiskt
    # besök" than the one that says when a patient is called back.
    channels = [f"Patienten kan nå vården via telefon, digitala kanaler och fysiskt besök på mottagning {n}." for n in range(14)]
    text = "\n\n".join([*channels, "Patienter som ringer efter klockan 14 rings upp nästa vardag, eftersom sjuksköterskorna har planerade besök."])
    verdict = _check(catalogue, tmp_path, text)["NB26-2.1.13-02"]
    assert verdict.status == "contradicted"
    assert "nästa vardag" in verdict.reason and "rings upp nästa vardag" in verdict.evidence[0].quote


def test_a_figure_in_a_passage_that_names_nothing_of_the_krav_does_not_decide_it(catalogue, tmp_path):
    # The heading and the paragraph speak of medical assessment; the last line, of a queue to a talk.
    text = "Medicinsk bedömning\n\nOm bedömning behövs erbjuds den.\nVäntetiden till första samtal är i regel under två veckor."
    assert _check(catalogue, tmp_path, text)["NB26-2.1.13-03"].status != "contradicted"


def test_a_duty_said_of_the_lead_ins_subject_shows_the_element(catalogue, tmp_path):
    # "Den fasta vårdkontakten ska: … Koordinera vårdens insatser och fungera som ett stöd för
    # patienten", said in the provider's words of the one its paragraph names.
    duty = "Hon eller han samordnar vårdens insatser och håller kontakten med kommunen."
    text = f"Fast vårdkontakt\n\nPatienter med stora behov av samordning får en fast vårdkontakt. {duty}"
    verdict = _check(catalogue, tmp_path, text)["NB26-2.1.10-02.1"]
    assert verdict.status == "met" and duty in [e.quote for e in verdict.evidence]


def _query_and_passages(catalogue, krav_id: str, paragraphs: list[str], tmp_path):
    """The query of `krav_id` (a krav or an element of one) and the passages of a document of
    `paragraphs`."""
    from kravcheck.check.passages import passages_of
    from kravcheck.check.terms import Analyzer

    path = tmp_path / "rutin.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    analyzer = Analyzer()
    return _query(catalogue, krav_id, analyzer), passages_of([read_document(path)], analyzer)


def _query(catalogue, krav_id: str, analyzer):
    """The query of `krav_id`, its words weighted by the whole catalogue as in a check."""
    from kravcheck.check.cache import cached_queries

    return cached_queries(catalogue, [k for k in catalogue.krav if k.status == "active"], analyzer)[krav_id]


def test_an_evidence_term_that_names_something_is_found_as_written(catalogue, tmp_path):
    # "Min vård Norrbotten" is "vård" once its stop words are gone: it must not be found in
    # every passage about care, and where it is found, the whole name is marked.
    paragraphs = ["Patienter som behöver vård samma dag bokas på akuttider.", "Vi använder Min vård Norrbotten för video."]
    query, (care, name) = _query_and_passages(catalogue, "NB26-2.1.13-02", paragraphs, tmp_path)
    assert query.phrase_in(care) is None
    assert query.phrase_in(name) == "Min vård Norrbotten"
    assert (name.text.index("Min"), name.text.index(" för")) in query.marks(name)


def test_citing_the_regulation_the_krav_cites_is_evidence_for_it(catalogue, tmp_path):
    # "följa Socialstyrelsens föreskrifter för basal hygien i vård och omsorg (SOSFS 2015:10)"
    paragraphs = ["Basala hygienrutiner enligt SOSFS 2015:10 tillämpas av all personal.", "Vi följer SOSFS 2015:101."]
    query, (cites, other) = _query_and_passages(catalogue, "NB26-2.5.17-01.1", paragraphs, tmp_path)
    assert query.phrase_in(cites) == "SOSFS 2015:10"
    assert query.phrase_in(other) is None


def test_an_element_is_about_the_subject_of_its_lead_in(catalogue, tmp_path):
    # "Utrustningen ska: … Uppdateras vid förändringar i uppdraget"
    paragraphs = ["Vårdplanen uppdateras vid förändringar i uppdraget.", "Utrustningslistan uppdateras vid förändringar i uppdraget."]
    query, (care_plan, equipment) = _query_and_passages(catalogue, "NB26-2.5.9-01.2", paragraphs, tmp_path)
    assert query.coverage(care_plan) == 0
    assert query.coverage(equipment) >= 0.65


def test_a_krav_is_shown_by_what_it_asks_for_more_than_by_its_purpose(catalogue, tmp_path):
    # "Vårdgivaren ska utse en fast vårdkontakt för de patienter som behöver det, för att skapa
    # förutsättningar för samordnad vård och förebyggande insatser."
    paragraphs = [
        "Patienter med stort behov av samordning får en utsedd fast vårdkontakt.",
        "Vi skapar förutsättningar för samordnad vård och förebyggande insatser.",
    ]
    query, (duty, purpose) = _query_and_passages(catalogue, "NB26-2.1.10-01", paragraphs, tmp_path)
    assert query.coverage(duty) > 0.6 and query.coverage(purpose) < 0.45


def test_a_long_krav_is_met_by_enough_of_its_words(catalogue, tmp_path):
    # "Lokaler som är öppna för allmänheten ska vara fullt tillgängliga för alla, med exempelvis
    # parkering för personer med funktionsnedsättning, angöringsplats för färdtjänst, tydlig
    # skyltning, automatiska dörrar, ramp eller hiss vid nivåskillnader och handikapptoalett."
    premises = (
        "Lokalerna är nybyggda och tillgängliga, med hiss, automatiska dörrar, "
        "handikapptoaletter på båda våningsplanen och parkering för rörelsehindrade direkt utanför."
    )
    verdict = _check(catalogue, tmp_path, premises)["NB26-3.9.3.3-01"]
    assert verdict.status == "met" and verdict.evidence[0].quote == premises
    assert _check(catalogue, tmp_path, "Det finns parkering för rörelsehindrade.")["NB26-3.9.3.3-01"].status == "missing"


@pytest.mark.parametrize(
    ("krav_id", "conjuncts"),
    [
        ("NB26-3.14.1-01", {"chatt", "videosamtal"}),  # "… via chatt och videosamtal"
        ("NB26-3.2-01", {"mottagningsbesök", "vårdmöten", "hembesök", "hemsjukvård", "telefonrådgivning"}),
        # Common words say what a duty covers: "registrera vårdrelaterade infektioner samt följsamheten till
        # basala hygienrutiner och klädregler", "… kompetens inom patientsäkerhet och Vårdhygien"
        ("NB26-2.5.17-02.1", set()),
        ("NB26-2.1.16-02", set()),
        ("NB26-3.9.3.2-02.7", set()),  # "av- och omboka besök": one compound, written short
        ("NB26-2.1.11-03.3", set()),  # "… för att underlätta planering och uppföljning": a purpose
        ("NB26-3.9.3.2-03", set()),  # "vara ansluten till … 1177 och följa de riktlinjer …": two duties
        ("NB26-3.9.3.3-01", set()),  # "med exempelvis parkering …, ramp eller hiss … och handikapptoalett": examples
    ],
)
def test_the_things_a_krav_asks_for_together(catalogue, krav_id, conjuncts):
    from kravcheck.check.terms import Analyzer

    assert {c.text.lower() for c in _query(catalogue, krav_id, Analyzer()).conjuncts} == conjuncts


def test_a_synonym_a_word_of_the_krav_has_counted_earns_no_bonus(catalogue, tmp_path):
    # "följa upp vårdrelaterade infektioner samt följsamheten till basala hygienrutiner och
    # klädregler": "basal hygien" is "hygienrutiner" by the thesaurus, counted once.
    paragraphs = ["Vi följer Socialstyrelsens föreskrifter om basal hygien, SOSFS 2015:10."]
    query, (general,) = _query_and_passages(catalogue, "NB26-2.5.17-02.2", paragraphs, tmp_path)
    assert query.phrase_in(general) is None
    assert _check(catalogue, tmp_path, paragraphs[0])["NB26-2.5.17-02.2"].status != "met"


def test_a_particle_verb_is_one_word():
    # "följa upp" is "uppföljning", not "följa" ("Vi följer Socialstyrelsens föreskrifter").
    from kravcheck.check.terms import Analyzer

    analyzer = Analyzer()

    def terms(text: str, word: str) -> frozenset[str]:
        return next(w.terms for w in analyzer.text_words(text) if w.text == word)

    assert terms("Resultaten följs upp varje månad.", "följs") & terms("Uppföljning sker årligen.", "Uppföljning")
    assert not terms("Vi följer föreskrifterna.", "följer") & terms("Vi följer upp resultaten.", "följer")
    assert terms("barn upp till 18 år", "barn") == terms("barn", "barn")  # "upp till" is no particle
    # "om" is a particle only without an object after it: "boka om eller avboka", not "boka om tid".
    assert terms("Patienterna kan boka om eller avboka sina tider.", "boka") & terms("Ombokning via 1177.", "Ombokning")
    assert terms("Patienterna kan boka om sina tider.", "boka") == terms("boka", "boka")


def test_a_suspended_compound_head_is_its_whole_word():
    # "av- och omboka" is "avboka och omboka"; "händelse- och riskanalyser" holds "händelseanalyser".
    from kravcheck.check.terms import Analyzer

    analyzer = Analyzer()

    def terms(text: str, word: str) -> frozenset[str]:
        return next(w.terms for w in analyzer.text_words(text) if w.text == word)

    assert terms("av- och omboka besök", "av-") & terms("Patienten kan avboka sin tid.", "avboka")
    assert terms("gemensamma händelse- och riskanalyser", "händelse-") & terms("En händelseanalys gjordes.", "händelseanalys")
    # Only the whole word: "hälso- och sjukvård" is not any passage's "vård".
    assert "vård" not in terms("övrig hälso- och sjukvård", "hälso-")


def test_a_compound_head_that_is_a_word_stays_whole():
    # "tillgänglighetsdata" is about "tillgänglighet", not "tilla" and "gänglighet".
    from kravcheck.check.terms import Analyzer

    analyzer = Analyzer()
    (data,) = analyzer.text_words("Tillgänglighetsdata")
    (word,) = analyzer.text_words("tillgänglighet")
    assert word.key in data.terms


def test_av_och_ombokning_by_another_wording_meets_the_element(catalogue, tmp_path):
    text = "Via 1177 kan patienterna förnya sina recept, läsa sin journal och boka om eller avboka tider hos sjuksköterska och läkare."
    verdict = _check(catalogue, tmp_path, text)["NB26-3.9.3.2-02.7"]  # "av- och omboka besök"
    assert verdict.status == "met" and verdict.evidence[0].quote == text


def test_krav_that_bind_the_region_are_not_applicable(traps, catalogue):
    region = [k for k in catalogue.krav if k.party == "region"]
    assert region and all(traps[k.id].status == "not_applicable" for k in region)


@pytest.mark.parametrize("labels", CORPUS, ids=lambda p: p.parent.name)
def test_every_verdict_is_explained(labels, catalogue):
    import yaml

    submission = yaml.safe_load(labels.read_text(encoding="utf-8"))
    documents = [read_document(labels.parent / name) for name in submission["documents"]]
    texts = {d.source.rsplit("/", 1)[-1]: " ".join(" ".join(b.text for b in d.blocks).split()) for d in documents}
    for verdict in check_submission(catalogue, documents).by_id().values():
        assert verdict.reason
        if verdict.status in ("met", "partial", "contradicted"):
            assert verdict.evidence, f"{verdict.krav.id} is {verdict.status} without a quote"
        if verdict.status == "missing":
            assert verdict.looked_for or verdict.elements, f"{verdict.krav.id} says nothing of what was looked for"
        for evidence in verdict.evidence:
            quote = " ".join(evidence.quote.split())
            assert quote in texts[evidence.file] or all(part in texts[evidence.file] for part in quote.split(" | "))


# --- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def submission(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "ansokan.txt"
    path.write_text(TRAPS, encoding="utf-8")
    return path


def test_json_goes_to_stdout_and_nothing_else(submission):
    result = kravcheck("check", "--catalog", str(CATALOGUE), str(submission), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["catalog"]["region"] == "norrbotten" and len(report["catalog"]["sha256"]) == 64
    assert report["documents"][0]["file"].endswith("ansokan.txt")
    assert sum(report["summary"].values()) == len(report["krav"])
    first = report["krav"][0]
    assert {"id", "section", "section_title", "text", "modality", "topics", "status", "confidence", "reason", "evidence", "looked_for"} <= set(first)


def test_table_and_markdown_are_swedish(submission, tmp_path):
    table = kravcheck("check", "-c", str(CATALOGUE), str(submission))
    assert table.returncode == 0 and "Avviker" in table.stdout and "inom fem dagar" in table.stdout
    out = tmp_path / "rapport.md"
    md = kravcheck("check", "-c", str(CATALOGUE), str(submission), "--format", "md", "-o", str(out))
    assert md.returncode == 0 and out.read_text(encoding="utf-8").startswith("# Kravkontroll")


def test_an_existing_report_is_not_overwritten_without_force(submission, tmp_path):
    out = tmp_path / "rapport.json"
    out.write_text("tidigare rapport", encoding="utf-8")
    refused = kravcheck("check", "-c", str(CATALOGUE), str(submission), "-f", "json", "-o", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "tidigare rapport"
    forced = kravcheck("check", "-c", str(CATALOGUE), str(submission), "-f", "json", "-o", str(out), "--force")
    assert forced.returncode == 0 and json.loads(out.read_text(encoding="utf-8"))["krav"]


def test_fail_on_gives_exit_1_when_a_listed_status_occurs(submission):
    assert kravcheck("check", "-c", str(CATALOGUE), str(submission), "--fail-on", "contradicted").returncode == 1
    assert kravcheck("check", "-c", str(CATALOGUE), str(submission), "--fail-on", "nonsense").returncode == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-c", "finns-inte.yaml", "ANSOKAN"], "katalogen finns inte"),
        (["-c", str(CATALOGUE), "finns-inte.pdf"], "filen finns inte"),
        (["-c", str(REPO / "fixtures" / "broken" / "encrypted.pdf"), "ANSOKAN"], "katalog"),
        # A bad file after a good one, both read aside while the checker loads.
        (["-c", str(CATALOGUE), "ANSOKAN", str(REPO / "fixtures" / "broken" / "image_only.pdf")], "OCR"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message, submission):
    result = kravcheck("check", *[str(submission) if a == "ANSOKAN" else a for a in args])
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_documents_read_aside_are_the_documents_in_order():
    from kravcheck.errors import InputError
    from kravcheck.readers import read_document, reading_aside

    dundret = REPO / "fixtures" / "submissions" / "dundret"
    paths = [dundret / "dundret_ansokan.docx", dundret / "dundret_patientsakerhetsberattelse_2025.pdf"]
    with reading_aside(paths) as documents:
        read = documents()
    assert [d.to_dict() for d in read] == [read_document(p).to_dict() for p in paths]
    with pytest.raises(InputError, match="tom"), reading_aside([paths[0], REPO / "fixtures" / "broken" / "empty.pdf"]) as documents:
        documents()


def test_an_element_is_about_its_section_title(catalogue, tmp_path):
    # "Leverantören ska: … Besvara ärenden inom fyra veckor" under "Patientnämnden": the lead-in
    # says nothing, the title says what the answer is to.
    text = "När patientnämnden begär ett yttrande skickar vi svaret inom 30 arbetsdagar."
    verdict = _check(catalogue, tmp_path, text)["NB26-2.1.15-02.2"]
    assert verdict.status == "contradicted" and verdict.evidence[0].quote == text
