"""Section numbering: gaps, duplicates and sections out of order.

Gaps and duplicates are read from the set of heading numbers, so they hold whatever order the
reader gives. Order is checked only where the reading order is the author's: a text file whose
blocks the reader had to move (their source lines do not increase) was extracted from a PDF
with columns, and there the headings stand where the extraction put them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import DocumentKind
from .context import LintContext
from .finding import Hit


def section_numbering(ctx: LintContext) -> Iterator[Hit]:
    headings = [(i, b.number) for i, b in enumerate(ctx.doc.blocks) if b.number]
    yield from _duplicates(ctx, headings)
    yield from _gaps(ctx, headings)
    if _order_is_authors(ctx):
        yield from _out_of_order(ctx, headings)


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("-")[0].split("."))


def _numbers(number: str) -> list[tuple[int, ...]]:
    """A heading's numbers: a range "2.5.3-2.5.5" stands for 2.5.3, 2.5.4 and 2.5.5."""
    first = _key(number)
    if "-" not in number:
        return [first]
    last = _key(number.split("-", 1)[1])
    if first[:-1] != last[:-1]:
        return [first]
    return [(*first[:-1], n) for n in range(first[-1], last[-1] + 1)]


def _hit(ctx: LintContext, index: int, number: str, message: str) -> Hit:
    text = ctx.doc.blocks[index].text
    start = max(text.find(number.split("-")[0]), 0)
    return Hit("section-numbering", index, start, start + len(number), message)


def _duplicates(ctx: LintContext, headings: list[tuple[int, str]]) -> Iterator[Hit]:
    seen: set[str] = set()
    for index, number in headings:
        if number in seen:
            yield _hit(ctx, index, number, f"avsnitt {number} finns redan; numret används två gånger")
        seen.add(number)


def _gaps(ctx: LintContext, headings: list[tuple[int, str]]) -> Iterator[Hit]:
    children: dict[tuple[int, ...], dict[int, int]] = {}
    for index, number in headings:
        for key in _numbers(number):
            children.setdefault(key[:-1], {}).setdefault(key[-1], index)
    for parent, kids in children.items():
        previous = 0
        for number in sorted(kids):
            if number > previous + 1:
                yield _hit(ctx, kids[number], _name(parent, number), _gap_message(parent, previous, number))
            previous = number


def _name(parent: tuple[int, ...], number: int) -> str:
    return ".".join(str(part) for part in (*parent, number))


def _gap_message(parent: tuple[int, ...], previous: int, number: int) -> str:
    missing = _name(parent, previous + 1)
    if number - previous > 2:
        missing += f"–{_name(parent, number - 1)}"
    after = f"från {_name(parent, previous)} " if previous else ""
    return f"avsnitt {missing} saknas: numreringen hoppar {after}till {_name(parent, number)}"


def _order_is_authors(ctx: LintContext) -> bool:
    if ctx.doc.kind is not DocumentKind.TEXT:
        return True
    lines = [b.line for b in ctx.doc.blocks if b.line is not None]
    return all(a <= b for a, b in zip(lines, lines[1:]))


def _out_of_order(ctx: LintContext, headings: list[tuple[int, str]]) -> Iterator[Hit]:
    for (_, before), (index, number) in zip(headings, headings[1:]):
        if _key(number) < _key(before):
            yield _hit(ctx, index, number, f"avsnitt {number} står efter {before}: avsnitten är i fel ordning")


CHECKS = {"section-numbering": section_numbering}
