"""The frontmatter's structured data as tables, by name: `<!-- opplan:table asks -->`.

Each table is a function of the document's model that returns a Table, or None
when the document has no such data. `TABLES` holds them by name; which tables a
kind has, in the order its appendix lists them, is the kind's record in `opplan.kinds`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import Any, NamedTuple

from opplan import kinds
from opplan.schemas import DocumentBase


class Table(NamedTuple):
    """A table: its name, heading, column headers, rows and relative column widths."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]

    @property
    def markdown(self) -> str:
        """A pandoc pipe table whose cells wrap, with the relative column widths."""
        total = sum(self.widths)
        rule = "|" + "|".join("-" * max(3, round(120 * w / total)) for w in self.widths) + "|"
        lines = [_row(self.header), rule, *(_row(row) for row in self.rows)]
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
    )
}


def names(kind: str) -> tuple[str, ...]:
    """The tables a document kind has, in appendix order (none for a kind without)."""
    return kinds.KINDS[kind].tables if kind in kinds.KINDS else ()


def build(model: DocumentBase, name: str) -> Table | None:
    """Table `name` of a document (a name from `names(kind)`), or None if it has no data."""
    function = TABLES.get(name) if name in names(model.kind) else None
    return function(model) if function else None
