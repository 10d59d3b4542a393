"""Text for a terminal: the plain text format, coloured with rich."""

from __future__ import annotations

import io
from itertools import groupby
from typing import TYPE_CHECKING

from opplan.output.lint.text import summary

if TYPE_CHECKING:
    from opplan.lint.engine import Report

_STYLE = {"error": "bold red", "warning": "yellow"}


def render(report: Report) -> str:
    from rich.console import Console  # noqa: PLC0415 - only on a terminal
    from rich.text import Text  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, soft_wrap=True)
    for index, (path, group) in enumerate(groupby(report.problems, key=lambda p: p.path)):
        if index:
            console.print()
        for p in group:
            line = Text()
            line.append(f"{path}:{p.line}:{p.column}:", style="bold")
            line.append(" ")
            line.append(p.level, style=_STYLE[p.level])
            line.append(f" {p.message} ")
            line.append(f"[{p.rule}]", style="dim")
            console.print(line)
    if report.problems:
        console.print()
    style = "bold red" if report.errors else "yellow" if report.warnings else "green"
    console.print(Text(summary(report), style=style))
    return buffer.getvalue()
