"""A goal that is at risk or off track says why, and after a while, what is done about it.

Each goal whose `confidence` is one of `confidences` (at-risk, off-track) has
a `note`. When it has been so in `quarters` (2) check-ins of the team's year in
a row, this one included, the check-in records a decision (stop, start or
adjust) whose `about` names the goal: a second quarter off track is when to
decide, not to report again. The earlier check-ins are those linted with this
one and those in its folder (where `opplan new` puts them); each goal is named
with its score (`[checkins] confidence_scores` for goals scored by
confidence).

Options: `confidences` (at-risk, off-track), `quarters` (2; 1 asks for a
decision at once).

Passing (Q3, after G-2 was at risk in Q2):

    goals:
      - id: G-2
        value: 31
        confidence: off-track
        note: The second card network slipped to Q4.
    decisions:
      - decision: adjust
        what: Move the G-2 target to 35 markets.
        why: The second network lands in Q4.
        about: [G-2]

Failing (no note; and no decision about G-2 in its second quarter at risk):

    goal G-2, score 0.25, is off-track and has no note; say what is in the way
    goal G-2, score 0.25, is off-track for a second check-in in a row (Q2 at-risk,
    Q3 off-track); record a decision (stop, start or adjust) whose `about` names G-2
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.names import did_you_mean
from opplan.problem import Finding, Level
from opplan.vocabulary import CONFIDENCES

if TYPE_CHECKING:
    from opplan.schemas.checkin import Checkin

ID = "checkin-at-risk"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("checkin",)
READS: tuple[str, ...] = kinds.PLAN_NAMES  # the plans the check-ins report on
DEFAULT: dict[str, Any] = {"confidences": ["at-risk", "off-track"], "quarters": 2}
NEEDS_MODEL = True

_ORDINAL = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def validate(options: Options) -> str | None:
    for confidence in options["confidences"]:
        if confidence not in CONFIDENCES:
            return f"confidences: {confidence!r} is no confidence" + did_you_mean(
                confidence, CONFIDENCES, f"; use {', '.join(CONFIDENCES)}"
            )
    quarters = options["quarters"]
    if not isinstance(quarters, int) or quarters < 1:
        return f"quarters must be a whole number of check-ins, 1 or more (got {quarters!r})"
    return None


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "checkin" for doc in docs):
        return  # and the check-in model is not even imported
    from opplan.lint.rules import _checkin  # noqa: PLC0415

    flagged: list[str] = options["confidences"]
    needed: int = options["quarters"]
    for doc, model, _, goals in _checkin.scored_checkins(docs, options):
        year: list[tuple[Document, Checkin]] | None = None  # read when a goal needs it
        for index, goal in enumerate(goals):
            progress = goal.progress
            if progress.confidence not in flagged:
                continue
            line = doc.line_of("goals", index)
            flag = f"{_checkin.named(goal)} is {progress.confidence}"
            if not (progress.note or "").strip():
                yield doc, Finding(line, 1, f"{flag} and has no note; say what is in the way")
            if any(progress.id in decision.about for decision in model.decisions):
                continue
            if year is None and needed > 1:
                year = _checkin.year_of(doc, model, docs, options)
            streak = _streak(year or [], model, progress.id, flagged)
            if len(streak) >= needed:
                decide = (
                    f"record a decision (stop, start or adjust) whose `about` names {progress.id}"
                )
                yield doc, Finding(line, 1, f"{flag}{_in_a_row(streak)}; {decide}")


def _streak(
    year: list[tuple[Document, Checkin]],
    model: Checkin,
    goal_id: str,
    flagged: list[str],
) -> list[tuple[str, str]]:
    """The quarters and confidences, oldest first, of the check-ins in a row (this one
    last) in which the goal was flagged."""
    from opplan.workspace.checkins import previous  # noqa: PLC0415

    found: list[tuple[str, str]] = []
    current: Checkin | None = model
    while current is not None:
        confidence = next((g.confidence for g in current.goals if g.id == goal_id), None)
        if confidence is None or confidence not in flagged:
            break
        found.append((current.quarter, confidence))
        before = previous(year, current)
        current = before[1] if before else None
    return found[::-1]


def _in_a_row(streak: list[tuple[str, str]]) -> str:
    """` for a second check-in in a row (Q2 at-risk, Q3 off-track)`; nothing for one."""
    if len(streak) < 2:
        return ""
    ordinal = _ORDINAL.get(len(streak), f"{len(streak)}th")
    row = ", ".join(f"{quarter} {confidence}" for quarter, confidence in streak)
    return f" for a {ordinal} check-in in a row ({row})"
