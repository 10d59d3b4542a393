"""The registry of lint rules, by ID."""

from __future__ import annotations

from opplan.errors import UsageError
from opplan.lint.rule import Rule
from opplan.lint.rules import schema
from opplan.schemas import nearest

RULES: dict[str, Rule] = {rule.ID: rule for rule in (schema,)}


def get(rule_id: str) -> Rule:
    """The rule with this ID, or a UsageError that names the nearest one."""
    try:
        return RULES[rule_id]
    except KeyError:
        hint = nearest(rule_id, list(RULES))
        more = f"; did you mean {hint!r}?" if hint else "; 'opplan rules' lists them"
        raise UsageError(f"unknown rule {rule_id!r}{more}") from None
