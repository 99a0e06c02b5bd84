"""What changed in a krav between two years: the change kinds, materiality and direction.

A change is material when it changes what a provider must do: a krav added or removed, its
wording, a figure, the modal verb, the party, its list of elements. Editorial changes
(hyphenation, white space, punctuation, case) and a krav that only moved to another section are
reported apart and are not material. Figures are compared as parameters (`parameters.py`), not
as strings, so "inom fyra timmar" → "samma dag" is one figure change, stricter, and the words
around it are not a wording change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..krav import Comparator, Krav, Modality, Parameter, Unit
from .align import SAME_ITEM, Alignment, Pair, Regrouping, assign, full_text
from .redline import Segment, redline


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    TEXT = "text"  # wording changed
    EDITORIAL = "editorial"  # only hyphenation, white space, punctuation or case
    FIGURE = "figure"  # a parameter: a time limit, a share, a count, a date
    MODALITY = "modality"  # bör → ska (stricter), ska → bör (looser)
    PARTY = "party"  # the provider's duty became the region's, or the other way
    MOVED = "moved"  # the same krav under another heading
    RENUMBERED = "renumbered"  # the same krav under the same heading with a new number
    ELEMENTS = "elements"  # items added to or removed from its list
    SPLIT = "split"  # one krav became several
    MERGED = "merged"  # several krav became one


# A split or merge is material through the wording it changes (`text`), not by itself.
MATERIAL = frozenset(set(ChangeKind) - {
    ChangeKind.EDITORIAL, ChangeKind.MOVED, ChangeKind.RENUMBERED, ChangeKind.SPLIT, ChangeKind.MERGED
})


class Direction(StrEnum):
    STRICTER = "stricter"
    LOOSER = "looser"


# How binding each modality is; a prohibition binds like "ska".
_STRENGTH = {Modality.BOR: 0, Modality.SKA: 1, Modality.SKA_INTE: 1}
_MODAL_WORDS = re.compile(r"\b(?:ska|skall|bör|måste)\b", re.IGNORECASE)
# Time units in hours, so that "inom fyra timmar" and "samma dag" compare.
_HOURS = {Unit.HOUR: 1, Unit.DAY: 24, Unit.WEEK: 168, Unit.MONTH: 730, Unit.YEAR: 8760}
# Connectives a split adds or a merge drops: "X och Y." ↔ "X. Leverantören ska Y."
_CONNECTIVES = frozenset({"och", "samt", "ska", "skall", "även", "också", "dessutom"})


@dataclass
class FigureChange:
    old: Parameter | None
    new: Parameter | None
    direction: Direction | None = None


@dataclass
class ElementChange:
    old: Krav | None  # None: the item was added
    new: Krav | None  # None: the item was removed
    redline: list[Segment] = field(default_factory=list)


@dataclass
class Mark:
    """The region's own change marks on a krav in the new document (`marks.py`)."""

    changed: bool = False  # a change bar, or tracked insertions
    inserted: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # struck through or tracked as deleted

    def __bool__(self) -> bool:
        return self.changed or bool(self.inserted or self.deleted)


@dataclass
class Change:
    kinds: list[ChangeKind]
    old: list[Krav]  # empty for an added krav; several for a merge
    new: list[Krav]  # empty for a removed krav; several for a split
    redline: list[Segment] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    elements: list[ElementChange] = field(default_factory=list)
    direction: Direction | None = None  # of the modality change
    mark: Mark | None = None  # None: the new document has no marks, or the new side is a catalogue

    @property
    def material(self) -> bool:
        return any(kind in MATERIAL for kind in self.kinds)


def changes_of(alignment: Alignment) -> tuple[list[Change], list[Pair]]:
    """Every change the alignment shows, and the pairs of krav that did not change at all."""
    changes: list[Change] = []
    unchanged: list[Pair] = []
    for pair in alignment.pairs:
        change = compare(pair)
        if change is None:
            unchanged.append(pair)
        else:
            changes.append(change)
    changes += [_regrouped(group, ChangeKind.SPLIT) for group in alignment.splits]
    changes += [_regrouped(group, ChangeKind.MERGED) for group in alignment.merges]
    changes += [Change([ChangeKind.ADDED], [], [k], redline=redline("", k.text)) for k in alignment.added]
    changes += [Change([ChangeKind.REMOVED], [k], [], redline=redline(k.text, "")) for k in alignment.removed]
    return changes, unchanged


def compare(pair: Pair) -> Change | None:
    """The change from `pair.old` to `pair.new`, or None when they are the same krav unchanged."""
    old, new = pair.old, pair.new
    kinds: list[ChangeKind] = []
    reworded, editorial = _wording(old, new)
    elements = _elements(old, new)
    for element in elements:
        if element.old is not None and element.new is not None:
            element_reworded, element_editorial = _wording(element.old, element.new)
            reworded |= element_reworded
            editorial |= element_editorial
    figures = [f for k_old, k_new in _same_items(old, new, elements) for f in figure_changes(k_old.parameters, k_new.parameters)]
    if reworded:
        kinds.append(ChangeKind.TEXT)
    if figures:
        kinds.append(ChangeKind.FIGURE)
    direction = None
    if old.modality != new.modality:
        kinds.append(ChangeKind.MODALITY)
        direction = _modality_direction(old.modality, new.modality)
    if old.party != new.party:
        kinds.append(ChangeKind.PARTY)
    if any(e.old is None or e.new is None for e in elements):
        kinds.append(ChangeKind.ELEMENTS)
    if (old.section or "") != (new.section or ""):
        kinds.append(ChangeKind.RENUMBERED if _same_heading(old, new) else ChangeKind.MOVED)
    if editorial and not reworded:
        kinds.append(ChangeKind.EDITORIAL)
    if not kinds:
        return None
    changed_elements = [e for e in elements if e.old is None or e.new is None or e.redline]
    return Change(kinds, [old], [new], redline(old.text, new.text), figures, changed_elements, direction)


def editorial_form(text: str) -> str:
    """What is left when hyphenation, white space, punctuation and case are set aside."""
    return re.sub(r"[\W_]+", "", text.lower())


def _wording(old: Krav, new: Krav) -> tuple[bool, bool]:
    """(reworded, only editorially changed). The figures' own words and the modal verb are set
    aside: a difference there is the figure or modality kind, not a rewording."""
    if old.text == new.text:
        return False, False
    if editorial_form(old.text) == editorial_form(new.text):
        return False, True
    return _without_figures_and_modal(old) != _without_figures_and_modal(new), False


def _without_figures_and_modal(krav: Krav) -> str:
    text = krav.text
    for parameter in krav.parameters:
        text = text.replace(parameter.source, " ")
    return editorial_form(_MODAL_WORDS.sub(" ", text))


def _elements(old: Krav, new: Krav) -> list[ElementChange]:
    """The elements paired one to one by content, with the items added and removed."""
    from ..extract import normalised_text

    old_texts = [normalised_text(full_text(e)) for e in old.elements]
    new_texts = [normalised_text(full_text(e)) for e in new.elements]
    paired = assign(old_texts, new_texts, SAME_ITEM)
    found = [ElementChange(old.elements[i], new.elements[j]) for i, j, _ in paired]
    for element in found:
        if element.old.text != element.new.text:
            element.redline = redline(element.old.text, element.new.text)
    paired_old = {i for i, _, _ in paired}
    paired_new = {j for _, j, _ in paired}
    found += [ElementChange(e, None) for i, e in enumerate(old.elements) if i not in paired_old]
    found += [ElementChange(None, e) for j, e in enumerate(new.elements) if j not in paired_new]
    return found


def _same_items(old: Krav, new: Krav, elements: list[ElementChange]) -> list[tuple[Krav, Krav]]:
    return [(old, new), *((e.old, e.new) for e in elements if e.old is not None and e.new is not None)]


def figure_changes(old: list[Parameter], new: list[Parameter]) -> list[FigureChange]:
    """Figures paired by kind in text order (time limits with time limits, shares with shares);
    a pair that differs in value, unit or bound is a change, an unpaired figure was added or
    removed."""
    changes: list[FigureChange] = []
    for family in {_family(p) for p in [*old, *new]}:
        olds = [p for p in old if _family(p) == family]
        news = [p for p in new if _family(p) == family]
        for a, b in zip(olds, news):
            if (a.value, a.unit, a.comparator) != (b.value, b.unit, b.comparator):
                changes.append(FigureChange(a, b, _figure_direction(a, b)))
        changes += [FigureChange(a, None) for a in olds[len(news) :]]
        changes += [FigureChange(None, b) for b in news[len(olds) :]]
    return changes


def _family(parameter: Parameter) -> str:
    return "time" if parameter.unit in _HOURS else str(parameter.unit)


def _figure_direction(old: Parameter, new: Parameter) -> Direction | None:
    """Stricter when the new figure asks more: a shorter time limit or earlier deadline under an
    upper bound, a higher share or count under a lower bound."""
    if old.comparator != new.comparator or old.comparator is Comparator.EQUAL:
        return None
    try:
        a, b = _magnitude(old), _magnitude(new)
    except (TypeError, ValueError):
        return None
    if a == b or (isinstance(a, str) and len(a) != len(b)):  # a yearly "--MM-DD" and a "YYYY-MM-DD" have no order
        return None
    upper = old.comparator in (Comparator.AT_MOST, Comparator.LESS)
    return Direction.STRICTER if (b < a) == upper else Direction.LOOSER


def _magnitude(parameter: Parameter) -> float | str:
    """A comparable size: hours for time limits, ISO text for dates."""
    if parameter.unit is Unit.DATE:
        return str(parameter.value)
    return float(parameter.value) * _HOURS.get(parameter.unit, 1)


def _modality_direction(old: Modality, new: Modality) -> Direction | None:
    if _STRENGTH[old] == _STRENGTH[new]:
        return None  # ska → ska inte: the duty turned around; the text change says it
    return Direction.STRICTER if _STRENGTH[new] > _STRENGTH[old] else Direction.LOOSER


def _same_heading(old: Krav, new: Krav) -> bool:
    return bool(old.section_title and new.section_title) and editorial_form(old.section_title) == editorial_form(
        new.section_title
    )


def _regrouped(group: Regrouping, kind: ChangeKind) -> Change:
    """A split or merge; its wording changed (`text`) unless the words stayed and were only regrouped."""
    from ..extract import normalised_text

    def words(krav: list[Krav]) -> set[str]:
        return {w for k in krav for w in normalised_text(full_text(k)).split()} - _CONNECTIVES

    kinds = [kind, ChangeKind.TEXT] if words(group.old) != words(group.new) else [kind]
    old_text = " ".join(k.text for k in group.old)
    new_text = " ".join(k.text for k in group.new)
    return Change(kinds, group.old, group.new, redline(old_text, new_text))
