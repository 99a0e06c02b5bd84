"""The lint rules as data (data/lint_rules.yaml): id, default level, audience, Swedish description,
an example that hits and one that does not, and the rule's options."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from .finding import Level


@dataclass(frozen=True)
class RuleSpec:
    id: str
    level: Level
    audience: str  # "bestallning" (drafting staff) or "provider"
    description: str
    hit: str  # a small document the rule must find something in
    ok: str  # and one it must not
    options: dict = field(default_factory=dict)


@functools.cache
def rule_specs() -> dict[str, RuleSpec]:
    """Every rule, by id, in the order of the data file."""
    source = resources.files("kravcheck").joinpath("data/lint_rules.yaml").read_text(encoding="utf-8")
    entries = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        entry["id"]: RuleSpec(
            id=entry["id"],
            level=Level(entry["level"]),
            audience=entry["audience"],
            description=entry["description"],
            hit=entry["hit"],
            ok=entry["ok"],
            options=entry.get("options", {}),
        )
        for entry in entries
    }
