"""The frontmatter's structured data as tables, by name: `<!-- opplan:table asks -->`.

Each table is a function of the document's model that returns a Table, or None
when the document has no such data. `TABLES` holds them by name; which tables a
kind has, in the order its appendix lists them, is the kind's record in `opplan.kinds`.
A table that reads more than its document (a check-in's goals, scored against
the plan it reports on) is a function of the model and a `Context`, in `IN_CONTEXT`.
The `Table` record and its cells are `render.table`; a check-in's tables are
`render.checkin_tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from typing import Any

from opplan import kinds
from opplan.render.checkin_tables import decisions, goal_progress, initiative_progress
from opplan.render.context import Context
from opplan.render.table import Table, listed, money, text
from opplan.schemas import DocumentBase


def results(doc: Any) -> Table | None:
    rows = tuple(
        (r.goal, text(r.target), text(r.actual), r.status, text(r.why)) for r in doc.results
    )
    header = ("Goal", "Target", "Actual", "Status", "Why")
    return (
        Table("results", "Last year's results", header, rows, (30, 10, 12, 8, 40)) if rows else None
    )


def _initiative(item: Any) -> str:
    status = getattr(item, "status", None)
    parts = [f"{item.id}: {item.name}", f"({status})" if status and status != "planned" else ""]
    if item.outcome:
        parts.append(f"— {item.outcome}")
    return " ".join(part for part in parts if part)


def tracks(doc: Any) -> Table | None:
    same, more = doc.tracks.same_resources, doc.tracks.more_investment
    rows: list[tuple[str, ...]] = [
        ("Headcount", text(same.headcount), text(more.headcount)),
        ("Budget", money(same.budget, doc.currency), money(more.budget, doc.currency)),
    ]
    pairs = zip_longest(same.initiatives, more.initiatives)
    for index, (left, right) in enumerate(pairs):
        label = "Initiatives" if index == 0 else ""
        rows.append((label, _initiative(left) if left else "", _initiative(right) if right else ""))
    header = ("", "Same resources", "More investment")
    return Table("tracks", "Planning tracks", header, tuple(rows), (14, 43, 43))


def goals(doc: Any) -> Table | None:
    rows = tuple(
        (
            g.id,
            g.tier,
            g.statement,
            text(g.metric),
            f"{text(g.baseline)} → {text(g.target)}" if g.target is not None else "",
            text(g.due),
            listed(g.owners),
        )
        for g in doc.goals
    )
    header = ("ID", "Tier", "Goal", "Metric", "Baseline → target", "Due", "Owners")
    return Table("goals", "Goals", header, rows, (6, 9, 28, 24, 12, 11, 12)) if rows else None


def assumptions(doc: Any) -> Table | None:
    rows = tuple((str(n), text) for n, text in enumerate(doc.assumptions, 1))
    return (
        Table("assumptions", "Key assumptions", ("#", "Assumption"), rows, (4, 96))
        if rows
        else None
    )


def asks(doc: Any) -> Table | None:
    rows = tuple(
        (
            a.kind,
            money(a.amount, doc.currency) if a.kind == "budget" else text(a.amount),
            a.what,
            text(a.by),
            text(a.if_late),
        )
        for a in doc.asks
    )
    header = ("Ask", "Amount", "What", "By", "If late")
    return Table("asks", "Resource asks", header, rows, (10, 11, 36, 11, 32)) if rows else None


def risks(doc: Any) -> Table | None:
    rows = tuple((r.risk, r.likelihood, r.impact, r.mitigation, text(r.owner)) for r in doc.risks)
    header = ("Risk", "Likelihood", "Impact", "Mitigation", "Owner")
    return Table("risks", "Risks", header, rows, (28, 12, 9, 38, 13)) if rows else None


def dependencies(doc: Any) -> Table | None:
    rows = tuple((d.team, d.need, text(d.by)) for d in doc.dependencies)
    header = ("Team", "Need", "By")
    return Table("dependencies", "Dependencies", header, rows, (20, 65, 15)) if rows else None


def commitments(doc: Any) -> Table | None:
    rows = tuple((c.team, c.what, text(c.by)) for c in doc.commitments)
    header = ("Team", "What we provide", "By")
    return Table("commitments", "Commitments", header, rows, (20, 65, 15)) if rows else None


def review_actions(doc: Any) -> Table | None:
    rows = tuple((a.action, a.owner, a.status, text(a.outcome)) for a in doc.review_actions)
    header = ("Action", "Owner", "Status", "Outcome")
    return (
        Table("review_actions", "Review actions", header, rows, (38, 14, 9, 39)) if rows else None
    )


def allocation(doc: Any) -> Table | None:
    granted = doc.allocated
    if granted is None:
        return None
    same, more = doc.tracks.same_resources, doc.tracks.more_investment
    rows = (
        ("Headcount", text(same.headcount), text(more.headcount), text(granted.headcount)),
        (
            "Budget",
            money(same.budget, doc.currency),
            money(more.budget, doc.currency),
            money(granted.budget, doc.currency),
        ),
    )
    header = ("", "Same resources", "More investment", "Allocated")
    return Table("allocation", "Asked and allocated", header, rows, (16, 28, 28, 28))


def top_down(doc: Any) -> Table | None:
    rows = tuple((t.id, t.name, text(t.outcome), t.status, text(t.sponsor)) for t in doc.top_down)
    header = ("ID", "Initiative", "Outcome", "Status", "Sponsor")
    return (
        Table("top_down", "Top-down initiatives", header, rows, (7, 35, 35, 10, 13))
        if rows
        else None
    )


CUSTOMER_QUESTIONS = (
    ("who", "Who is the customer?"),
    ("problem", "What is their problem or opportunity?"),
    ("benefit", "What is the most important benefit?"),
    ("evidence", "How do we know what they need?"),
    ("experience", "What does their experience look like?"),
)


def customer(doc: Any) -> Table | None:
    answers = doc.customer
    rows = tuple(
        (question, getattr(answers, key))
        for key, question in CUSTOMER_QUESTIONS
        if getattr(answers, key)
    )
    header = ("Question", "Answer")
    return Table("customer", "The customer", header, rows, (28, 72)) if rows else None


TableFunction = Callable[[Any], Table | None]
TABLES: dict[str, TableFunction] = {
    f.__name__: f
    for f in (
        review_actions,
        allocation,
        results,
        tracks,
        top_down,
        goals,
        assumptions,
        asks,
        risks,
        dependencies,
        commitments,
        customer,
        decisions,
    )
}
ContextTableFunction = Callable[[Any, Context], Table | None]
IN_CONTEXT: dict[str, ContextTableFunction] = {
    f.__name__: f for f in (goal_progress, initiative_progress)
}


def names(kind: str) -> tuple[str, ...]:
    """The tables a document kind has, in appendix order (none for a kind without)."""
    return kinds.KINDS[kind].tables if kind in kinds.KINDS else ()


def build(model: DocumentBase, name: str, context: Context | None = None) -> Table | None:
    """Table `name` of a document (a name from `names(kind)`), or None if it has no data.

    `context` is what a table in `IN_CONTEXT` reads besides the document (see
    `render.context.context_of`); without it, such a table has only the document.
    """
    if name not in names(model.kind):
        return None
    if name in IN_CONTEXT:
        return IN_CONTEXT[name](model, context or Context())
    function = TABLES.get(name)
    return function(model) if function else None
