"""`kravcheck.toml`: which lint rules run, at what level, with which options.

    [lint]
    disable = ["readability"]          # these rules do not run
    enable = ["placeholder", ...]      # only these rules run (optional)

    [lint.rules.long-sentence]
    level = "info"                     # off, info, warning or error
    max_words = 35                     # a number replaces the built-in value

    [lint.rules.undefined-abbreviation]
    known = ["KVÅ", "SANKS"]           # a list adds to the built-in one

The file is read from the working directory, or from the path given with --config. Anything it
does not understand is an input error: a misspelt rule id silently ignored would leave a rule on
that the user believes is off.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .finding import Level
from .rules import rule_specs

CONFIG_NAME = "kravcheck.toml"
_OFF = "off"


@dataclass(frozen=True)
class LintConfig:
    levels: dict[str, Level]  # the rules that run, with their level
    options: dict[str, dict]  # every rule's options, the built-in ones merged with the file's
    source: Path | None = None


def default_config() -> LintConfig:
    specs = rule_specs()
    return LintConfig({rule: spec.level for rule, spec in specs.items()}, {rule: dict(spec.options) for rule, spec in specs.items()})


def load_config(path: Path | None, cwd: Path) -> LintConfig:
    """The configuration from `path`, else from kravcheck.toml in `cwd` when there is one."""
    if path is None:
        candidate = cwd / CONFIG_NAME
        if not candidate.is_file():
            return default_config()
        path = candidate
    if not path.is_file():
        raise InputError(f"konfigurationsfilen finns inte: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: ogiltig TOML: {exc}") from None
    return _configured(data.get("lint", {}), path)


def _configured(table: dict, path: Path) -> LintConfig:
    config = default_config()
    levels, options = dict(config.levels), config.options
    enabled = _rule_list(table, "enable", path)
    if enabled is not None:
        levels = {rule: level for rule, level in levels.items() if rule in enabled}
    for rule in _rule_list(table, "disable", path) or []:
        levels.pop(rule, None)
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise InputError(f"{path}: [lint.rules] ska vara en tabell per regel")
    for rule, settings in rules.items():
        _known_rule(rule, path)
        if not isinstance(settings, dict):
            raise InputError(f"{path}: [lint.rules.{rule}] ska vara en tabell")
        for key, value in settings.items():
            if key == "level":
                _set_level(levels, rule, value, path)
            else:
                options[rule][key] = _option(rule, key, value, options[rule], path)
    return LintConfig(levels, options, path)


def _rule_list(table: dict, key: str, path: Path) -> set[str] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(rule, str) for rule in value):
        raise InputError(f"{path}: lint.{key} ska vara en lista med regel-id")
    for rule in value:
        _known_rule(rule, path)
    return set(value)


def _known_rule(rule: str, path: Path) -> None:
    if rule not in rule_specs():
        raise InputError(f"{path}: okänd regel {rule} (kända regler: {', '.join(rule_specs())})")


def _set_level(levels: dict[str, Level], rule: str, value: object, path: Path) -> None:
    allowed = [_OFF, *(str(level) for level in Level)]
    if value not in allowed:
        raise InputError(f"{path}: level för {rule} ska vara en av {', '.join(allowed)}")
    if value == _OFF:
        levels.pop(rule, None)
    else:
        levels[rule] = Level(value)


def _option(rule: str, key: str, value: object, current: dict, path: Path) -> object:
    """A list adds to the built-in list; a number replaces the built-in number."""
    if key not in current:
        known = ", ".join(["level", *current]) or "level"
        raise InputError(f"{path}: okänd inställning {key} för {rule} (kända: {known})")
    builtin = current[key]
    if isinstance(builtin, list):
        if not isinstance(value, list):
            raise InputError(f"{path}: {rule}.{key} ska vara en lista")
        return [*builtin, *(item for item in value if item not in builtin)]
    if isinstance(builtin, int) and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
        raise InputError(f"{path}: {rule}.{key} ska vara ett positivt heltal")
    return value
