"""The canonical section headings of each document kind, in the order they appear.

Skeletons (`opplan new`), the `required-sections` rule, the bench corpus and the
examples all follow these level-1 headings; the rule also accepts aliases.
"""

from __future__ import annotations

PLAN = (
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
OP2_REVIEW = ("Changes since the OP1 review", "Review actions")
PRESS_RELEASE = "Press release"
FAQS = ("External FAQ", "Internal FAQ")
APPENDIX = "Appendix"


def plan(kind: str) -> tuple[str, ...]:
    """An OP1's or OP2's sections before the appendix: an OP2 adds the review's after the first."""
    return PLAN if kind == "op1" else (PLAN[0], *OP2_REVIEW, *PLAN[1:])
