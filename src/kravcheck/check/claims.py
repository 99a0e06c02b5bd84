"""What a passage claims about the thing a krav asks for: done, not done, only planned, or a figure.

Read in the clause that carries the matched words, not the whole sentence: in "Chatt erbjuds för
närvarande inte, men videobesök finns" the negation belongs to the chat, and the video stands.
A clause ends at the end of a sentence (a list item may hold two), a semicolon, a dash, or a comma
before a conjunction that starts a new clause ("men", "medan", "eftersom" …).

Negation: "inte", "ej", "icke", "aldrig", "ingen/inget/inga", "saknas", "saknar", "i stället
för", and a service ended ("stängdes", "avvecklats", "lagt ner", "slutat", "valt bort", "tagits
bort"; not "stängt", which is mostly opening hours: "när vi har stängt"). "ingen" and "i stället
för" deny only the words after them. Not "inte bara … utan även" or "inte minst", and not
"ingen … behöver vänta" or "ska inte behöva be om det" (a promise that something is spared),
"inget videobesök startar utan att …" or "ingen nyanställd börjar … innan …" (always) or
"ersätter inte … utan är ett komplement" (what the subject is not, then what it is).
A plan:
"planerar", "avser", "på sikt", "undersöker möjligheten", "under uppbyggnad", or a year after the
catalogue's year ("införs under 2027"). A firm commitment ("kommer från avtalsstart att
erbjuda") is no plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from ..krav import Comparator, Parameter, Unit
from ..parameters import locate_parameters

_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s[–—]\s|(?<=[.!?])\s+(?=[A-ZÅÄÖ])|,\s*(?=(?:men|medan|eftersom|då|däremot|dock|samtidigt som|vilket|fast|utan)\b))\s*"
    r"|\s+(?=men\s)",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:inte|ej|icke|aldrig|ingen|inget|inga|ingenting|saknas|saknar|saknades|saknat|avvecklat?s?|avvecklades|upphört|upphörde"
    r"|slutat|i\s+stället\s+för|istället\s+för|stängdes|stängts|(?:lagts|lades|lagt)\s+n(?:ed|er)|(?:tagits|togs|tagit|tog)\s+bort"
    r"|valt\s+bort|valde\s+bort|pausats|pausades|pausat)\b",
    re.IGNORECASE,
)
_NOT_A_NEGATION = re.compile(
    r"\b(?:inte|ej)\s+(?:bara|enbart|endast|minst|heller\s+utan)\b"
    r"|\b(?:ingen|inga)\s+(?:\w+\s+){0,3}?(?:ska|skall|behöver|behöva)\s+(?:\w+\s+){0,2}?(?:vänta|stå|nekas|avvisas)"
    r"|\bsaknas\s+(?:det\s+)?(?:inga|ingen)\b"
    r"|\binte\b[^,.;]{0,80}?\b(?:förrän|innan)\b"  # "släpper inte kön förrän alla är uppringda": not until
    # "inget videobesök startar utan att …", "Ingen nyanställd börjar … innan introduktionen är
    # genomförd": always.
    r"|\b(?:ingen|inget|inga)\b[^,.;]{0,60}?\b(?:utan\s+att|innan|förrän)\b"
    # "… så att patienten inte behöver undersökas på plats", "ska inte behöva be om det": a
    # promise that something is spared, not a denial.
    r"|\b(?:inte|aldrig)\s+(?:ska\s+|skall\s+)?behöv(?:a|er|s)\b"
    # "Videobesöket ersätter inte det fysiska besöket utan är ett komplement": what the subject is
    # not, then what it is; the subject itself stands.
    r"|\b(?:inte|ej)\b[^,.;]{0,60}?\butan\s+(?:är|utgör|blir|fungerar\s+som)\b",
    re.IGNORECASE,
)
_NEGATION_REACH = 40  # characters between a negation and the matched words it can deny
# "ingen", "inget", "inga" deny the noun phrase they stand before: "chatten kräver ingen
# inloggning" says nothing against the chat; so does "i stället för": "… tar underleverantören
# emot samtal för sjukvårdsrådgivning i stället för 1177" denies 1177, not the advice.
_DETERMINER = re.compile(r"\b(?:ingen|inget|inga|i\s+stället\s+för|istället\s+för)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
# A subordinate clause runs from its conjunction to the next comma. Its negation qualifies a
# circumstance ("Eftersom verksamhetschefen inte är läkare finns …", "även om de inte själva har
# efterfrågat det", "en remiss som inte kommit fram"), and denies the krav only when the krav's
# words stand in it too ("som inte erbjuder chatt"), at least as many as in the rest of the clause:
# "Den fasta läkarkontakten samordnar remisser, så att patienten inte själv behöver …" is about
# what the main clause says.
_SUBORDINATE_WORDS = 6  # at most between the conjunction and the negation
_WORDS_AFTER_NEGATION = 3  # a subordinate clause ends at most this many words after its negation
_SUBORDINATOR = re.compile(
    r"\b(?:eftersom|även\s+om|trots\s+att|om|ifall|när|som|där|så\s+att|för\s+att|utan\s+att|innan|tills|medan)\b",
    re.IGNORECASE,
)
# "Hyrläkare är aldrig fast läkarkontakt": a subject, a copula, a negation (`_qualifies`).
_COPULAR_NEGATION = re.compile(
    r"^\W*(?P<subject>\w[\w-]*(?:\s+[\w-]+){0,3}?)\s+(?:är|blir|utses|räknas)\s+(?:inte|aldrig|ej)\b", re.IGNORECASE
)
# A pointer to where something is described is no claim of its own: the evidence is there.
_REFERENCE = re.compile(
    r"\b(?:beskrivs|redovisas|framgår|presenteras)\s+(?:\w+\s+){0,2}?i\s+(?:bilaga|avsnitt|kapitel)\b|\(?\bse\s+(?:bilaga|avsnitt|kapitel)\b",
    re.IGNORECASE,
)
# "Den som saknar fast läkarkontakt … fångas upp": the people who lack it, not a denial of it.
_PEOPLE_WHO_LACK = re.compile(
    r"\b(?:den|de|dem|alla|patient\w*|person\w*|invånar\w*|listade)\s+som\s+(?:\w+\s+){0,2}?(?:inte|ej|saknar|aldrig)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"vi", "jag", "man", "det", "den", "de", "dessa", "detta", "denna", "hon", "han", "hen", "ni", "du", "alla", "ingen"})
_PLAN = re.compile(
    r"\b(?:planerar\s+(?:vi\s+)?att|planeras|planen\s+är|avser\s+(?:vi\s+)?att|avses|överväg\w*"
    r"|undersök(?:er|s)\s+(?:möjlighet\w*|om)|på\s+sikt|i\s+framtiden|framöver|under\s+uppbyggnad"
    r"|målsättning(?:en)?\s+är|målet\s+är|hoppas|ambition(?:en)?\s+är|siktar\s+på|ska\s+införas"
    r"|kommer\s+att\s+införas|mål\s+(?:för|inför)\s+20\d\d|planerade\s+åtgärder|förbättringsområden"
    r"|handlingsplan|tas\s+fram)\b",
    re.IGNORECASE,
)
# The Beställning's own voice: a passage that says what "leverantören ska" do restates a krav.
_REQUIREMENT_VOICE = re.compile(
    r"\b(?:leverantör(?:en|er|erna)?|vårdgivar(?:en|e|na)|alla\s+hälsocentraler|hälsocentraler(?:na)?)\s+(?:ska|skall|bör|måste)\b"
    r"|\b(?:ska|skall|bör)\s+(?:leverantören|vårdgivaren)\b",
    re.IGNORECASE,
)
_RESTATEMENT_RATIO = 85  # rapidfuzz ratio above which a passage is the krav's own text
_DUTY = re.compile(r"\b(?:ska|skall|bör|måste)\b", re.IGNORECASE)
_PARTS = re.compile(r"[,;:]\s")
_RESTATED_DUTY_RATIO = 70  # token_set_ratio above which a duty repeats the krav's words
_COPY_RATIO = 85  # ... above which a duty repeats the words of some krav of the catalogue
_COPY_MIN_WORDS = 6
_YEAR = re.compile(r"\b(20[2-9]\d)\b")
_AVERAGE = re.compile(r"\b(?:i\s+(?:genomsnitt|snitt|medeltal)|genomsnitt\w*|medel\w*|median\w*)", re.IGNORECASE)
_AVERAGE_REACH = 60  # characters before a figure in which an average marker makes it one
_LEAD_TIME = re.compile(r"\s+(?:före|innan)\b", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[,;.]\s|\s(?:och|men|samt)\s")


class Stance(StrEnum):
    AFFIRMS = "affirms"  # says the provider does it
    QUALIFIES = "qualifies"  # says who or what does not count ("Hyrläkare är aldrig fast läkarkontakt")
    REFERS = "refers"  # says where it is described ("… beskrivs närmare i bilaga 2")
    DENIES = "denies"  # says the provider does not
    PLANS = "plans"  # says it is planned, not in place
    WORSE = "worse"  # a figure worse than the krav's
    BETTER_OR_EQUAL = "meets_figure"  # a figure as good as the krav's or better


@dataclass(frozen=True)
class Claim:
    stance: Stance
    clause: str  # the clause the stance was read from
    figure: Parameter | None = None  # the provider's figure, for WORSE and BETTER_OR_EQUAL
    required: Parameter | None = None  # the krav's figure it was compared with


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the clauses of `text`."""
    spans, begin = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return [(start, end) for start, end in spans if end > start]


def read_claim(
    text: str, clause: str, context: str, parameters: list[Parameter], year: int, near: list[tuple[int, int]] = ()
) -> Claim:
    """The stance of a passage toward a krav with `parameters`, the matched words being in `clause`.

    A figure decides first (the provider said how well), one in the clause before one elsewhere
    in the passage; then negation in the clause; then a plan anywhere in the passage or its
    lead-in ("Vi planerar att införa:" before a list item). `near` are the clause-relative spans of
    the matched words: a negation must stand close to one of them."""
    figure = compare_figures(clause, parameters) or compare_figures(text, parameters)
    if figure is not None:
        return figure
    if _REFERENCE.search(clause):
        return Claim(Stance.REFERS, clause)
    if is_negated(clause, near):
        return Claim(Stance.QUALIFIES if _qualifies(clause, near) else Stance.DENIES, clause)
    if is_plan(text, year) or is_plan(context, year):
        return Claim(Stance.PLANS, clause)
    return Claim(Stance.AFFIRMS, clause)


def restates_krav(passage: str, krav_text: str) -> bool:
    """The passage copies the krav, speaks in the Beställning's voice, or says the krav's words
    again as a duty ("Den fasta vårdkontakten ska koordinera …"): it shows nothing done. A copy
    begins as the krav does; the krav's words after a subject of the provider's own are a claim
    ("Hälsocentralen följer Socialstyrelsens föreskrifter …" for "följa Socialstyrelsens …")."""
    passage, krav_text = passage.lower(), krav_text.lower()
    if _REQUIREMENT_VOICE.search(passage):
        return True
    if passage.split()[:1] == krav_text.split()[:1] and fuzz.ratio(passage, krav_text) >= _RESTATEMENT_RATIO:
        return True
    return any(fuzz.token_set_ratio(duty, krav_text) >= _RESTATED_DUTY_RATIO for duty in _duties(passage))


def copies_of_krav(passages: list[str], krav_texts: list[str]) -> set[int]:
    """The indices of the passages that state a duty in the words of one of `krav_texts`: a
    provider that pastes the catalogue's krav ("Den fasta vårdkontakten ska koordinera …") shows
    nothing by them, whichever krav they are found for. Krav texts shorter than a sentence
    ("följa upp") are too short to be copied recognisably."""
    texts = [text.lower() for text in krav_texts if len(text.split()) >= _COPY_MIN_WORDS]
    return {
        index
        for index, passage in enumerate(passages)
        if any(process.extractOne(duty, texts, scorer=fuzz.token_set_ratio, score_cutoff=_COPY_RATIO) for duty in _duties(passage))
    }


def _duties(passage: str) -> list[str]:
    """The parts of the passage between commas that state a duty, lower-cased: the krav's words
    must stand in the duty itself. "Patienterna kan förnya recept via 1177, och vi följer
    anvisningarna för hur ärenden ska hanteras" does not restate "förnya recept"."""
    return [part.lower() for part in _PARTS.split(passage) if _DUTY.search(part)]


def is_negated(clause: str, near: list[tuple[int, int]] = ()) -> bool:
    """A negation in the clause that denies the matched words (the `near` spans, when given):
    close to one of them, in the same subordinate clause if it stands in one, and with one of
    them in the noun phrase after "ingen"."""
    cleared = _NOT_A_NEGATION.sub(lambda m: " " * len(m.group()), clause)
    for negation in _NEGATION.finditer(cleared):
        if not near:
            return True
        close = [
            (start, end) for start, end in near
            if negation.start() - _NEGATION_REACH <= end and start <= negation.end() + _NEGATION_REACH
        ]
        determined = _determined_span(cleared, negation.start())
        subordinate = None if determined else _subordinate_span(cleared, negation.start())
        scope = determined or subordinate
        if scope is not None:
            close = [(start, end) for start, end in close if scope[0] <= start < scope[1]]
        if subordinate is not None and 2 * len(close) < len(near):
            # The main clause says more of the krav than the subordinate clause denies: "Eftersom
            # verksamhetschefen inte är läkare finns en medicinskt ledningsansvarig läkare".
            continue
        if close:
            return True
    return False


def _qualifies(clause: str, near: list[tuple[int, int]]) -> bool:
    """Whether the clause's negation only says that something else is not the krav's thing: a
    subject of none of the matched words, then "är", "blir" or "utses" before the negation
    ("Hyrläkare är aldrig fast läkarkontakt", "vikarierande läkare utses inte som fast
    läkarkontakt"), or people who lack it ("Den som saknar fast läkarkontakt … fångas upp").
    That restricts who or what counts, and neither shows nor denies the krav. "Vi är inte
    anslutna …" and "Chatten är inte bemannad …" deny: a pronoun, or the krav's word."""
    if _PEOPLE_WHO_LACK.search(clause):
        return True
    copula = _COPULAR_NEGATION.search(clause)
    if copula is None or copula["subject"].split()[0].lower() in _PRONOUNS:
        return False
    start, end = copula.span("subject")
    return not any(start <= at < end for at, _until in near)


def _subordinate_span(clause: str, at: int) -> tuple[int, int] | None:
    """The subordinate clause the negation at `at` stands in, or None when it stands in the main
    clause. Without a parser its ends are guessed: it starts at a conjunction a few words before
    the negation, and ends at a comma or a few words after it ("Eftersom chefen inte är läkare
    finns en medicinskt ledningsansvarig läkare"); further away, the negation counts as the main
    clause's, which errs toward a denial."""
    segment_start = clause.rfind(",", 0, at) + 1
    conjunctions = [c for c in _SUBORDINATOR.finditer(clause, segment_start, at) if len(clause[c.end() : at].split()) <= _SUBORDINATE_WORDS]
    if not conjunctions:
        return None
    comma = clause.find(",", at)
    end = comma if comma >= 0 else len(clause)
    after = list(re.finditer(r"\S+", clause[at:end]))[: _WORDS_AFTER_NEGATION + 1]
    return conjunctions[0].start(), at + after[-1].end() if after else end


def _determined_span(clause: str, at: int) -> tuple[int, int] | None:
    """The noun phrase after "ingen/inget/inga" or "i stället för" at `at`, when the negation is
    one of those."""
    determiner = _DETERMINER.match(clause, at)
    return determiner.span(1) if determiner else None


def is_plan(text: str, year: int) -> bool:
    if _PLAN.search(text):
        return True
    return any(int(found) > year for found in _YEAR.findall(text))


def compare_figures(text: str, parameters: list[Parameter]) -> Claim | None:
    """A claim from the first figure of `text` that measures the same thing as one of the krav's
    `parameters` (same kind of unit), or None when there is none."""
    if not parameters:
        return None
    for figure in stated_figures(text):
        for required in parameters:
            verdict = _compare(figure, required)
            if verdict is not None:
                stance = Stance.BETTER_OR_EQUAL if verdict else Stance.WORSE
                return Claim(stance, figure.source, figure, required)
    return None


_HOURS = {Unit.HOUR: 1, Unit.DAY: 24, Unit.WEEK: 24 * 7, Unit.MONTH: 24 * 30, Unit.YEAR: 24 * 365}


def stated_figures(text: str) -> list[Parameter]:
    """The figures of `text` that say how the provider works: not an average ("Väntetiden till
    kurator var i genomsnitt nio dagar"), which describes a year, not what a patient is offered,
    and not a lead time ("av- och ombokas fram till 24 timmar före besöket"), which is no wait."""
    figures = []
    for at, end, figure in locate_parameters(text):
        phrase = _PHRASE_BREAK.split(text[max(0, at - _AVERAGE_REACH) : at])[-1]  # "Medianen var 2 dagar och [alla fick …]"
        if not _AVERAGE.search(phrase) and not _LEAD_TIME.match(text, end):
            figures.append(figure)
    return figures


def measures_same(figure: Parameter, required: Parameter) -> bool:
    """Whether a figure measures what the krav's parameter does: they compare."""
    return _compare(figure, required) is not None


def _compare(figure: Parameter, required: Parameter) -> bool | None:
    """True when `figure` satisfies `required`, False when it is worse, None when they measure
    different things."""
    if required.unit in _HOURS and figure.unit in _HOURS:
        if (required.unit is Unit.YEAR) != (figure.unit is Unit.YEAR) and Unit.MONTH not in (required.unit, figure.unit):
            return None  # "94 år" is an age, not a wait for "samma dag"
        have, need = float(figure.value) * _HOURS[figure.unit], float(required.value) * _HOURS[required.unit]
        if required.unit is Unit.DAY and figure.unit is Unit.HOUR:
            have = have // 24 * 24  # a krav in days counts whole days: "inom två timmar" is "samma dag"
    elif required.unit is figure.unit and required.unit in (Unit.PERCENT, Unit.COUNT):
        have, need = float(figure.value), float(required.value)
    elif required.unit is Unit.DATE and figure.unit is Unit.DATE:
        have, need = _day_of_year(str(figure.value)), _day_of_year(str(required.value))
    else:
        return None
    if required.comparator in (Comparator.AT_LEAST, Comparator.MORE):
        return have >= need
    if required.comparator in (Comparator.AT_MOST, Comparator.LESS) or required.unit in _HOURS:
        return have <= need  # a bare duration in a krav ("besvaras inom fyra veckor") is a maximum
    return have == need


def _day_of_year(date: str) -> tuple[int, int]:
    """(month, day) of "--MM-DD" or "YYYY-MM-DD": yearly deadlines compare by month and day."""
    month, day = date[-5:].split("-")
    return int(month), int(day)
