"""`opplan lint`: check documents against their schema and the lint rules."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config, output
from opplan.errors import ExitCode
from opplan.lint.engine import lint


def run(
    paths: Sequence[Path],
    *,
    output_format: str = "text",
    strict: bool = False,
    config_file: Path | None = None,
) -> ExitCode:
    formatter = output.get(output_format)
    settings = config.load(config_file)
    report = lint(paths or [Path()], settings.lint)
    sys.stdout.write(formatter(report))
    return report.exit_code(strict=strict)
