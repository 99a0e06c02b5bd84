"""Two regions' krav compared topic by topic (`diff --cross-region --by topic`): per topic, the
krav one region sets that the other lacks, the comparison staff otherwise make by hand.

Krav share no IDs or sections across regions, so within each topic they are paired one to one by
text similarity (`align.assign`); a krav without a partner is one the other region lacks. A krav
with several topics is compared under each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__
from ..catalogue import Catalogue
from ..krav import Krav
from .align import SAME_KRAV, assign, full_text
from .report import catalogue_dict, krav_dict

NO_TOPIC = "none"


@dataclass
class TopicComparison:
    topic: str
    only_a: list[Krav] = field(default_factory=list)
    only_b: list[Krav] = field(default_factory=list)
    both: list[tuple[Krav, Krav, float]] = field(default_factory=list)


@dataclass
class CrossRegionReport:
    a: Catalogue
    b: Catalogue
    topics: list[TopicComparison]
    created: str = ""

    def to_dict(self) -> dict:
        from ..reports.common import topic_name

        return {
            "format": "kravcheck-diff/1",
            "mode": "by_topic",
            "created": self.created,
            "kravcheck_version": __version__,
            "old": catalogue_dict(self.a),
            "new": catalogue_dict(self.b),
            "topics": [
                {
                    "topic": t.topic,
                    "label": topic_name(t.topic) if t.topic != NO_TOPIC else "Inget ämne",
                    "only_old": [krav_dict(k) for k in t.only_a],
                    "only_new": [krav_dict(k) for k in t.only_b],
                    "both": [{"old": krav_dict(x), "new": krav_dict(y), "score": round(s)} for x, y, s in t.both],
                }
                for t in self.topics
            ],
        }


def compare_by_topic(a: Catalogue, b: Catalogue) -> CrossRegionReport:
    import datetime as dt

    from ..extract import normalised_text

    topics = list(dict.fromkeys(t for k in [*a.active, *b.active] for t in (k.topics or [NO_TOPIC])))
    found = []
    for topic in sorted(topics, key=lambda t: (t == NO_TOPIC, t)):
        in_a = [k for k in a.active if topic in (k.topics or [NO_TOPIC])]
        in_b = [k for k in b.active if topic in (k.topics or [NO_TOPIC])]
        pairs = assign(
            [normalised_text(full_text(k)) for k in in_a], [normalised_text(full_text(k)) for k in in_b], SAME_KRAV
        )
        paired_a, paired_b = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
        found.append(TopicComparison(
            topic,
            only_a=[k for i, k in enumerate(in_a) if i not in paired_a],
            only_b=[k for j, k in enumerate(in_b) if j not in paired_b],
            both=[(in_a[i], in_b[j], score) for i, j, score in pairs],
        ))
    return CrossRegionReport(a, b, found, created=dt.date.today().isoformat())
