"""The roll-up: an organisation's plans summed up, written by `opplan rollup`."""

from __future__ import annotations

from opplan.kinds.kind import Kind

KIND = Kind(
    name="rollup",
    label="Roll-up",
    summary="an org roll-up",
    model_path="opplan.schemas.rollup.Rollup",
    render_template="render/rollup.md.j2",
    charts=("headcount_asked", "goal_scores"),
    checked_sections=False,  # generated: its sections are the template's
)
