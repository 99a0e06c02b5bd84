"""The figures in a krav sentence, normalised: what a provider's document is checked against.

Four kinds, each one precompiled pattern; where two overlap the earlier kind in `_KINDS` wins:

- Deadlines: a date after a deadline word ("senast den 25 februari", "fr.o.m. 1 januari 2026").
  A bare year or month is a period: a lower bound takes its first day and an upper bound its last,
  so "vid utgången av 2022" is <= 2022-12-31 and "från och med 2022" is >= 2022-01-01. A date with
  no deadline word ("den 1 juli 2022 infördes") is history, not a krav, and is skipped.
- Durations: a number and a time unit ("inom tre dagar"; "fyra veckor" alone is ==); "samma dag" is
  0 days. There is no minute unit, so minutes become hours ("högst 30 minuter" -> 0.5 hour); "dygn"
  is a day, "kvartal" and "halvår" are months, working days ("arbetsdagar") count as days. Ages are
  not durations ("barn under 18 år", "75 år eller äldre"), nor are frequencies ("årligen", "varje
  år", "per år" carry no number); "under tre månader" reads as "during", so "under" bounds no duration.
- Percentages: a number before "%" or "procent", == without a bound word.
- Counts: a number after a bound word ("minst en läkare"); without one a number is a mention, not a
  krav. `what` is what is counted: up to three words after the number, ending at punctuation or a
  function word ("minst en läkare med specialistkompetens" -> "läkare"; "högst 2 000 listade per
  läkare" -> "listade per läkare").

Never parameters: years, section numbers ("2.1.11"), law references ("(2017:30)"), phone numbers,
"1177", money ("8 711,6 mnkr") and ranges ("16-68 år", "tre-fyra veckor"), whose ends are ambiguous.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from .krav import Comparator, Parameter, Unit

NUMBER_WORDS: dict[str, int] = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50,
    "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100, "tusen": 1000,
}  # fmt: skip

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip

# Every form of a time unit, with the unit it is given in and the factor to get there.
TIME_UNITS: dict[str, tuple[Unit, float]] = {
    **dict.fromkeys(("minut", "minuter", "minuters"), (Unit.HOUR, 1 / 60)),
    **dict.fromkeys(("timme", "timmar", "timmars", "timmes"), (Unit.HOUR, 1)),
    **dict.fromkeys(("dag", "dagar", "dagars", "dygn", "dygns"), (Unit.DAY, 1)),
    **dict.fromkeys(("arbetsdag", "arbetsdagar", "arbetsdagars", "vardag", "vardagar", "vardagars"), (Unit.DAY, 1)),
    **dict.fromkeys(("vecka", "veckor", "veckors", "veckas"), (Unit.WEEK, 1)),
    **dict.fromkeys(("månad", "månader", "månaders", "månads"), (Unit.MONTH, 1)),
    **dict.fromkeys(("kvartal", "kvartals"), (Unit.MONTH, 3)),
    **dict.fromkeys(("halvår", "halvårs"), (Unit.MONTH, 6)),
    **dict.fromkeys(("år", "års"), (Unit.YEAR, 1)),
}

# Words after a number that make it an amount of money, which is no parameter.
MONEY_WORDS = frozenset({"kr", "kronor", "krona", "mnkr", "mkr", "tkr", "miljoner", "miljarder", "sek", "euro"})

# Bound words, by the kinds of figure they bound. "X än" comparatives may carry one word between
# ("en lägre måluppfyllelse än 85 procent"), so they are matched apart and looked up by X.
_BOUNDS: dict[str, Comparator] = {
    **dict.fromkeys(("minst", "minimum", "åtminstone"), Comparator.AT_LEAST),
    **dict.fromkeys(("högst", "max", "max.", "maximalt", "maximum", "upp till"), Comparator.AT_MOST),
}
_DURATION_BOUNDS = {
    **_BOUNDS,
    **dict.fromkeys(("inom", "senast inom", "senast"), Comparator.AT_MOST),
    "över": Comparator.MORE,
}
_PERCENT_BOUNDS = {**_BOUNDS, "över": Comparator.MORE, "under": Comparator.LESS}
_COMPARATIVES: dict[str, Comparator] = {
    **dict.fromkeys(("mer", "fler", "högre", "längre"), Comparator.MORE),
    **dict.fromkeys(("mindre", "färre", "lägre", "kortare"), Comparator.LESS),
}
_DEADLINE_WORDS: dict[str, Comparator] = {
    **dict.fromkeys(("senast", "vid utgången av", "senast vid utgången av"), Comparator.AT_MOST),
    **dict.fromkeys(("till och med", "t.o.m."), Comparator.AT_MOST),
    **dict.fromkeys(("från och med", "fr.o.m.", "från den"), Comparator.AT_LEAST),
    **dict.fromkeys(("före", "innan"), Comparator.LESS),
    "efter": Comparator.MORE,
}

# Words that end what a count counts: prepositions, conjunctions, verbs, pronouns.
_STOP_WORDS = frozenset(
    """i på med av för till från vid inom under efter om mot hos utan genom enligt via inför före innan
    bland mellan än och eller samt som men att när då så där ska skall bör måste kan får är var har ha
    vara finnas finns bli blir den det de denna detta dessa sin sitt sina hen han hon""".split()
)
_WHAT_WORDS = 3


def _alternation(phrases: Iterable[str]) -> str:
    """A regex matching any phrase, longest first; spaces match any white space, dots may have some."""
    return "|".join(
        r"\s+".join(re.escape(word).replace(r"\.", r"\.\s*") for word in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    )


def _bound(words: dict[str, Comparator]) -> str:
    """A bound word of `words` or an "X [word] än" comparative, as a whole word."""
    comparative = rf"(?:{_alternation(_COMPARATIVES)})(?:\s+[^\W\d_]+)?\s+än"
    return rf"(?<![\w.])(?:{comparative}|{_alternation(words)})"


_YEAR = r"(?:19|20)\d{2}"
# A number standing alone: not part of "2.1.11", "(2017:30)", "2025/2026", "1177-tjänster" or a range.
_DIGITS = r"(?<![\w.,:/§–-])(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)?(?![\w:/§–-]|[.,]\d)"
_NUMBER = rf"(?:{_DIGITS}|(?<![\w-])(?:{_alternation(NUMBER_WORDS)})(?![\w-]))"
_DATE = (
    rf"(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?:(?P<day>[12]\d|3[01]|0?[1-9])(?::[ae])?\s+)?(?P<month>{_alternation(MONTHS)})(?:\s+(?P<year>{_YEAR}))?"
    rf"|(?P<only_year>{_YEAR})"
)

_DEADLINE = re.compile(
    rf"(?<![\w.])(?P<bound>{_alternation(_DEADLINE_WORDS)})\s+(?:den\s+)?(?:{_DATE})(?![\w/:–-]|\s+års(?!\w))",
    re.IGNORECASE,
)
# Days said in words: "samma dag" is within 0 days, "nästa vardag" and "dagen efter" within 1;
# but what "kan vänta till nästa vardag" is a condition, not a deadline.
_SAME_DAY = re.compile(r"(?<!\w)samma\s+(?:dag|dygn)(?!\w)", re.IGNORECASE)
_NEXT_DAY = re.compile(
    r"(?<!\w)(?:(?:nästa|följande|nästkommande)\s+(?:var|arbets)?dag|dagen\s+efter)(?!\w)", re.IGNORECASE
)
_WAIT_UNTIL = re.compile(r"(?<!\w)vänta\s+(?:till|tills)\s+$", re.IGNORECASE)
_DURATION = re.compile(
    rf"(?:(?P<bound>{_bound(_DURATION_BOUNDS)})\s*)?(?P<number>{_NUMBER})\s+(?P<unit>{_alternation(TIME_UNITS)})(?!\w)",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?:(?P<bound>{_bound(_PERCENT_BOUNDS)})\s*)?(?P<number>{_NUMBER})\s*(?:%|procent(?!\w))", re.IGNORECASE
)
_COUNT = re.compile(rf"(?P<bound>{_bound(_BOUNDS)})\s*(?P<number>{_NUMBER})", re.IGNORECASE)
_COUNTED_WORD = re.compile(r"\s+([^\W\d_]+(?:-[^\W\d_]+)*)")
_THOUSANDS_SPACE = re.compile(r"[ \u00a0]")
_DOT_SPACE = re.compile(r"\.\s+")  # "t. o. m." is "t.o.m."

# A year figure is an age when an age word or sign stands before it or "eller äldre" after it.
_AGE_BEFORE = re.compile(r"(?<!\w)(?:under|över|fyllda?|fyllt|åldern?|[≥≤<>])\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s+(?:(?:och|eller)\s+(?:äldre|yngre)|gaml|ålder)", re.IGNORECASE)


class Located(NamedTuple):
    """A figure and where it stands in the text it was read from."""

    start: int
    end: int
    parameter: Parameter


def find_parameters(text: str) -> list[Parameter]:
    """The figures in `text`, in text order; of two overlapping readings the earlier kind wins."""
    return [found.parameter for found in locate_parameters(text)]


def locate_parameters(text: str) -> list[Located]:
    """`find_parameters`, with where each figure stands."""
    candidates = sorted(
        ((found.start, rank, found) for rank, kind in enumerate(_KINDS) for found in kind(text)),
        key=lambda candidate: candidate[:2],
    )
    located: list[Located] = []
    reached = 0
    for start, _rank, found in candidates:
        if start >= reached:
            located.append(found)
            reached = found.end
    return located


def _deadlines(text: str) -> Iterator[Located]:
    for match in _DEADLINE.finditer(text):
        comparator = _comparator(_DEADLINE_WORDS, match["bound"])
        first_day = comparator in (Comparator.AT_LEAST, Comparator.LESS)
        yield Located(match.start(), match.end(), Parameter(_date(match, first_day), Unit.DATE, comparator, match[0]))


def _date(match: re.Match[str], first_day: bool) -> str:
    """The date as "YYYY-MM-DD", or "--MM-DD" when it recurs yearly; a year or month gives its first or last day."""
    if match["iso"]:
        return match["iso"]
    year = match["year"] or match["only_year"]
    month = MONTHS[match["month"].lower()] if match["month"] else (1 if first_day else 12)
    if match["day"]:
        day = int(match["day"])
    else:  # February of no given year ends on the 28th
        day = 1 if first_day else calendar.monthrange(int(year or 2001), month)[1]
    return f"{year or '-'}-{month:02d}-{day:02d}"


def _days_in_words(text: str) -> Iterator[Located]:
    for days, pattern in ((0, _SAME_DAY), (1, _NEXT_DAY)):
        for match in pattern.finditer(text):
            if _WAIT_UNTIL.search(text, 0, match.start()):
                continue
            yield Located(match.start(), match.end(), Parameter(days, Unit.DAY, Comparator.AT_MOST, match[0]))


def _durations(text: str) -> Iterator[Located]:
    for match in _DURATION.finditer(text):
        unit, factor = TIME_UNITS[match["unit"].lower()]
        if unit is Unit.YEAR and _is_age(text, match.start("number"), match.end()):
            continue
        value = _tidy(_number(match["number"]) * factor)
        comparator = _comparator(_DURATION_BOUNDS, match["bound"])
        yield Located(match.start(), match.end(), Parameter(value, unit, comparator, match[0]))


def _is_age(text: str, number_start: int, end: int) -> bool:
    """Whether a figure in years is an age limit ("barn under 18 år", "75 år eller äldre"), not a duration."""
    return bool(_AGE_BEFORE.search(text, max(0, number_start - 10), number_start) or _AGE_AFTER.match(text, end))


def _percentages(text: str) -> Iterator[Located]:
    for match in _PERCENT.finditer(text):
        comparator = _comparator(_PERCENT_BOUNDS, match["bound"])
        parameter = Parameter(_number(match["number"]), Unit.PERCENT, comparator, match[0])
        yield Located(match.start(), match.end(), parameter)


def _counts(text: str) -> Iterator[Located]:
    for match in _COUNT.finditer(text):
        what, end = _counted(text, match.end())
        if what and what.split()[0].lower() not in MONEY_WORDS:
            comparator = _comparator(_BOUNDS, match["bound"])
            parameter = Parameter(_number(match["number"]), Unit.COUNT, comparator, text[match.start() : end], what)
            yield Located(match.start(), end, parameter)


def _counted(text: str, position: int) -> tuple[str, int]:
    """What a count counts and where it ends: up to three words, ending before a function word."""
    words: list[re.Match[str]] = []
    while len(words) < _WHAT_WORDS and (word := _COUNTED_WORD.match(text, words[-1].end() if words else position)):
        lower = word[1].lower()
        if lower in _STOP_WORDS or (lower == "per" and not words):
            break
        words.append(word)
    while words and words[-1][1].lower() == "per":  # "högst 2 000 listade per" counts "listade"
        words.pop()
    return " ".join(word[1] for word in words), words[-1].end() if words else position


def _comparator(words: dict[str, Comparator], bound: str | None) -> Comparator:
    """The comparator of a matched bound word; no bound word means the figure is exact."""
    if bound is None:
        return Comparator.EQUAL
    key = " ".join(_DOT_SPACE.sub(".", bound.lower()).split())
    return _COMPARATIVES[key.split()[0]] if key.endswith(" än") else words[key]


def _number(token: str) -> int | float:
    """3 from "tre" or "3", 2000 from "2 000", 2.7 from "2,7"."""
    lower = token.lower()
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    return _tidy(float(_THOUSANDS_SPACE.sub("", lower).replace(",", ".")))


def _tidy(value: float) -> int | float:
    """Whole numbers as int (a catalogue says 3, not 3.0); fractions such as 20 minutes to four places."""
    return int(value) if float(value).is_integer() else round(value, 4)


_KINDS: tuple[Callable[[str], Iterator[Located]], ...] = (_deadlines, _days_in_words, _durations, _percentages, _counts)
