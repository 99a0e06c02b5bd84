"""Which krav of the old catalogue is which krav of the new one: alignment by content.

Section numbers are no key: a region renumbers and regroups chapters between years ("Tidigare
3.2.3 – nu tematiskt uppdelat"). Krav are paired in four steps, each on what the earlier left:

1. the same ID (a catalogue carried over with `extract --update` keeps its IDs);
2. the same normalised text (stems, no punctuation) of the krav and its elements;
3. text similarity with a one-to-one assignment: rapidfuzz scores every old krav against every
   new one and the Hungarian method (scipy's `linear_sum_assignment`) picks the pairing with the
   highest total. A greedy best-first would let one early, middling match take a partner that
   two other krav needed; the optimum costs a few milliseconds for catalogues of hundreds;
4. lists among what is left whose items pair up, however their lead-ins are worded;
5. splits and merges among what is left: a new krav whose content words (not the drafting
   formula) stand in one old krav that has a partner already (or in none), and the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..krav import Krav

# rapidfuzz token_sort_ratio (0-100) of the normalised texts from which two krav count as the
# same krav reworded. Below it, wording shared is mostly the drafting formula ("Leverantören ska").
SAME_KRAV = 60
# The same for list items: short phrases, where one word of three reworded is half the text
# ("Av/omboka tid" → "av- och omboka besök").
SAME_ITEM = 50
# Share of a part's content words that must stand in the whole for a split or merge.
PART_OF = 0.8
PART_MIN_WORDS = 4  # content words: a part must say more than a lead-in ("Leverantören inom Vårdval ska:")
# A word in more krav than this share (and at least FORMULA_MIN of them) is drafting formula
# ("ska", "leverantören", "regionen", "enligt"), no sign that two krav say the same thing.
FORMULA_SHARE = 0.06
FORMULA_MIN = 5
# Two lists are one list revised when this many of their items pair up ("Förnya recept" in the
# 1177 basutbud of 2022 and of 2026), even when their lead-ins are worded anew.
SHARED_ITEMS = 2
UNCHANGED = 95  # a pair this similar is one krav barely touched, not the remains of a split
SAME_SECTION_TITLE_BONUS = 5  # ties between look-alike krav go to the one under the same heading


@dataclass
class Pair:
    old: Krav
    new: Krav
    how: str  # "id" | "text" | "similar" | "items"
    score: float  # similarity 0-100


@dataclass
class Regrouping:
    """One old krav split into several new ones, or several old ones merged into one."""

    old: list[Krav]
    new: list[Krav]


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    splits: list[Regrouping] = field(default_factory=list)
    merges: list[Regrouping] = field(default_factory=list)
    removed: list[Krav] = field(default_factory=list)
    added: list[Krav] = field(default_factory=list)


def full_text(krav: Krav) -> str:
    """A krav with its elements: a lead-in alone ("Leverantören ska:") says nothing to match on."""
    return " ".join(k.text for k in krav.walk())


def align(old: Sequence[Krav], new: Sequence[Krav]) -> Alignment:
    from ..extract import normalised_text

    old_words = [normalised_text(full_text(k)) for k in old]
    new_words = [normalised_text(full_text(k)) for k in new]
    pairs: dict[int, Pair] = {}  # by index into `new`
    free_old = set(range(len(old)))

    by_id = {k.id: i for i, k in enumerate(old)}
    by_text: dict[str, list[int]] = {}
    for i, words in enumerate(old_words):
        by_text.setdefault(words, []).append(i)
    for j, krav in enumerate(new):
        i = by_id.get(krav.id)
        if i is not None:
            pairs[j] = Pair(old[i], krav, "id", _similarity(old_words[i], new_words[j]))
            free_old.discard(i)
    for j, words in enumerate(new_words):
        candidates = [i for i in by_text.get(words, []) if i in free_old]
        if j not in pairs and candidates:
            pairs[j] = Pair(old[candidates[0]], new[j], "text", 100.0)
            free_old.discard(candidates[0])

    rest_old = sorted(free_old)
    rest_new = [j for j in range(len(new)) if j not in pairs]
    for i, j, score in assign(
        [old_words[i] for i in rest_old], [new_words[j] for j in rest_new], SAME_KRAV,
        bonus=[[_bonus(old[i], new[j]) for j in rest_new] for i in rest_old],
    ):
        pairs[rest_new[j]] = Pair(old[rest_old[i]], new[rest_new[j]], "similar", score)
        free_old.discard(rest_old[i])

    for i, j, score in _same_lists(old, new, sorted(free_old), [j for j in range(len(new)) if j not in pairs]):
        pairs[j] = Pair(old[i], new[j], "items", score)
        free_old.discard(i)

    alignment = Alignment(pairs=[pairs[j] for j in sorted(pairs)])
    unpaired_new = [j for j in range(len(new)) if j not in pairs]
    formula = _formula_words([*old_words, *new_words])
    old_words = [_content(words, formula) for words in old_words]
    new_words = [_content(words, formula) for words in new_words]
    partner_of_old = {id(p.old): (p.new, p.score) for p in alignment.pairs}
    partner_of_new = {id(p.new): (p.old, p.score) for p in alignment.pairs}
    alignment.splits = _regroup(old, old_words, new, new_words, unpaired_new, partner_of_old, whole_is_old=True)
    split_wholes = {id(group.old[0]) for group in alignment.splits}
    merge_candidates = [i for i in sorted(free_old) if id(old[i]) not in split_wholes]
    alignment.merges = _regroup(new, new_words, old, old_words, merge_candidates, partner_of_new, whole_is_old=False)
    regrouped = {id(k) for group in (*alignment.splits, *alignment.merges) for k in (*group.old, *group.new)}
    alignment.pairs = [p for p in alignment.pairs if id(p.old) not in regrouped and id(p.new) not in regrouped]
    alignment.added = [new[j] for j in unpaired_new if id(new[j]) not in regrouped]
    alignment.removed = [old[i] for i in sorted(free_old) if id(old[i]) not in regrouped]
    return alignment


def assign(
    old_texts: Sequence[str], new_texts: Sequence[str], threshold: float, bonus: Sequence[Sequence[float]] | None = None
) -> list[tuple[int, int, float]]:
    """The one-to-one pairing of `old_texts` with `new_texts` of highest total similarity, keeping
    pairs that score at least `threshold`: (old index, new index, score)."""
    if not old_texts or not new_texts:
        return []
    import numpy as np
    from rapidfuzz import fuzz, process
    from scipy.optimize import linear_sum_assignment

    scores = process.cdist(old_texts, new_texts, scorer=fuzz.token_sort_ratio, dtype=np.float32)
    if bonus is not None:
        scores = scores + np.asarray(bonus, dtype=np.float32)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j), float(min(scores[i, j], 100.0))) for i, j in zip(rows, cols) if scores[i, j] >= threshold]


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a, b))


def _same_lists(old: Sequence[Krav], new: Sequence[Krav], free_old: list[int], free_new: list[int]):
    """(old index, new index, share of items paired) for unpaired krav with elements whose items
    pair up: at least SHARED_ITEMS of them, best first, each krav once."""
    from ..extract import normalised_text

    def items(krav: Krav) -> list[str]:
        return [normalised_text(full_text(e)) for e in krav.elements]

    lists_old = {i: items(old[i]) for i in free_old if old[i].elements}
    lists_new = {j: items(new[j]) for j in free_new if new[j].elements}
    candidates = []
    for i, a in lists_old.items():
        for j, b in lists_new.items():
            shared = len(assign(a, b, SAME_ITEM))
            if shared >= SHARED_ITEMS:
                candidates.append((shared / min(len(a), len(b)) * 100, i, j))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for score, i, j in sorted(candidates, reverse=True):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            yield i, j, score


def _formula_words(texts: Sequence[str]) -> set[str]:
    from collections import Counter

    counts = Counter(word for text in texts for word in set(text.split()))
    floor = max(FORMULA_MIN, FORMULA_SHARE * len(texts))
    return {word for word, count in counts.items() if count > floor}


def _content(words: str, formula: set[str]) -> str:
    return " ".join(word for word in words.split() if word not in formula)


def _bonus(old: Krav, new: Krav) -> float:
    same = old.section_title and new.section_title and old.section_title.strip() == new.section_title.strip()
    return SAME_SECTION_TITLE_BONUS if same else 0.0


def _regroup(
    wholes: Sequence[Krav], whole_words: Sequence[str], parts: Sequence[Krav], part_words: Sequence[str],
    unpaired_parts: list[int], partner: dict[int, tuple[Krav, float]], whole_is_old: bool,
) -> list[Regrouping]:
    """Unpaired `parts` whose words stand in one of the `wholes`: a split (wholes old, parts new)
    or a merge (wholes new, parts old). The whole's partner from the pairing, if any, is a part
    too, unless it is the whole unchanged: then nothing was split off, the part is a new krav that
    repeats words of an old one. A whole needs two parts in all."""
    whole_sets = [set(words.split()) for words in whole_words]
    found: dict[int, list[int]] = {}
    for j in unpaired_parts:
        words = set(part_words[j].split())
        if len(words) < PART_MIN_WORDS:
            continue
        shares = [(len(words & whole) / len(words), i) for i, whole in enumerate(whole_sets)]
        share, i = max(shares, default=(0.0, -1))
        if share >= PART_OF:
            found.setdefault(i, []).append(j)
    groups: list[Regrouping] = []
    for i, found_parts in sorted(found.items()):
        paired, score = partner.get(id(wholes[i]), (None, 0.0))
        if score >= UNCHANGED:
            continue
        members = ([paired] if paired is not None else []) + [parts[j] for j in found_parts]
        if len(members) < 2:
            continue
        whole = [wholes[i]]
        groups.append(Regrouping(old=whole, new=members) if whole_is_old else Regrouping(old=members, new=whole))
    return groups
