"""What the check-in rules share: a check-in's plan, and the check-ins of its team and year.

A check-in's plan is taken from the run when it was linted with it, else read
from disk through `options[READ]`. The earlier check-ins of a team's year are
those of the run, and those in the check-in's own folder (where `opplan new`
puts them), listed through `options[LIST]` and read through `options[READ]`,
so that the cache keys the findings on that folder and those files.

The rules import this module only when a run holds a check-in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from opplan.document import Document
from opplan.errors import DocumentError
from opplan.lint.rule import CHECKINS, LIST, READ, ListFolder, Options, ReadDocument, unreadable
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.scoring import CONFIDENCE_SCORES
from opplan.workspace.checkins import (
    GoalScore,
    by_team,
    checkin_of,
    in_folders,
    plan_path,
    scored,
)
from opplan.workspace.plans import plan_of, team_key

Known = dict[Path, Document]


def known(docs: Sequence[Document]) -> Known:
    """The documents of the run by their resolved path."""
    return {Path(doc.path).resolve(): doc for doc in docs}


def checkins(docs: Sequence[Document]) -> Iterator[tuple[Document, Checkin]]:
    """The valid check-ins among the documents, with their models."""
    for doc in docs:
        model = checkin_of(doc)
        if model is not None:
            yield doc, model


def placeholder(value: str) -> bool:
    """A skeleton's `[placeholder]`: unresolved-marker reports it."""
    return value.startswith("[") and value.endswith("]")


@dataclass(frozen=True)
class PlanLookup:
    """The plan a check-in names, when it is one to report on, else why not."""

    plan: PlanFields | None
    problem: str = ""  # empty when the plan is usable (or a placeholder)


def lookup(doc: Document, model: Checkin, docs: Known, options: Options) -> PlanLookup:
    """The OP1 or OP2 of the same team and cycle that `plan:` names."""
    if placeholder(model.plan):
        return PlanLookup(None)
    path = plan_path(doc, model)
    plan_doc = docs.get(path.resolve())
    if plan_doc is None:
        read: ReadDocument = options[READ]
        try:
            plan_doc = read(path, near=Path(doc.path))
        except DocumentError as err:
            return PlanLookup(
                None,
                f"the plan {model.plan!r} cannot be read ({unreadable(err)}); "
                "give the path of the team's OP2 (or OP1) file, or fix that file",
            )
        if plan_doc is None:
            return PlanLookup(
                None,
                f"plan {model.plan!r} does not exist (looked for {path}); "
                "give the path of the team's OP2 (or OP1) relative to this file",
            )
    plan = plan_of(plan_doc)
    if plan is None:
        plain = plan_doc.kind not in ("op1", "op2")
        what = (
            f"a {plan_doc.kind} document"
            if plain
            else f"an {plan_doc.kind.upper()} with schema errors"
        )
        return PlanLookup(
            None, f"plan {model.plan!r} is {what}; point it at the team's valid OP2 (or OP1)"
        )
    if team_key(plan.team) != team_key(model.team) or plan.cycle != model.cycle:
        return PlanLookup(
            None,
            f"plan {model.plan!r} is the plan of {plan.team} for {plan.cycle}, not of "
            f"{model.team} for {model.cycle}; point it at this team's plan for the year",
        )
    return PlanLookup(plan)


def plan_for(doc: Document, model: Checkin, docs: Known, options: Options) -> PlanFields | None:
    """The check-in's plan, or None when `checkin-plan` has something to say about it."""
    return lookup(doc, model, docs, options).plan


class Scored(NamedTuple):
    """A check-in of the run, the plan it reports on (None when unreadable) and its goals."""

    doc: Document
    model: Checkin
    plan: PlanFields | None
    goals: list[GoalScore]


def scored_checkins(docs: Sequence[Document], options: Options) -> Iterator[Scored]:
    """Each check-in of the run with its plan and its goals scored by `[checkins]`."""
    found = known(docs)
    scores = confidence_scores(options)
    for doc, model in checkins(docs):
        plan = plan_for(doc, model, found, options)
        yield Scored(doc, model, plan, scored(model, plan, scores))


def confidence_scores(options: Options) -> Mapping[str, float]:
    """The configured score of each confidence (`[checkins] confidence_scores`)."""
    settings = options.get(CHECKINS)
    scores: Mapping[str, float] | None = getattr(settings, "confidence_scores", None)
    return scores if scores is not None else CONFIDENCE_SCORES


def named(goal: GoalScore) -> str:
    """A goal as messages name it, with its score: `goal G-2, score 0.25,`."""
    return f"goal {goal.progress.id}, score {goal.score.described},"


def year_of(
    doc: Document, model: Checkin, docs: Sequence[Document], options: Options
) -> list[tuple[Document, Checkin]]:
    """The check-ins of the team's year, in quarter order: those of the run, and those
    in the check-in's folder that were not linted with it."""
    read: ReadDocument = options[READ]
    listing: ListFolder = options[LIST]
    beside = in_folders(
        [Path(doc.path).parent], skip=[Path(d.path) for d in docs], listing=listing, read=read
    )
    found = [*docs, *beside]
    return by_team(found).get((model.cycle, team_key(model.team)), [])
