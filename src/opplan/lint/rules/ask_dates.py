"""Every ask says by when it is needed, early enough, and what happens if it is late.

An ask needs a `by` date no later than `deadline` of the plan's cycle year
(by default 04-01, the start of the second quarter: later than that, a
year's plan cannot use it), and an `if_late` that says what slips.

Options: `deadline` ("04-01", month and day in the cycle year),
`require_if_late` (true).

Passing:

    cycle: 2027
    asks:
      - kind: headcount
        amount: 12
        what: 12 engineers for instant payouts.
        by: 2027-01-31
        if_late: Each month of delay moves the launch by a month.

Failing (needed in June, and nothing said about lateness):

    cycle: 2027
    asks:
      - kind: headcount
        amount: 12
        what: 12 engineers for instant payouts.
        by: 2027-06-30
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "ask-dates"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"deadline": "04-01", "require_if_late": True}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    model = doc.model
    if model is None:
        return
    latest = deadline(model.cycle, str(options["deadline"]))
    for index, ask in enumerate(getattr(model, "asks", ())):
        line, column = doc.position_of("asks", index)
        if ask.by is None:
            yield Finding(line, column, f"ask {index + 1} has no 'by' date; say when it is needed")
        elif ask.by > latest:
            yield Finding(
                line,
                column,
                f"ask {index + 1} is needed by {ask.by}, after {latest}; "
                "an ask that late cannot shape the year's plan",
            )
        if options["require_if_late"] and not (ask.if_late or "").strip():
            yield Finding(
                line,
                column,
                f"ask {index + 1} does not say what happens if it is late; add 'if_late'",
            )


def deadline(cycle: int, month_day: str) -> dt.date:
    """The latest by-date for a cycle year, from an option such as "04-01"."""
    month, day = (int(part) for part in month_day.split("-"))
    return dt.date(cycle, month, day)


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    try:
        deadline(2000, str(options["deadline"]))
    except ValueError:
        return f'deadline {options["deadline"]!r} is not a month and day such as "04-01"'
    return None
