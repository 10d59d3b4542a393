"""Check `[lint.rules.*]` and `[lint.kinds.*.rules.*]` against the rules, once per run.

The configuration model accepts any rule table; here each rule ID must be a
known rule, set for a kind the rule checks, each option one of the rule's (its
`DEFAULT` keys), and each value of the type of the option's default. The first
mistake is a UsageError naming the file, the line and the nearest valid name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from opplan.config.errors import _HEADER, line_of
from opplan.config.model import Config, RuleConfig
from opplan.errors import UsageError
from opplan.fileio import read_regular
from opplan.lint.rule import unknown_rule
from opplan.lint.rules import RULES
from opplan.names import did_you_mean


def validate(config: Config) -> None:
    """Raise a UsageError for the first unknown rule, unknown option or bad value."""
    for loc, rule_id, setting in _tables(config):
        message = _problem(rule_id, setting, config, loc)
        if message:
            raise UsageError(_where(config.source, (*loc, *message[0])) + message[1])


def _tables(config: Config) -> Iterator[tuple[tuple[str, ...], str, RuleConfig]]:
    for rule_id, setting in config.lint.rules.items():
        yield ("lint", "rules", rule_id), rule_id, setting
    for kind, kind_settings in config.lint.kinds.items():
        for rule_id, setting in kind_settings.rules.items():
            yield ("lint", "kinds", kind, "rules", rule_id), rule_id, setting


def _problem(
    rule_id: str, setting: RuleConfig, config: Config, loc: tuple[str, ...]
) -> tuple[tuple[str, ...], str] | None:
    """The key to point at and the message, for the first mistake in one rule table."""
    rule = RULES.get(rule_id)
    if rule is None:
        return (), unknown_rule(rule_id, RULES)
    if loc[1] == "kinds" and rule.KINDS and loc[2] not in rule.KINDS:
        checked = " and ".join(rule.KINDS)
        return (), (
            f"rule {rule_id!r} checks {checked} documents only, so this table for {loc[2]} has "
            f"no effect; set it under [lint.rules.{rule_id}] or "
            f"[lint.kinds.{rule.KINDS[0]}.rules.{rule_id}]"
        )
    defaults: Mapping[str, Any] = rule.DEFAULT
    for key, value in setting.options.items():
        if key not in defaults:
            valid = f"; it has: {', '.join(['level', *defaults])}"
            more = did_you_mean(key, [*defaults, "level"], valid)
            return (key,), f"unknown option {key!r} for rule {rule_id!r}{more}"
        expected = _expected(defaults[key], value)
        if expected:
            return (key,), f"{rule_id}.{key}: expected {expected}, got {_show(value)}"
    validate_rule = getattr(rule, "validate", None)
    if callable(validate_rule):
        kind = loc[2] if loc[1] == "kinds" else ""
        message = validate_rule(config.lint.options(rule_id, kind, defaults))
        if message:
            return (), f"{rule_id}: {message}"
    return None


def _expected(default: object, value: object) -> str | None:
    """What the value should be, when it is not of its default's type."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "true or false"
    if isinstance(default, int | float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        return None if ok else "a number (0 or more)"
    if isinstance(default, str):
        return None if isinstance(value, str) else "text"
    if isinstance(default, list):
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        return None if ok else "a list of text"
    if isinstance(default, dict):
        ok = isinstance(value, dict) and all(
            isinstance(items, list) and all(isinstance(item, str) for item in items)
            for items in value.values()
        )
        return None if ok else "a table of lists of text"
    return None


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _where(source: Path | None, loc: tuple[str, ...]) -> str:
    if source is None:
        return ""
    try:
        text = read_regular(source).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return f"{source}: "
    prefix = ("tool", "opplan") if source.name == "pyproject.toml" else ()
    full = (*prefix, *loc)
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header and tuple(p.strip().strip("\"'") for p in header.group(1).split(".")) == full:
            return f"{source}:{number}: "  # the rule's own table
    return f"{source}:{line_of(text, full)}: "
