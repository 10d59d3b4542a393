"""The canonical section headings of the document kinds, as `opplan.kinds` gives them.

Skeletons (`opplan new`), the `required-sections` rule, the bench corpus and the
examples all follow these level-1 headings; the rule also accepts aliases.
"""

from __future__ import annotations

from opplan import kinds
from opplan.kinds import op1, op2, prfaq

PLAN = op1.SECTIONS
OPTIONAL = op1.OPTIONAL
OP2_REVIEW = op2.REVIEW_SECTIONS
PRESS_RELEASE = prfaq.PRESS_RELEASE
FAQS = prfaq.FAQS
APPENDIX = kinds.APPENDIX


def plan(kind: str) -> tuple[str, ...]:
    """An OP1's or OP2's sections before the appendix: an OP2 adds the review's after the first."""
    return kinds.get(kind).sections
