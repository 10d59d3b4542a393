"""A goal shared by several teams appears, with the same metric and target, in each team's plan.

A goal whose `teams` names other teams is a cross-functional goal: each of
those teams must carry it in its own plan for the same cycle, measured the same
way (the same `metric`, compared case-blind) and with the same `target`. The
goal is reported at its line when a sharing team's plan has no goal with that
metric, or has it with another target. An OP1 is compared with the partner's
OP1 and an OP2 with its OP2 (or with the other kind when that is all it has).

A sharing team whose plan is not among the linted documents is not checked;
set `missing_plan = "report"` to report it.

Passing (both plans carry the goal):

    # payments/op1.md                       # checkout/op1.md
    goals:                                  goals:
      - id: G-2                               - id: C-4
        metric: Failed payment attempts         metric: Failed payment attempts
        target: "0.4%"                          target: "0.4%"
        teams: [{team: Payments Platform},      teams: [{team: Payments Platform},
                {team: Checkout}]                       {team: Checkout}]

Failing: Checkout's goal has `target: "0.5%"`, or no goal with that metric.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.problem import Finding, Level
from opplan.schemas.op1 import Goal
from opplan.workspace.plans import by_cycle_and_team, partner_plans, plans, team_key

ID = "shared-goal-consistency"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
READS: tuple[str, ...] = ()
DEFAULT: dict[str, Any] = {"missing_plan": "ignore"}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    groups = by_cycle_and_team(docs)
    report_missing = options.get("missing_plan") == "report"
    for doc, model in plans(docs):
        for index, goal in enumerate(model.goals):
            others = {team_key(shared.team): shared.team for shared in goal.teams}
            others.pop(team_key(model.team), None)
            for team in others.values():
                partners = partner_plans(groups, model.cycle, team, doc.kind)
                if partners:
                    where = f"the plan of {team} ({partners[0][0].path})"
                    problem = _compare(goal, [g for _, plan in partners for g in plan.goals])
                    message = (
                        problem and f"goal {goal.id} is shared with {team}, but {where} {problem}"
                    )
                elif report_missing:
                    message = (
                        f"goal {goal.id} is shared with {team}, whose plan for {model.cycle} "
                        "is not among the linted documents; lint them together"
                    )
                else:
                    message = None
                if message:
                    yield doc, Finding(doc.line_of("goals", index), 1, message)


def _compare(goal: Goal, theirs: list[Goal]) -> str | None:
    """What is wrong with the partner's copy of the goal, or None when it matches."""
    if goal.metric is None:
        return None  # a goal without a metric is not SMART: another rule's business
    same_metric = [other for other in theirs if _text(other.metric) == _text(goal.metric)]
    if not same_metric:
        return (
            f"has no goal with the metric {goal.metric!r}; "
            "add the goal to both plans with the same metric and target"
        )
    if any(_text(other.target) == _text(goal.target) for other in same_metric):
        return None
    targets = ", ".join(str(other.target) for other in same_metric)
    return f"sets the target {targets}, not {goal.target}; agree one target for both plans"


def _text(value: object) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""
