"""The planning cycle's phases: the configured ones, or a default timeline for the year.

The default follows the usual year: context from leadership in June, team
drafts in July, partner pre-reviews and OP1 reviews in August and September,
the roll-up in October and November, the OP2 in December and January, and goals
locked in January of the plan's year. Then, in the plan's year, one check-in
phase a quarter: from the quarter's last day to the day its check-in is due,
`[checkins] due_days` later (Q4's falls in January of the next year).

Configured phases are the whole timeline: to track check-ins with them, list
phases of `kind = "checkin"` with their `quarter`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from opplan.config.model import Checkins, Cycle, Phase
from opplan.vocabulary import Quarter

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


QUARTER_ENDS: dict[Quarter, tuple[int, int]] = {
    "Q1": (3, 31),
    "Q2": (6, 30),
    "Q3": (9, 30),
    "Q4": (12, 31),
}


def phases(cycle: Cycle, year: int, checkins: Checkins | None = None) -> Sequence[Phase]:
    """The configured phases, or the default timeline for the plan year `year`."""
    if cycle.phases:
        return cycle.phases
    planning = tuple(
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
    return planning + checkin_phases(year, (checkins or Checkins()).due_days)


def checkin_phases(year: int, due_days: int) -> tuple[Phase, ...]:
    """One phase a quarter of the plan year: from its last day to its check-in's due date."""
    found = []
    for quarter, (month, day) in QUARTER_ENDS.items():
        end = dt.date(year, month, day)
        found.append(
            Phase(
                name=f"{quarter.lower()}-checkin",
                title=f"{quarter} check-in",
                role="teams",
                start=end,
                end=end + dt.timedelta(days=due_days),
                kind="checkin",
                quarter=quarter,
            )
        )
    return tuple(found)


def _date(year: int, month_day: tuple[int, int]) -> dt.date:
    """A date in the year before the plan's; month 13 is January of the plan's year."""
    month, day = month_day
    return dt.date(year - 1 + (month > 12), (month - 1) % 12 + 1, day)


def current(timeline: Sequence[Phase], today: dt.date) -> Phase | None:
    """The phase `today` falls in, if any."""
    return next((phase for phase in timeline if phase.start <= today <= phase.end), None)
