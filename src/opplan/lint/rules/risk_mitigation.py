"""Every risk has a mitigation and an owner for it.

A risk without a mitigation is a worry, not a plan; a mitigation without an
owner is nobody's job.

Options: `require_owner` (true).

Passing:

    risks:
      - risk: Routing trips issuers' fraud rules.
        likelihood: medium
        impact: high
        mitigation: Ramp by card range with a 5% holdout and automatic rollback.
        owner: Sam Patel

Failing (an empty mitigation and no owner):

    risks:
      - risk: Routing trips issuers' fraud rules.
        likelihood: medium
        impact: high
        mitigation: ""
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "risk-mitigation"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"require_owner": True}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for index, risk in enumerate(getattr(doc.model, "risks", ())):
        missing = []
        if not risk.mitigation.strip():
            missing.append("mitigation")
        if options["require_owner"] and not (risk.owner or "").strip():
            missing.append("owner")
        if missing:
            line, column = doc.position_of("risks", index)
            yield Finding(
                line,
                column,
                f"risk {index + 1} has no {' and no '.join(missing)}; "
                "say what the team does about it and who owns that",
            )
