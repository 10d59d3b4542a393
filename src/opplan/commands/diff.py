"""`opplan diff`: what changed in the plans between two revisions."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config, output
from opplan.collab.diff import diff, parse_arguments
from opplan.errors import ExitCode
from opplan.workspace import git


def run(
    args: Sequence[str], *, output_format: str = "text", config_file: Path | None = None
) -> ExitCode:
    formatter = output.formatter("diff", output_format)
    settings = config.load(config_file)
    cwd = Path.cwd()
    root = git.toplevel(cwd)
    revisions, paths = parse_arguments(root, cwd, args)
    sys.stdout.write(formatter(revisions, diff(root, revisions, paths, settings)))
    return ExitCode.OK
