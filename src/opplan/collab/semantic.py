"""What changed between two versions of a plan, in the plan's own terms.

Goals are matched by ID; asks by their text, then by kind in order; risks,
assumptions, dependencies and commitments by their text. Two check-ins are
compared by what moved (`collab/checkin_diff.py`). The narrative is compared
section by section (by title), with words and estimated pages before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple, TypeVar

from opplan.collab.checkin_diff import Movement, Plans, checkin_changes
from opplan.config.model import Page
from opplan.document import Body, Document
from opplan.pages import estimate
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import Ask, Goal, PlanFields
from opplan.scoring import CONFIDENCE_SCORES

T = TypeVar("T")


class Change(NamedTuple):
    """One change to a part of the frontmatter."""

    area: str  # status, headcount, ask, goal, assumption, risk, dependency, commitment,
    # and for check-ins quarter, overcommitted, initiative and decision
    action: str  # added, removed or changed; moved for a check-in's goal
    subject: str
    detail: str = ""
    movement: Movement | None = None  # a check-in's goal: value, score and confidence


class Narrative(NamedTuple):
    """The body before and after: size, and the sections that changed."""

    words_before: int
    words_after: int
    pages_before: float
    pages_after: float
    sections: tuple[tuple[str, str], ...]  # (title, added|removed|changed)


def compare(
    old: Document,
    new: Document,
    page: Page,
    plans: Plans | None = None,
    confidence_scores: Mapping[str, float] = CONFIDENCE_SCORES,
) -> tuple[tuple[Change, ...], Narrative]:
    """The changes from `old` to `new`; two check-ins are scored against `plans`."""
    changes: list[Change] = []
    if old.model is not None and new.model is not None:
        if old.model.status != new.model.status:
            transition = f"{old.model.status} -> {new.model.status}"
            changes.append(Change("status", "changed", transition))
        if isinstance(old.model, PlanFields) and isinstance(new.model, PlanFields):
            changes += plan_changes(old.model, new.model)
        if isinstance(old.model, Checkin) and isinstance(new.model, Checkin):
            found = checkin_changes(old.model, new.model, plans, confidence_scores)
            changes += (Change(*change) for change in found)
    return tuple(changes), narrative(old.body, new.body, page)


def plan_changes(old: PlanFields, new: PlanFields) -> Iterator[Change]:
    """Headcount, asks, goals, assumptions, risks, dependencies and commitments."""
    yield from _headcount(old, new)
    yield from _asks(old.asks, new.asks)
    yield from _goals(old.goals, new.goals)
    yield from _listed("assumption", old.assumptions, new.assumptions, _short)
    yield from _listed("risk", old.risks, new.risks, lambda risk: _short(risk.risk))
    yield from _listed(
        "dependency", old.dependencies, new.dependencies, lambda d: f"{d.team}: {_short(d.need)}"
    )
    yield from _listed(
        "commitment", old.commitments, new.commitments, lambda c: f"{c.team}: {_short(c.what)}"
    )


def _headcount(old: PlanFields, new: PlanFields) -> Iterator[Change]:
    for part in ("tracks.same_resources", "tracks.more_investment", "allocated"):
        before, after = _follow(old, part), _follow(new, part)
        if before != after:
            name = part.rsplit(".", 1)[-1]
            yield Change("headcount", "changed", name, f"{_show(before)} -> {_show(after)}")


def _follow(model: object, dotted: str) -> object:
    node = model
    for step in dotted.split("."):
        node = getattr(node, step, None)
    return getattr(node, "headcount", None)


def _asks(old: Sequence[Ask], new: Sequence[Ask]) -> Iterator[Change]:
    pairs, removed, added = _pair_asks(old, new)
    for before, after in pairs:
        details = [
            f"{name} {_show(getattr(before, name))} -> {_show(getattr(after, name))}"
            for name in ("amount", "by")
            if getattr(before, name) != getattr(after, name)
        ]
        if details:
            yield Change("ask", "changed", _ask_label(after), "; ".join(details))
    for ask in removed:
        yield Change("ask", "removed", _ask_label(ask), _ask_detail(ask))
    for ask in added:
        yield Change("ask", "added", _ask_label(ask), _ask_detail(ask))


def _pair_asks(
    old: Sequence[Ask], new: Sequence[Ask]
) -> tuple[list[tuple[Ask, Ask]], list[Ask], list[Ask]]:
    """Asks matched by their text first, then by kind in order."""
    left, right = list(old), list(new)
    pairs: list[tuple[Ask, Ask]] = []
    for same in (lambda a, b: _norm(a.what) == _norm(b.what), lambda a, b: a.kind == b.kind):
        for before in list(left):
            after = next((ask for ask in right if same(before, ask)), None)
            if after is not None:
                pairs.append((before, after))
                left.remove(before)
                right.remove(after)
    return pairs, left, right


def _ask_label(ask: Ask) -> str:
    return f"{ask.kind} {_short(ask.what)}"


def _ask_detail(ask: Ask) -> str:
    parts = [f"amount {_show(ask.amount)}"] if ask.amount is not None else []
    return "; ".join([*parts, *([f"by {ask.by}"] if ask.by else [])])


def _goals(old: Sequence[Goal], new: Sequence[Goal]) -> Iterator[Change]:
    before, after = {g.id: g for g in old}, {g.id: g for g in new}
    for goal_id, goal in after.items():
        previous = before.get(goal_id)
        if previous is None:
            yield Change("goal", "added", _goal_label(goal), _goal_detail(goal))
            continue
        details = [
            f"{name} {_show(getattr(previous, name))} -> {_show(getattr(goal, name))}"
            for name in ("target", "due")
            if _norm(getattr(previous, name)) != _norm(getattr(goal, name))
        ]
        if details:
            yield Change("goal", "changed", _goal_label(goal), "; ".join(details))
    for goal_id, goal in before.items():
        if goal_id not in after:
            yield Change("goal", "removed", _goal_label(goal), _goal_detail(goal))


def _goal_label(goal: Goal) -> str:
    return f"{goal.id} ({goal.tier}) {_short(goal.statement)}"


def _goal_detail(goal: Goal) -> str:
    return f"target {_show(goal.target)}; due {_show(goal.due)}"


def _listed(
    area: str, old: Sequence[T], new: Sequence[T], label: Callable[[T], str]
) -> Iterator[Change]:
    before = {_norm(label(item)): item for item in old}
    after = {_norm(label(item)): item for item in new}
    for key, item in before.items():
        if key not in after:
            yield Change(area, "removed", label(item))
    for key, item in after.items():
        if key not in before:
            yield Change(area, "added", label(item))


def narrative(old: Body, new: Body, page: Page) -> Narrative:
    """Words, estimated pages and changed sections, from `old` to `new`."""
    before, after = _sections(old), _sections(new)
    sections = [
        (key[0], "added" if key not in before else "changed")
        for key, text in after.items()
        if before.get(key) != text
    ]
    sections += [(key[0], "removed") for key in before if key not in after]
    return Narrative(
        old.narrative_words,
        new.narrative_words,
        estimate(old, page).narrative,
        estimate(new, page).narrative,
        tuple(sections),
    )


def _sections(body: Body) -> dict[tuple[str, int], tuple[str, ...]]:
    """Each titled section's text, keyed by title and which occurrence of it it is."""
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for section in body.sections:
        title = section.title or "(before the first heading)"
        count = sum(1 for key in found if key[0] == title)
        found[title, count] = tuple(block.text for block in section.blocks)
    return found


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 3].rstrip() + "..."


def _norm(value: object) -> str:
    return " ".join(str(value).casefold().split())


def _show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
