"""Krav detection: from a structured `Document` to the krav it states.

What counts as one krav is defined in docs/krav-units.md. In short: a sentence whose modal verb
binds a party; a lead-in with a modal verb plus its list is one krav with elements; "får" alone
is a permission. Modal verbs are matched on the word itself, not its lemma: spaCy's lemma table
turns "ska" into "skola".
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, assign_ids, id_prefix
from .document import Block, BlockKind, Document
from .krav import Krav, Modality, Party
from .nlp import lemma_table, pipeline, stem
from .parameters import find_parameters
from .readers import read_document
from .references import find_references
from .topics import assign_topics

_NEGATIONS = {"inte", "ej", "aldrig"}
_NOT_A_NEGATION = {"bara", "enbart", "endast"}  # "ska inte bara … utan även …"
_RELATIVE = {"som", "vilka", "vilken", "vilket", "där"}
_CLAUSE_BREAKS = {",", ";", "–", ":"}
_REGION_WORDS = {
    "region", "regionen", "norrbotten", "beställaren", "beställarenheten", "regionstyrelsen",
    "hälsovalsstaben", "regionfullmäktige", "landstinget", "regiondirektören",
}
_PROVIDER_STEMS = ("leverantör", "vårdgivar", "hälsocentral", "vårdcentral", "verksamhet", "vårdenhet", "personal", "läkar")
_CONJUNCTION = re.compile(r"(?<!-)\s+(?:och|samt)\s+")  # not the "och" of "hälso- och sjukvård"
_CONTINUING = re.compile(r"^(?:och|samt)\s+(?:ska\s+)?")
_ENUMERATION_MAX_WORDS = 14
_SHORT_INFINITIVES = {"gå", "se", "ge", "stå", "bo", "nå", "få", "tro"}
_PARTICLES = {"upp", "in", "ut", "av", "fram", "till", "bort", "om", "över", "igenom", "ihop", "tillbaka"}
_DOCUMENT = re.compile(
    r"föreskrift|riktlinje|rutin|lag\b|lagen|förordning|SOSFS|HSLF|SFS|plan\b|planen|anvisning|policy|handbok|avtal",
    re.IGNORECASE,
)
_CLAUSE_OPENERS = {"att", "som", "inklusive", "där", "när", "om", "vilket", "för", "och", "men", "utan", "med"}
_EXAMPLES = re.compile(r"\b(?:exempelvis|till exempel|t\.ex\.|bland annat|bl\.a\.)", re.IGNORECASE)
_CONTINUATION_LEAD_IN_WORDS = 4  # "Hygien och vårdprevention:" is a sub-heading of a list, not a sentence
_CONTINUATION_GAP = 3  # blocks between a list and the list that continues it
_NAMING_WORD = 6  # letters: a shorter shared word is no sign that a lead-in names an earlier krav
# "ska tolkas", "ska förstås": how to read a word, not a duty.
_INTERPRETATION_VERBS = {"tolkas", "förstås", "avses", "betraktas", "räknas", "läsas"}
_SKIPPED_AFTER_MODAL = _NEGATIONS | {"även", "också", "alltid", "dessutom", "att", "sig"}
_STATES = {"vara", "bli", "känna", "kunna", "ha"}  # verbs of state and ability, not of acts
_NAMED_ACT = "ing"  # "provtagning", "remittering": an act named as a noun
_ACT_OPENING = 3  # words: the verb of an act comes first or after a short adverbial ("utan dröjsmål")
_SERIES_END = re.compile(_EXAMPLES.pattern + r"|,\s+(?:för|i syfte) att\b", re.IGNORECASE)
# A word that leaves its phrase open: before cut-off examples ("smittspårning av [exempelvis …]"),
# or a verb's object shared with the next verb ("vara förtrogen med [och följa] lagar").
_DANGLING = re.compile(r"\s+(?:av|med|för|i|som|och|samt|eller|vid|mot|till)$")


@dataclass(frozen=True)
class ModalHit:
    modality: Modality
    start: int  # token index of the modal's first word, within the sentence
    end: int


@functools.cache
def modal_matcher():
    from spacy.matcher import Matcher

    matcher = Matcher(pipeline().vocab)
    matcher.add("ska", [
        [{"LOWER": {"IN": ["ska", "skall", "måste", "åligger"]}}],
        [{"LOWER": "ansvarar"}, {"LOWER": {"IN": ["också", "även", "dessutom"]}, "OP": "?"}, {"LOWER": "för"}],
        [{"LOWER": {"IN": ["är", "vara"]}}, {"LOWER": {"IN": ["skyldig", "skyldiga"]}}, {"LOWER": "att"}],
        [{"LOWER": {"IN": ["förbinder", "förbinda"]}}, {"LOWER": "sig"}],
    ])
    matcher.add("bör", [[{"LOWER": "bör"}]])
    matcher.add("får", [[{"LOWER": "får"}]])
    return matcher


def find_modal(sentence) -> ModalHit | None:
    """The modal verb that makes `sentence` (a spaCy span) a krav, or None.

    Modals in a purpose clause ("för att detta ska fungera") never count; one in a relative
    clause ("vilken läkare som ska vara …") counts only when the sentence has no other. "får"
    counts only when negated (a prohibition). "bör ska" is a drafting fault; the stronger wins.
    """
    hits: list[tuple[int, ModalHit]] = []  # (priority, hit): 0 main clause, 1 relative clause
    vocab = sentence.vocab
    for match_id, start, end in modal_matcher()(sentence):
        kind = vocab.strings[match_id]
        negated = _negated(sentence, end)
        if kind == "får" and not negated:
            continue  # a permission, not a krav
        if _in_purpose_clause(sentence, start):
            continue
        modality = Modality.SKA_INTE if negated and kind != "bör" else Modality(kind if kind != "får" else "ska")
        priority = 1 if start > 0 and sentence[start - 1].lower_ in _RELATIVE else 0
        hits.append((priority, ModalHit(modality, start, end)))
    if not hits:
        return None
    hits.sort(key=lambda pair: (pair[0], pair[1].start))
    chosen = hits[0][1]
    following = [h for _, h in hits if h.start == chosen.end]
    if chosen.modality is Modality.BOR and following:  # "Denne bör ska vara specialist"
        return following[0]
    return chosen


def _negated(sentence, end: int) -> bool:
    """A negation within two words after the modal ("får inte", "får leverantören inte")."""
    for token in sentence[end : end + 3]:
        if token.text in _CLAUSE_BREAKS:
            return False
        if token.lower_ in _NEGATIONS:
            following = sentence[token.i - sentence.start + 1] if token.i + 1 < sentence.end else None
            return following is None or following.lower_ not in _NOT_A_NEGATION
    return False


def _in_purpose_clause(sentence, start: int) -> bool:
    """"för att … ska" (in order that): the modal belongs to a purpose, not a duty."""
    window = sentence[max(0, start - 6) : start]
    words = [t.lower_ for t in window]
    for i in range(len(words) - 1):
        if words[i] == "för" and words[i + 1] == "att" and not any(w in _CLAUSE_BREAKS for w in words[i:]):
            return True
    return False


def _binds_nobody(sentence, hit: ModalHit) -> bool:
    following = sentence[hit.end : hit.end + 2]
    return any(token.lower_ in _INTERPRETATION_VERBS for token in following)


def find_party(sentence, hit: ModalHit) -> Party:
    """The region when it is the subject of the duty, else the provider.

    The subject stands before the modal ("Region Norrbotten ansvarar för …") or, in a sentence
    that opens with an adverbial, right after it ("Vid behov ska regionen …")."""
    before = _clause_before(sentence, hit.start)
    after = [t.lower_ for t in sentence[hit.end : hit.end + 2]]
    if any(_is_provider(word) for word in before):
        return Party.PROVIDER
    if any(word in _REGION_WORDS for word in before):
        return Party.REGION
    if any(word in _REGION_WORDS for word in after) and not any(_is_provider(w) for w in after):
        return Party.REGION
    return Party.PROVIDER


def _clause_before(sentence, start: int) -> list[str]:
    """The words of the modal's clause before it, without a relative clause inside the subject
    ("Det digitala verktyg … som Region Norrbotten tillhandahåller ska användas")."""
    words: list[str] = []
    for token in reversed(sentence[:start]):
        if token.text in _CLAUSE_BREAKS:
            break
        words.append(token.lower_)
    words.reverse()
    for position, word in enumerate(words):
        if word in _RELATIVE and position > 0:
            return words[:position]
    return words


def _is_provider(word: str) -> bool:
    return word.startswith(_PROVIDER_STEMS)


class Extractor:
    """Walks a document's blocks and builds `Krav` objects, IDs aside (see catalogue.assign_ids)."""

    def __init__(self, doc: Document, parsed: list | None = None) -> None:
        self._doc = doc
        self._parsed = parsed if parsed is not None else parse_blocks(doc)
        self._children: dict[int, list[int]] = {}
        for index, block in enumerate(doc.blocks):
            if block.kind is BlockKind.LIST_ITEM and block.lead_in is not None:
                self._children.setdefault(block.lead_in, []).append(index)
        self._consumed: set[int] = set()
        self._titles: dict[str, str] = {}  # section number -> title, the first heading of a number
        for section in doc.sections:
            self._titles.setdefault(section.number, section.title)
        # The latest lead-in krav with a modal verb, and the index of its last block, per section:
        # a list that goes on after a page break or a sub-heading continues it.
        self._open_lead: dict[str | None, tuple[Krav, int]] = {}
        self._section_krav: dict[str | None, list[Krav]] = {}  # krav found so far, per section

    def krav(self) -> list[Krav]:
        found: list[Krav] = []
        for index, block in enumerate(self._doc.blocks):
            if index in self._consumed or block.kind in (BlockKind.HEADING, BlockKind.TABLE):
                continue
            if block.kind is BlockKind.LIST_ITEM and block.lead_in is None and self._continue_list([index], block):
                continue
            new = self._from_block(index, block)
            self._section_krav.setdefault(block.section, []).extend(new)
            found.extend(new)
        return found

    def _from_block(self, index: int, block: Block) -> list[Krav]:
        sentences = list(self._parsed[index].sents)
        items = self._children.get(index, [])
        found: list[Krav] = []
        for position, sentence in enumerate(sentences):
            hit = find_modal(sentence)
            if items and position == len(sentences) - 1:
                lead = self._lead_in(block, sentence, hit, items, found)
                if lead is not None:
                    found.append(lead)
                continue
            if hit is not None and not _binds_nobody(sentence, hit):
                krav = self._krav(sentence.text, block, hit, find_party(sentence, hit))
                krav.elements = _enumerated_elements(sentence, hit, krav)
                found.append(krav)
        return found

    def _lead_in(self, block: Block, sentence, hit: ModalHit | None, items: list[int], before: list[Krav]) -> Krav | None:
        """A lead-in with a modal verb takes its items as elements. One without it is a sub-heading
        of a list that goes on ("Hygien och vårdprevention:" after "Leverantören ska:") when it is
        short and its items read as continuations; otherwise its items stand on their own."""
        if hit is None:
            words = sentence.text.lower().split()
            if len(words) <= _CONTINUATION_LEAD_IN_WORDS and "att" not in words:
                self._continue_list(items, block)
            else:
                self._complete_earlier(sentence, items, [*self._section_krav.get(block.section, []), *before])
            return None
        krav = self._krav(sentence.text, block, hit, find_party(sentence, hit))
        krav.elements = self._elements(items, krav)
        self._open_lead[block.section] = (krav, max(self._consumed | set(items)))
        return krav

    def _complete_earlier(self, sentence, items: list[int], earlier: list[Krav]) -> None:
        """"De tjänster som ingår i basutbudet är:" after "… ska ansluta sig till och visa
        basutbudet …": a lead-in without a modal verb that names what an earlier krav of the
        section is about lists that krav's elements."""
        if any(find_modal(next(iter(self._parsed[i].sents))) is not None for i in items):
            return
        named = {stem(t.lower_) for t in sentence if t.is_alpha and len(t) >= _NAMING_WORD}
        shared = [
            (len(named & {stem(w) for w in re.findall(r"\w{%d,}" % _NAMING_WORD, krav.text.lower())}), position, krav)
            for position, krav in enumerate(earlier)
            if not krav.elements
        ]
        best = max(shared, key=lambda entry: entry[:2], default=None)  # most words shared, then latest
        if best is not None and best[0] > 0:
            best[2].elements = self._elements(items, best[2])

    def _continue_list(self, items: list[int], block: Block) -> bool:
        """Append `items` to the section's open lead-in krav when they continue its list: infinitive
        items without a modal of their own, close after the list they continue."""
        open_lead = self._open_lead.get(block.section)
        if open_lead is None or min(items) - open_lead[1] > _CONTINUATION_GAP:
            return False
        if not all(self._continues_lead_in(i) for i in items):
            return False
        krav, _ = open_lead
        krav.elements += self._elements(items, krav)
        self._open_lead[block.section] = (krav, max(self._consumed | set(items)))
        return True

    def _elements(self, items: list[int], parent: Krav) -> list[Krav]:
        # An item that is a sentence of its own ("Region Norrbotten ansvarar för …") is its own
        # krav, not a completion of the lead-in; it is read when the walk reaches it.
        return [self._element(i, parent) for i in items if not self._is_own_sentence(i)]

    def _is_own_sentence(self, index: int) -> bool:
        hit = find_modal(next(iter(self._parsed[index].sents)))
        return hit is not None and hit.start > 0

    def _continues_lead_in(self, index: int) -> bool:
        parsed = self._parsed[index]
        first = parsed[0] if len(parsed) else None
        return first is not None and first.lower_.endswith("a") and all(find_modal(s) is None for s in parsed.sents)

    def _element(self, index: int, parent: Krav) -> Krav:
        self._consumed.add(index)
        block = self._doc.blocks[index]
        element = _element_of(parent, block.text, block.page, block.line)
        element.elements = self._elements(self._children.get(index, []), element)
        return element

    def _krav(self, text: str, block: Block, hit: ModalHit, party: Party) -> Krav:
        return _annotated(
            text.strip(), block.section, self._titles.get(block.section), hit.modality, party, block.page, block.line
        )


def _annotated(
    text: str, section: str | None, section_title: str | None, modality: Modality, party: Party,
    page: int | None, line: int | None,
) -> Krav:
    """A krav (IDs aside) with the figures and references its text states."""
    return Krav(
        id="",
        section=section,
        section_title=section_title,
        text=text,
        modality=modality,
        party=party,
        page=page,
        line=line,
        parameters=find_parameters(text),
        references=find_references(text),
    )


def _element_of(parent: Krav, text: str, page: int | None, line: int | None) -> Krav:
    """An element: it stands where its parent stands and inherits its modality and party."""
    return _annotated(text, parent.section, parent.section_title, parent.modality, parent.party, page, line)


def _enumerated_elements(sentence, hit: ModalHit, parent: Krav) -> list[Krav]:
    """A sentence whose modal governs a series of three or more things to do: "ska följa SOSFS
    2015:10, regionens vårdhygieniska riktlinjer samt rutiner för MRB-screening". Each part
    becomes an element, worded as it reads in the sentence."""
    start = hit.end
    while start < len(sentence) and (
        sentence[start].lower_ in _SKIPPED_AFTER_MODAL
        or _is_provider(sentence[start].lower_)
        or sentence[start].lower_ in _REGION_WORDS
    ):
        start += 1  # "ska leverantören ordinera …": the inverted subject is not part of the series
    parts = _series_parts(_series_only(sentence[start:].text.rstrip(" .")))
    if len(parts) < 3 or not all(_is_enumerated_thing(part, i == 0) for i, part in enumerate(parts)):
        return []
    if not _is_series_of_duties(parts):
        return []
    return [_element_of(parent, part, parent.page, parent.line) for part in _shared_object(parts)]


def _series_only(series: str) -> str:
    """"… i samband med smittspårning av exempelvis tarmsjukdomar, …", "…, för att bidra till …":
    examples and a purpose are no parts of the series, and their commas would split it; the series
    ends where they begin, without the word that introduced them."""
    found = _SERIES_END.search(series)
    if found is None:
        return series
    return _DANGLING.sub("", series[: found.start()].rstrip(" ,(")).rstrip(" ,")


def _series_parts(series: str) -> list[str]:
    """"A, B och C samt D" -> A | B | C samt D: the parts between commas, with the part that closes
    the series cut at its first conjunction. The series closes at the first part with a
    conjunction: commas after it belong to its last part ("återkopplas på ett professionellt,
    respektfullt och transparent sätt"). A clause appended after the series ("…, och ska vidta
    åtgärder") is a part of its own, without its conjunction. An opening act with its own
    complement, joined to a second act ("rapportera … via SmiNet och följa smittskyddslagen, …"),
    is two parts."""
    parts = [part.strip() for part in series.split(", ") if part.strip()]
    if not parts:
        return []
    closing = next(
        (i for i in range(1, len(parts)) if not _CONTINUING.match(parts[i]) and _CONJUNCTION.search(parts[i])),
        None,
    )
    if closing is not None:
        head, tail = _CONJUNCTION.split(parts[closing], maxsplit=1)
        inner = list(itertools.takewhile(lambda part: not _CONTINUING.match(part), parts[closing + 1 :]))
        tail = ", ".join([tail, *inner])
        parts[closing:] = [head, tail, *parts[closing + 1 + len(inner) :]]
    parts[:1] = _two_acts(parts[0])
    return [parts[0], *(_CONTINUING.sub("", part) for part in parts[1:])]


def _shared_object(parts: list[str]) -> list[str]:
    """"registrera, följa upp och analysera vårdrelaterade infektioner": bare verbs that open a
    series share the object of the first verb that has one, so each element says what it acts on
    ("registrera vårdrelaterade infektioner"); alone, "registrera" shows nothing to look for."""
    bare = list(itertools.takewhile(_is_bare_act, parts))
    if not bare or len(bare) == len(parts):
        return parts
    words = parts[len(bare)].split()
    verb = _verb_length(words)
    if not _is_infinitive(words[0]) or len(words) == verb:
        return parts
    shared = " ".join(words[verb:])
    return [f"{part} {shared}" for part in bare] + parts[len(bare) :]


def _is_bare_act(part: str) -> bool:
    """An infinitive without an object, perhaps with its particle: "registrera", "följa upp"."""
    words = part.split()
    return _is_infinitive(words[0]) and len(words) == _verb_length(words)


def _verb_length(words: list[str]) -> int:
    """How many of `words`, opening with a verb, the verb takes: its particle too ("följa upp")."""
    return 2 if len(words) > 1 and words[1].lower() in _PARTICLES else 1


def _two_acts(part: str) -> list[str]:
    """"utan dröjsmål rapportera anmälningspliktiga sjukdomar via SmiNet och följa
    smittskyddslagen" -> two acts: an infinitive (after at most an adverbial) with its own
    complement, a conjunction, another infinitive. A first verb without a complement of its own
    shares the object of the second ("ordinera och ta prover", "vara väl förtrogen med och följa
    gällande lagar"): one act."""
    for found in _CONJUNCTION.finditer(part):
        before, after = part[: found.start()].split(), part[found.end() :].split()
        verb = next((i for i, word in enumerate(before[:_ACT_OPENING]) if _is_infinitive(word)), None)
        if verb is None or verb == len(before) - 1 or _DANGLING.search(part[: found.start()]):
            continue
        if after and _is_infinitive(after[0]):
            return [" ".join(before), " ".join(after)]
    return [part]


def _is_infinitive(word: str) -> bool:
    """An infinitive ends in -a and is its own lemma ("följa"; not "allmänna", lemma "allmän")."""
    word = word.lower()
    return word.isalpha() and (word.endswith("a") or word in _SHORT_INFINITIVES) and lemma_table().lemma(word) == word


def _is_series_of_duties(parts: list[str]) -> bool:
    """Acts or documents to follow. Not states, when every part is one ("vara delaktig, känna
    trygghet i planen och kunna påverka tider"), nor nouns of one duty ("tillämpas i planering,
    genomförande och uppföljning"); acts named as nouns count when the whole series is made of
    them, governed by the modal itself ("ansvarar för provtagning, uppföljning och remittering")."""
    firsts = [part.split()[0].lower() for part in parts]
    if all(word in _STATES for word in firsts):
        return False
    if all(word.endswith(_NAMED_ACT) for word in firsts):
        return True
    return all(_is_act_or_document(part) for part in parts[1:])


def _is_act_or_document(part: str) -> bool:
    """An act (an infinitive: "vaccinera", "följa upp", passive "hanteras") or a document to
    follow ("regionens riktlinjer")."""
    first = part.split()[0].lower()
    return first.endswith(("a", "as")) or first in _SHORT_INFINITIVES or bool(_DOCUMENT.search(part))


def _is_enumerated_thing(part: str, first: bool) -> bool:
    """A short act or thing: a later part that opens a clause ("inklusive att främja …") means the
    sentence is no series of duties. (Examples and purposes are cut off before: `_series_only`.)"""
    words = part.lower().split()
    return len(words) <= _ENUMERATION_MAX_WORDS and (first or words[0] not in _CLAUSE_OPENERS) and "–" not in part


def parse_blocks(doc: Document) -> list:
    """spaCy's parse (tokens, sentences, lemmas) of every block's text, in block order."""
    return list(pipeline().pipe(block.text for block in doc.blocks))


def extract_krav(doc: Document, parsed: list | None = None) -> list[Krav]:
    """Every krav the document states, in document order, with topics assigned. `parsed` is
    `parse_blocks(doc)` when the caller has it already."""
    found = Extractor(doc, parsed).krav()
    for krav in found:
        everything = " ".join(k.text for k in krav.walk())
        krav.topics = assign_topics(everything, krav.section_title)
    return found


def normalised_text(text: str) -> str:
    """Text as it is compared: lower case, stems, no punctuation (for fingerprints and matching)."""
    return " ".join(stem(word) for word in re.findall(r"\w+", text.lower()))


def extract_catalogue(
    source: Path, region: str, year: int, title: str | None = None, coverage: str = "complete"
) -> Catalogue:
    """Read `source`, extract its krav and give them IDs: a catalogue ready to write."""
    doc = read_document(source)
    krav = extract_krav(doc)
    assign_ids(id_prefix(region, year), krav)
    return Catalogue(
        region=region,
        year=year,
        krav=krav,
        title=title,
        source_file=Path(source).name,
        source_sha256=doc.sha256,
        extracted=dt.date.today().isoformat(),
        coverage=coverage,
    )
