"""The narrative can be read in the meeting's silent-reading slot.

A review meeting opens with silent reading of the printed narrative (the body
before the appendix). At `minutes_per_page` (3) a page, the narrative must be
read within `minutes` (20). The page count is the same as `page-budget`'s: the
estimate, or with `opplan lint --exact` the typeset pages (with the share of
the last page the narrative fills).

Options: `minutes` (20), `minutes_per_page` (3).

Passing: a 6-page narrative (18 minutes).

Failing (an 8-page narrative):

    narrative takes about 24 minutes to read (8.0 pages (estimate) at 3 minutes
    a page); the reading slot is 20 minutes
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.lint.rule import PAGE_COUNT
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options
    from opplan.pages import PageCount

ID = "reading-time"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = ("op1", "op2", "prfaq")  # not generated roll-ups
DEFAULT: dict[str, Any] = {"minutes": 20, "minutes_per_page": 3}
NEEDS_MODEL = False
NEEDS_PAGES = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    count: PageCount = options[PAGE_COUNT]
    per_page = float(options["minutes_per_page"])
    minutes = count.narrative * per_page
    slot = float(options["minutes"])
    if minutes > slot:
        first = doc.body.first_heading_line
        yield Finding(
            first,
            1,
            f"narrative takes {'' if count.exact else 'about '}{minutes:.0f} minutes to read "
            f"({count.narrative:.1f} pages {'when typeset' if count.exact else '(estimate)'} "
            f"at {per_page:g} minutes a page); the reading slot is {slot:g} minutes",
        )
