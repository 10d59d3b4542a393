"""The OP2: a team's plan revised after the OP1 review."""

from __future__ import annotations

from opplan.kinds import op1
from opplan.kinds.kind import Kind

REVIEW_SECTIONS = ("Changes since the OP1 review", "Review actions")

KIND = Kind(
    name="op2",
    label="OP2",
    summary="the plan revised after review",
    model_path="opplan.schemas.op2.Op2",
    sections=(op1.SECTIONS[0], *REVIEW_SECTIONS, *op1.SECTIONS[1:]),
    optional=op1.OPTIONAL,
    appendix=True,
    new_template="new/op2.md.j2",
    new_path="plans/{cycle}/{team}/op2.md",
    new_title="{team} OP2 {cycle}",
    new_from=("op1",),
    render_template="render/op2.md.j2",
    tables=(
        "review_actions",
        "allocation",
        *op1.TABLES[:2],
        "top_down",
        *op1.TABLES[2:],
        "commitments",
    ),
    plan=True,
    adoptable=True,
    title_words=("op2",),
)
