"""`opplan diff`: what changed in the plans between two revisions."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config, output
from opplan.collab.diff import Revisions, diff, files, parse_arguments
from opplan.errors import ExitCode, UsageError
from opplan.workspace import git


def run(
    args: Sequence[str],
    *,
    output_format: str = "text",
    config_file: Path | None = None,
    compare_files: bool = False,
) -> ExitCode:
    formatter = output.formatter("diff", output_format)
    settings = config.load(config_file)
    if compare_files:
        if len(args) != 2:
            raise UsageError(
                "--files compares two files; name exactly two, e.g. "
                "'opplan diff --files checkin-q1.md checkin-q2.md'"
            )
        old, new = args
        compared = files(Path(old), Path(new), settings)
        sys.stdout.write(formatter(Revisions(old, new, "", None, files=True), [compared]))
        return ExitCode.OK
    cwd = Path.cwd()
    root = git.toplevel(cwd)
    revisions, paths = parse_arguments(root, cwd, args)
    sys.stdout.write(formatter(revisions, diff(root, revisions, paths, settings)))
    return ExitCode.OK
