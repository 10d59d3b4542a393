"""A table of a rendered document, and how a cell's plain text is written as Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple


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


def text(value: Any) -> str:
    return "" if value is None else str(value)


def money(amount: Any, currency: str) -> str:
    if amount is None:
        return ""
    if isinstance(amount, int | float):
        number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
        return f"${number}" if currency == "USD" else f"{number} {currency}"
    return str(amount)


def listed(values: Iterable[Any]) -> str:
    return ", ".join(str(value) for value in values)
