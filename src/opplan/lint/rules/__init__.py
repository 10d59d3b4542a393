"""The registry of lint rules, by ID."""

from __future__ import annotations

from opplan.errors import UsageError
from opplan.lint.rule import Rule
from opplan.lint.rules import (
    duplicate_ids,
    op2_follows_op1,
    partner_surprise,
    schema,
    shared_goal_consistency,
)
from opplan.schemas import nearest

RULES: dict[str, Rule] = {
    rule.ID: rule
    for rule in (
        schema,
        partner_surprise,
        shared_goal_consistency,
        op2_follows_op1,
        duplicate_ids,
    )
}


def get(rule_id: str) -> Rule:
    """The rule with this ID, or a UsageError that names the nearest one."""
    try:
        return RULES[rule_id]
    except KeyError:
        hint = nearest(rule_id, list(RULES))
        more = f"; did you mean {hint!r}?" if hint else "; 'opplan rules' lists them"
        raise UsageError(f"unknown rule {rule_id!r}{more}") from None
