"""Check-ins among loaded documents: the plan each reports on, and a team's year of them.

Every feature that reads check-ins (lint rules, `new checkin --from`, roll-ups,
status, export, diff, render) goes through here, so that a goal's score is
computed one way everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from opplan import document
from opplan.config.model import Config
from opplan.document import Document
from opplan.errors import DocumentError, OpplanError
from opplan.schemas.checkin import Checkin, GoalProgress, InitiativeProgress
from opplan.schemas.op1 import Goal, Initiative, PlanFields
from opplan.scoring import CONFIDENCE_SCORES, Score, score
from opplan.vocabulary import QUARTERS
from opplan.workspace.plans import initiatives, team_key


def checkin_of(doc: Document) -> Checkin | None:
    """The validated frontmatter of a check-in, or None for anything else."""
    return doc.model if isinstance(doc.model, Checkin) else None


def plan_path(doc: Document, model: Checkin) -> Path:
    """Where the check-in's `plan:` points: relative to the check-in's file."""
    return Path(doc.path).parent / model.plan


def read_plan(doc: Document, model: Checkin, root: Path, config: Config) -> PlanFields | str:
    """The plan the check-in reports on, read from disk inside `root`; else why it cannot be."""
    path = plan_path(doc, model).resolve()
    if not path.is_relative_to(root.resolve()):
        return f"is outside {root}, where nothing is read"
    try:
        plan = document.load(path, config.lint.appendix_titles, limit=config.lint.max_file_size)
    except DocumentError as err:
        return f"cannot be read ({err.message})"
    return plan_or_reason(plan)


def plan_or_reason(plan: Document) -> PlanFields | str:
    """The document's plan, or why it is none (for the check-in that names it)."""
    if plan.model is None:
        return "does not pass its schema; run opplan lint on it"
    if not isinstance(plan.model, PlanFields):
        return f"is a {plan.kind}, not an OP1 or OP2"
    return plan.model


def goals_by_id(plan: PlanFields) -> dict[str, Goal]:
    """The plan's goals by id (the first of a duplicated id)."""
    found: dict[str, Goal] = {}
    for goal in plan.goals:
        found.setdefault(goal.id, goal)
    return found


def initiatives_by_id(plan: PlanFields) -> dict[str, Initiative]:
    """The plan's initiatives (tracks, then top-down) by id."""
    found: dict[str, Initiative] = {}
    for item, _ in initiatives(plan):
        found.setdefault(item.id, item)
    return found


@dataclass(frozen=True)
class GoalScore:
    """One goal of a check-in, the plan's goal it reports on (None if unknown), and its score."""

    progress: GoalProgress
    goal: Goal | None
    score: Score


def scored(
    model: Checkin,
    plan: PlanFields | None,
    confidence_scores: Mapping[str, float] = CONFIDENCE_SCORES,
) -> list[GoalScore]:
    """Each goal of the check-in, in its order, scored against the plan's baseline and target."""
    goals = goals_by_id(plan) if plan is not None else {}
    result = []
    for progress in model.goals:
        goal = goals.get(progress.id)
        baseline = goal.baseline if goal else None
        target = goal.target if goal else None
        value = score(baseline, target, progress.value, progress.confidence, confidence_scores)
        if goal is None and value.basis == "confidence":
            value = Score(value.value, "confidence", f"goal {progress.id} is not in the plan")
        result.append(GoalScore(progress, goal, value))
    return result


def initiative_progress(model: Checkin) -> dict[str, InitiativeProgress]:
    """The check-in's initiatives by id."""
    return {item.id: item for item in model.initiatives}


def quarter_index(model: Checkin) -> tuple[int, int, bool, str]:
    """A check-in's place in its year: cycle, quarter, final last, then date."""
    return (model.cycle, QUARTERS.index(model.quarter), model.final, model.date.isoformat())


def by_team(docs: Iterable[Document]) -> dict[tuple[int, str], list[tuple[Document, Checkin]]]:
    """The valid check-ins grouped by (cycle, team key), each group in quarter order."""
    groups: dict[tuple[int, str], list[tuple[Document, Checkin]]] = defaultdict(list)
    for doc in docs:
        model = checkin_of(doc)
        if model is not None:
            groups[model.cycle, team_key(model.team)].append((doc, model))
    return {
        key: sorted(group, key=lambda pair: quarter_index(pair[1])) for key, group in groups.items()
    }


def previous(
    group: list[tuple[Document, Checkin]], model: Checkin
) -> tuple[Document, Checkin] | None:
    """The check-in of the same team and year that comes just before `model`, if any."""
    earlier = [pair for pair in group if quarter_index(pair[1]) < quarter_index(model)]
    return earlier[-1] if earlier else None


def final(group: list[tuple[Document, Checkin]]) -> tuple[Document, Checkin] | None:
    """The year's last check-in: the one marked final, else the latest."""
    marked = [pair for pair in group if pair[1].final]
    chosen = marked or group
    return chosen[-1] if chosen else None


def _load(path: Path) -> Document | None:
    return document.load(path) if path.is_file() else None


def _beside(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"))


def in_folders(
    folders: Iterable[Path],
    *,
    skip: Iterable[Path] = (),
    listing: Callable[[Path], Iterable[Path]] = _beside,
    read: Callable[[Path], Document | None] = _load,
) -> list[Document]:
    """The check-ins directly in these folders (not below them), valid or not, each once,
    leaving out the files in `skip`. Lint passes its own `listing` and `read`, which note
    what they read for the result cache.

    A file that cannot be read as a document is not a check-in here: lint reports it.
    """
    found: dict[Path, Document] = {}
    left_out = {path.resolve() for path in skip}
    for folder in folders:
        for path in listing(folder):
            key = path.resolve()
            if key in found or key in left_out:
                continue
            try:
                doc = read(path)
            except OpplanError:
                continue
            if doc is not None and doc.kind == "checkin":
                found[key] = doc
    return list(found.values())


def series(docs: Iterable[Document], cycle: int, team: str) -> list[tuple[Document, Checkin]]:
    """A team's valid check-ins of one year, in quarter order (see `by_team`)."""
    return by_team(docs).get((cycle, team_key(team)), [])
