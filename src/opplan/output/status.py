"""Print a cycle status as an aligned text table or as JSON."""

from __future__ import annotations

from opplan.collab.status import CycleStatus, TeamStatus
from opplan.config.model import Phase
from opplan.output import dump_json

HEADER = ("team", "plan", "status", "last change", "pre-reviews missing", "lint errors", "late")


def text(report: CycleStatus) -> str:
    lines = [f"planning cycle {report.cycle}, {report.today}: {_phase(report)}"]
    if report.next_phase:
        lines.append(f"next: {_title(report.next_phase)} from {report.next_phase.start}")
    rows = [HEADER, *(_row(team, report.cycle) for team in report.teams)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines.append("")
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    late = sum(1 for team in report.teams if team.late)
    missing = sum(len(team.late_checkins) for team in report.teams)
    counts = f"{len(report.teams)} team(s), {late} late"
    lines += ["", counts + (f", {missing} check-in(s) missing" if missing else "")]
    return "\n".join(lines) + "\n"


def as_json(report: CycleStatus) -> str:
    def phase(value: Phase | None) -> object:
        return value.model_dump(mode="json") if value else None

    payload = {
        "cycle": report.cycle,
        "today": report.today.isoformat(),
        "phase": phase(report.phase),
        "next_phase": phase(report.next_phase),
        "teams": [
            {
                "team": team.team,
                "path": team.path or None,  # None: no plan of the cycle
                "kind": team.kind or None,
                "status": team.status or None,
                "last_change": team.last_change._asdict() if team.last_change else None,
                "missing_pre_reviews": list(team.missing_pre_reviews),
                "lint_errors": team.lint_errors,
                "late": list(team.late),
                "late_checkins": [
                    {
                        "cycle": late.cycle,
                        "quarter": late.quarter,
                        "due": late.due.isoformat(),
                        "days_late": late.days_late,
                    }
                    for late in team.late_checkins
                ],
            }
            for team in report.teams
        ],
    }
    return dump_json(payload)


def _title(phase: Phase) -> str:
    return phase.title or phase.name


def _phase(report: CycleStatus) -> str:
    phase = report.phase
    if phase is None:
        return "between phases" if report.next_phase else "all phases have ended"
    return f"{_title(phase)} ({phase.start} to {phase.end}; who acts: {phase.role})"


def _row(team: TeamStatus, cycle: int) -> tuple[str, ...]:
    late = "; ".join(team.late) or "no"
    if not team.path:  # a plan of a running year only
        return (team.team, f"none for {cycle}", "-", "-", "-", "-", late)
    change = team.last_change
    return (
        team.team,
        team.path,
        f"{team.kind} {team.status}",
        f"{change.date} {change.author}" if change else "not committed",
        ", ".join(team.missing_pre_reviews) or "none",
        str(team.lint_errors),
        late,
    )
