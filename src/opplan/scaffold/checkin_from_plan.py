"""Pre-fill a check-in from the plan it reports on, and from the check-in before it.

Every goal of the plan is listed by id, with a comment giving its statement,
baseline, target and due date, and every initiative (tracks, then top-down) with
a comment giving its name; an OP2's initiative keeps its status.

The check-in before it is the latest earlier one of the same team and cycle
(an earlier quarter, or the Q4 check-in before the final one) among the
check-ins in the new file's folder, in the plan's folder and in the folder
`[new.paths] checkin` gives the team's check-ins. Its `plan:` may
name the OP1 while the new one names the OP2: goals and initiatives keep their
ids from one to the other. From it, each goal's value, confidence and note and
each initiative's status and note carry forward, for the ids the plan still has;
its decisions do not (they were taken then).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from opplan import kinds
from opplan.config.model import Config
from opplan.paths import check_team, conventional_path
from opplan.scaffold import roundtrip, sources
from opplan.scaffold.skeleton import NEW_VERSION
from opplan.scaffold.sources import Source
from opplan.scaffold.values import Request, Values, to_fill
from opplan.schemas.op1 import PlanFields
from opplan.schemas.op2 import InitiativeStatus
from opplan.vocabulary import CONFIDENCES, QUARTERS
from opplan.workspace import checkins
from opplan.workspace.plans import initiatives

NOTE = "[What moved it, or what is in the way]"
INITIATIVE_NOTE = "[What was delivered, or why it slipped]"
PLACEHOLDERS = (NOTE, INITIATIVE_NOTE)
STATUSES: tuple[str, ...] = InitiativeStatus.__args__  # type: ignore[attr-defined]
_ITEM_INDENT = 2  # the column of a goal's or initiative's "-"
_KEYS = 4  # the column of its keys


@dataclass(frozen=True)
class Earlier:
    """The check-in a new one carries values forward from."""

    path: Path
    quarter: str
    meta: CommentedMap


@dataclass(frozen=True)
class Looked:
    """What the search for the check-in before found: it (if any), and the check-ins
    passed over because they fail the schema."""

    earlier: Earlier | None
    invalid: list[Path]


def read(path: Path) -> Source:
    """The plan at `path`: an OP2 or an OP1 that passes the schema."""
    allowed = kinds.get("checkin").new_from
    return sources.read(
        path, "--from", "the plan the check-in reports on (an OP2 or an OP1)", allowed
    )


def defaults(source: Source, request: Request) -> Request:
    """The request, with the team, organisation, owners and cycle it lacks from the plan."""
    return sources.request_from(source, request)


def folder(settings: Config, cycle: int, team: str) -> Path:
    """The folder `opplan new` puts a team's check-ins of a year in ([new.paths] checkin)."""
    fields = {"cycle": str(cycle), "team": check_team(team), "kind": "checkin"}
    fields |= {"title": "", "quarter": QUARTERS[-1].lower()}
    return conventional_path(settings.root, settings.new.paths.pattern("checkin"), fields).parent


def earlier(source: Source, values: Values, target: Path | None, settings: Config) -> Looked:
    """The check-in before the new one, beside `target` (None: not a file), beside the plan
    or where the convention puts the team's check-ins."""
    folders = [source.path.parent, folder(settings, values.cycle, values.team)]
    docs = checkins.in_folders([*folders, *([target.parent] if target else [])])
    invalid = [Path(doc.path) for doc in docs if doc.model is None]
    found = checkins.series(docs, values.cycle, values.team)
    assert values.quarter is not None  # a check-in's values have one
    here = (QUARTERS.index(values.quarter), values.final)
    before = [
        (doc, model)
        for doc, model in found
        if (QUARTERS.index(model.quarter), model.final) < here
        and (target is None or Path(doc.path).resolve() != target.resolve())
    ]
    if not before:
        return Looked(None, invalid)
    doc, model = before[-1]
    return Looked(Earlier(Path(doc.path), model.quarter, sources.meta_of(doc)), invalid)


def frontmatter_text(
    source: Source, values: Values, output: Path, today: dt.date, carried: Earlier | None
) -> str:
    """The check-in's frontmatter: every goal and initiative of the plan, by id."""
    plan = source.doc.model
    assert isinstance(plan, PlanFields)  # `read` takes only plans that pass the schema
    meta = CommentedMap()
    for key, value in (
        ("kind", "checkin"),
        *roundtrip.opening(values),
        ("version", DoubleQuotedScalarString(NEW_VERSION)),
        ("date", today),
        ("quarter", values.quarter),
        ("final", values.final),
        ("plan", roundtrip.relative(source.path, output)),
    ):
        meta[key] = roundtrip.quoted(value)
    roundtrip.comment(meta, "final", "true for the year-end check-in: its values are the results")
    before = _by_id(carried.meta.get("goals") if carried else None)
    meta["goals"] = _goals(source, before, carried.quarter if carried else None)
    before = _by_id(carried.meta.get("initiatives") if carried else None)
    meta["initiatives"] = _initiatives(plan, before)
    meta["decisions"] = CommentedSeq()
    roundtrip.comment(
        meta, "decisions", "each: decision (stop, start or adjust), what, why, about (ids)"
    )
    meta["overcommitted"] = False
    roundtrip.comment(meta, "overcommitted", "true if the team took on more than it can deliver")
    return roundtrip.dump(meta)


def _goals(source: Source, before: dict[str, CommentedMap], quarter: str | None) -> CommentedSeq:
    items = CommentedSeq()
    seen: set[str] = set()
    for goal in source.meta.get("goals") or ():
        goal_id = str(goal["id"])
        if goal_id in seen:
            continue
        seen.add(goal_id)
        last = before.get(goal_id, CommentedMap())
        item = CommentedMap()
        item["id"] = roundtrip.quoted(goal_id)
        item["value"] = last.get("value")
        item["confidence"] = last.get("confidence", "on-track")
        item["note"] = last.get("note") or DoubleQuotedScalarString(NOTE)
        if item["value"] is None:
            roundtrip.comment(item, "value", to_fill("the value now, as the plan writes it"), _KEYS)
        else:
            roundtrip.comment(item, "value", f"carried from {quarter}: update it", _KEYS)
        if not items:
            choices = f"{', '.join(CONFIDENCES[:-1])} or {CONFIDENCES[-1]}"
            roundtrip.comment(item, "confidence", choices, _KEYS)
        items.append(item)
        items.yaml_set_comment_before_after_key(
            len(items) - 1, before=_about(goal), indent=_ITEM_INDENT
        )
    return items


def _about(goal: CommentedMap) -> str:
    """The comment above a goal: its statement, its metric, then its numbers."""
    lines = [f"{goal['id']}: {_line(goal['statement'])}"]
    if goal.get("metric"):
        lines.append(f"metric: {_line(goal['metric'])}")
    numbers = [
        f"{key} {roundtrip.written(goal[key])}"
        for key in ("baseline", "target", "due")
        if goal.get(key) is not None
    ]
    lines.append(", ".join(numbers) if numbers else "no baseline or target: say where it stands")
    return "\n".join(lines)


def _line(text: object) -> str:
    """Text on one line, for a comment."""
    return " ".join(str(text).split())


def _initiatives(plan: PlanFields, before: dict[str, CommentedMap]) -> CommentedSeq:
    items = CommentedSeq()
    seen: set[str] = set()
    for initiative, _ in initiatives(plan):
        if initiative.id in seen:
            continue
        seen.add(initiative.id)
        last = before.get(initiative.id, CommentedMap())
        item = CommentedMap()
        item["id"] = roundtrip.quoted(initiative.id)
        item["status"] = last.get("status") or getattr(initiative, "status", "planned")
        item["note"] = last.get("note") or DoubleQuotedScalarString(INITIATIVE_NOTE)
        if not items:
            choices = f"{', '.join(STATUSES[:-1])} or {STATUSES[-1]}"
            roundtrip.comment(item, "status", choices, _KEYS)
        items.append(item)
        items.yaml_set_comment_before_after_key(
            len(items) - 1, before=f"{initiative.id}: {_line(initiative.name)}", indent=_ITEM_INDENT
        )
    return items


def _by_id(items: object) -> dict[str, CommentedMap]:
    """A previous check-in's goals or initiatives by id (the first of a repeated id)."""
    found: dict[str, CommentedMap] = {}
    for item in items if isinstance(items, list) else ():
        if isinstance(item, CommentedMap) and "id" in item:
            found.setdefault(str(item["id"]), item)
    return found
