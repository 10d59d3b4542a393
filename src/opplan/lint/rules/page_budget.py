"""The narrative fits its page budget.

The narrative is the body before the appendix: what is read in the meeting.
An OP1 or OP2 narrative fits `pages` (6); a PR/FAQ's press release (under
its heading, or, without one, the text before the first FAQ) fits
`press_release_pages` (1) and its narrative (press release and FAQs) fits
`pages`. A check-in, read at the start of a quarterly review, fits
`checkin_pages` (2). Pages are estimated from the text and the page geometry of `[page]`
(paper, margins, font size), laid out the way the PDF template sets it: the
font's character widths, headings, lists and tables all take room. With
`opplan lint --exact` the document is typeset as `opplan render` prints it
and the narrative counts the printed pages before the appendix. The message
says which count it used.

Options: `pages` (6), `press_release_pages` (1), `checkin_pages` (2).

Passing: a narrative of about 2,800 words at 11 pt on letter paper.

Failing (about 4,000 words before the appendix):

    narrative is about 7.2 pages (estimate); budget is 6 (move detail to the appendix)

and with `--exact`:

    narrative is 8 pages when typeset; budget is 6 (move detail to the appendix)
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.lint.rule import PAGE_COUNT
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options
    from opplan.pages import PageCount

ID = "page-budget"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = tuple(kinds.where(written=True))  # not generated roll-ups
DEFAULT: dict[str, Any] = {"pages": 6, "press_release_pages": 1, "checkin_pages": 2}
NEEDS_MODEL = False
NEEDS_PAGES = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    count: PageCount = options[PAGE_COUNT]
    first = doc.body.first_heading_line
    budget = float(options["checkin_pages" if doc.kind == "checkin" else "pages"])
    if count.narrative > budget:
        # Typeset, the narrative fills whole printed pages: the appendix starts on the next.
        pages = _pages(math.ceil(count.narrative)) if count.exact else f"{count.narrative:.1f}"
        yield Finding(
            first,
            1,
            f"narrative {_measured(pages, count.exact)}; budget is {_pages(budget)} "
            "(move detail to the appendix)",
        )
    release = count.press_release
    limit = float(options["press_release_pages"])
    if doc.kind == "prfaq" and release is not None and release > limit:
        press = doc.outline.press_release()
        yield Finding(
            press[0].line if press else first,
            1,
            f"press release {_measured(f'{release:.1f}', count.exact)}; budget is {_pages(limit)}",
        )


def _measured(pages: str, exact: bool) -> str:
    unit = "page" if pages == "1" else "pages"
    return f"is {pages} {unit} when typeset" if exact else f"is about {pages} {unit} (estimate)"


def _pages(value: float) -> str:
    return f"{value:g}"
