"""What moved between two check-ins: each goal's value, score and confidence, each
initiative's status, and the decisions taken or withdrawn.

The two check-ins may be two revisions of one file or two quarters' files (see
`collab/diff.py`). Each side's goals are scored against the plan that side
reports on, as that plan was then; a side whose plan cannot be read is scored
by confidence. Goals and initiatives are matched by ID, decisions by what they
decide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from opplan.schemas.checkin import Checkin, Decision
from opplan.schemas.op1 import PlanFields
from opplan.scoring import CONFIDENCE_SCORES, Score
from opplan.workspace.checkins import GoalScore, initiatives_by_id, scored


class Movement(NamedTuple):
    """One goal from one check-in to the next (None on a side that does not report it)."""

    goal: str
    value_before: object
    value_after: object
    score_before: float | None  # rounded to two places, as shown
    score_after: float | None
    basis_before: str | None  # metric or confidence
    basis_after: str | None
    confidence_before: str | None
    confidence_after: str | None

    @property
    def change(self) -> float | None:
        """How far the score moved (after - before)."""
        if self.score_before is None or self.score_after is None:
            return None
        return round(self.score_after - self.score_before, 2)


Found = tuple[str, str, str, str, Movement | None]  # area, action, subject, detail, movement


class Plans(NamedTuple):
    """The plan each side reports on, when it could be read."""

    old: PlanFields | None = None
    new: PlanFields | None = None


def checkin_changes(
    old: Checkin,
    new: Checkin,
    plans: Plans | None = None,
    confidence_scores: Mapping[str, float] = CONFIDENCE_SCORES,
) -> Iterator[Found]:
    """The changes from `old` to `new` as (area, action, subject, detail, movement)."""
    plans = plans or Plans()
    if (old.quarter, old.final) != (new.quarter, new.final):
        yield "quarter", "changed", f"{_quarter(old)} -> {_quarter(new)}", "", None
    if old.overcommitted != new.overcommitted:
        before, after = _yes(old.overcommitted), _yes(new.overcommitted)
        yield "overcommitted", "changed", f"{before} -> {after}", "", None
    yield from _goals(
        scored(old, plans.old, confidence_scores), scored(new, plans.new, confidence_scores)
    )
    yield from _initiatives(old, new, plans.new or plans.old)
    if (old.quarter, old.final) != (new.quarter, new.final):
        yield from _decisions([], new.decisions, "taken")  # last quarter's stay in its check-in
    else:
        yield from _decisions(old.decisions, new.decisions)


def _goals(old: list[GoalScore], new: list[GoalScore]) -> Iterator[Found]:
    before = {item.progress.id: item for item in old}
    after = {item.progress.id: item for item in new}
    for goal_id in [*after, *(key for key in before if key not in after)]:
        was, now = before.get(goal_id), after.get(goal_id)
        movement = Movement(
            goal_id,
            was.progress.value if was else None,
            now.progress.value if now else None,
            round(was.score.value, 2) if was else None,
            round(now.score.value, 2) if now else None,
            was.score.basis if was else None,
            now.score.basis if now else None,
            was.progress.confidence if was else None,
            now.progress.confidence if now else None,
        )
        subject = _goal_label(now or was)  # type: ignore[arg-type]
        if was is None or now is None:
            shown = now or was
            assert shown is not None
            action = "added" if was is None else "removed"
            yield "goal", action, subject, _standing(shown), movement
        elif (
            movement.value_before != movement.value_after
            or movement.change
            or movement.confidence_before != movement.confidence_after
        ):
            yield "goal", "moved", subject, _moved(movement, was.score, now.score), movement


def _goal_label(item: GoalScore) -> str:
    statement = item.goal.statement if item.goal else ""
    return f"{item.progress.id} {_short(statement)}".strip()


def _standing(item: GoalScore) -> str:
    return (
        f"value {_show(item.progress.value)}; score {_score(item.score)}; "
        f"confidence {item.progress.confidence}"
    )


def _moved(movement: Movement, before: Score, after: Score) -> str:
    change = movement.change or 0.0
    sign = "+" if change > 0 else "-" if change < 0 else "±"
    parts = [
        f"value {_show(movement.value_before)} -> {_show(movement.value_after)}",
        f"score {_score(before)} -> {_score(after)} ({sign}{abs(change):.2f})",
    ]
    if movement.confidence_before == movement.confidence_after:
        parts.append(f"confidence {movement.confidence_after}")
    else:
        parts.append(f"confidence {movement.confidence_before} -> {movement.confidence_after}")
    return "; ".join(parts)


def _score(score: Score) -> str:
    return str(score) + (" by confidence" if score.basis == "confidence" else "")


def _initiatives(old: Checkin, new: Checkin, plan: PlanFields | None) -> Iterator[Found]:
    named = initiatives_by_id(plan) if plan is not None else {}
    before = {item.id: item for item in old.initiatives}
    after = {item.id: item for item in new.initiatives}

    def label(item_id: str) -> str:
        return f"{item_id} {_short(named[item_id].name)}" if item_id in named else item_id

    for item_id, item in after.items():
        was = before.get(item_id)
        if was is None:
            yield "initiative", "added", label(item_id), f"status {item.status}", None
        elif was.status != item.status:
            yield "initiative", "changed", label(item_id), f"{was.status} -> {item.status}", None
    for item_id, was in before.items():
        if item_id not in after:
            yield "initiative", "removed", label(item_id), f"status {was.status}", None


def _decisions(old: list[Decision], new: list[Decision], added: str = "added") -> Iterator[Found]:
    """Decisions added and removed within one quarter's check-in; between two quarters,
    the newer one's decisions as taken (each quarter records its own)."""

    def key(item: Decision) -> tuple[str, str]:
        return item.decision, " ".join(item.what.casefold().split())

    before, after = {key(d): d for d in old}, {key(d): d for d in new}
    for found, action, other in ((after, added, before), (before, "removed", after)):
        for item_key, item in found.items():
            if item_key not in other:
                about = f"; about {', '.join(item.about)}" if item.about else ""
                subject = f"{item.decision}: {_short(item.what)}"
                yield "decision", action, subject, f"why: {_short(item.why)}{about}", None


def _quarter(model: Checkin) -> str:
    return f"{model.quarter} {model.cycle}" + (" (final)" if model.final else "")


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 3].rstrip() + "..."


def _show(value: object) -> str:
    return "none" if value is None else str(value)
