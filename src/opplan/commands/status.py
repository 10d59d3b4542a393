"""`opplan status`: where the planning cycle is, and where each team stands in it."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config, output
from opplan.collab import cycle
from opplan.collab.status import status
from opplan.document import Document
from opplan.errors import ExitCode, UsageError
from opplan.lint.engine import lint
from opplan.workspace import git
from opplan.workspace.plans import plans


def run(
    paths: Sequence[Path],
    *,
    today: dt.date | None = None,
    output_format: str = "text",
    config_file: Path | None = None,
) -> ExitCode:
    formatter = output.formatter("status", output_format)
    settings = config.load(config_file)
    report = lint(paths or [Path()], settings.lint)
    if report.failed:
        sys.stderr.write("".join(f"{p}\n" for p in report.problems if p.rule == "input"))
        return ExitCode.USAGE
    years = sorted({model.cycle for _, model in plans(report.documents)})
    year = settings.cycle.year or (years[-1] if years else None)
    if year is None:
        raise UsageError("no valid OP1 or OP2 plans found; check the paths (opplan lint says more)")
    today = today or dt.date.today()
    found = status(
        report.documents,
        report.problems,
        cycle.phases(settings.cycle, year, settings.checkins),
        year=year,
        today=today,
        commits=_commits(report.documents),
        running={
            running: cycle.checkin_phases(running, settings.checkins.due_days)
            for running in _running(years, year, today, configured=bool(settings.cycle.phases))
        },
    )
    sys.stdout.write(formatter(found))
    return ExitCode.OK


def _running(years: Sequence[int], year: int, today: dt.date, *, configured: bool) -> list[int]:
    """The plan years before `year` whose check-ins are still due: the year in progress and
    the one just ended (its Q4 check-in falls in January). None when phases are configured:
    they are the whole timeline."""
    return [] if configured else [other for other in years if today.year - 1 <= other < year]


def _commits(docs: Sequence[Document]) -> dict[str, git.Commit]:
    """The last commit of each document, by absolute path; empty outside a repository."""
    paths = [Path(doc.path).resolve() for doc in docs]
    try:
        root = git.toplevel(Path.cwd())
    except UsageError:
        return {}
    inside = [path for path in paths if path.is_relative_to(root)]
    found = git.last_commits(root, [path.relative_to(root).as_posix() for path in inside])
    return {(root / name).as_posix(): commit for name, commit in found.items()}
