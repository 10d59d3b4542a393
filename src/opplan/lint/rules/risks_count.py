"""A plan names 1 or 2 known risks (`risks`).

The reader wants the risks that could cost a goal, each with its mitigation
(see `risk-mitigation`), not a register of everything that might happen.

Options: `min` (1) and `max` (2).

Passing:

    risks:
      - risk: Routing trips issuers' fraud rules.
        likelihood: medium
        impact: high
        mitigation: Ramp by card range with a 5% holdout.
        owner: Sam Patel

Failing (no risks):

    risks: []
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

ID = "risks-count"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"min": 1, "max": 2}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from check_count(doc, options, "risks", "known risks")
