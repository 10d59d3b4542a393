"""A check-in accounts for every goal and initiative of its plan, by id, once.

Each goal of the plan appears under `goals` (with its confidence: `dropped` if
it was dropped) and, with `initiatives = true`, each initiative (tracks and
top-down) under `initiatives` (with its status: `cut` if it was cut). An id
that is not in the plan is an error that names the nearest id the check-in
left out; so is an id listed twice, and a decision whose `about` names no goal
or initiative of the plan. Nothing is checked while `plan` is a placeholder or
names no usable plan (see `checkin-plan`).

Options: `initiatives` (true).

Passing (the plan has goals G-1 and G-2 and initiative SR-1):

    goals:
      - {id: G-1, value: "0.41%", confidence: on-track}
      - {id: G-2, confidence: dropped, note: Merged into G-1 in the OP2.}
    initiatives:
      - {id: SR-1, status: on-track}

Failing (G-2 left out, a typo for it, SR-1 left out):

    goals:
      - {id: G-1, value: "0.41%", confidence: on-track}
      - {id: G-3, confidence: at-risk}

    goal G-3 is not in the plan 'op1-fraud-detection.md'; did you mean 'G-2'?
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.document import Document
from opplan.lint.rule import Options
from opplan.names import did_you_mean
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.schemas.checkin import Checkin
    from opplan.schemas.op1 import PlanFields

ID = "checkin-coverage"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("checkin",)
READS: tuple[str, ...] = kinds.PLAN_NAMES  # the plans the check-ins report on
DEFAULT: dict[str, Any] = {"initiatives": True}
NEEDS_MODEL = True


def check_corpus(docs: Sequence[Document], options: Options) -> Iterator[tuple[Document, Finding]]:
    if not any(doc.kind == "checkin" for doc in docs):
        return  # and the check-in model is not even imported
    from opplan.lint.rules import _checkin  # noqa: PLC0415

    known = _checkin.known(docs)
    for doc, model in _checkin.checkins(docs):
        plan = _checkin.plan_for(doc, model, known, options)
        if plan is not None:
            for finding in _check(doc, model, plan, options):
                yield doc, finding


def _check(doc: Document, model: Checkin, plan: PlanFields, options: Options) -> Iterator[Finding]:
    from opplan.workspace.checkins import goals_by_id, initiatives_by_id  # noqa: PLC0415

    goals = goals_by_id(plan)
    yield from _listed(doc, "goals", [item.id for item in model.goals], goals, model.plan)
    initiatives = initiatives_by_id(plan)
    if options["initiatives"]:
        ids = [item.id for item in model.initiatives]
        yield from _listed(doc, "initiatives", ids, initiatives, model.plan)
    for index, decision in enumerate(model.decisions):
        for place, name in enumerate(decision.about):
            if name not in goals and name not in initiatives:
                yield Finding(
                    doc.line_of("decisions", index, "about", place),
                    1,
                    f"decision about {name!r}: no goal or initiative of the plan has that id"
                    + did_you_mean(name, [*goals, *initiatives]),
                )


def _listed(
    doc: Document, key: str, listed: list[str], planned: dict[str, Any], plan: str
) -> Iterator[Finding]:
    what = key.removesuffix("s")
    left_out = [name for name in planned if name not in listed]
    first: dict[str, int] = {}
    for index, name in enumerate(listed):
        line = doc.line_of(key, index)
        if name in first:
            yield Finding(line, 1, f"{what} {name} is listed twice (first at line {first[name]})")
            continue
        first[name] = line
        if name not in planned:
            hint = did_you_mean(name, left_out or planned)
            yield Finding(line, 1, f"{what} {name} is not in the plan {plan!r}{hint}")
    for name in left_out:
        item = planned[name]
        about = getattr(item, "statement", None) or getattr(item, "name", "")
        end = "say where it stands (dropped if it was dropped)"
        if what == "initiative":
            end = "give its status (cut if it was cut)"
        yield Finding(
            doc.line_of(key) if key in doc.meta else doc.line_of("plan"),
            1,
            f"{what} {name} of the plan ({about!r}) is missing; {end}",
        )
