"""A check-in reports on its team's plan for the year: an OP2, or the OP1 before it.

The check-in's `plan` key is the path of the plan, relative to the check-in's
file. That file must exist and be a valid OP1 or OP2 of the same team and
cycle. The plan is taken from the run when it is linted with the check-in,
else read from disk (the linter keys its cache on that file too). A
placeholder such as `plan: "[Path of the plan]"` is left to
`unresolved-marker`.

Options: none.

Passing:

    kind: checkin
    team: Fraud Detection
    cycle: 2027
    plan: op2-fraud-detection.md       # the OP2 of Fraud Detection for 2027

Failing: `plan: op2-fraud.md` names no file, or names the plan of another
team or year:

    plan 'op1-checkout.md' is the plan of Checkout for 2027, not of Fraud Detection
    for 2027; point it at this team's plan for the year
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opplan.document import Document
from opplan.lint.rule import Options
from opplan.problem import Finding, Level

ID = "checkin-plan"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("checkin", "op1", "op2")  # check-ins are checked; plans are read
DEFAULT: dict[str, Any] = {}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "checkin" for doc in docs):
        return  # and the check-in model is not even imported
    from opplan.lint.rules import _checkin  # noqa: PLC0415

    known = _checkin.known(docs)
    for doc, model in _checkin.checkins(docs):
        problem = _checkin.lookup(doc, model, known, options).problem
        if problem:
            yield doc, Finding(doc.line_of("plan"), 1, problem)
