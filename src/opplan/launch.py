"""The `opplan` console script.

A lint run whose answer is all in the cache is printed before the command line
(typer, pydantic) is imported; everything else goes to `opplan.cli`.
"""

from __future__ import annotations

import sys


def main() -> None:
    from opplan.commands import lint_cached  # noqa: PLC0415

    code = lint_cached.run(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from opplan.cli import main as command_line  # noqa: PLC0415

    command_line()
