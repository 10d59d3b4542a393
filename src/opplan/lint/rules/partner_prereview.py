"""Every partner has pre-read a plan that is in review or approved.

A partner team surprised in the review meeting is a broken trust, so a plan
records when each partner pre-read it (`partners[].reviewed`). A plan in one
of the `statuses` whose partners have not all done so gets a warning naming
them.

Options: `statuses` (review, approved).

Passing:

    status: review
    partners:
      - {team: Checkout, reviewed: 2026-08-24}

Failing (Ads Billing has not pre-read it):

    status: review
    partners:
      - {team: Checkout, reviewed: 2026-08-24}
      - {team: Ads Billing}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "partner-prereview"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"statuses": ["review", "approved"]}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    model = doc.model
    if model is None or model.status not in options["statuses"]:
        return
    pending = [p.team for p in getattr(model, "partners", ()) if p.reviewed is None]
    if pending:
        line, column = doc.position_of("partners")
        names = ", ".join(pending)
        yield Finding(
            line,
            column,
            f"the plan is in {model.status} but {names} {'has' if len(pending) == 1 else 'have'} "
            "not pre-read it; share it and record the 'reviewed' date",
        )
