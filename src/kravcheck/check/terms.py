"""Words as the checker compares them: each word becomes a set of terms.

A krav and a provider rarely use the same words. Swedish makes concepts into compounds
("receptförnyelse", "hygienrutiner") that the other side writes as phrases ("förnya recept",
"rutiner för hygien"), and nouns from verbs ("bokning" from "boka"). So a word's terms are:

- the Snowball stem of its lemma (spacy-lookups-data's table, via `nlp.pipeline`);
- when it is a compound: the stems of its two parts. A word splits where its tail is a known word
  and its head is one too, perhaps with a linking "s" ("patient-s-säkerhet") or without the
  final vowel it drops in compounds ("läkar(e)-kontakt"). The longest known tail wins, since
  Swedish compounds put the head word last. The lexicon is every form and lemma of the lookup table;
- for a nominalisation or an adjective made from a noun, the stem without its suffix ("bokning" ->
  "bok", "bedömning" -> "bedöm", "hygienisk" -> "hygien");
- for a verb with the particle "upp", the verb as the compound noun writes it: "följs upp" is
  "uppfölj", as "uppföljning" is, and not "följ"; likewise "om", "av", "in", "ut" where no object
  follows them, as one would a preposition ("boka om eller avboka");
- for a suspended compound head, the whole word it stands for: "av-" in "av- och omboka" is
  "avboka", "händelse-" in "händelse- och riskanalyser" is "händelseanalys".

A compound the table lacks takes its last part's lemma, so that its forms share a stem.

Words the lexicon lacks ("chatt") count as known when the texts analysed so far use them alone.

A word's `key` is its first term, the stem of the whole word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..nlp import lemma_table, pipeline, stem

_MIN_HEAD = 3
_MIN_TAIL = 4
_MIN_COMPOUND = _MIN_HEAD + _MIN_TAIL
_DERIVATION_SUFFIXES = ("ning", "else", "ande", "ende", "ing", "isk")

# Words every krav and every provider text are full of, which say nothing about what a krav is
# about: the parties, the modal verbs and the hedges of procurement language.
_DOMAIN_STOP_WORDS = (
    "leverantör leverantören leverantörer vårdgivare vårdgivaren vårdgivarens hälsocentral hälsocentralen "
    "hälsocentralens hälsocentraler vårdcentral vårdcentralen region regionen regionens norrbotten "
    "ska skall bör måste kunna finnas säkerställa säkerställer även samt exempelvis enligt gällande "
    "aktuell aktuella respektive utifrån ansvara ansvarar ansvar uppdrag uppdraget verksamhet "
    "verksamheten vårdval primärvård primärvården bland annat behov vid via"
)
# Function words spaCy's Swedish list lacks: "är" (its lemma "vara"), "blir", the pronoun "hen",
# the negations "ej" and "icke" (it has "inte"), and the abbreviations of drafting ("t.ex.",
# "t ex", "m.m."). Matching them is no evidence of anything.
_FUNCTION_WORDS = "är vara blir bli hen ej icke t.ex. t ex bl.a. m.m. s.k. dvs d.v.s. kap. ca"
DOMAIN_STOP = frozenset(stem(word) for word in (_DOMAIN_STOP_WORDS + " " + _FUNCTION_WORDS).split())

_PARTICLE = "upp"  # the verb particle that makes another verb wherever it stands
_OBJECTLESS_PARTICLES = frozenset({"om", "av", "in", "ut"})  # prepositions as often, but not without an object
_PARTICLES = _OBJECTLESS_PARTICLES | {_PARTICLE}
_COORDINATORS = frozenset({"och", "eller", "samt"})
_WORD = re.compile(r"\w", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Word:
    """A content word of an analysed text, with where it stands and what it matches."""

    text: str
    start: int  # character offsets in the analysed text
    end: int
    terms: frozenset[str]  # everything it matches: `whole` and its parts' stems
    whole: frozenset[str]  # the stems of the whole word (lemma, form, derivation)
    key: str  # the stem of its lemma
    parts: tuple[str, ...]  # stems of its compound parts, empty for a simple word


class Analyzer:
    """Turns texts into spaCy docs and their content words into terms, caching per word form."""

    def __init__(self) -> None:
        self.nlp = pipeline()
        self._cache: dict[str, Word] = {}  # per lower-case form, at offset 0

    def docs(self, texts: Iterable[str]):
        """spaCy docs (tokens, sentences, lemmas) of `texts`, in order. The lemmas of all their
        words are fetched in one batch first: one lookup per text costs more than the tagging."""
        texts = list(texts)
        lemma_table().prefetch({form.lower() for text in texts for form in _LETTERS.findall(text)})
        return list(self.nlp.pipe(texts, batch_size=256))

    def words(self, tokens) -> list[Word]:
        """The content words of a doc or span: no punctuation, no stop words."""
        return self.words_of([tokens])[0]

    def words_of(self, docs) -> list[list[Word]]:
        """The content words of each doc or span. New word forms are analysed together, in one
        round of lexicon lookups."""
        contents = [[t for t in tokens if _WORD.search(t.text) and not t.is_stop] for tokens in docs]
        every = [t for content in contents for t in content]
        completed = _completed_heads(every)
        self._prepare({t.lower_ for t in every} | set(completed.values()), {t.lower_: t.lemma_ for t in every})
        return [self._placed(tokens, content, completed) for tokens, content in zip(docs, contents, strict=True)]

    def _placed(self, tokens, content, completed: dict[tuple[int, int], str]) -> list[Word]:
        offset = tokens[0].idx if len(tokens) else 0
        words = []
        for token in content:
            completion = completed.get(_place(token))
            word = _as_whole_word(self._cache[completion]) if completion else self._cache[token.lower_]
            if word.key in DOMAIN_STOP:
                continue
            particle = _particle_after(token)
            if particle:
                word = _particle_verb(word, particle)
            start = token.idx - offset
            words.append(Word(token.text, start, start + len(token.text), word.terms, word.whole, word.key, word.parts))
        return words

    def vocabulary(self) -> dict[str, Word]:
        """Every word form analysed so far: what a later run needs to analyse alike."""
        return dict(self._cache)

    def learn(self, vocabulary: dict[str, Word]) -> None:
        """Take word forms analysed by an earlier run (`vocabulary`), as if analysed here."""
        self._cache.update(vocabulary)

    def text_words(self, text: str) -> list[Word]:
        return self.words(self.nlp(text))

    def _prepare(self, forms: set[str], lemmas: dict[str, str]) -> None:
        new = [form for form in forms if form not in self._cache]
        if not new:
            return
        splits = split_compounds(new, seen=set(self._cache) | forms)
        table = lemma_table()
        table.prefetch(part for parts in splits.values() for part in parts)
        for form in new:
            key = stem(_lemma(form, lemmas.get(form), splits.get(form), table))
            parts = tuple(stem(table.lemma(part)) for part in splits.get(form, ()))
            whole = _with_derivations({key, stem(form)})
            terms = whole | _with_derivations({*parts, *(stem(part) for part in splits.get(form, ()))})
            self._cache[form] = Word(form, 0, len(form), terms, whole, key, parts)


def _lemma(form: str, lemma: str | None, parts: list[str] | None, table) -> str:
    """The lemma of a word form. A compound the lookup table lacks takes its last part's lemma:
    "händelseanalyser" is "händelseanalys", as the table would have it, not a form of its own
    whose stem differs from the singular's."""
    lemma = (lemma or form).lower()
    if parts and lemma == form and "-" not in form:
        return form[: len(form) - len(parts[-1])] + table.lemma(parts[-1])
    return lemma


def _particle_after(token) -> str | None:
    """The particle that makes the token a particle verb, if one follows it: "upp" ("följs upp",
    "ringer upp"), but not "upp till" ("barn upp till 18 år"); or a particle that is a
    preposition as often ("om", "av", "in", "ut") where it has no object after it, as a
    preposition would: "boka om eller avboka", not "informera om tider"."""
    doc, i = token.doc, token.i
    if i + 1 >= len(doc) or token.like_num:
        return None
    particle, after = doc[i + 1].lower_, (doc[i + 2] if i + 2 < len(doc) else None)
    if particle == _PARTICLE and not (after is not None and after.lower_ == "till"):
        return particle
    if particle in _OBJECTLESS_PARTICLES and (after is None or after.is_punct or after.lower_ in _COORDINATORS):
        return particle
    return None


def _particle_verb(word: Word, particle: str) -> Word:
    """The particle verb as one word, as its compound noun writes it: "följa upp" is
    "uppföljning", not "följa" ("Vi följer Socialstyrelsens föreskrifter")."""
    key = stem(particle + word.key)
    whole = _with_derivations({key})
    return Word(word.text, word.start, word.end, whole, whole, key, ())


def _with_derivations(terms: set[str]) -> frozenset[str]:
    derived = {
        stem(term[: -len(suffix)])
        for term in terms
        for suffix in _DERIVATION_SUFFIXES
        if term.endswith(suffix) and len(term) - len(suffix) >= _MIN_HEAD
    }
    return frozenset(terms | derived)


def _completed_heads(tokens) -> dict[tuple[int, int], str]:
    """The whole word each suspended compound head among `tokens` stands for, by its `_place`:
    Swedish writes "av- och ombokning" for "avbokning och ombokning", "händelse- och
    riskanalyser" for "händelseanalyser och riskanalyser". The head takes the tail of the
    compound after the coordinator: its last part, or, for a word made with a particle
    ("om-bokning"), what follows the particle."""
    heads = {}
    for token in tokens:
        doc, i = token.doc, token.i
        if token.text.endswith("-") and len(token) > 1 and i + 2 < len(doc) and doc[i + 1].lower_ in _COORDINATORS:
            heads[token] = doc[i + 2].lower_
    if not heads:
        return {}
    splits = split_compounds(heads.values())
    prefixed = {whole: whole[len(p) :] for whole in heads.values() if whole not in splits for p in _PARTICLES if whole.startswith(p)}
    known = lemma_table().known_words(prefixed.values())
    tails = {whole: parts[-1] for whole, parts in splits.items()}
    tails.update({whole: tail for whole, tail in prefixed.items() if tail in known})
    return {_place(token): token.lower_[:-1] + tails[whole] for token, whole in heads.items() if whole in tails}


def _place(token) -> tuple[int, int]:
    """Where a token stands among many docs: its offset alone is not unique."""
    return id(token.doc), token.i


def _as_whole_word(word: Word) -> Word:
    """A completed head matches as the whole word only, not by its parts: "hälso-" (and
    sjukvård) is "hälsovård", and a passage's "vårdkontakt" does not half show it."""
    return Word(word.text, word.start, word.end, word.whole, word.whole, word.key, ())


def _head_forms(head: str) -> list[str]:
    """How a compound's first part may stand alone: as written, without a linking s, with the
    final vowel compounds drop ("läkar-" from "läkare", "skol-" from "skola")."""
    forms = [head, head + "e", head + "a"]
    if head.endswith("s") and len(head) > _MIN_HEAD:
        forms.append(head[:-1])
    return forms


def split_compounds(forms: Iterable[str], seen: set[str] = frozenset()) -> dict[str, list[str]]:
    """The parts of those `forms` that are compounds of known words (the lexicon's, or `seen`);
    hyphenated words split at the hyphen ("e-tjänster"). A head is a known word by construction,
    so it stays whole: "tillgänglighets-data" is about "tillgänglighet", not "tilla" and
    "gänglighet"."""
    result: dict[str, list[str]] = {}
    pending = []
    for form in forms:
        if "-" in form:
            result[form] = [part for part in form.split("-") if part]
        elif len(form) >= _MIN_COMPOUND and form.isalpha():
            pending.append(form)
    result.update(_split_in_two(pending, seen))
    return result


def _split_in_two(forms: list[str], seen: set[str]) -> dict[str, list[str]]:
    candidates: set[str] = set()
    for form in forms:
        for i in range(_MIN_HEAD, len(form) - _MIN_TAIL + 1):
            candidates.add(form[i:])
            candidates.update(_head_forms(form[:i]))
    known = lemma_table().known_words(candidates) | (candidates & seen)
    splits = {}
    for form in forms:
        for i in range(_MIN_HEAD, len(form) - _MIN_TAIL + 1):  # longest tail first
            if form[i:] not in known:
                continue
            head = next((h for h in _head_forms(form[:i]) if h in known), None)
            if head is not None:
                splits[form] = [head, form[i:]]
                break
    return splits
