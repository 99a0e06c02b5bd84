"""`kravcheck catalog validate`: schema errors with line numbers, duplicate IDs, unknown topics."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .catalogue import read_yaml
from .topics import topic_ids


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str  # e.g. krav[3].modality
    message: str  # Swedish

    def __str__(self) -> str:
        where = f"rad {self.line}" if self.line else "–"
        return f"{where}: {self.path}: {self.message}"


@functools.cache
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("kravcheck").joinpath("data/catalogue.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def validate_catalogue(path: Path) -> list[Problem]:
    data = read_yaml(path)
    problems = [
        Problem(_line_of(data, list(error.absolute_path)), _dotted(error.absolute_path), _swedish(error))
        for error in sorted(_validator().iter_errors(_plain(data)), key=lambda e: list(map(str, e.absolute_path)))
    ]
    problems += _duplicate_ids(data)
    problems += _unknown_topics(data)
    return sorted(problems, key=lambda p: (p.line or 0, p.path))


def _plain(node):
    """ruamel's round-trip containers as plain dicts and lists, for jsonschema."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _line_of(data, path: list) -> int | None:
    """1-based line of the node at `path`, or of the nearest ancestor ruamel knows a line for."""
    node, line = data, None
    for key in path:
        try:
            if isinstance(node, dict):
                line = node.lc.key(key)[0] + 1
            else:
                line = node.lc.item(key)[0] + 1
            node = node[key]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return line


def _dotted(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(roten)"


def _swedish(error) -> str:
    if error.validator == "required":
        return f"fält saknas: {error.message.split(' is a required')[0]}"
    if error.validator == "enum":
        return f"ogiltigt värde {error.instance!r}; tillåtna: {', '.join(map(str, error.validator_value))}"
    if error.validator == "additionalProperties":
        return f"okänt fält: {error.message}"
    if error.validator == "type":
        return f"fel typ: {error.instance!r} ska vara {error.validator_value}"
    return error.message


def _duplicate_ids(data) -> list[Problem]:
    seen: dict[str, int | None] = {}
    problems = []
    for path, entry in _entries(data):
        identifier = str(entry.get("id"))
        line = _line_of(data, path)
        if identifier in seen:
            problems.append(Problem(line, _dotted(path), f"dubblett-ID {identifier} (först på rad {seen[identifier]})"))
        else:
            seen[identifier] = line
    return problems


def _unknown_topics(data) -> list[Problem]:
    known = set(topic_ids())
    problems = []
    for path, entry in _entries(data):
        for position, topic in enumerate(entry.get("topics") or []):
            if topic not in known:
                problems.append(
                    Problem(_line_of(data, [*path, "topics", position]), _dotted([*path, "topics"]), f"okänt ämne {topic!r}")
                )
    return problems


def _entries(data):
    """(path, entry) for every krav and element."""
    def walk(entries, path):
        for index, entry in enumerate(entries or []):
            if isinstance(entry, dict):
                yield [*path, index], entry
                yield from walk(entry.get("elements"), [*path, index, "elements"])

    yield from walk(data.get("krav"), ["krav"])
