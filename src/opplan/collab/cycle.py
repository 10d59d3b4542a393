"""The planning cycle's phases: the configured ones, or a default timeline for the year.

The default follows the usual year: context from leadership in June, team
drafts in July, partner pre-reviews and OP1 reviews in August and September,
the roll-up in October and November, the OP2 in December and January, and goals
locked in January of the plan's year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from opplan.config.model import Cycle, Phase

_DEFAULT = (
    # name, title, role, (month, day) start and end in the year before the plan's, ...
    ("context", "Context from leadership", "leadership", (6, 1), (6, 30), None, None, False),
    ("drafts", "Team drafts due", "teams", (7, 1), (7, 31), "op1", "draft", False),
    ("pre-reviews", "Partner pre-reviews", "partners", (8, 1), (8, 21), "op1", "draft", True),
    ("op1-reviews", "OP1 reviews", "leadership", (8, 22), (9, 30), "op1", "review", True),
    ("rollup", "Roll-up", "org leaders", (10, 1), (11, 15), "op1", "approved", True),
    ("op2", "OP2", "teams", (11, 16), (13, 15), "op2", "review", True),
    ("goals", "Goals locked", "teams", (13, 16), (13, 31), "op2", "approved", True),
)


def phases(cycle: Cycle, year: int) -> Sequence[Phase]:
    """The configured phases, or the default timeline for the plan year `year`."""
    if cycle.phases:
        return cycle.phases
    return tuple(
        Phase(
            name=name,
            title=title,
            role=role,
            start=_date(year, start),
            end=_date(year, end),
            kind=kind,
            status=status,
            pre_reviews=pre_reviews,
        )
        for name, title, role, start, end, kind, status, pre_reviews in _DEFAULT
    )


def _date(year: int, month_day: tuple[int, int]) -> dt.date:
    """A date in the year before the plan's; month 13 is January of the plan's year."""
    month, day = month_day
    return dt.date(year - 1 + (month > 12), (month - 1) % 12 + 1, day)


def current(timeline: Sequence[Phase], today: dt.date) -> Phase | None:
    """The phase `today` falls in, if any."""
    return next((phase for phase in timeline if phase.start <= today <= phase.end), None)
