"""The values a new document is made from: given as options, asked for, or defaulted.

Standard input that is not a terminal is never read: a missing value then takes
its default, or the command fails naming the option to pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from opplan import kinds
from opplan.config.model import New
from opplan.errors import UsageError
from opplan.names import unknown
from opplan.paths import check_team, slug
from opplan.vocabulary import FILL_IN, QUARTERS

# Ask a question and return the answer; a blank answer gives the default ("" for none).
Asker = Callable[[str, str], str]

OWNER_PLACEHOLDER = "[Owner name]"


def to_fill(what: str) -> str:
    """A comment asking for a value, which `unresolved-marker` reports until it is given."""
    return f"{FILL_IN}: {what}"


ORG_PLACEHOLDER = "[Organisation]"
_FIRST_CYCLE, _LAST_CYCLE = 2000, 2200


@dataclass(frozen=True)
class Request:
    """What the command line gave; None (or empty) where nothing was given."""

    kind: str
    team: str | None = None
    title: str | None = None
    cycle: int | None = None
    owners: tuple[str, ...] = ()
    org: str | None = None
    quarter: str | None = None  # a check-in's: Q1 to Q4
    final: bool = False  # a check-in's: the year-end one


@dataclass(frozen=True)
class Values:
    """Every value a skeleton needs, checked."""

    kind: str
    team: str
    team_slug: str
    title: str
    cycle: int
    owners: tuple[str, ...]
    org: str
    quarter: str | None = None  # a check-in's only
    final: bool = False

    @property
    def path_fields(self) -> dict[str, str]:
        """The fields a path pattern may use ({quarter}, lower case, for a check-in only)."""
        fields = {
            "cycle": str(self.cycle),
            "team": self.team_slug,
            "kind": self.kind,
            "title": slug(self.title) or "untitled",
        }
        if self.quarter is not None:
            fields["quarter"] = self.quarter.lower()
        return fields


def complete(request: Request, settings: New, ask: Asker | None, today: dt.date) -> Values:
    """Fill in what the request lacks: ask when `ask` is given, else default or fail."""
    team = request.team or _need(ask, "Team", None, "--team NAME")
    team_slug = check_team(team)
    checkin = request.kind == "checkin"
    cycle = request.cycle
    if cycle is None:
        default_cycle = last_quarter(today)[0] if checkin else settings.cycle or today.year + 1
        cycle = _year(ask("Cycle (planning year)", str(default_cycle))) if ask else default_cycle
    if not _FIRST_CYCLE <= cycle <= _LAST_CYCLE:
        raise UsageError(f"--cycle {cycle}: give a year from {_FIRST_CYCLE} to {_LAST_CYCLE}")
    quarter = None
    if checkin:
        quarter = request.quarter
        if quarter is None:
            default_quarter = quarter_of(cycle, today)
            quarter = ask("Quarter (Q1-Q4)", default_quarter) if ask else default_quarter
        quarter = check_quarter(quarter)
    pattern = kinds.get(request.kind).new_title
    default_title = (
        pattern.format(team=team.strip(), cycle=cycle, quarter=quarter) if pattern else None
    )
    title = request.title or _need(
        ask, "Title", default_title, "--title TEXT (what the PR/FAQ is about)"
    )
    owners = tuple(name.strip() for name in request.owners if name.strip())
    if not owners:
        answer = ask("Owners, comma-separated (blank: a placeholder)", "") if ask else ""
        owners = tuple(name.strip() for name in answer.split(",") if name.strip())
    org = request.org or settings.org
    if not org:
        org = ask("Organisation (blank: a placeholder)", "") if ask else ""
    return Values(
        kind=request.kind,
        team=team.strip(),
        team_slug=team_slug,
        title=title.strip(),
        cycle=cycle,
        owners=owners or (OWNER_PLACEHOLDER,),
        org=org.strip() or ORG_PLACEHOLDER,
        quarter=quarter,
        final=request.final,
    )


def last_quarter(today: dt.date) -> tuple[int, str]:
    """The year and quarter that most recently ended: on 2027-05-10, (2027, "Q1")."""
    index = (today.month - 1) // 3  # the current quarter, from 0
    return (today.year, QUARTERS[index - 1]) if index else (today.year - 1, QUARTERS[-1])


def quarter_of(cycle: int, today: dt.date) -> str:
    """A check-in's default quarter: the cycle's last quarter that has ended by `today`,
    Q1 for a year none of whose quarters has ended, Q4 for a past year."""
    year, quarter = last_quarter(today)
    if cycle == year:
        return quarter
    return QUARTERS[0] if cycle > year else QUARTERS[-1]


def check_quarter(quarter: str) -> str:
    """The quarter as a check-in writes it (Q2), from "Q2" or "q2"; else a one-line error."""
    written = quarter.strip().upper()
    if written not in QUARTERS:
        raise unknown("quarter", written, QUARTERS)
    return written


def with_defaults(request: Request, **defaults: object) -> Request:
    """The request with its missing values taken from `defaults` (e.g. an OP1's)."""
    missing = {key: value for key, value in defaults.items() if value and not getattr(request, key)}
    return replace(request, **missing)  # type: ignore[arg-type]


def _need(ask: Asker | None, question: str, default: str | None, option: str) -> str:
    """Ask until answered; without a terminal, the default or an error naming the option."""
    if ask is None:
        if default:
            return default
        raise UsageError(
            f"missing {option}; pass it (nothing is asked when standard input is not a terminal)"
        )
    while True:
        answer = ask(question, default or "").strip()
        if answer:
            return answer


def _year(answer: str) -> int:
    try:
        return int(answer.strip())
    except ValueError:
        raise UsageError(f"cycle {answer!r}: give a year such as 2027") from None
