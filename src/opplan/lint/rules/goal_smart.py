"""Every goal is SMART: a metric, a baseline, a target, a due date and an owner.

A goal shared by several teams (`teams`) names an owner for each team, so
that both sides answer for it.

Options: `require` (the keys every goal needs: metric, baseline, target, due,
owners).

Passing:

    goals:
      - id: G-1
        tier: company
        statement: Raise the card authorization rate from 92.6% to 94.0%.
        metric: Approved authorizations as a share of attempts
        baseline: "92.6%"
        target: "94.0%"
        due: 2027-12-31
        owners: [Sam Patel]

Failing (no baseline, and a shared goal with no owner in Checkout):

    goals:
      - id: G-2
        tier: business
        statement: Cut payment failures.
        metric: Failed attempts as a share of attempts
        target: "0.4%"
        due: 2027-09-30
        owners: [Sam Patel]
        teams:
          - {team: Payments Platform, owner: Sam Patel}
          - {team: Checkout}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "goal-smart"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"require": ["metric", "baseline", "target", "due", "owners"]}
NEEDS_MODEL = True

_NAMES = {"due": "due date", "owners": "owner"}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for index, goal in enumerate(getattr(doc.model, "goals", ())):
        missing = [
            _NAMES.get(key, key) for key in options["require"] if _empty(getattr(goal, key, None))
        ]
        if missing:
            line, column = doc.position_of("goals", index)
            yield Finding(line, column, f"goal {goal.id} has no {_join(missing)}")
        for position, shared in enumerate(goal.teams):
            if not (shared.owner or "").strip():
                line, column = doc.position_of("goals", index, "teams", position)
                yield Finding(
                    line,
                    column,
                    f"goal {goal.id} is shared with {shared.team} but names no owner there; "
                    "add 'owner'",
                )


def _empty(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list) and not value)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
