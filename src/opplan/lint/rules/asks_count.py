"""A plan makes 1 or 2 resource asks (`asks`).

An ask is headcount, budget or a decision that leadership must give. More
than two dilutes the ones that matter; none means the plan needs nothing.

Options: `min` (1) and `max` (2).

Passing:

    asks:
      - kind: headcount
        amount: 12
        what: 12 engineers for instant payouts and pay by bank.

Failing (three asks):

    asks:
      - {kind: headcount, amount: 12, what: engineers}
      - {kind: budget, amount: 1200000, what: the sponsor bank}
      - {kind: decision, what: approve the retry policy}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.lint.rules._count import check_count
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "asks-count"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"min": 1, "max": 2}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from check_count(doc, options, "asks", "resource asks")
