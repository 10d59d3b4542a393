"""Choose which plans a roll-up or status is about: one cycle, one plan per team.

Without `--cycle`, the latest cycle among the plans is used. Per team, the OP2
is used when there is one (it revises the OP1), else the OP1; `--kind` asks
for one kind. Every choice that left something out is said in `notes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from opplan.document import Document
from opplan.errors import UsageError
from opplan.schemas.op1 import PlanFields
from opplan.workspace.plans import PLAN_KINDS, plans, team_key


class Selection(NamedTuple):
    """The plans chosen, and why."""

    cycle: int
    plans: tuple[tuple[Document, PlanFields], ...]  # one per team, by team name
    notes: tuple[str, ...]


def select(
    docs: Sequence[Document], *, org: str | None, cycle: int | None, kind: str | None
) -> Selection:
    notes: list[str] = []
    invalid = [doc.path for doc in docs if doc.kind in PLAN_KINDS and doc.model is None]
    if invalid:
        notes.append(
            f"left out {len(invalid)} plan(s) whose frontmatter has errors: "
            f"{', '.join(invalid)} (run opplan lint)"
        )
    found = list(plans(docs))
    if org is not None:
        others = [
            doc.path for doc, model in found if model.org and team_key(model.org) != team_key(org)
        ]
        found = [(d, m) for d, m in found if not m.org or team_key(m.org) == team_key(org)]
        if others:
            notes.append(f"left out {len(others)} plan(s) of other orgs than {org}")
    cycles = sorted({model.cycle for _, model in found})
    if not cycles:
        raise UsageError(
            "no valid OP1 or OP2 plans found"
            + (f" for org {org}" if org else "")
            + "; check the paths (opplan lint shows what is wrong)"
        )
    if cycle is None:
        cycle = cycles[-1]
        if len(cycles) > 1:
            notes.append(
                f"plans for cycles {', '.join(map(str, cycles))} were found; this uses "
                f"{cycle}, the latest (--cycle chooses another)"
            )
    elif cycle not in cycles:
        raise UsageError(
            f"no plans for cycle {cycle}; the plans found are for {', '.join(map(str, cycles))}"
        )
    by_team: dict[str, dict[str, list[tuple[Document, PlanFields]]]] = {}
    for doc, model in found:
        if model.cycle == cycle:
            by_team.setdefault(team_key(model.team), {}).setdefault(doc.kind, []).append(
                (doc, model)
            )
    chosen: list[tuple[Document, PlanFields]] = []
    missing: list[str] = []
    used = dict.fromkeys(PLAN_KINDS, 0)
    for kinds in by_team.values():
        pick = kind or ("op2" if "op2" in kinds else "op1")
        options = kinds.get(pick, [])
        if not options:
            missing.append(next(iter(kinds.values()))[0][1].team)
            continue
        if len(options) > 1:
            paths = ", ".join(doc.path for doc, _ in options)
            raise UsageError(
                f"{options[0][1].team} has {len(options)} {pick} plans for {cycle} "
                f"({paths}); pass only the one to use"
            )
        chosen.append(options[0])
        used[pick] += 1
    if missing:
        notes.append(
            f"left out {len(missing)} team(s) with no {kind} for {cycle}: "
            + ", ".join(sorted(missing))
        )
    if kind is None and used["op1"] and used["op2"]:
        notes.append(
            f"uses the OP2 of {used['op2']} team(s), which revises their OP1, and the "
            f"OP1 of {used['op1']} team(s) that have no OP2 yet (--kind chooses one kind)"
        )
    chosen.sort(key=lambda pair: team_key(pair[1].team))
    return Selection(cycle, tuple(chosen), tuple(notes))
