"""The OP1: a team's annual operating plan, written before the review."""

from __future__ import annotations

from opplan.kinds.kind import Kind

SECTIONS = (
    "Introduction",
    "Tenets",
    "Last year's results",
    "Lessons learned",
    "Goals",
    "Plan with the same resources",
    "Plan with more investment",
    "Key assumptions",
    "Resource asks",
    "Risks",
    "Dependencies",
)
OPTIONAL = frozenset({"Tenets", "Lessons learned", "Dependencies"})
TABLES = ("results", "tracks", "goals", "assumptions", "asks", "risks", "dependencies")

KIND = Kind(
    name="op1",
    label="OP1",
    summary="the annual operating plan",
    model_path="opplan.schemas.op1.Op1",
    sections=SECTIONS,
    optional=OPTIONAL,
    appendix=True,
    new_template="new/op1.md.j2",
    new_path="plans/{cycle}/{team}/op1.md",
    new_title="{team} OP1 {cycle}",
    render_template="render/op1.md.j2",
    tables=(*TABLES, "commitments"),
    plan=True,
    adoptable=True,
    title_words=("op1", "operating plan", "narrative"),
)
