"""A plan lists 3 to 5 key assumptions (`assumptions`).

The assumptions are what the plan rests on: too few and the reader cannot see
what could break it, too many and none of them stands out.

Options: `min` (3) and `max` (5).

Passing:

    assumptions:
      - Payment volume grows 18% in 2027.
      - The second processor keeps its price through 2027.
      - Ads Billing assigns 2 engineers to the migration.

Failing (one assumption):

    assumptions:
      - Payment volume grows 18% in 2027.
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

ID = "assumptions-count"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"min": 3, "max": 5}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from check_count(doc, options, "assumptions", "key assumptions")
