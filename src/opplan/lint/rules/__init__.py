"""The registry of lint rules, by ID."""

from __future__ import annotations

from opplan.errors import UsageError
from opplan.lint.rule import Rule, unknown_rule
from opplan.lint.rules import (
    ask_dates,
    asks_count,
    assumptions_count,
    body_links,
    checkin_at_risk,
    checkin_coverage,
    checkin_optimistic,
    checkin_plan,
    duplicate_ids,
    goal_smart,
    narrative_bullets,
    op2_follows_op1,
    page_budget,
    partner_prereview,
    partner_surprise,
    prfaq_customer,
    prfaq_press_release,
    reading_time,
    required_sections,
    risk_mitigation,
    risks_count,
    schema,
    shared_goal_consistency,
    tracks_consistency,
    unresolved_marker,
    unused_suppression,
    weasel_words,
)

RULES: dict[str, Rule] = {
    rule.ID: rule
    for rule in (
        schema,
        required_sections,
        assumptions_count,
        asks_count,
        risks_count,
        risk_mitigation,
        goal_smart,
        tracks_consistency,
        partner_prereview,
        ask_dates,
        page_budget,
        reading_time,
        unresolved_marker,
        narrative_bullets,
        weasel_words,
        body_links,
        prfaq_customer,
        prfaq_press_release,
        partner_surprise,
        shared_goal_consistency,
        op2_follows_op1,
        duplicate_ids,
        checkin_plan,
        checkin_coverage,
        checkin_at_risk,
        checkin_optimistic,
        unused_suppression,
    )
}


def get(rule_id: str) -> Rule:
    """The rule with this ID, or a UsageError that names the nearest one."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise UsageError(unknown_rule(rule_id, RULES)) from None
