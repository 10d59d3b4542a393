"""The frontmatter's structured data as tables, by name: `<!-- opplan:table asks -->`.

Each table is a function of the document's model that returns a Table, or None
when the document has no such data. `TABLES` holds them by name; which tables a
kind has, in the order its appendix lists them, is the kind's record in `opplan.kinds`.
A table that reads more than its document (a check-in's goals, scored against
the plan it reports on) is a function of the model and a `Context`, in `IN_CONTEXT`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import Any, NamedTuple

from opplan import kinds
from opplan.render.context import Context
from opplan.schemas import DocumentBase
from opplan.workspace.checkins import initiatives_by_id, scored


class Table(NamedTuple):
    """A table: its name, heading, column headers, rows and relative column widths."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    note: str = ""  # plain text printed under the table (what its marks mean)

    @property
    def markdown(self) -> str:
        """A pandoc pipe table whose cells wrap, with the relative column widths."""
        total = sum(self.widths)
        rule = "|" + "|".join("-" * max(3, round(120 * w / total)) for w in self.widths) + "|"
        lines = [_row(self.header), rule, *(_row(row) for row in self.rows)]
        if self.note:
            lines += ["", escape(self.note)]
        return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"


def escape(value: object) -> str:
    """Plain text as Markdown that pandoc reads back as the same text."""
    text = " ".join(str(value).split())
    text = re.sub(r"([\\`*_{}\[\]<>#|$~^@&])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)  # not a numbered list
    return re.sub(r"^([-+:=])", r"\\\1", text)  # not a list, rule or definition


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _money(amount: Any, currency: str) -> str:
    if amount is None:
        return ""
    if isinstance(amount, int | float):
        number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
        return f"${number}" if currency == "USD" else f"{number} {currency}"
    return str(amount)


def _list(values: Iterable[Any]) -> str:
    return ", ".join(str(value) for value in values)


def results(doc: Any) -> Table | None:
    rows = tuple(
        (r.goal, _text(r.target), _text(r.actual), r.status, _text(r.why)) for r in doc.results
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
        ("Headcount", _text(same.headcount), _text(more.headcount)),
        ("Budget", _money(same.budget, doc.currency), _money(more.budget, doc.currency)),
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
            _text(g.metric),
            f"{_text(g.baseline)} → {_text(g.target)}" if g.target is not None else "",
            _text(g.due),
            _list(g.owners),
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
            _money(a.amount, doc.currency) if a.kind == "budget" else _text(a.amount),
            a.what,
            _text(a.by),
            _text(a.if_late),
        )
        for a in doc.asks
    )
    header = ("Ask", "Amount", "What", "By", "If late")
    return Table("asks", "Resource asks", header, rows, (10, 11, 36, 11, 32)) if rows else None


def risks(doc: Any) -> Table | None:
    rows = tuple((r.risk, r.likelihood, r.impact, r.mitigation, _text(r.owner)) for r in doc.risks)
    header = ("Risk", "Likelihood", "Impact", "Mitigation", "Owner")
    return Table("risks", "Risks", header, rows, (28, 12, 9, 38, 13)) if rows else None


def dependencies(doc: Any) -> Table | None:
    rows = tuple((d.team, d.need, _text(d.by)) for d in doc.dependencies)
    header = ("Team", "Need", "By")
    return Table("dependencies", "Dependencies", header, rows, (20, 65, 15)) if rows else None


def commitments(doc: Any) -> Table | None:
    rows = tuple((c.team, c.what, _text(c.by)) for c in doc.commitments)
    header = ("Team", "What we provide", "By")
    return Table("commitments", "Commitments", header, rows, (20, 65, 15)) if rows else None


def review_actions(doc: Any) -> Table | None:
    rows = tuple((a.action, a.owner, a.status, _text(a.outcome)) for a in doc.review_actions)
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
        ("Headcount", _text(same.headcount), _text(more.headcount), _text(granted.headcount)),
        (
            "Budget",
            _money(same.budget, doc.currency),
            _money(more.budget, doc.currency),
            _money(granted.budget, doc.currency),
        ),
    )
    header = ("", "Same resources", "More investment", "Allocated")
    return Table("allocation", "Asked and allocated", header, rows, (16, 28, 28, 28))


def top_down(doc: Any) -> Table | None:
    rows = tuple((t.id, t.name, _text(t.outcome), t.status, _text(t.sponsor)) for t in doc.top_down)
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


CONFIDENCE_MARK = "*"  # after a score its goal's numbers could not give


def goal_progress(doc: Any, context: Context) -> Table | None:
    """A check-in's goals: the plan's statement, baseline and target, the value and score."""
    found = scored(doc, context.plan, context.confidence_scores)
    rows = []
    by_confidence = []
    for item in found:
        progress, goal, score = item.progress, item.goal, item.score
        mark = ""
        if score.basis == "confidence":
            mark = CONFIDENCE_MARK
            by_confidence.append(
                progress.id if context.unread else f"{progress.id} ({score.reason})"
            )
        rows.append(
            (
                progress.id,
                goal.statement if goal else "",
                _text(goal.baseline) if goal else "",
                _text(goal.target) if goal else "",
                _text(progress.value),
                f"{score}{mark}",
                progress.confidence,
                _text(progress.note),
            )
        )
    note = ""
    if by_confidence:
        listed = (", " if context.unread else "; ").join(by_confidence)
        note = f"{CONFIDENCE_MARK} Scored by confidence alone: {listed}."
        if context.unread:
            note += f" The plan {doc.plan} {context.unread}."
    header = ("ID", "Goal", "Baseline", "Target", "Value", "Score", "Confidence", "Note")
    widths = (6, 24, 9, 9, 9, 7, 10, 26)
    return (
        Table("goal_progress", "Goal progress", header, tuple(rows), widths, note) if rows else None
    )


def initiative_progress(doc: Any, context: Context) -> Table | None:
    """A check-in's initiatives: the plan's name for each, its status and note."""
    named = initiatives_by_id(context.plan) if context.plan is not None else {}
    rows = tuple(
        (
            item.id,
            named[item.id].name if item.id in named else "",
            item.status,
            _text(item.note),
        )
        for item in doc.initiatives
    )
    header = ("ID", "Initiative", "Status", "Note")
    return (
        Table("initiative_progress", "Initiative progress", header, rows, (7, 33, 11, 49))
        if rows
        else None
    )


def decisions(doc: Any) -> Table | None:
    rows = tuple((d.decision, d.what, d.why, _list(d.about)) for d in doc.decisions)
    header = ("Decision", "What", "Why", "About")
    return Table("decisions", "Decisions", header, rows, (10, 38, 38, 14)) if rows else None


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
