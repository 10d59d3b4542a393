"""Where each team stands in the planning cycle on a given day."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from opplan.collab import cycle as timeline
from opplan.config.model import Phase
from opplan.document import Document
from opplan.problem import Problem
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.workspace.checkins import by_team
from opplan.workspace.git import Commit
from opplan.workspace.plans import PLAN_KINDS, by_cycle_and_team, team_key

RANK = {"draft": 0, "review": 1, "approved": 2, "superseded": 3}


class LateCheckin(NamedTuple):
    """A quarter's check-in that a team has not written by its due date."""

    quarter: str
    due: dt.date
    days_late: int
    cycle: int  # the plan year the check-in belongs to


class TeamStatus(NamedTuple):
    """A team's row; `path` is "" for a team with no plan of the year followed: one
    that planned the year before, or one shown for the late check-ins of a running year."""

    team: str
    path: str
    kind: str
    status: str
    last_change: Commit | None  # None: never committed, or not in git
    missing_pre_reviews: tuple[str, ...]
    lint_errors: int
    late: tuple[str, ...]  # why the team is late, one reason per missed phase
    late_checkins: tuple[LateCheckin, ...] = ()  # the check-ins among them


class CycleStatus(NamedTuple):
    cycle: int
    today: dt.date
    phase: Phase | None
    next_phase: Phase | None
    teams: tuple[TeamStatus, ...]


def status(
    docs: Sequence[Document],
    problems: Sequence[Problem],
    phases: Sequence[Phase],
    *,
    year: int,
    today: dt.date,
    commits: dict[str, Commit],
    running: Mapping[int, Sequence[Phase]] | None = None,
) -> CycleStatus:
    """Each team's plan for `year`, measured against the phases that ended before `today`;
    a check-in phase, against the team's check-ins of that year.

    `running` gives the check-in phases of earlier plan years still in progress: each
    team with a plan of such a year is also late for its check-ins missing there."""
    errors = Counter(problem.path for problem in problems if problem.level == "error")
    ended = [phase for phase in phases if phase.end < today]
    checkins = by_team(docs)
    plans = by_cycle_and_team(docs)
    teams = []
    for (cycle, key), found in sorted(plans.items()):
        if cycle != year:
            continue
        doc, model = _latest(found)
        waiting = tuple(p.team for p in model.partners if p.reviewed is None)
        written = [checkin for _, checkin in checkins.get((cycle, key), [])]
        missing = _missing(ended, written, cycle, today)
        teams.append(
            TeamStatus(
                model.team,
                doc.path,
                doc.kind,
                model.status,
                commits.get(Path(doc.path).resolve().as_posix()),
                waiting,
                sum(errors[d.path] for d, _ in found),
                tuple(
                    reason
                    for phase in ended
                    if (reason := _missed(phase, found, waiting, written, today))
                ),
                missing,
            )
        )
    teams += [_unreadable(doc, errors[doc.path], commits) for doc in docs if _invalid(doc, year)]
    teams += _without_plan(teams, plans, checkins, ended, year=year, today=today)
    for cycle, checkin_phases in sorted((running or {}).items()):
        teams = _running(teams, plans, checkins, checkin_phases, cycle=cycle, today=today)
    upcoming = [phase for phase in phases if phase.start > today]
    return CycleStatus(
        year,
        today,
        timeline.current(phases, today),
        upcoming[0] if upcoming else None,
        tuple(sorted(teams, key=lambda team: team.team.casefold())),
    )


def _missing(
    ended: Sequence[Phase], written: Sequence[Checkin], cycle: int, today: dt.date
) -> tuple[LateCheckin, ...]:
    """The check-ins of `cycle` that the ended phases asked for and the team has not written."""
    return tuple(
        LateCheckin(phase.quarter, phase.end, (today - phase.end).days, cycle)
        for phase in ended
        if phase.kind == "checkin" and phase.quarter and not _checked_in(phase, written)
    )


def _without_plan(
    teams: Sequence[TeamStatus],
    plans: Mapping[tuple[int, str], Sequence[tuple[Document, PlanFields]]],
    checkins: Mapping[tuple[int, str], Sequence[tuple[Document, Checkin]]],
    ended: Sequence[Phase],
    *,
    year: int,
    today: dt.date,
) -> list[TeamStatus]:
    """A row for each team that planned the year before but has no plan of `year`,
    late for whatever the ended phases asked of its plan (its OP1 draft, first)."""
    listed = {team_key(team.team) for team in teams}
    rows = []
    for (cycle, key), found in sorted(plans.items()):
        if cycle != year - 1 or key in listed:
            continue
        written = [checkin for _, checkin in checkins.get((year, key), [])]
        late = tuple(
            reason for phase in ended if (reason := _missed(phase, (), (), written, today))
        )
        missing = _missing(ended, written, year, today)
        rows.append(TeamStatus(_latest(found)[1].team, "", "", "", None, (), 0, late, missing))
    return rows


def _running(
    teams: list[TeamStatus],
    plans: Mapping[tuple[int, str], Sequence[tuple[Document, PlanFields]]],
    checkins: Mapping[tuple[int, str], Sequence[tuple[Document, Checkin]]],
    phases: Sequence[Phase],
    *,
    cycle: int,
    today: dt.date,
) -> list[TeamStatus]:
    """The rows with the late check-ins of the running plan year `cycle` added: to the
    team's row when it has one, else in a row of its own."""
    ended = [phase for phase in phases if phase.end < today]
    rows = list(teams)
    first: dict[str, int] = {}
    for index, team in enumerate(rows):
        first.setdefault(team_key(team.team), index)
    for (year, key), found in sorted(plans.items()):
        if year != cycle:
            continue
        written = [checkin for _, checkin in checkins.get((year, key), [])]
        missing = _missing(ended, written, cycle, today)
        reasons = tuple(
            f"{late.quarter} {cycle} check-in due {late.due}: missing, "
            f"{late.days_late} day{'s' * (late.days_late != 1)} late"
            for late in missing
        )
        if key not in first:
            first[key] = len(rows)
            rows.append(TeamStatus(_latest(found)[1].team, "", "", "", None, (), 0, ()))
        row = rows[first[key]]
        rows[first[key]] = row._replace(
            late=row.late + reasons, late_checkins=row.late_checkins + missing
        )
    return rows


def _latest(found: Sequence[tuple[Document, PlanFields]]) -> tuple[Document, PlanFields]:
    """The team's OP2 if it has one, else its OP1."""
    return max(found, key=lambda pair: (pair[0].kind == "op2", RANK[pair[1].status]))


def _checked_in(phase: Phase, written: Sequence[Checkin]) -> bool:
    """Whether one of the team's check-ins is the one `phase` asks for, at its status."""
    least = RANK[phase.status or "draft"]
    return any(c.quarter == phase.quarter and RANK[c.status] >= least for c in written)


def _missed(
    phase: Phase,
    found: Sequence[tuple[Document, PlanFields]],
    waiting: tuple[str, ...],
    written: Sequence[Checkin],
    today: dt.date,
) -> str:
    """Why the team missed what `phase` asked for by its end, or "" when it did not."""
    title = phase.title or phase.name
    if phase.kind == "checkin":
        if _checked_in(phase, written):
            return ""
        days = (today - phase.end).days
        least = f" at {phase.status} or later" if phase.status else ""
        return f"{title} due {phase.end}: missing{least}, {days} day{'s' * (days != 1)} late"
    if phase.kind:
        kinds = PLAN_KINDS[PLAN_KINDS.index(phase.kind) :]  # an OP2 follows its OP1
        plans = [model for doc, model in found if doc.kind in kinds]
        least = phase.status or "draft"
        if not any(RANK[model.status] >= RANK[least] for model in plans):
            return f"{title} ended {phase.end}: needs an {phase.kind.upper()} at {least} or later"
    if phase.pre_reviews and waiting:
        return f"{title} ended {phase.end}: pre-reviews missing"
    return ""


def _invalid(doc: Document, year: int) -> bool:
    return doc.kind in PLAN_KINDS and doc.model is None and doc.meta.get("cycle") == year


def _unreadable(doc: Document, errors: int, commits: dict[str, Commit]) -> TeamStatus:
    """A plan whose frontmatter does not pass its schema, from what can be read of it."""
    return TeamStatus(
        str(doc.meta.get("team") or doc.path),
        doc.path,
        doc.kind,
        str(doc.meta.get("status") or "unknown"),
        commits.get(Path(doc.path).resolve().as_posix()),
        (),
        errors,
        ("its frontmatter has errors; run opplan lint",),
    )
