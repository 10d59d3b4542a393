"""The planning tracks add up, and every missed result says why.

The more-investment track's headcount minus the same-resources track's is the
headcount the plan asks for (the sum of the `headcount` asks). Each of last
year's results that was `missed` or `partial` has a `why`.

Options: `check_headcount` (true), `require_why` (true).

Passing:

    tracks:
      same_resources: {headcount: 40}
      more_investment: {headcount: 52}
    asks:
      - {kind: headcount, amount: 12, what: 12 engineers for instant payouts}

Failing (52 - 40 = 12, but the asks add up to 10):

    tracks:
      same_resources: {headcount: 40}
      more_investment: {headcount: 52}
    asks:
      - {kind: headcount, amount: 10, what: 10 engineers for instant payouts}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "tracks-consistency"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = kinds.PLAN_NAMES  # the operating plans
DEFAULT: dict[str, Any] = {"check_headcount": True, "require_why": True}
NEEDS_MODEL = True


def check(doc: Document, options: Options) -> Iterator[Finding]:
    model = doc.model
    if model is None:
        return
    tracks = getattr(model, "tracks", None)
    if options["check_headcount"] and tracks is not None:
        extra = tracks.more_investment.headcount - tracks.same_resources.headcount
        asked = sum(
            ask.amount or 0 for ask in getattr(model, "asks", ()) if ask.kind == "headcount"
        )
        if abs(extra - asked) > 1e-9:
            line, column = doc.position_of("tracks", "more_investment", "headcount")
            yield Finding(
                line,
                column,
                f"the more-investment track has {_number(extra)} more headcount than the "
                f"same-resources track, but the headcount asks add up to {_number(asked)}; "
                "make them agree",
            )
    if options["require_why"]:
        for index, result in enumerate(getattr(model, "results", ())):
            if result.status != "hit" and not (result.why or "").strip():
                line, column = doc.position_of("results", index)
                yield Finding(
                    line,
                    column,
                    f"result {index + 1} is {result.status} but does not say why; add 'why'",
                )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
