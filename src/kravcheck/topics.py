"""The topics of a krav, from a curated taxonomy kept as data (data/topics.yaml), not code.

Curators tune keywords without touching code, and other modules (validation, reports) read the
ids and Swedish labels from here. A keyword matches on Snowball stems, so inflections need no list:
"fast läkarkontakt" matches "den fasta läkarkontakten". A one-word keyword of five letters or more
also matches inside compounds, the Swedish way of making words: "hygien" matches "vårdhygieniska"
and "hygienrutiner". Shorter ones (SIP, PAL, MRB, "kris") match whole words only, or "sip" would
match "principen". Stems conflate a few words: "tillgänglighet" also matches "tillgängliga".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import Stemmer
import yaml

_TOKEN = re.compile(r"[^\W_]+")
_COMPOUND_MIN_CHARS = 5
_TOPIC_ID = re.compile(r"[a-z][a-z0-9_]*")
_TOPIC_KEYS = ("id", "label", "description", "keywords")


class _Words:
    """A text as keywords are looked for in it: lower case, its words' stems, and those stems as a line."""

    __slots__ = ("lower", "stems", "stem_line")

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        stems = _stems(_TOKEN.findall(self.lower))
        self.stems = frozenset(stems)
        self.stem_line = f" {' '.join(stems)} "


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    description: str
    stems: frozenset[str]  # one-word keywords, stemmed: match a word with the same stem
    compounds: tuple[str, ...]  # one-word keywords long enough to be found inside a compound
    phrases: tuple[str, ...]  # many-word keywords as " stem stem ", found in a text's stem line

    def found_in(self, words: _Words) -> bool:
        return (
            not self.stems.isdisjoint(words.stems)
            or any(compound in words.lower for compound in self.compounds)
            or any(phrase in words.stem_line for phrase in self.phrases)
        )


def assign_topics(text: str, section_title: str | None = None) -> list[str]:
    """The ids of the topics `text` is about, in taxonomy order; the section title counts as evidence too."""
    evidence = [_Words(part) for part in (text, section_title) if part]
    return [topic.id for topic in _taxonomy() if any(topic.found_in(words) for words in evidence)]


def topic_ids() -> list[str]:
    """Every topic id, in taxonomy order."""
    return [topic.id for topic in _taxonomy()]


def topic_label(topic_id: str) -> str:
    """The Swedish, user-facing label of a topic; KeyError for an id the taxonomy lacks."""
    try:
        return _topics_by_id()[topic_id].label
    except KeyError:
        raise KeyError(f"okänt ämne {topic_id!r}") from None


@functools.cache
def _taxonomy() -> tuple[Topic, ...]:
    """The taxonomy, read from the package data once."""
    source = resources.files("kravcheck").joinpath("data/topics.yaml").read_text(encoding="utf-8")
    topics = tuple(_topic(entry) for entry in yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    ids = [topic.id for topic in topics]
    if len(set(ids)) != len(ids):
        raise ValueError(f"topics.yaml: dubblett-id bland {ids}")
    return topics


@functools.cache
def _topics_by_id() -> dict[str, Topic]:
    return {topic.id: topic for topic in _taxonomy()}


def _topic(entry: dict) -> Topic:
    """A Topic from its YAML entry, its keywords split into stems, compounds and phrases."""
    missing = [key for key in _TOPIC_KEYS if not entry.get(key)]
    if missing:
        raise ValueError(f"topics.yaml: ämnet {entry.get('id')!r} saknar {', '.join(missing)}")
    if not _TOPIC_ID.fullmatch(str(entry["id"])):
        raise ValueError(f"topics.yaml: ogiltigt ämnes-id {entry['id']!r} (små bokstäver, siffror och _)")
    keywords = [_TOKEN.findall(str(keyword).lower()) for keyword in entry["keywords"]]
    single = [tokens[0] for tokens in keywords if len(tokens) == 1]
    return Topic(
        id=entry["id"],
        label=entry["label"],
        description=entry["description"],
        stems=frozenset(_stems(single)),
        compounds=tuple(word for word in single if len(word) >= _COMPOUND_MIN_CHARS),
        phrases=tuple(f" {' '.join(_stems(tokens))} " for tokens in keywords if len(tokens) > 1),
    )


def _stems(words: list[str]) -> list[str]:
    return _stemmer().stemWords(words)


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")
