"""The frontmatter's figures as charts, by name: `<!-- opplan:chart headcount_asked -->`.

Like the tables (`render/tables.py`), each chart is a function of the document's
model that returns a Chart, or None when there is nothing to chart; `CHARTS`
holds them by name, and a kind's record in `opplan.kinds` says which it has.
A chart is drawn by typst (`opplan-bar-chart` in `templates/render/chart.typ.j2`)
from the call `Chart.typst`: in place in the PDF, and as an image in docx and
HTML (`render/chart_image.py`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from opplan import kinds
from opplan.render.pdf import string
from opplan.schemas import DocumentBase

MOST_TICKS = 6


class Chart(NamedTuple):
    """A horizontal bar chart: one bar per label, longest first."""

    name: str
    title: str
    axis: str  # what the values count
    labels: tuple[str, ...]
    values: tuple[float, ...]
    note: str

    @property
    def shown(self) -> tuple[str, ...]:
        """The values as printed at the end of the bars."""
        return tuple(count(value) for value in self.values)

    @property
    def typst(self) -> str:
        """The typst code that draws the chart."""
        arguments = {
            "title": string(self.title),
            "note": string(self.note),
            "axis": string(self.axis),
            "labels": _array([string(label) for label in self.labels]),
            "values": _array([str(number(value)) for value in self.values]),
            "shown": _array([string(text) for text in self.shown]),
            "ticks": _array([str(number(tick)) for tick in ticks(max(self.values, default=0))]),
        }
        return "#opplan-bar-chart(" + ", ".join(f"{k}: {v}" for k, v in arguments.items()) + ")"


def _array(items: Sequence[str]) -> str:
    """A typst array literal (one item needs a trailing comma)."""
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def count(value: float) -> str:
    return f"{number(value):,}"


def ticks(top: float, whole: bool = True) -> tuple[float, ...]:
    """Axis ticks from 0 to a round number at or above `top`: steps of 1, 2 or 5 times
    a power of ten, at most MOST_TICKS of them; whole numbers only when `whole`."""
    if top <= 0:
        return (0, 1)
    magnitude = 10 ** math.floor(math.log10(top / (MOST_TICKS - 1)))
    step = next(m * magnitude for m in (1, 2, 5, 10) if top / (m * magnitude) <= MOST_TICKS - 1)
    if whole:
        step = max(step, 1)
    steps = math.ceil(round(top / step, 9))
    return tuple(round(i * step, 9) for i in range(steps + 1))


def headcount_asked(doc: Any) -> Chart | None:
    """A roll-up's headcount asked by team, largest first (ties in roll-up order)."""
    rows = [
        (plan.team, plan.headcount_asked) for plan in doc.plans if plan.headcount_asked is not None
    ]
    if not rows:
        return None
    rows.sort(key=lambda row: -row[1])
    total = sum(value for _, value in rows)
    teams = f"{len(rows)} team{'' if len(rows) == 1 else 's'}"
    return Chart(
        "headcount_asked",
        "Headcount asked by team",
        "People asked for",
        tuple(team for team, _ in rows),
        tuple(float(value) for _, value in rows),
        f"{count(total)} people asked for in all, by {teams}.",
    )


ChartFunction = Callable[[Any], Chart | None]
CHARTS: dict[str, ChartFunction] = {f.__name__: f for f in (headcount_asked,)}


def names(kind: str) -> tuple[str, ...]:
    """The charts a document kind has (none for most kinds)."""
    return kinds.KINDS[kind].charts if kind in kinds.KINDS else ()


def build(model: DocumentBase, name: str) -> Chart | None:
    """Chart `name` of a document, or None if the kind has no such chart or no data."""
    function = CHARTS.get(name) if name in names(model.kind) else None
    return function(model) if function else None


def sources(model: DocumentBase) -> list[str]:
    """The typst calls of every chart of a document (for the page-count cache key)."""
    return [chart.typst for name in names(model.kind) if (chart := build(model, name))]
