"""The check-in: a team's quarterly progress against its current plan."""

from __future__ import annotations

from opplan.kinds.kind import Kind

SECTIONS = (
    "What was delivered",
    "What is not working",
    "Stop, start or adjust",
    "Where we are overcommitted",
)

KIND = Kind(
    name="checkin",
    label="Check-in",
    summary="a quarter's progress against the plan",
    model_path="opplan.schemas.checkin.Checkin",
    sections=SECTIONS,
    new_template="new/checkin.md.j2",
    new_path="plans/{cycle}/{team}/checkin-{quarter}.md",
    new_title="{team} check-in {quarter} {cycle}",
    new_from=("op2", "op1"),
    render_template="render/checkin.md.j2",
    tables=("goal_progress", "initiative_progress", "decisions"),
    title_words=("check in", "checkin", "quarterly review", "qbr"),
)
