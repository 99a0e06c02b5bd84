"""Decide, krav by krav, whether a submission's passages show it: the verdict and its reason.

For each krav (each element of a krav with elements) the passages are ranked with BM25 over
their terms, and the best, with those that name a `shown_by` term or state a figure of the kind
the krav sets, are scored by how many of the krav's concepts they hold (`Query`). A passage that
scores high enough is evidence; what it claims (`claims.read_claim`) decides:

- a denial or a worse figure in a passage about the krav: contradicted. It wins over an
  affirmation, because a false "met" is the worst error the tool can make. A clause that
  denies what the krav names by its own term, and says little else ("Chatt erbjuds för
  närvarande inte"), is about the krav however few of its other words the passage has;
- an affirmation in a strong passage: met, unless the krav has a figure the passage does not
  state, or asks for things together ("chatt och videosamtal") of which the affirming passages
  name only some: then partial. A passage about the krav that is not strong but names some of
  those things ("videosamtal", not "chatt") shows the krav partly, too;
- only plans, only restatements of the krav, or nothing: missing, saying what was looked for.

A krav with elements is met when every element is, contradicted when any is, missing when
none is shown, partial otherwise; a lead-in with a figure of its own ("Besvara ärenden inom fyra
veckor, med ett svar som:") is contradicted by a worse one, whatever its elements show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..krav import Krav, Party
from ..textnorm import shorten
from .claims import Claim, Stance, clauses, copies_of_krav, is_negated, measures_same, read_claim, restates_krav, stated_figures
from .passages import Passage
from .query import Query
from .verdict import Evidence, Status, Verdict

TOP_K = 12  # passages per krav that get scored after ranking
EVIDENCE_SCORE = 0.45  # a passage is about the krav
MET_SCORE = 0.65  # ... and strong enough to show it
AGAINST_SCORE = 0.55  # ... and strong enough that its denial or worse figure contradicts it
PHRASE_BONUS = 0.3  # the passage holds one of the krav's curated evidence terms
FIGURE_BONUS = 0.2  # the passage states a figure of the kind the krav sets (days, per cent …)
# The passage, or its heading or paragraph ("Hon eller han samordnar …"), names the subject of the
# element's lead-in ("Den fasta vårdkontakten ska:"): the duty is said of the right one.
SUBJECT_BONUS = 0.1
QUOTES = 2  # evidence quotes kept per verdict

_AFFIRMING = (Stance.AFFIRMS, Stance.BETTER_OR_EQUAL)
_AGAINST = (Stance.DENIES, Stance.WORSE)


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    score: float
    claim: Claim
    denies_its_term: bool = False  # denies what the krav names by its own term ("Chatt erbjuds inte")
    names_shown_by: bool = False  # names one of the krav's `shown_by` terms: the quote to show first

    def evidence(self, query: Query) -> Evidence:
        """The passage as a quote, with the words and the figure that matched the krav marked."""
        p = self.passage
        quote = p.text.strip()
        shift = len(p.text) - len(p.text.lstrip())
        spans = sorted(query.marks(p) + _figure_marks(p.text, self.claim))
        marks = tuple((start - shift, end - shift) for start, end in spans if start >= shift and end - shift <= len(quote))
        return Evidence(p.file, p.page, p.heading, quote, round(self.score, 2), str(self.claim.stance), marks)


class Assessor:
    """Checks the krav of one catalogue against the passages of one submission."""

    def __init__(self, passages: list[Passage], krav: list[Krav], queries: dict[str, Query], year: int) -> None:
        import bm25s

        self.passages = passages
        self.queries = queries  # by krav or element ID (`query.build_queries`)
        self._copies = copies_of_krav([p.text for p in passages], [k.text for top in krav for k in top.walk()])
        self.year = year
        self._figures = [stated_figures(p.text) for p in passages]
        self._index = bm25s.BM25()
        corpus = [sorted(p.terms) + sorted(p.context_terms) for p in passages] or [[""]]
        self._index.index(corpus, show_progress=False)

    def verdict(self, krav: Krav, lead_in: Krav | None = None) -> Verdict:
        if krav.party is Party.REGION:
            return Verdict(krav, Status.NOT_APPLICABLE, 1.0, "Ej tillämpligt: kravet binder regionen, inte vårdgivaren.")
        if not krav.elements:
            return self._single(krav, self.queries[krav.id], lead_in)
        parts = [self.verdict(element, lead_in=krav) for element in krav.elements]
        # A lead-in's own figure binds too: "Besvara ärenden inom fyra veckor, med ett svar som:".
        own = self._single(krav, self.queries[krav.id], lead_in) if krav.parameters else None
        if own is not None and own.status is Status.CONTRADICTED:
            return replace(own, elements=parts)
        return self._combined(krav, parts)

    # --- one krav or element ---------------------------------------------------------------

    def _single(self, krav: Krav, query: Query, lead: Krav | None = None) -> Verdict:
        candidates, restated = self._candidates(krav, query, lead)
        against = [c for c in candidates if c.claim.stance in _AGAINST and (c.score >= AGAINST_SCORE or c.denies_its_term)]
        affirming = [c for c in candidates if c.claim.stance in _AFFIRMING]
        plans = [c for c in candidates if c.claim.stance is Stance.PLANS]
        # A krav of procurement words only ("Leverantören ska …") is looked for as a whole.
        looked_for = query.looked_for + [p.source for p in krav.parameters] or [krav.text]

        if against:
            best = against[0]
            return Verdict(krav, Status.CONTRADICTED, best.score, _against_reason(best.claim), _quotes(against, query), looked_for=looked_for)
        strong = [c for c in affirming if c.score >= MET_SCORE]
        # Of the things the krav asks for together, those no affirming passage names.
        unshown = query.conjuncts_missing(frozenset().union(*(c.passage.terms for c in affirming)))
        partly = f"Delvis: dokumenten visar inte {', '.join(unshown)}."
        if strong:
            with_figure = [c for c in affirming if c.claim.stance is Stance.BETTER_OR_EQUAL]
            figures = [p for p in krav.parameters if not p.met_by_existence]
            if figures and not with_figure:
                required = figures[0].source
                reason = f"Delvis: dokumenten tar upp kravet men anger inte {required}."
                return Verdict(krav, Status.PARTIAL, strong[0].score, reason, _quotes(strong, query), looked_for=looked_for)
            best = (with_figure or strong)[0]
            if unshown:
                return Verdict(krav, Status.PARTIAL, best.score, partly, _quotes([best, *strong], query), looked_for=looked_for)
            return Verdict(krav, Status.MET, best.score, _met_reason(best), _quotes([best, *strong], query), looked_for=looked_for)
        if unshown:  # a passage about the krav shows some of those things ("videosamtal", not "chatt")
            some = [c for c in affirming if query.conjuncts_missing(c.passage.terms)]
            return Verdict(krav, Status.PARTIAL, some[0].score, partly, _quotes(some, query), looked_for=looked_for)
        if plans:
            reason = f"Saknas: dokumenten anger bara en plan (”{shorten(plans[0].passage.text, 90)}”), inte att kravet uppfylls nu."
            return Verdict(krav, Status.MISSING, plans[0].score, reason, _quotes(plans, query), looked_for=looked_for)
        if restated:
            reason = "Saknas: dokumenten upprepar bara kravtexten utan att visa hur den uppfylls."
            return Verdict(krav, Status.MISSING, 0.8, reason, looked_for=looked_for)
        terms = ", ".join(looked_for[:6])
        return Verdict(krav, Status.MISSING, 0.7, f"Saknas: inget i dokumenten visar kravet (sökte efter {terms}).", looked_for=looked_for)

    def _candidates(self, krav: Krav, query: Query, lead: Krav | None = None) -> tuple[list[Candidate], bool]:
        """The passages that are about the krav, best first, and whether one merely restated it."""
        if not self.passages or not query.tokens:
            return [], False
        scores = self._index.get_scores(list(query.tokens))
        ranked = [int(i) for i in np.argsort(-scores, kind="stable")[:TOP_K] if scores[i] > 0]
        shown = self._shown_by(query)
        ranked += [i for i in shown if i not in ranked]  # a candidate however it ranks
        ranked += [i for i in self._stating_figures(krav) if i not in ranked]
        candidates, restated = [], False
        for index in ranked:
            if index in self._copies:
                restated = True
                continue
            passage = self.passages[index]
            score = min(1.0, query.coverage(passage) + (PHRASE_BONUS if query.phrase_in(passage) else 0.0))
            if query.subject is not None and (query.subject.named_in(passage.terms) or query.subject.named_in(passage.context_terms)):
                score = min(1.0, score + SUBJECT_BONUS)
            # The clause is needed early only for a passage that names the krav's own term.
            clause = near = None
            decisive = shown.get(index)
            if decisive:  # the passage's claim is read where it names the term
                score = max(score, MET_SCORE)
                clause, near = _clause_at(passage, decisive[0])
            elif query.names_its_term(passage.terms):
                clause, near = _matched_clause(query, passage)
            focused = clause is not None and query.focuses_on_its_term(passage, clause)
            if score + FIGURE_BONUS < EVIDENCE_SCORE and not focused:
                continue
            if restates_krav(passage.text, krav.text) or (lead is not None and restates_krav(passage.text, lead.text)):
                restated = True
                continue
            if clause is None:
                clause, near = _matched_clause(query, passage)
            lead_in = passage.context if passage.kind == "list_item" else ""  # "Planerade åtgärder:"
            # A figure tells how well the krav is met only in a passage that itself names something
            # of the krav: "Väntetiden till första samtal är under två veckor", under a heading on
            # access, measures the counsellor's queue, not the "medicinsk bedömning inom tre dagar".
            parameters = krav.parameters if query.names_a_concept(passage) else []
            claim = read_claim(passage.text, passage.text[slice(*clause)], lead_in, parameters, self.year, near)
            if claim.figure is not None:
                score = min(1.0, score + FIGURE_BONUS)
            candidates.append(Candidate(passage, score, claim, focused and claim.stance is Stance.DENIES, bool(decisive)))
        candidates = [c for c in candidates if c.score >= EVIDENCE_SCORE or c.denies_its_term]
        candidates.sort(key=lambda c: (not c.names_shown_by, -c.score))
        return candidates, restated

    def _stating_figures(self, krav: Krav) -> list[int]:
        """The passages, by index, that state a figure of the kind the krav sets ("rings upp
        nästa vardag" for "samma dag"): a figure tells how well, in words the krav need not share."""
        if not krav.parameters:
            return []
        return [i for i, figures in enumerate(self._figures) if any(measures_same(f, r) for f in figures for r in krav.parameters)]

    def _shown_by(self, query: Query) -> dict[int, list[tuple[int, int]]]:
        """The passages, by index, that name one of the query's `shown_by` terms and deny
        nothing, with where they name it. Such a passage shows the krav; one with a denial
        anywhere may not ("… utan BankID …" after "kräver ingen inloggning")."""
        if not any(term.decisive for term in query.phrases):
            return {}
        named = ((i, query.decisive_spans(p)) for i, p in enumerate(self.passages))
        return {i: spans for i, spans in named if spans and not is_negated(self.passages[i].text)}

    # --- a krav with elements ---------------------------------------------------------------

    def _combined(self, krav: Krav, parts: list[Verdict]) -> Verdict:
        statuses = [v.status for v in parts]
        shown = [v for v in parts if v.status in (Status.MET, Status.PARTIAL)]
        evidence = _unique([e for v in parts for e in v.evidence], key=lambda e: (e.file, e.quote))
        looked_for = list(dict.fromkeys(t for v in parts for t in v.looked_for))
        confidence = round(min(v.confidence for v in parts), 2)
        if Status.CONTRADICTED in statuses:
            against = [v for v in parts if v.status is Status.CONTRADICTED]
            reason = f"Avviker: {len(against)} av {len(parts)} delar motsägs av dokumenten ({_names(against)})."
            status = Status.CONTRADICTED
        elif all(s is Status.MET for s in statuses):
            reason = f"Uppfyllt: dokumenten visar alla {len(parts)} delar av kravet."
            status = Status.MET
        elif not shown:
            reason = f"Saknas: ingen av kravets {len(parts)} delar visas i dokumenten."
            status = Status.MISSING
        else:
            missing = [v for v in parts if v.status not in (Status.MET, Status.PARTIAL)]
            reason = f"Delvis: {len(shown)} av {len(parts)} delar visas; saknas: {_names(missing) or 'delar som bara visas delvis'}."
            status = Status.PARTIAL
        return Verdict(krav, status, confidence, reason, evidence, parts, looked_for)


def _matched_clause(query: Query, passage: Passage) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The (start, end) span of the clause of the passage that holds most of the query's concept
    weight, and the spans (relative to the clause) of the words in it that match a concept."""

    matched = query.matching(passage)

    def inside(start: int, end: int) -> list:
        return [w for w in matched if start <= w.start < end]

    def weight(span: tuple[int, int]) -> float:
        terms = frozenset(t for w in inside(*span) for t in w.terms)
        return sum(c.weight * c.match(terms) for c in query.concepts)

    start, end = max(clauses(passage.text), key=weight)
    return (start, end), [(w.start - start, w.end - start) for w in inside(start, end)]


def _clause_at(passage: Passage, span: tuple[int, int]) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The clause of the passage that holds `span`, and the span relative to it."""
    start, end = next((c for c in clauses(passage.text) if c[0] <= span[0] < c[1]), (0, len(passage.text)))
    return (start, end), [(span[0] - start, span[1] - start)]


def _figure_marks(text: str, claim: Claim) -> list[tuple[int, int]]:
    """Where the provider's figure the claim was read from stands in `text` ("inom fem dagar")."""
    if claim.figure is None:
        return []
    start = text.lower().find(claim.figure.source.lower())
    return [(start, start + len(claim.figure.source))] if start >= 0 else []


def _quotes(candidates: list[Candidate], query: Query) -> list[Evidence]:
    """The evidence of the first candidates with different passages (marks cost a match each)."""
    distinct = _unique(candidates, key=lambda c: (c.passage.file, c.passage.text.strip()))
    return [c.evidence(query) for c in distinct[:QUOTES]]


def _unique(items: list, key) -> list:
    """`items` without those whose `key` an earlier one had: the same quote from one file."""
    seen, kept = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept


def _where(passage: Passage) -> str:
    return f"{passage.file} s. {passage.page}" if passage.page else passage.file


def _met_reason(best: Candidate) -> str:
    claim = best.claim
    if claim.stance is Stance.BETTER_OR_EQUAL and claim.figure and claim.required:
        return f"Uppfyllt: dokumenten anger {claim.figure.source} där kravet är {claim.required.source} ({_where(best.passage)})."
    return f"Uppfyllt: {_where(best.passage)} visar kravet: ”{shorten(best.passage.text, 90)}”."


def _against_reason(claim: Claim) -> str:
    if claim.stance is Stance.WORSE and claim.figure and claim.required:
        return f"Avviker: dokumenten anger {claim.figure.source} där kravet är {claim.required.source}."
    return f"Avviker: dokumenten säger att det inte görs: ”{shorten(claim.clause, 90)}”."


def _names(verdicts: list[Verdict]) -> str:
    return "; ".join(shorten(v.krav.text, 50) for v in verdicts[:3]) + (" …" if len(verdicts) > 3 else "")
