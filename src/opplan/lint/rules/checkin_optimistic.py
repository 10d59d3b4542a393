"""A goal marked on-track has come far enough for the time of year.

A goal whose `confidence` is `on-track` and whose numbers score it (see
`opplan.scoring`: baseline, target and this quarter's value, in either
direction) below the line of the check-in's quarter is reported as optimistic.
The lines (`q1` 0.0, `q2` 0.25, `q3` 0.5, `q4` 0.75) are a straight path from
baseline to target over the year, one quarter behind: work started in a
quarter shows in the metric in the next, so a goal that has not moved in Q1
is not yet behind, while one still under half way at the end of Q4 is not on
track. Goals scored by confidence alone (their metric is not a number, or no
value is given) are not judged by this rule.

Options: `q1` (0.0), `q2` (0.25), `q3` (0.5), `q4` (0.75), each between 0.0
and 1.0.

Passing (Q3; the goal goes from 38 hours down to 6, and is at 20):

    goals:
      - {id: G-3, value: "20 h", confidence: on-track}

Failing (Q3; still at 30 hours, a score of 0.25):

    goal G-3, score 0.25, is marked on-track but is below 0.50, the line for Q3;
    mark it at-risk, or check its value
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.problem import Finding, Level

ID = "checkin-optimistic"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = ("checkin",)
READS: tuple[str, ...] = kinds.PLAN_NAMES  # the plans the check-ins report on
DEFAULT: dict[str, Any] = {"q1": 0.0, "q2": 0.25, "q3": 0.5, "q4": 0.75}
NEEDS_MODEL = True


def validate(options: Options) -> str | None:
    for quarter in DEFAULT:
        if not 0.0 <= options[quarter] <= 1.0:
            return f"{quarter} must be a score between 0.0 and 1.0 (got {options[quarter]!r})"
    return None


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "checkin" for doc in docs):
        return  # and the check-in model is not even imported
    from opplan.lint.rules import _checkin  # noqa: PLC0415

    for doc, model, plan, goals in _checkin.scored_checkins(docs, options):
        if plan is None:
            continue  # no numbers to judge by
        line_of_quarter = float(options[model.quarter.lower()])
        for index, goal in enumerate(goals):
            if goal.progress.confidence != "on-track" or goal.score.basis != "metric":
                continue
            if goal.score.value < line_of_quarter:
                yield (
                    doc,
                    Finding(
                        doc.line_of("goals", index),
                        1,
                        f"{_checkin.named(goal)} is marked on-track but is below "
                        f"{line_of_quarter:.2f}, the line for {model.quarter}; mark it at-risk, "
                        "or check its value",
                    ),
                )
