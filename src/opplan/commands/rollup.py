"""`opplan rollup`: roll the teams' plans (or, with `--checkins`, their check-ins) for a
cycle up into one document."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from opplan import config, kinds
from opplan.collab import checkin_rollup, checkin_rollup_document
from opplan.collab.corpus import load_documents, warn_all
from opplan.collab.rollup import build
from opplan.collab.rollup_document import render
from opplan.collab.selection import select
from opplan.config.model import Config
from opplan.document import Document
from opplan.errors import ExitCode, UsageError
from opplan.fileio import write_atomic
from opplan.names import unknown


def run(
    paths: Sequence[Path],
    *,
    org: str,
    output: Path | None = None,
    cycle: int | None = None,
    kind: str | None = None,
    owners: Sequence[str] = (),
    checkins: bool = False,
    today: dt.date | None = None,
    config_file: Path | None = None,
) -> ExitCode:
    if not org.strip():
        raise UsageError("--org must name the organisation, e.g. --org 'Commerce Engineering'")
    if kind is not None and kind not in kinds.PLAN_NAMES:
        raise unknown("document kind", kind, kinds.PLAN_NAMES)
    settings = config.load(config_file)
    docs = load_documents(paths, settings.lint)
    if checkins:
        return _checkins(
            docs, org, output, cycle=cycle, kind=kind, owners=owners, today=today, settings=settings
        )
    selection = select(docs, org=org, cycle=cycle, kind=kind)
    warn_all(selection.notes)
    base = output.parent if output else Path.cwd()
    data = build(selection, org, settings.page, base)
    text = render(data, owners or [org], today or dt.date.today(), settings)
    count = len(data.teams)
    return _written(text, output, f"{count} team plan{'s' * (count != 1)} for {data.cycle}")


def _written(text: str, output: Path | None, what: str) -> ExitCode:
    """The roll-up on standard output, or written to `output` with a line saying what it holds."""
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
        sys.stderr.write(f"opplan: wrote {output}: {what}\n")
    return ExitCode.OK


def _checkins(
    docs: Sequence[Document],
    org: str,
    output: Path | None,
    *,
    cycle: int | None,
    kind: str | None,
    owners: Sequence[str],
    today: dt.date | None,
    settings: Config,
) -> ExitCode:
    """The roll-up of the org's check-ins: each goal's score and confidence per quarter."""
    data = checkin_rollup.build(
        docs,
        org,
        cycle=cycle,
        kind=kind,
        config=settings,
        base=output.parent if output else Path.cwd(),
    )
    warn_all(data.notes)
    missing = [
        f"{team} ({', '.join(map(checkin_rollup_document.period_title, periods))})"
        for team, periods in data.missing
    ]
    if missing:
        warn_all([f"no check-in for a quarter other teams have: {'; '.join(missing)}"])
    text = checkin_rollup_document.render(data, owners or [org], today or dt.date.today(), settings)
    count = len(data.checkins)
    teams = f"{len(data.teams)} team(s) for {data.cycle}"
    return _written(text, output, f"{count} check-in{'s' * (count != 1)} of {teams}")
