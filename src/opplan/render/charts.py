"""The frontmatter's figures as charts, by name: `<!-- opplan:chart headcount_asked -->`.

Like the tables (`render/tables.py`), each chart is a function of the document's
model that returns a drawing (a bar Chart, or a HeatMap from `render/heat_map.py`),
or None when there is nothing to chart; `CHARTS` holds them by name, and a kind's
record in `opplan.kinds` says which it has. A chart is drawn by typst
(`opplan-bar-chart` in `templates/render/chart.typ.j2`, `opplan-heat-map` in
`chart-heat-map.typ.j2`) from its call `typst`: in place in the PDF, and as an
image in docx and HTML (`render/chart_image.py`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

from opplan import kinds
from opplan.render.heat_map import HeatCell, HeatMap
from opplan.render.pdf import array, string
from opplan.schemas import DocumentBase
from opplan.schemas.checkin import FURTHEST_BEHIND

MOST_TICKS = 6
PERIOD_TITLES = {"final": "Final"}
# A shared goal's cell shows the team further behind.
BEHIND = {confidence: place for place, confidence in enumerate(FURTHEST_BEHIND)}


class Drawing(Protocol):
    """What every chart has: the writers need no more."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def note(self) -> str: ...

    @property
    def typst(self) -> str: ...


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
            "labels": array([string(label) for label in self.labels]),
            "values": array([str(number(value)) for value in self.values]),
            "shown": array([string(text) for text in self.shown]),
            "ticks": array([str(number(tick)) for tick in ticks(max(self.values, default=0))]),
        }
        return "#opplan-bar-chart(" + ", ".join(f"{k}: {v}" for k, v in arguments.items()) + ")"


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


def goal_scores(doc: Any) -> HeatMap | None:
    """A check-in roll-up's goals by quarter, each cell the goal's score and confidence,
    in the roll-up's order (at-risk and off-track goals first)."""
    summary = doc.checkins
    if summary is None or not summary.goals or not summary.periods:
        return None
    periods = tuple(summary.periods)
    cells = []
    for goal in summary.goals:
        row = []
        for period in periods:
            here = [score for score in goal.scores if score.period == period]
            worst = min(here, key=lambda s: (BEHIND[s.confidence], s.score), default=None)
            row.append(
                None
                if worst is None
                else HeatCell(float(worst.score), worst.confidence, worst.basis == "confidence")
            )
        cells.append(tuple(row))
    latest = [next(cell for cell in reversed(row) if cell) for row in cells if any(row)]
    off = sum(cell.confidence == "off-track" for cell in latest)
    risk = sum(cell.confidence == "at-risk" for cell in latest)
    goals = len(summary.goals)
    teams = len({side.team for goal in summary.goals for side in goal.teams})
    return HeatMap(
        "goal_scores",
        "Goal scores by quarter",
        tuple(PERIOD_TITLES.get(period, period) for period in periods),
        tuple(" / ".join(dict.fromkeys(side.id for side in goal.teams)) for goal in summary.goals),
        tuple(", ".join(side.team for side in goal.teams) for goal in summary.goals),
        tuple(goal.statement for goal in summary.goals),
        tuple(cells),
        f"{goals} goal{'' if goals == 1 else 's'} of {teams} team{'' if teams == 1 else 's'}: "
        f"{off} off track and {risk} at risk at their latest check-in.",
    )


ChartFunction = Callable[[Any], Drawing | None]
CHARTS: dict[str, ChartFunction] = {f.__name__: f for f in (headcount_asked, goal_scores)}


def names(kind: str) -> tuple[str, ...]:
    """The charts a document kind has (none for most kinds)."""
    return kinds.KINDS[kind].charts if kind in kinds.KINDS else ()


def build(model: DocumentBase, name: str) -> Drawing | None:
    """Chart `name` of a document, or None if the kind has no such chart or no data."""
    function = CHARTS.get(name) if name in names(model.kind) else None
    return function(model) if function else None


def sources(model: DocumentBase) -> list[str]:
    """The typst calls of every chart of a document (for the page-count cache key)."""
    return [chart.typst for name in names(model.kind) if (chart := build(model, name))]
