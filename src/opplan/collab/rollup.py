"""Roll many team plans up into one view for the org's leader.

The figures are plain records; `rollup_document` turns them into an opplan
document of kind `rollup`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from opplan.collab.selection import Selection
from opplan.config.model import Page
from opplan.document import Document
from opplan.pages import estimate
from opplan.schemas.op1 import PlanFields
from opplan.workspace.plans import team_key

TIERS = ("company", "business", "team")
_ASK_ORDER = {"headcount": 0, "budget": 1, "decision": 2}


class TeamRow(NamedTuple):
    team: str
    path: str
    kind: str
    status: str
    pages: float
    headcount_same: float
    headcount_more: float
    asks: int
    headcount_asked: float
    budget_asked: float


class AskRow(NamedTuple):
    team: str
    kind: str
    amount: float | None
    what: str
    by: str


class RiskRow(NamedTuple):
    team: str
    risk: str
    likelihood: str
    impact: str
    owner: str
    mitigation: str


class GoalRow(NamedTuple):
    team: str
    id: str
    tier: str
    statement: str
    target: str
    due: str
    owners: str


class Matrix(NamedTuple):
    """Who depends on whom: rows are the teams rolled up, columns every team depended on."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    needs: dict[tuple[str, str], int]


class RollupData(NamedTuple):
    org: str
    cycle: int
    notes: tuple[str, ...]
    currency: str
    teams: tuple[TeamRow, ...]
    asks: tuple[AskRow, ...]
    risks: tuple[RiskRow, ...]
    goals: dict[str, tuple[GoalRow, ...]]
    matrix: Matrix

    def total(self, field: str) -> float:
        return float(sum(getattr(row, field) for row in self.teams))


def build(selection: Selection, org: str, page: Page, base: Path) -> RollupData:
    """The roll-up of the selected plans; paths are written relative to `base`."""
    chosen = selection.plans
    notes = list(selection.notes)
    currencies = Counter(model.currency for _, model in chosen)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    if len(currencies) > 1:
        notes.append(
            f"budgets are in {', '.join(sorted(currencies))}; the budget totals add them "
            f"as if all were {currency}"
        )
    return RollupData(
        org,
        selection.cycle,
        tuple(notes),
        currency,
        tuple(_team_row(doc, model, page, base) for doc, model in chosen),
        _asks(chosen),
        tuple(
            RiskRow(m.team, r.risk, r.likelihood, r.impact, r.owner or "", r.mitigation)
            for _, m in chosen
            for r in m.risks
        ),
        {tier: _goals(chosen, tier) for tier in TIERS},
        _matrix(chosen),
    )


def _team_row(doc: Document, model: PlanFields, page: Page, base: Path) -> TeamRow:
    tracks = getattr(model, "tracks", None)
    same = getattr(getattr(tracks, "same_resources", None), "headcount", 0)
    more = getattr(getattr(tracks, "more_investment", None), "headcount", 0)
    return TeamRow(
        model.team,
        relative(Path(doc.path), base),
        doc.kind,
        model.status,
        estimate(doc.body, page).narrative,
        same,
        more,
        len(model.asks),
        sum(ask.amount or 0 for ask in model.asks if ask.kind == "headcount"),
        sum(ask.amount or 0 for ask in model.asks if ask.kind == "budget"),
    )


def relative(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def _asks(chosen: Sequence[tuple[Document, PlanFields]]) -> tuple[AskRow, ...]:
    rows = [
        AskRow(model.team, ask.kind, ask.amount, ask.what, str(ask.by or ""))
        for _, model in chosen
        for ask in model.asks
    ]
    rows.sort(key=lambda r: (_ASK_ORDER[r.kind], -(r.amount or 0), team_key(r.team)))
    return tuple(rows)


def _goals(chosen: Sequence[tuple[Document, PlanFields]], tier: str) -> tuple[GoalRow, ...]:
    return tuple(
        GoalRow(
            model.team,
            goal.id,
            goal.tier,
            goal.statement,
            "" if goal.target is None else str(goal.target),
            str(goal.due or ""),
            ", ".join(goal.owners),
        )
        for _, model in chosen
        for goal in model.goals
        if goal.tier == tier
    )


def _matrix(chosen: Sequence[tuple[Document, PlanFields]]) -> Matrix:
    rows = tuple(model.team for _, model in chosen)
    known = {team_key(team): team for team in rows}
    needs: Counter[tuple[str, str]] = Counter()
    outside: dict[str, str] = {}
    for _, model in chosen:
        for dependency in model.dependencies:
            key = team_key(dependency.team)
            if key == team_key(model.team):
                continue
            column = known.get(key) or outside.setdefault(key, dependency.team)
            needs[model.team, column] += 1
    depended = {column for _, column in needs}
    columns = [team for team in rows if team in depended]
    columns += sorted(outside.values(), key=team_key)
    return Matrix(rows, tuple(columns), dict(needs))
