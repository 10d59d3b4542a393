"""Start next year's OP1 from this year's plan and its final check-in.

The final check-in is found from the document given: for a plan (an OP2, or an
OP1 when the team had no OP2), among the check-ins of the same team and cycle
in the plan's folder and in the folder `[new.paths] checkin` gives them, the
one marked `final: true`, else the latest; for a check-in, the final one of its
series found the same way (itself if it is the last). Its goals are scored
against the plan its `plan:` names.

Each goal of that plan becomes a result: `goal` is its statement, `target` its
target, `actual` the check-in's value, `why` the check-in's note, and `status`
comes from the goal's score, whether its numbers or its confidence scored it:
1.0 is `hit`, at least `[checkins] partial_score` (0.5) is `partial`, below is
`missed`. By confidence that makes `done` a hit, `dropped` a miss and, with the
default confidence scores, `on-track` at year end partial. The initiatives not
delivered and not cut at year end (planned, on-track or delayed) head the
same-resources track as candidates, each under a comment saying so, to keep or
delete. The charter, tenets, currency and partner teams (to pre-read the new
plan) carry over; the rest is the OP1 skeleton.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from opplan import kinds
from opplan.config.model import Config
from opplan.document import frontmatter
from opplan.errors import UsageError
from opplan.paths import shown
from opplan.scaffold import checkin_from_plan, roundtrip, sources
from opplan.scaffold.sources import Source
from opplan.scaffold.values import Request, to_fill
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.workspace import checkins
from opplan.workspace.plans import initiatives

OPTION = "--from-previous"
CARRIED = ("charter", "tenets", "currency")  # copied as they are
UNFINISHED = ("planned", "on-track", "delayed")  # initiative statuses offered again
WHY = "[Why it was missed or only partly met]"
_RESULT_KEYS = 4  # the column of a result's keys
_INITIATIVE_INDENT = 6  # tracks: same_resources: initiatives: - ...


@dataclass(frozen=True)
class Year:
    """The year being closed: its final check-in and the plan that check-in reports on."""

    checkin: Source
    plan: Source

    @property
    def model(self) -> Checkin:
        model = self.checkin.doc.model
        assert isinstance(model, Checkin)  # `read` takes only check-ins that pass the schema
        return model

    @property
    def plan_model(self) -> PlanFields:
        model = self.plan.doc.model
        assert isinstance(model, PlanFields)
        return model


@dataclass(frozen=True)
class Made:
    """The OP1's text, and what went into it, for the summary."""

    text: str
    statuses: dict[str, int]  # results by status
    candidates: list[str]  # "SR-4 (delayed)"


def read(path: Path, settings: Config) -> Year:
    """The final check-in of the year `path` belongs to, and its plan."""
    given = sources.read(
        path,
        OPTION,
        "last year's OP2 (or OP1) or one of its check-ins",
        (*kinds.PLAN_NAMES, "checkin"),
    )
    model = given.doc.model
    assert model is not None
    folders = [path.parent, checkin_from_plan.folder(settings, model.cycle, model.team)]
    series = checkins.series(checkins.in_folders(folders), model.cycle, model.team)
    found = checkins.final(series)
    if found is None:
        where = " or ".join(dict.fromkeys(shown(folder) for folder in folders))
        raise UsageError(
            f"{path}: no check-in of {model.team} {model.cycle} in {where}, so no results to "
            f"carry; write the final one first (opplan new checkin --from {path} "
            "--quarter Q4 --final)"
        )
    doc, final = found
    checkin = given if Path(doc.path).resolve() == path.resolve() else _read_checkin(doc.path)
    plan_file = checkins.plan_path(checkin.doc, final)
    if not plan_file.is_file():
        raise UsageError(
            f"{checkin.path}: its plan {final.plan!r} is not a file ({plan_file}); "
            "fix its plan: key"
        )
    same = given.doc.kind != "checkin" and plan_file.resolve() == path.resolve()
    plan = given if same else sources.read(plan_file, OPTION, "a plan", kinds.PLAN_NAMES)
    return Year(checkin, plan)


def _read_checkin(path: str) -> Source:
    return sources.read(Path(path), OPTION, "a check-in", ("checkin",))


def defaults(year: Year, request: Request) -> Request:
    """The request, with what it lacks from the plan; the cycle is the next year."""
    return sources.request_from(year.plan, request, cycle=year.plan_model.cycle + 1)


def op1(skeleton: str, year: Year, confidence_scores: Mapping[Any, float], partial: float) -> Made:
    """The OP1 skeleton with last year's results, the carried keys and the candidates."""
    parts = frontmatter.split("op1", skeleton)
    meta = roundtrip.load(parts.frontmatter)
    for key in CARRIED:
        value = year.plan.meta.get(key)
        if value:
            roundtrip.put(meta, key, copy.deepcopy(value))
    partners = _partners(year.plan.meta.get("partners"))
    if partners:
        roundtrip.put(meta, "partners", partners)
    results, statuses = _results(year, confidence_scores, partial)
    roundtrip.put(meta, "results", results)
    scale = f"status from each goal's score: hit at 1.00, partial from {partial:.2f}, else missed"
    roundtrip.comment(meta, "results", scale)
    candidates = _candidates(year)
    if candidates:
        ids = set(checkins.initiatives_by_id(year.plan_model))
        _offer(meta, candidates, year.plan_model.cycle, ids)
    shown = [f"{item['id']} ({status})" for item, status, _ in candidates]
    return Made(f"---\n{roundtrip.dump(meta)}---\n{parts.body}", statuses, shown)


def _partners(partners: object) -> CommentedSeq:
    """The plan's partner teams, not yet pre-read: they read the new plan again."""
    made = CommentedSeq()
    for partner in partners if isinstance(partners, list) else ():
        item = CommentedMap()
        item["team"] = partner["team"]
        item["reviewed"] = None
        if not made:
            item.yaml_add_eol_comment("# the date they pre-read this plan", "reviewed")
        made.append(item)
    return made


def _results(
    year: Year, confidence_scores: Mapping[Any, float], partial: float
) -> tuple[CommentedSeq, dict[str, int]]:
    scores = {
        entry.progress.id: entry.score
        for entry in checkins.scored(year.model, year.plan_model, confidence_scores)
    }
    reported = {str(item["id"]): item for item in year.checkin.meta.get("goals") or ()}
    made, statuses = CommentedSeq(), {"hit": 0, "partial": 0, "missed": 0}
    for goal in year.plan.meta.get("goals") or ():
        goal_id = str(goal["id"])
        progress = reported.get(goal_id, CommentedMap())
        score = scores.get(goal_id)
        status = _status(score.value if score else 0.0, partial)
        statuses[status] += 1
        result = CommentedMap()
        result["goal"] = goal["statement"]
        result["target"] = _given(goal.get("target"), "[Target]")
        result["actual"] = _given(progress.get("value"), "[Actual]")
        result["status"] = status
        note = _written(progress.get("note"))
        if note or status != "hit":
            result["why"] = note or DoubleQuotedScalarString(WHY)
        how = f"score {score.described}" if score else to_fill("not in the final check-in")
        roundtrip.comment(result, "status", f"{goal_id}: {how}", _RESULT_KEYS)
        made.append(result)
    return made, statuses


def _status(score: float, partial: float) -> str:
    if score >= 1.0:
        return "hit"
    return "partial" if score >= partial else "missed"


def _written(note: object) -> object:
    """A check-in's note, unless it is still the placeholder `opplan new` wrote."""
    return None if note in checkin_from_plan.PLACEHOLDERS else note


def _given(value: object, placeholder: str) -> object:
    return DoubleQuotedScalarString(placeholder) if value is None or value == "" else value


def _candidates(year: Year) -> list[tuple[CommentedMap, str, str]]:
    """The plan's initiatives unfinished at year end: (as in the plan, status, note)."""
    progress = checkins.initiative_progress(year.model)
    nodes: dict[str, CommentedMap] = {}
    for track in ("same_resources", "more_investment"):
        for node in year.plan.meta["tracks"][track].get("initiatives") or ():
            nodes.setdefault(str(node["id"]), node)
    for node in year.plan.meta.get("top_down") or ():
        nodes.setdefault(str(node["id"]), node)
    found = []
    for initiative, _ in initiatives(year.plan_model):
        reported = progress.get(initiative.id)
        status = reported.status if reported else getattr(initiative, "status", "planned")
        if status not in UNFINISHED or initiative.id not in nodes:
            continue
        node = nodes.pop(initiative.id)
        item = CommentedMap()
        for key in ("id", "name", "outcome"):
            if node.get(key) is not None:
                item[key] = copy.deepcopy(node[key])
        note = _written(reported.note if reported else None)
        found.append((item, status, str(note or "")))
    return found


def _offer(
    meta: CommentedMap,
    candidates: list[tuple[CommentedMap, str, str]],
    cycle: int,
    last_year: set[str],
) -> None:
    """The candidates at the head of the same-resources track; the skeleton's own
    initiatives stay after them, with ids that last year's plan did not use."""
    tracks = meta.get("tracks")
    same = tracks.get("same_resources") if isinstance(tracks, CommentedMap) else None
    if not isinstance(same, CommentedMap):
        return  # a local template without tracks: the schema check names what is missing
    taken = set(last_year)
    for track in tracks.values():
        for item in (track.get("initiatives") if isinstance(track, CommentedMap) else None) or ():
            if str(item.get("id")) in taken:
                item["id"] = _free(str(item["id"]), taken)
            taken.add(str(item.get("id")))
    listed = same.get("initiatives")
    if not isinstance(listed, CommentedSeq):
        listed = CommentedSeq()
        same["initiatives"] = listed
    for index, (item, status, note) in enumerate(candidates):
        listed.insert(index, item)
        lines = [f"carried over from {cycle}: {status}; keep it and update it, or delete it"]
        if note:
            lines.append(f"{cycle}: {' '.join(note.split())}")
        listed.yaml_set_comment_before_after_key(
            index, before="\n".join(lines), indent=_INITIATIVE_INDENT
        )


def _free(taken_id: str, taken: set[str]) -> str:
    """The next id of the same prefix that is not taken: SR-1 -> SR-2."""
    prefix, _, number = taken_id.rpartition("-")
    count = int(number) if number.isdigit() else 1
    while f"{prefix}-{count}" in taken:
        count += 1
    return f"{prefix}-{count}"
