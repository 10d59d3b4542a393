"""Flat tables of goals, asks or risks, one row per item, for spreadsheets and goal trackers.

A goal's row ends with where it stands: the value, confidence and score from
the team's latest check-in of the plan's cycle (`checkin` names its quarter),
on the rows of the plan that check-in reports on (its `plan:`), scored against
it; when that plan is not among the documents, on the rows of the team's
latest plan (its OP2 over its OP1). Other rows leave them empty, as do goals
the check-in does not report on: an OP1 the OP2 revised is not scored against
a check-in of the OP2, whose baseline and target may differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from opplan.document import Document
from opplan.names import choose
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.scoring import CONFIDENCE_SCORES
from opplan.workspace.checkins import by_team, plan_path, scored
from opplan.workspace.plans import plans, team_key

Row = dict[str, Any]
COMMON = ("team", "cycle", "kind", "path", "line")


def _goals(doc: Document, model: PlanFields) -> Iterator[Row]:
    for index, goal in enumerate(model.goals):
        yield {
            **_where(doc, model, "goals", index),
            "id": goal.id,
            "tier": goal.tier,
            "statement": goal.statement,
            "metric": goal.metric,
            "baseline": goal.baseline,
            "target": goal.target,
            "due": goal.due,
            "owners": "; ".join(goal.owners),
            "shared_with": "; ".join(shared.team for shared in goal.teams),
        }


def _asks(doc: Document, model: PlanFields) -> Iterator[Row]:
    for index, ask in enumerate(model.asks):
        yield {
            **_where(doc, model, "asks", index),
            "ask": ask.kind,
            "amount": ask.amount,
            "currency": model.currency if ask.kind == "budget" else None,
            "what": ask.what,
            "by": ask.by,
            "if_late": ask.if_late,
        }


def _risks(doc: Document, model: PlanFields) -> Iterator[Row]:
    for index, risk in enumerate(model.risks):
        yield {
            **_where(doc, model, "risks", index),
            "risk": risk.risk,
            "likelihood": risk.likelihood,
            "impact": risk.impact,
            "mitigation": risk.mitigation,
            "owner": risk.owner,
        }


def _where(doc: Document, model: PlanFields, key: str, index: int) -> Row:
    return {
        "team": model.team,
        "cycle": model.cycle,
        "kind": doc.kind,
        "path": doc.path,
        "line": doc.line_of(key, index),
    }


TABLES: dict[str, Callable[[Document, PlanFields], Iterator[Row]]] = {
    "goals": _goals,
    "asks": _asks,
    "risks": _risks,
}


PROGRESS = ("checkin", "value", "confidence", "score", "score_basis")


def rows(
    table: str,
    docs: Sequence[Document],
    cycle: int | None = None,
    confidence_scores: Mapping[str, float] = CONFIDENCE_SCORES,
) -> list[Row]:
    """The table's rows from every valid OP1 and OP2 (of one cycle, if given)."""
    extract = choose("table", table, TABLES)
    reported = _reported(docs) if table == "goals" else {}
    found = []
    for doc, model in plans(docs):
        if cycle is not None and model.cycle != cycle:
            continue
        checkin = reported.get(Path(doc.path).resolve())
        progress = _progress(checkin, model, confidence_scores) if checkin else {}
        for row in extract(doc, model):
            extra = progress.get(row["id"], dict.fromkeys(PROGRESS)) if table == "goals" else {}
            found.append(row | extra)
    return found


def _reported(docs: Sequence[Document]) -> dict[Path, Checkin]:
    """Each team's latest check-in of a cycle, by the path of the plan its rows go on."""
    latest: dict[tuple[int, str], Path] = {}
    for doc, model in plans(docs):  # OP2 over OP1: the team's plan a check-in may fall back on
        key = (model.cycle, team_key(model.team))
        if key not in latest or doc.kind == "op2":
            latest[key] = Path(doc.path).resolve()
    known = set(latest.values()) | {Path(doc.path).resolve() for doc, _ in plans(docs)}
    found: dict[Path, Checkin] = {}
    for key, group in by_team(docs).items():
        doc, checkin = group[-1]
        named = plan_path(doc, checkin).resolve()
        target = named if named in known else latest.get(key)
        if target is not None:
            found[target] = checkin
    return found


def _progress(
    checkin: Checkin, model: PlanFields, confidence_scores: Mapping[str, float]
) -> dict[str, Row]:
    """The columns of each goal the check-in reports on, by goal id."""
    return {
        item.progress.id: {
            "checkin": checkin.quarter,
            "value": item.progress.value,
            "confidence": item.progress.confidence,
            "score": round(item.score.value, 2),
            "score_basis": item.score.basis,
        }
        for item in scored(checkin, model, confidence_scores)
    }
