"""The table `opplan render` ends with: each document's pages, reading time and outputs."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rich.table import Table

from opplan.config.model import Config
from opplan.output import console
from opplan.render import packet
from opplan.render.document import Rendered


def summary(
    done: Sequence[Rendered], targets: dict[Path, dict[str, Path]], settings: Config
) -> None:
    if not done:
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("document")
    for column in ("narrative pages", "total pages", "reading min"):
        table.add_column(column, justify="right")
    table.add_column("outputs")
    for result in done:
        pages = result.pages
        approx = "" if pages.exact else "~"  # estimated: no PDF typeset in this run
        minutes = packet.minutes(pages.narrative, settings)
        first, *others = targets[Path(result.path)].values()
        outputs = ", ".join([str(first), *(other.suffix for other in others)])
        table.add_row(
            result.path,
            f"{approx}{pages.narrative:.1f}",
            f"{approx}{pages.total:.0f}",
            f"{approx}{minutes:.0f}",
            outputs,
        )
    width = None if sys.stdout.isatty() else 240  # a log or a pipe gets whole lines
    console(width=width).print(table)
