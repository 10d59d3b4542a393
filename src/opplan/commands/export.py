"""`opplan export goals|asks|risks`: flat tables for goal trackers and spreadsheets."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config
from opplan.collab import export
from opplan.collab.corpus import load_documents
from opplan.errors import ExitCode
from opplan.fileio import write_atomic
from opplan.output import formatter


def run(
    table: str,
    paths: Sequence[Path],
    *,
    output_format: str = "csv",
    cycle: int | None = None,
    output: Path | None = None,
    config_file: Path | None = None,
) -> ExitCode:
    render = formatter("export", output_format)
    export.rows(table, [])  # an unknown table fails before any file is read
    settings = config.load(config_file)
    scores = {str(name): value for name, value in settings.checkins.confidence_scores.items()}
    text = render(export.rows(table, load_documents(paths, settings.lint), cycle, scores))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
    return ExitCode.OK
