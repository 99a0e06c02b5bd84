"""What the checker looks for to find a krav in a submission, and how well a passage matches it.

A krav becomes a `Query`: its content words as concepts, weighted by how rare they are in the
catalogue (a word every krav uses, "patient", says little about which krav a passage answers),
and the curated `evidence_terms` and the regulations it cites as phrases. An element also looks for its lead-in's words, with
a quarter of the weight: "Dagtid via hälsocentralens Tele Q" is about "sjukvårdsrådgivning"; and
for its section title's, as a lead-in's at half their weight ("Patientnämnden").
An evidence term that names something in words the checker otherwise ignores ("Min vård
Norrbotten", "integrerad i hälsocentralen") is looked for as written: analysed, it would shrink
to "vård" or "integrerad" and be found everywhere.

A passage matches a concept when it has the concept's whole-word stem, or all of its compound
parts (partly, for some); words of the passage's heading and lead-in count half. A long krav is
covered by enough of its words (`ENOUGH_WEIGHT`), and examples it gives ("med exempelvis
parkering, ramp och hiss") are not things it asks for together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..krav import Krav
from ..nlp import stem
from .passages import Passage
from .terms import Analyzer, Word
from .thesaurus import Phrase, Thesaurus, load_groups, phrase_matches

CONTEXT_WEIGHT = 0.5  # a concept found only in the heading or lead-in
OWN_SHARE = 0.75  # an element's own words' share of its coverage; its lead-in's words have the rest
TITLE_WEIGHT = 0.5  # an element's section title's words, among its lead-in's: what the section is about
_FEW_OWN = 2  # an element with fewer words of its own is looked for with its lead-in's
VERB_WEIGHT = 0.5  # a duty's verb ("kommunicera via chattfunktion"): the object says what it is about
PURPOSE_WEIGHT = 0.5  # the words of a purpose ("för att skapa förutsättningar för …"): why, not what
KEY_CONJUNCT_WEIGHT = 0.8  # a distinctive thing: "chatt", not "vård", in "chatt och videosamtal" / "vård och omsorg"
# Concept weight that makes a passage wholly about a krav, however long the krav: a provider
# describing its premises names "hiss, automatiska dörrar, handikapptoaletter och parkering",
# not every word of "Lokaler som är öppna för allmänheten ska vara fullt tillgängliga …".
ENOUGH_WEIGHT = 6.0
FOCUS = 0.6  # share of a passage's words that are the krav's, for it to be about the krav alone
_MODALS = frozenset({"ska", "skall", "bör", "måste", "att", "kunna"})


@dataclass(frozen=True)
class Concept:
    text: str  # as the krav writes it
    whole: frozenset[str]
    parts: tuple[str, ...]
    weight: float
    alternatives: tuple[Phrase, ...] = ()  # synonyms from the thesaurus
    # Precomputed, since `match` runs for every word of every candidate: the terms any one of
    # which matches (the word's and its one-word synonyms'), and the many-word synonyms.
    _single: frozenset[str] = field(init=False, repr=False, compare=False)
    _many: tuple[Phrase, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        single = self.whole.union(*(p[0] for p in self.alternatives if len(p) == 1))
        object.__setattr__(self, "_single", single)
        object.__setattr__(self, "_many", tuple(p for p in self.alternatives if len(p) > 1))

    def synonyms_held(self, terms: frozenset[str]) -> list[Phrase]:
        """The many-word synonyms that `terms` hold."""
        return [p for p in self._many if phrase_matches(p, terms)]

    def named_in(self, terms: frozenset[str]) -> bool:
        """Whether `terms` hold the word itself or a synonym, not just its compound's parts."""
        if not self._single.isdisjoint(terms):
            return True
        return bool(self._many) and any(phrase_matches(p, terms) for p in self._many)

    def match(self, terms: frozenset[str]) -> float:
        if self.named_in(terms):
            return 1.0
        if self.parts and self.parts[-1] in terms:  # a compound is a kind of its last part
            return sum(part in terms for part in self.parts) / len(self.parts)
        return 0.0


@dataclass(frozen=True)
class EvidenceTerm:
    """A curated evidence term, or a synonym of one of the krav's phrases."""

    written: str
    phrase: Phrase
    literal: re.Pattern[str] | None = None  # for a name the analysis would shrink
    decisive: bool = False  # curated in `shown_by`: affirmed, it shows the krav by itself

    def spans(self, passage: Passage) -> list[tuple[int, int]] | None:
        """Where the passage's text holds the term ([] when only its words show it), or None."""
        if self.literal is not None:
            return [m.span() for m in self.literal.finditer(passage.text)] or None
        return [] if self.phrase and phrase_matches(self.phrase, passage.terms) else None


@dataclass(frozen=True)
class Query:
    concepts: tuple[Concept, ...]  # the krav's (or element's) own words
    lead_concepts: tuple[Concept, ...]  # an element's lead-in's words
    phrases: tuple[EvidenceTerm, ...]  # evidence terms, then synonyms of the krav's phrases
    synonyms_from: int  # where the synonyms begin in `phrases`
    said: tuple[Phrase, ...]  # the krav's own many-word terms the synonyms stand for
    conjuncts: tuple[Concept, ...]  # "chatt och videosamtal": distinctive things the krav asks for together
    tokens: tuple[str, ...]  # for the BM25 ranking
    subject: Concept | None = None  # "Utrustningen ska:": what an element's duty is about

    def coverage(self, passage: Passage) -> float:
        """Weighted share of the concepts the passage has, 0..1. An element's own words decide:
        a passage without any of them is not about the element, however much of the lead-in it
        repeats ("rutiner för MRB-screening" under "Leverantören ska följa SOSFS 2015:10 …");
        the lead-in's words can raise the share, never lower it, except for an element of a word
        or two ("följa upp"), which says too little alone. An element of a lead-in with a subject
        of its own ("Utrustningen ska: … uppdateras vid förändringar") is about that subject: a
        passage that names it nowhere, not even in its heading or paragraph, is not about the
        element ("vårdplanen är uppdaterad efter varje förändring")."""
        if self.subject is not None and not (self.subject.match(passage.terms) or self.subject.match(passage.context_terms)):
            return 0.0
        own = _share(self.concepts, passage)
        if not self.lead_concepts:
            return own
        if own == 0:
            return 0.0
        if len(self.concepts) < _FEW_OWN:  # "följa upp": what it is about is in the lead-in, half
            return (own + _share(self.lead_concepts, passage)) / 2
        return max(own, OWN_SHARE * own + (1 - OWN_SHARE) * _share(self.lead_concepts, passage))

    def names_a_concept(self, passage: Passage) -> bool:
        """Whether the passage's own words (not its heading's) hold one of the krav's concepts."""
        return any(c.match(passage.terms) > 0 for c in self.concepts + self.lead_concepts)

    def decisive_spans(self, passage: Passage) -> list[tuple[int, int]]:
        """Where the passage names one of the krav's `shown_by` terms ("loggar in med BankID")."""
        return next((found for term in self.phrases if term.decisive and (found := term.spans(passage))), [])

    def phrase_in(self, passage: Passage) -> str | None:
        """The first evidence term the passage's own text holds entirely. A synonym counts only
        where the concepts have not counted it already: in a passage without the krav's own term
        ("får en vårdkoordinator som fast vårdkontakt"), and not as a synonym of one of its words."""
        said = any(phrase_matches(p, passage.terms) for p in self.said)
        for index, term in enumerate(self.phrases):
            if term.decisive:  # it counts by `decisive_spans`, or not at all
                continue
            synonym = index >= self.synonyms_from
            if synonym and (said or self._counted(term, passage)):
                continue
            if term.spans(passage) is not None:
                return term.written
        return None

    def _counted(self, synonym: EvidenceTerm, passage: Passage) -> bool:
        """Whether a concept has counted the synonym already: "basal hygien" matches the concept
        "hygienrutiner", whose group it shares, and earns no bonus on top."""
        return any(synonym.phrase in c.alternatives and c.named_in(passage.terms) for c in self.concepts)

    def matching(self, passage: Passage, with_lead: bool = False) -> list[Word]:
        """The passage's words that match one of the krav's concepts (or its lead-in's), alone
        or as a word of a many-word synonym the passage holds ("screening för multiresistenta
        bakterier" for "MRB-screening")."""
        concepts = self.concepts + self.lead_concepts if with_lead else self.concepts
        present = [c for c in concepts if c.match(passage.terms) > 0]  # a word can only match these
        held = [p for c in present for p in c.synonyms_held(passage.terms)]
        return [w for w in passage.words if any(c.match(w.terms) > 0 for c in present) or any(_in_phrase(w, p) for p in held)]

    def marks(self, passage: Passage) -> list[tuple[int, int]]:
        """The (start, end) spans in the passage's text of its words that matched: a word of one
        of the krav's concepts, or of an evidence term the passage holds. Reports highlight
        these, so staff see what the check saw."""
        spans = {(w.start, w.end) for w in self.matching(passage, with_lead=True)}
        for term in self.phrases:
            found = term.spans(passage)
            if found == []:  # held by its words: mark them
                spans.update((w.start, w.end) for w in passage.words if _in_phrase(w, term.phrase))
            elif found:
                spans.update(found)
        return sorted(spans)

    def names_its_term(self, terms: frozenset[str]) -> bool:
        """Whether `terms` hold what the krav names by its own many-word term ("fast
        läkarkontakt") or one of the distinctive things it asks for together ("chatt")."""
        return any(phrase_matches(p, terms) for p in self.said) or any(c.match(terms) == 1.0 for c in self.conjuncts)

    def focuses_on_its_term(self, passage: Passage, clause: tuple[int, int]) -> bool:
        """Whether the passage's `clause` (a span of its text) is about what the krav names by its
        own term or one of the distinctive things it asks for together: "Vi tilldelar inte fasta
        läkarkontakter", "Vi har ingen rutin för riskanalys, men …" deny the krav, however few of
        its other words they repeat. Most of the clause's words must be the krav's, so that a
        denial of something else ("uppgiften om fast vårdkontakt fanns inte på samma ställe")
        does not count."""
        start, end = clause
        words = [w for w in passage.words if start <= w.start < end]
        if not self.names_its_term(frozenset().union(*(w.terms for w in words))):
            return False
        matched = [w for w in self.matching(passage, with_lead=True) if start <= w.start < end]
        return len(matched) >= FOCUS * len(words)

    def conjuncts_missing(self, terms: frozenset[str]) -> list[str]:
        """The conjuncts the terms lack, when they hold some but not all."""
        missing = [c.text for c in self.conjuncts if not c.match(terms)]
        return missing if len(missing) < len(self.conjuncts) else []

    @property
    def looked_for(self) -> list[str]:
        own = [c.text for c in self.concepts]
        return list(dict.fromkeys(own + [term.written for term in self.phrases]))


def _in_phrase(word: Word, phrase: Phrase) -> bool:
    """Whether the word is one of the phrase's words."""
    return any(not part.isdisjoint(word.terms) for part in phrase)


def _share(concepts: tuple[Concept, ...], passage: Passage) -> float:
    total = sum(c.weight for c in concepts)
    if not total:
        return 0.0
    found = sum(c.weight * max(c.match(passage.terms), CONTEXT_WEIGHT * c.match(passage.context_terms)) for c in concepts)
    return min(1.0, found / min(total, ENOUGH_WEIGHT))


def build_queries(krav: list[Krav], analyzer: Analyzer) -> dict[str, Query]:
    """A query for every krav and element of `krav`, by ID; an element's query knows its lead-in."""
    builder = QueryBuilder(krav, analyzer)
    return {k.id: builder.query(k, lead_in) for top in krav for k, lead_in in _with_lead_ins(top)}


def _with_lead_ins(krav: Krav, lead_in: Krav | None = None):
    yield krav, lead_in
    for element in krav.elements:
        yield from _with_lead_ins(element, krav)


class QueryBuilder:
    """Builds queries for a catalogue's krav, with concept weights from the catalogue."""

    def __init__(self, krav: list[Krav], analyzer: Analyzer, thesaurus: Thesaurus | None = None) -> None:
        self.analyzer = analyzer
        self.thesaurus = thesaurus or Thesaurus(load_groups(), analyzer)
        texts = [k.text for top in krav for k in top.walk()]
        self._words = dict(zip(texts, analyzer.words_of(analyzer.docs(texts)), strict=True))
        document_frequency: Counter[str] = Counter()
        for words in self._words.values():
            document_frequency.update({w.key for w in words})
        self._idf = {key: math.log(1 + len(texts) / df) for key, df in document_frequency.items()}
        self._max_idf = math.log(1 + len(texts))
        titles = list({k.section_title for top in krav for k in top.walk() if k.section_title and k.section_title not in self._words})
        self._words.update(zip(titles, analyzer.words_of(analyzer.docs(titles)), strict=True))

    def query(self, krav: Krav, lead_in: Krav | None = None) -> Query:
        words = self._text_words(krav.text)
        purpose = _PURPOSE.search(krav.text)
        concepts = self._concepts(words, _verbs(krav.text, element=lead_in is not None), purpose.start() if purpose else None)
        lead_concepts: tuple[Concept, ...] = ()
        if lead_in is not None:
            own = frozenset().union(*(c.whole for c in concepts))  # "vårdkontakten" is "vårdkontakter"
            lead_concepts = tuple(c for c in self._concepts(self._text_words(lead_in.text)) if c.whole.isdisjoint(own))
            lead_concepts += self._title_concepts(krav, own.union(*(c.whole for c in lead_concepts)))
        evidence = (
            tuple(self._evidence_term(term, decisive=True) for term in krav.shown_by)
            + tuple(self._evidence_term(term) for term in krav.evidence_terms)
            + tuple(self._reference_term(reference) for reference in krav.references)
        )
        synonyms, said = self._synonym_phrases(words)
        phrases = evidence + synonyms
        heads = _conjunct_heads(krav.text)
        conjuncts = tuple(c for c in concepts if c.text.lower() in heads)
        # Only distinctive things are asked for one by one ("chatt och videosamtal"); a series of
        # common words says what a duty covers ("registrera vårdrelaterade infektioner samt
        # följsamheten till basala hygienrutiner och klädregler"), shown by any of them.
        if len(conjuncts) < 2 or not all(c.weight >= KEY_CONJUNCT_WEIGHT for c in conjuncts):
            conjuncts = ()
        tokens = tuple(t for c in concepts + lead_concepts for t in (*c.whole, *c.parts)) + tuple(
            t for term in phrases for word in term.phrase for t in word
        )
        subject = self._subject(lead_in, lead_concepts) if lead_in is not None else None
        return Query(concepts, lead_concepts, phrases, len(evidence), said, conjuncts, tokens, subject)

    def _title_concepts(self, krav: Krav, said: frozenset[str]) -> tuple[Concept, ...]:
        """The words of the krav's section title that it and its lead-in do not say, at
        `TITLE_WEIGHT`: "Leverantören ska: … Besvara ärenden inom fyra veckor" is about the
        section's "Patientnämnden"."""
        if not krav.section_title:
            return ()
        concepts = self._concepts(self._text_words(krav.section_title))
        return tuple(replace(c, weight=c.weight * TITLE_WEIGHT) for c in concepts if c.whole.isdisjoint(said))

    def _subject(self, lead_in: Krav, lead_concepts: tuple[Concept, ...]) -> Concept | None:
        """The lead-in's concept of the head noun (the last word) of the subject it begins with
        ("Den fasta vårdkontakten ska:"), when that is not the provider ("Leverantören ska:") and
        not a word the element says itself."""
        begins = _SUBJECT_LEAD_IN.match(lead_in.text)
        if begins is None or begins["first"].lower() in _PREPOSITIONS:  # "För dessa patienter ska"
            return None
        head = self._text_words(begins["subject"])[-1:]
        return next((c for c in lead_concepts if head and head[0].key in c.whole), None)

    def _reference_term(self, reference: str) -> EvidenceTerm:
        """A regulation the krav cites ("SOSFS 2015:10"), found as written: a passage that cites
        it names exactly what the krav asks to follow."""
        pattern = r"\s*".join(re.escape(part) for part in reference.split())
        phrase = tuple(word.whole for word in self.analyzer.text_words(reference))
        return EvidenceTerm(reference, phrase, re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE))

    def _evidence_term(self, text: str, decisive: bool = False) -> EvidenceTerm:
        """A curated term. A decisive one is found as written: its analysed words, anywhere in a
        passage, are not the name it gives ("anslutna till 1177")."""
        tokens = self.analyzer.nlp(text)
        phrase = tuple(word.whole for word in self.analyzer.words(tokens))
        written = [t for t in tokens if not t.is_punct]
        if decisive or sum(not t.is_stop for t in written) > len(phrase):  # or a word is a domain stop word
            # Its words in any inflection ("medicinska ansvaret"), its function words as written.
            words = (re.escape(t.text) + r"(?!\w)" if t.is_stop else re.escape(stem(t.lower_)) + r"\w*" for t in written)
            return EvidenceTerm(text, phrase, re.compile(r"(?<!\w)" + r"\W+".join(words), re.IGNORECASE), decisive)
        return EvidenceTerm(text, phrase)

    def _synonym_phrases(self, words: list[Word]) -> tuple[tuple[EvidenceTerm, ...], tuple[Phrase, ...]]:
        """The other members of each thesaurus group one of whose many-word members the krav
        text holds ("fast läkarkontakt" -> "namngiven läkare"), and the members it holds itself:
        the krav's own words earn no bonus for being said again."""
        terms = frozenset(t for w in words for t in w.whole)
        synonyms, said = [], []
        for group in self.thesaurus.groups_with_phrase_in(terms):
            for member, phrase in zip(group.members, group.phrases, strict=True):
                if phrase_matches(phrase, terms):
                    said.append(phrase)
                else:
                    synonyms.append(EvidenceTerm(member, phrase))
        return tuple(synonyms), tuple(said)

    def _text_words(self, text: str) -> list[Word]:
        words = self._words.get(text)
        return words if words is not None else self.analyzer.text_words(text)

    def _concepts(self, words: list[Word], verbs: frozenset[int] = frozenset(), purpose: int | None = None) -> tuple[Concept, ...]:
        """The words as concepts, weighted by rarity; `verbs` (start offsets) and the words from
        `purpose` (an offset) on weigh less."""
        seen: dict[str, Concept] = {}
        for word in words:
            if word.key in seen or (word.text.isdigit() and word.text != "1177"):  # figures are parameters
                continue
            weight = self._idf.get(word.key, self._max_idf) / self._max_idf
            if word.start in verbs:
                weight *= VERB_WEIGHT
            if purpose is not None and word.start >= purpose:
                weight *= PURPOSE_WEIGHT
            seen[word.key] = Concept(word.text, word.whole, word.parts, weight, self.thesaurus.alternatives(word.whole))
        return tuple(seen.values())


def _verbs(text: str, element: bool) -> frozenset[int]:
    """Start offsets of the words of `text` that are infinitives of a duty: an "-a" word after a
    modal or "att" ("ska erbjuda", "att delta"), or first in an element ("förnya recept").
    A heuristic for a pipeline without a tagger: Swedish infinitives end in "a"."""
    starts, previous = [], None
    for match in _WORD_RE.finditer(text):
        word = match.group().lower()
        if word.endswith("a") and (previous in _MODALS or (previous is None and element)):
            starts.append(match.start())
        previous = word
    return frozenset(starts)


_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SUBJECT_LEAD_IN = re.compile(r"(?P<subject>(?P<first>[^\W\d_]+)(?:\s+[^\W\d_]+){0,2})\s+(?:ska|skall|bör|måste)\b")
_PREPOSITIONS = frozenset({"för", "vid", "i", "inom", "under", "efter", "med", "om", "på", "till", "av"})


# "chatt och videosamtal", "fysiska mottagningsbesök, digitala vårdmöten, hembesök och
# telefonrådgivning": a series joined by "och"/"samt" (not "eller": one of those suffices). A
# heuristic without a tagger: a conjunct's head is the word before "och" or a comma, and after
# "och" the last of at most two content words ("fast läkarkontakt", not a passive verb after it:
# "rengöring och desinfektion beaktas"). Not series: elliptic compounds ("hälso- och sjukvård",
# "av- och omboka"), coordinated adjectives ("omfattande och komplexa vårdbehov"), a purpose
# ("för att underlätta planering och uppföljning") and examples ("med exempelvis parkering …,
# ramp eller hiss och handikapptoalett"), which the provider need not show item by item.
_TOKEN = re.compile(r"[^\W_][\w-]*|[^\w\s]")
_COORDINATORS = frozenset({"och", "samt"})
_ADJECTIVE_ENDINGS = ("a", "nde", "ad", "ade", "ig", "iga", "isk")
_PASSIVE_ENDING = "as"
_EXAMPLES = re.compile(r"\b(?:exempelvis|till\s+exempel|t\.\s?ex\.?|såsom|bland\s+annat)", re.IGNORECASE)
# "för att" after a verb it completes ("ansvarar för att", "sörja för att") is no purpose.
_PURPOSE = re.compile(r"(?<!\bansvarar)(?<!\bansvara)(?<!\bsörja)(?<!\bsörjer)(?<!\bverka)(?<!\bverkar)\s+för\s+att\b", re.IGNORECASE)


def _conjunct_heads(text: str) -> set[str]:
    """The heads of the conjuncts of the series in `text`, lower-cased."""
    ends = [m.start() for m in (_PURPOSE.search(text), _EXAMPLES.search(text)) if m]
    tokens = [t.lower() for t in _TOKEN.findall(text[: min(ends, default=len(text))])]
    return {head for i, token in enumerate(tokens) if token in _COORDINATORS for head in _series_heads(tokens, i)}


def _series_heads(tokens: list[str], i: int) -> list[str]:
    """The heads of the series joined by the coordinator `tokens[i]`, or [] when it joins no
    series of things."""
    if not (_is_content(tokens, i - 1) and _is_content(tokens, i + 1)):
        return []
    left, j = [tokens[i - 1]], i - 1
    while True:  # back over each conjunct's modifiers to a comma: "A, B och C"
        while _is_content(tokens, j - 1):
            j -= 1
        if tokens[j - 1 : j] != [","] or not _is_content(tokens, j - 2):
            break
        j -= 2
        left.append(tokens[j])
    modified = _is_content(tokens, i + 2) and not tokens[i + 2].endswith(_PASSIVE_ENDING)
    right = tokens[i + 2] if modified else tokens[i + 1]
    if any(word.endswith("-") for word in left):  # "hälso- och sjukvård"
        return []
    if not modified and right.endswith("a") and not left[0].endswith("a"):  # a verb: "… 1177 och följa de …"
        return []
    if modified and len(left) == 1 and left[0].endswith(_ADJECTIVE_ENDINGS) and tokens[i + 1].endswith(_ADJECTIVE_ENDINGS):
        return []  # "omfattande och komplexa vårdbehov"
    return left + [right]


def _is_content(tokens: list[str], index: int) -> bool:
    # Imported here: at module level it costs a check with cached queries ~0.1 s of start-up.
    from spacy.lang.sv.stop_words import STOP_WORDS

    return 0 <= index < len(tokens) and tokens[index][0].isalnum() and tokens[index] not in STOP_WORDS
