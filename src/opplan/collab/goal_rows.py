"""A year of check-ins as rows of goals: a goal shared by teams once, worrying goals first.

A goal shared by two teams is one row when each names the other in the goal's
`teams` (one naming the other is enough) and the two have the same id, the same
statement or the same metric (compared case-blind, as `shared-goal-consistency`
compares metrics). Goals off track or at risk at their latest check-in come
first (off track before at risk, then lowest score), then the rest as they came.
"""

from __future__ import annotations

from typing import NamedTuple

from opplan.schemas.checkin import FURTHEST_BEHIND
from opplan.schemas.common import Measure
from opplan.schemas.op1 import Goal
from opplan.scoring import Score
from opplan.workspace.plans import team_key

PERIODS = ("Q1", "Q2", "Q3", "Q4", "final")
RANK = {confidence: place for place, confidence in enumerate(FURTHEST_BEHIND)}
WORRYING = ("off-track", "at-risk")


class Entry(NamedTuple):
    """One team's check-in of a goal in one period."""

    period: str
    team: str
    id: str
    score: Score
    confidence: str
    value: Measure | None


class GoalRow(NamedTuple):
    statement: str
    sides: tuple[tuple[str, str], ...]  # (team, id), a shared goal has several
    entries: tuple[Entry, ...]  # in period order, then team order

    def latest(self) -> Entry | None:
        """The worst entry of the latest period checked in."""
        if not self.entries:
            return None
        last = max(PERIODS.index(entry.period) for entry in self.entries)
        return min(
            (entry for entry in self.entries if PERIODS.index(entry.period) == last),
            key=lambda entry: (RANK[entry.confidence], entry.score.value),
        )

    def worrying(self) -> bool:
        latest = self.latest()
        return latest is not None and latest.confidence in WORRYING


class TeamGoal(NamedTuple):
    """One team's goal, as its check-ins report it."""

    team: str
    order: tuple[int, int]  # team, then place in the plan (or first mention)
    goal: Goal | None
    id: str
    entries: list[Entry]


def _shared(first: TeamGoal, second: TeamGoal) -> bool:
    """Whether two teams' goals are one shared goal."""
    if first.goal is None or second.goal is None or team_key(first.team) == team_key(second.team):
        return False
    a, b = first.goal, second.goal
    named = team_key(second.team) in {team_key(t.team) for t in a.teams} or team_key(
        first.team
    ) in {team_key(t.team) for t in b.teams}
    same = (
        a.id == b.id
        or _text(a.statement) == _text(b.statement)
        or (a.metric is not None and _text(a.metric) == _text(b.metric))
    )
    return named and same


def _text(value: object) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""


def merged(goals: list[TeamGoal]) -> list[GoalRow]:
    """One row per goal, a shared goal's teams together (in team order)."""
    goals.sort(key=lambda goal: goal.order)
    groups: list[list[TeamGoal]] = []
    for goal in goals:
        home = next((g for g in groups if any(_shared(goal, other) for other in g)), None)
        if home is None:
            groups.append([goal])
        else:
            home.append(goal)
    rows = []
    for group in groups:
        first = group[0]
        statement = first.goal.statement if first.goal else f"{first.id} (not in the plan)"
        entries = sorted(
            (entry for goal in group for entry in goal.entries),
            key=lambda e: PERIODS.index(e.period),
        )
        rows.append(GoalRow(statement, tuple((g.team, g.id) for g in group), tuple(entries)))
    return rows


def ordered(rows: list[GoalRow]) -> tuple[GoalRow, ...]:
    """Off-track, then at-risk goals (lowest score first), then the rest as they came."""

    def key(item: tuple[int, GoalRow]) -> tuple[int, int, float, int]:
        place, row = item
        latest = row.latest()
        if latest is None or not row.worrying():
            return (1, 0, 0.0, place)
        return (0, RANK[latest.confidence], latest.score.value, place)

    return tuple(row for _, row in sorted(enumerate(rows), key=key))
