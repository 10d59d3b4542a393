"""`opplan codeowners`: print CODEOWNERS lines from each plan's owners."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config
from opplan.collab import codeowners
from opplan.collab.corpus import load_documents, warn
from opplan.errors import ExitCode, UsageError
from opplan.fileio import write_atomic
from opplan.workspace import git


def run(
    paths: Sequence[Path], *, output: Path | None = None, config_file: Path | None = None
) -> ExitCode:
    settings = config.load(config_file)
    docs = load_documents(paths, settings.lint)
    try:
        root = git.toplevel(Path.cwd())
    except UsageError:
        root = Path.cwd()  # not a repository: paths relative to the current folder
    try:
        entries = codeowners.owners_of(docs, root, settings.codeowners.handles)
    except ValueError:
        raise UsageError(f"the plans must be inside {root}; run this from the repository") from None
    text = codeowners.render(entries)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
    unknown = [(entry.pattern, name) for entry in entries for name in entry.unknown]
    for pattern, name in unknown:
        warn(f"{pattern.lstrip('/')}: owner {name!r} has no handle; add it to [codeowners] handles")
    return ExitCode.PROBLEMS if unknown else ExitCode.OK
