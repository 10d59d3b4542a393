"""Roll an org's check-ins up: each goal's score and confidence per quarter.

The teams are those of the org's plans for the cycle (chosen as the plan
roll-up chooses them). Each check-in is scored against the plan it names
(`workspace.checkins.scored`); `goal_rows` makes one row of a goal that teams
share and puts the goals off track or at risk first, then the rest by team in
plan order. A check-in's period is its quarter, or `final` for the year-end one.

The figures are plain records; `checkin_rollup_document` writes them as a
document of kind `rollup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from opplan.collab.goal_rows import PERIODS, Entry, GoalRow, TeamGoal, merged, ordered
from opplan.collab.rollup import relative
from opplan.collab.selection import select
from opplan.config.model import Config
from opplan.document import Document
from opplan.errors import UsageError
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.workspace.checkins import (
    by_team,
    checkin_of,
    goals_by_id,
    plan_path,
    read_plan,
    scored,
)
from opplan.workspace.discovery import root_of
from opplan.workspace.plans import plans, team_key


class CheckinRow(NamedTuple):
    team: str
    period: str
    quarter: str  # a final check-in's quarter: it is that quarter's check-in too
    path: str  # relative to the roll-up
    date: dt.date
    plan: str  # the plan it names, relative to the roll-up


class DecisionRow(NamedTuple):
    team: str
    period: str
    decision: str
    what: str
    why: str
    about: tuple[str, ...]


class PlanRow(NamedTuple):
    team: str
    path: str
    kind: str
    status: str


class CheckinRollupData(NamedTuple):
    org: str
    cycle: int
    notes: tuple[str, ...]
    periods: tuple[str, ...]  # those some team checked in for, in order
    teams: tuple[str, ...]
    plans: tuple[PlanRow, ...]
    checkins: tuple[CheckinRow, ...]  # by team, then period
    goals: tuple[GoalRow, ...]  # worrying first
    decisions: tuple[DecisionRow, ...]  # by team, then period
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # team, the periods it has no check-in for


def build(
    docs: Sequence[Document],
    org: str,
    *,
    cycle: int | None,
    kind: str | None,
    config: Config,
    base: Path,
) -> CheckinRollupData:
    """The check-in roll-up of the org's teams; paths are written relative to `base`."""
    confidence_scores = {str(k): v for k, v in config.checkins.confidence_scores.items()}
    notes: list[str] = []
    broken = [doc.path for doc in docs if doc.kind == "checkin" and doc.model is None]
    if broken:
        notes.append(
            f"left out {len(broken)} check-in(s) whose frontmatter has errors: "
            f"{', '.join(broken)} (run opplan lint)"
        )
    ours = _org_checkins(docs, org, notes)
    org_teams = {team_key(m.team) for _, m in plans(docs) if _in_org(m.org, org)}
    groups = {key: group for key, group in by_team(ours).items() if key[1] in org_teams}
    cycle = _cycle(sorted({c for c, _ in groups}), cycle, org, notes)
    selection = select(docs, org=org, cycle=cycle, kind=kind)
    notes += selection.notes
    teams = tuple(model.team for _, model in selection.plans)
    chosen = {team_key(team) for team in teams}
    outside = sorted(
        group[0][1].team for (c, key), group in groups.items() if c == cycle and key not in chosen
    )
    if outside:
        notes.append(
            f"left out the check-ins of {', '.join(outside)}, which have no plan for {cycle} "
            "among the paths"
        )
    known = {Path(doc.path).resolve(): model for doc, model in plans(docs)}
    rows: list[CheckinRow] = []
    decisions: list[DecisionRow] = []
    goals: dict[tuple[str, str], TeamGoal] = {}
    for number, (_, plan) in enumerate(selection.plans):
        group = _by_period(groups.get((cycle, team_key(plan.team)), []), cycle)
        order = {goal.id: place for place, goal in enumerate(plan.goals)}
        for period, (doc, model) in group.items():
            named = plan_path(doc, model)
            reported_on = _plan(doc, model, known, config, notes)
            rows.append(
                CheckinRow(
                    plan.team,
                    period,
                    model.quarter,
                    relative(Path(doc.path), base),
                    model.date,
                    relative(named, base),
                )
            )
            decisions += [
                DecisionRow(plan.team, period, d.decision, d.what, d.why, tuple(d.about))
                for d in model.decisions
            ]
            for result in scored(model, reported_on, confidence_scores):
                progress = result.progress
                key = (team_key(plan.team), progress.id)
                if key not in goals:
                    place = order.get(progress.id, len(order) + len(goals))
                    goal = result.goal or goals_by_id(plan).get(progress.id)
                    goals[key] = TeamGoal(plan.team, (number, place), goal, progress.id, [])
                elif result.goal is not None:
                    goals[key] = goals[key]._replace(goal=result.goal)  # the latest plan's
                goals[key].entries.append(
                    Entry(
                        period,
                        plan.team,
                        progress.id,
                        result.score,
                        progress.confidence,
                        progress.value,
                    )
                )
    periods = tuple(p for p in PERIODS if any(row.period == p for row in rows))
    return CheckinRollupData(
        org,
        cycle,
        tuple(notes),
        periods,
        teams,
        tuple(
            PlanRow(m.team, relative(Path(d.path), base), d.kind, m.status)
            for d, m in selection.plans
        ),
        tuple(rows),
        ordered(merged(list(goals.values()))),
        tuple(decisions),
        _missing(teams, rows, periods),
    )


def _in_org(name: str | None, org: str) -> bool:
    return not name or team_key(name) == team_key(org)


def _org_checkins(docs: Sequence[Document], org: str, notes: list[str]) -> list[Document]:
    """The check-ins that are not of another org."""
    ours, others = [], 0
    for doc in docs:
        model = checkin_of(doc)
        if model is None:
            continue
        if _in_org(model.org, org):
            ours.append(doc)
        else:
            others += 1
    if others:
        notes.append(f"left out {others} check-in(s) of other orgs than {org}")
    return ours


def _cycle(cycles: list[int], cycle: int | None, org: str, notes: list[str]) -> int:
    if not cycles:
        raise UsageError(
            f"no valid check-ins found for the teams of {org}; pass the folders that hold "
            "their plans and check-ins (opplan lint shows what is wrong)"
        )
    if cycle is None:
        if len(cycles) > 1:
            notes.append(
                f"check-ins for cycles {', '.join(map(str, cycles))} were found; this uses "
                f"{cycles[-1]}, the latest (--cycle chooses another)"
            )
        return cycles[-1]
    if cycle not in cycles:
        raise UsageError(
            f"no check-ins for cycle {cycle}; the check-ins found are for "
            + ", ".join(map(str, cycles))
        )
    return cycle


def period_of(model: Checkin) -> str:
    """The column a check-in fills: its quarter, or final for the year-end check-in."""
    return "final" if model.final else model.quarter


def _by_period(
    group: list[tuple[Document, Checkin]], cycle: int
) -> dict[str, tuple[Document, Checkin]]:
    found: dict[str, list[tuple[Document, Checkin]]] = {}
    for pair in group:
        found.setdefault(period_of(pair[1]), []).append(pair)
    for period, pairs in found.items():
        if len(pairs) > 1:
            paths = ", ".join(doc.path for doc, _ in pairs)
            which = (
                f"final check-ins for {cycle}"
                if period == "final"
                else f"check-ins for {period} {cycle}"
            )
            raise UsageError(
                f"{pairs[0][1].team} has {len(pairs)} {which} ({paths}); pass only the one to use"
            )
    return {period: found[period][0] for period in PERIODS if period in found}


def _plan(
    doc: Document,
    model: Checkin,
    known: dict[Path, PlanFields],
    config: Config,
    notes: list[str],
) -> PlanFields | None:
    """The plan a check-in names: among the paths, else read from disk as every feature does."""
    resolved = plan_path(doc, model).resolve()
    if resolved not in known:
        found = read_plan(doc, model, root_of(Path(doc.path), config), config)
        if isinstance(found, str):
            notes.append(
                f"{doc.path}: its plan {model.plan!r} {found}; "
                "its goals are scored by their confidence alone"
            )
            return None
        known[resolved] = found
    return known[resolved]


def _missing(
    teams: Sequence[str], rows: Sequence[CheckinRow], periods: Sequence[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per team, the periods others checked in for and it did not."""
    covered: dict[str, set[str]] = {team: set() for team in teams}
    for row in rows:
        covered[row.team] |= {row.period, row.quarter}
    found = []
    for team in teams:
        lacking = tuple(period for period in periods if period not in covered[team])
        if lacking:
            found.append((team, lacking))
    return tuple(found)
