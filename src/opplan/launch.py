"""The `opplan` console script.

`opplan lint` is run without typer (see `commands.lint_line`) when its command
line is plain, and a run whose answer is all in the cache is printed before
pydantic and the parsers are imported (`commands.lint_cached`). Everything
else goes to `opplan.cli`.
"""

from __future__ import annotations

import os
import sys

from opplan.commands import lint_line
from opplan.gc_tuning import fewer_collections


def main() -> None:
    # Collect garbage rarely from the start: importing the libraries allocates a
    # great many objects that live as long as the process, and each collection
    # walks them all again.
    with fewer_collections():
        _main()


def _main() -> None:
    line = None if "_OPPLAN_COMPLETE" in os.environ else lint_line.parse(sys.argv[1:])
    if line is None:
        from opplan.cli import main as command_line  # noqa: PLC0415

        command_line()
        return
    from opplan.commands import lint_cached  # noqa: PLC0415

    code = lint_cached.run(line)
    sys.exit(_lint(line) if code is None else code)


def _lint(line: lint_line.LintLine) -> int:
    """The exit code of a full lint run, as the typer command would run it."""
    from opplan import process  # noqa: PLC0415
    from opplan.commands import lint  # noqa: PLC0415

    with process.running():
        return process.outcome(lambda: lint.run_line(line))
