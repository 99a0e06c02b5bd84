"""Domain synonyms (data/synonyms.yaml) that widen what a krav's words are looked for as.

A krav says "nå vården via telefon"; a provider writes "alla som ringer blir uppringda samma
dag". Each group of the thesaurus lists words and phrases that, in primary care, stand for one
another. A krav word in a group matches any one-word member, and any many-word member ("tele q")
as a phrase. The groups are curated data, like the topic taxonomy, so staff can extend them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .terms import Analyzer

Phrase = tuple[frozenset[str], ...]  # one term set per word; matched when every word matches


def phrase_matches(phrase: Phrase, terms: frozenset[str]) -> bool:
    return all(not word.isdisjoint(terms) for word in phrase)


@dataclass(frozen=True)
class Group:
    members: tuple[str, ...]  # as written in the data file
    phrases: tuple[Phrase, ...]  # the members, analysed


class Thesaurus:
    def __init__(self, groups: list[list[str]], analyzer: Analyzer) -> None:
        members = [member for group in groups for member in group]
        analysed = dict(zip(members, analyzer.words_of(analyzer.docs(members)), strict=True))
        self.groups: list[Group] = []
        # Many-word members by the terms of their first word: a text can only hold the phrase
        # if it has one of them.
        self._phrases_by_first: dict[str, list[tuple[Group, Phrase]]] = {}
        self._by_term: dict[str, list[Group]] = {}
        for written in groups:
            kept = [m for m in written if analysed[m]]  # a member of stop words only matches nothing
            group = Group(tuple(kept), tuple(tuple(w.whole for w in analysed[m]) for m in kept))
            self.groups.append(group)
            for phrase in group.phrases:
                if len(phrase) > 1:
                    for term in phrase[0]:
                        self._phrases_by_first.setdefault(term, []).append((group, phrase))
                else:
                    for term in phrase[0]:
                        self._by_term.setdefault(term, []).append(group)

    def groups_with_phrase_in(self, terms: frozenset[str]) -> list[Group]:
        """The groups one of whose many-word members `terms` hold, in data order."""
        found = {
            id(group): group
            for term in terms
            for group, phrase in self._phrases_by_first.get(term, ())
            if phrase_matches(phrase, terms)
        }
        return [group for group in self.groups if id(group) in found]

    def alternatives(self, whole: frozenset[str]) -> tuple[Phrase, ...]:
        """The phrases a word with stems `whole` may also be found as."""
        found: list[Phrase] = []
        for term in whole:
            for group in self._by_term.get(term, ()):
                found.extend(p for p in group.phrases if p not in found)
        return tuple(found)


@functools.cache
def load_groups() -> tuple[tuple[str, ...], ...]:
    import yaml

    text = resources.files("kravcheck").joinpath("data/synonyms.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    return tuple(tuple(str(member).lower() for member in group) for group in data)
