"""`opplan lint`: check documents against their schema and the lint rules."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import output
from opplan.config import Settings
from opplan.errors import ExitCode
from opplan.lint.engine import lint


def run(paths: Sequence[Path], *, output_format: str = "text", strict: bool = False) -> ExitCode:
    formatter = output.get(output_format)
    report = lint(paths or [Path()], Settings())
    sys.stdout.write(formatter(report))
    return report.exit_code(strict=strict)
