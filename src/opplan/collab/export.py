"""Flat tables of goals, asks or risks, one row per item, for spreadsheets and goal trackers.

A goal's row ends with where it stands: the value, confidence and score from
the team's latest check-in of the plan's cycle (`checkin` names its quarter),
scored against the row's own plan; empty when the team has no check-in, or
its latest does not report on the goal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from opplan.document import Document
from opplan.names import choose
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.scoring import CONFIDENCE_SCORES
from opplan.workspace.checkins import by_team, scored
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
    checkins = by_team(docs) if table == "goals" else {}
    found = []
    for doc, model in plans(docs):
        if cycle is not None and model.cycle != cycle:
            continue
        group = checkins.get((model.cycle, team_key(model.team)))
        progress = _progress(group[-1][1], model, confidence_scores) if group else {}
        for row in extract(doc, model):
            extra = progress.get(row["id"], dict.fromkeys(PROGRESS)) if table == "goals" else {}
            found.append(row | extra)
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
