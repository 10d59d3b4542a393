"""Write a check-in roll-up as an opplan document of kind `rollup`: the scores in the
frontmatter (`checkins:`, which the heat map is drawn from), then a body rendered
from the `rollup/checkins.md.j2` template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from opplan import templating
from opplan.collab.checkin_rollup import CheckinRollupData
from opplan.collab.goal_rows import Entry, GoalRow
from opplan.collab.rollup_document import cell, options_as_code, yaml_text
from opplan.config.model import Config

BY_CONFIDENCE = "*"  # marks a score its numbers could not give


def period_title(period: str) -> str:
    return "Final" if period == "final" else period


def render(data: CheckinRollupData, owners: Sequence[str], today: dt.date, config: Config) -> str:
    """The check-in roll-up's full text."""
    latest = [row.latest() for row in data.goals]
    confidences = [entry.confidence for entry in latest if entry is not None]
    return templating.render(
        config,
        "rollup/checkins.md.j2",
        frontmatter=_frontmatter(data, owners, today),
        org=data.org,
        cycle=data.cycle,
        teams=data.teams,
        notes=[options_as_code(note) for note in data.notes],
        checkin_count=len(data.checkins),
        periods=[period_title(period) for period in data.periods],
        off_track=confidences.count("off-track"),
        at_risk=confidences.count("at-risk"),
        goals=[_goal(row, data.periods) for row in data.goals],
        by_confidence=any(e.score.basis == "confidence" for r in data.goals for e in r.entries),
        decisions=[
            [
                cell(row.team),
                period_title(row.period),
                row.decision,
                cell(row.what),
                cell(row.why),
                ", ".join(row.about) or "-",
            ]
            for row in data.decisions
        ],
        missing=[
            (team, [period_title(period) for period in periods]) for team, periods in data.missing
        ],
        checkins=_checkins(data),
    )


def _frontmatter(data: CheckinRollupData, owners: Sequence[str], today: dt.date) -> str:
    mapping: dict[str, Any] = {
        "kind": "rollup",
        "title": f"{data.org} check-ins {data.cycle}: roll-up",
        "team": data.org,
        "org": data.org,
        "cycle": data.cycle,
        "status": "draft",
        "owners": list(owners),
        "date": today,
        "plans": [row._asdict() for row in data.plans],
        "checkins": {
            "periods": list(data.periods),
            "checkins": [
                {"team": row.team, "period": row.period, "path": row.path, "date": row.date}
                for row in data.checkins
            ],
            "goals": [
                {
                    "statement": row.statement,
                    "teams": [{"team": team, "id": id} for team, id in row.sides],
                    "scores": [_score(entry) for entry in row.entries],
                }
                for row in data.goals
            ],
        },
    }
    return yaml_text(mapping)


def _score(entry: Entry) -> dict[str, Any]:
    found: dict[str, Any] = {
        "period": entry.period,
        "team": entry.team,
        "score": round(entry.score.value, 2),
        "basis": entry.score.basis,
        "confidence": entry.confidence,
    }
    if entry.value is not None:
        found["value"] = entry.value
    return found


def _goal(row: GoalRow, periods: Sequence[str]) -> list[str]:
    ids = " / ".join(dict.fromkeys(id for _, id in row.sides))
    teams = ", ".join(team for team, _ in row.sides)
    return [cell(f"{ids}: {row.statement}"), cell(teams)] + [
        _period_cell([e for e in row.entries if e.period == period]) for period in periods
    ]


def _period_cell(entries: list[Entry]) -> str:
    """A goal's score and confidence in one period; each team's when a shared goal's differ."""
    if not entries:
        return "-"
    shown = [(entry.team, _shown(entry)) for entry in entries]
    if len({text for _, text in shown}) == 1:
        return shown[0][1]
    return "; ".join(f"{cell(team)}: {text}" for team, text in shown)


def _shown(entry: Entry) -> str:
    mark = "\\" + BY_CONFIDENCE if entry.score.basis == "confidence" else ""
    return f"{entry.score}{mark} {entry.confidence}"


def _checkins(data: CheckinRollupData) -> list[list[str]]:
    """Per team: the plan its latest check-in names, and its check-in's date per period."""
    rows = []
    for team in data.teams:
        own = {row.period: row for row in data.checkins if row.team == team}
        final = own.get("final")
        plan = next((row.plan for row in reversed(data.checkins) if row.team == team), "")
        dates = [
            own[p].date.isoformat()
            if p in own
            else ("in the final" if final and final.quarter == p else "missing")
            for p in data.periods
        ]
        rows.append([cell(team), f"`{plan}`" if plan else "none", *dates])
    return rows
