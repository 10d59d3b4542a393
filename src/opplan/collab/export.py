"""Flat tables of goals, asks or risks, one row per item, for spreadsheets and goal trackers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from opplan.document import Document
from opplan.names import choose
from opplan.schemas.op1 import PlanFields
from opplan.workspace.plans import plans

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


def rows(table: str, docs: Sequence[Document], cycle: int | None = None) -> list[Row]:
    """The table's rows from every valid OP1 and OP2 (of one cycle, if given)."""
    extract = choose("table", table, TABLES)
    return [
        row
        for doc, model in plans(docs)
        if cycle is None or model.cycle == cycle
        for row in extract(doc, model)
    ]
