"""Write a roll-up as an opplan document of kind `rollup`: frontmatter, then a body
with level-1 headings rendered from the `rollup/rollup.md.j2` template."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML

from opplan import templating
from opplan.collab.rollup import RollupData, TeamRow
from opplan.config.model import Config

OPTION = re.compile(r"(?<![\w`])(--[a-z][\w-]*)")


def render(data: RollupData, owners: Sequence[str], today: dt.date, config: Config) -> str:
    """The roll-up document's full text."""
    return templating.render(
        config,
        "rollup/rollup.md.j2",
        frontmatter=_frontmatter(data, owners, today),
        cycle=data.cycle,
        org=data.org,
        notes=[options_as_code(note) for note in data.notes],
        teams=[_team(row, data.currency) for row in data.teams],
        totals=_totals(data),
        asks=[
            [
                row.team,
                row.kind,
                _amount(row.amount, row.kind, data.currency),
                cell(row.what),
                row.by,
            ]
            for row in data.asks
        ],
        risks=[
            [
                row.team,
                cell(row.risk),
                row.likelihood,
                row.impact,
                row.owner or "none",
                cell(row.mitigation),
            ]
            for row in data.risks
        ],
        goals={
            tier: [
                [r.team, r.id, cell(r.statement), cell(r.target), r.due, r.owners or "none"]
                for r in rows
            ]
            for tier, rows in data.goals.items()
        },
        matrix=_matrix(data),
        matrix_columns=[cell(column) for column in data.matrix.columns],
    )


def _frontmatter(data: RollupData, owners: Sequence[str], today: dt.date) -> str:
    mapping = {
        "kind": "rollup",
        "title": f"{data.org} plans {data.cycle}: roll-up",
        "team": data.org,
        "org": data.org,
        "cycle": data.cycle,
        "status": "draft",
        "owners": list(owners),
        "date": today,
        "currency": data.currency,
        "totals": {
            "headcount_same_resources": _number(data.total("headcount_same")),
            "headcount_more_investment": _number(data.total("headcount_more")),
            "headcount_asked": _number(data.total("headcount_asked")),
            "budget_asked": _number(data.total("budget_asked")),
        },
        "plans": [
            {
                "team": row.team,
                "path": row.path,
                "kind": row.kind,
                "status": row.status,
                "headcount_asked": _number(row.headcount_asked),
            }
            for row in data.teams
        ],
    }
    return yaml_text(mapping)


def yaml_text(mapping: dict[str, Any]) -> str:
    """Frontmatter as block-style YAML, keys in the order given."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    stream = io.StringIO()
    yaml.dump(mapping, stream)
    return stream.getvalue()


def _team(row: TeamRow, currency: str) -> list[str]:
    return [
        cell(row.team),
        f"`{row.path}`",
        row.kind.upper(),
        row.status,
        f"{row.pages:.1f}",
        _count(row.headcount_same),
        _count(row.headcount_more),
        str(row.asks),
        _count(row.headcount_asked),
        _money(row.budget_asked, currency),
    ]


def _totals(data: RollupData) -> list[str]:
    return [
        f"{sum(row.pages for row in data.teams):.1f}",
        _count(data.total("headcount_same")),
        _count(data.total("headcount_more")),
        str(int(data.total("asks"))),
        _count(data.total("headcount_asked")),
        _money(data.total("budget_asked"), data.currency),
    ]


def _matrix(data: RollupData) -> list[list[str]]:
    return [
        [cell(row)]
        + [str(data.matrix.needs.get((row, column), "-")) for column in data.matrix.columns]
        for row in data.matrix.rows
    ]


def _amount(amount: float | None, kind: str, currency: str) -> str:
    if amount is None:
        return ""
    return _money(amount, currency) if kind == "budget" else _count(amount)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _count(value: float) -> str:
    return f"{_number(value):,}"


def _money(value: float, currency: str) -> str:
    return f"{_number(value):,} {currency}"


def options_as_code(text: str) -> str:
    """A note's command options (`--kind`) as code, which Markdown prints as typed
    (plain `--` would become an en dash)."""
    return OPTION.sub(r"`\1`", text)


def cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")
