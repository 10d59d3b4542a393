"""`opplan templates`: list the templates, where each comes from, and copy one to change it."""

from __future__ import annotations

import sys
from pathlib import Path

from opplan import config, templating
from opplan.errors import ExitCode
from opplan.fileio import read_regular, write_atomic
from opplan.names import unknown
from opplan.paths import OutputExists


def run(*, copy: str | None = None, config_file: Path | None = None) -> ExitCode:
    settings = config.load(config_file)
    found = list(templating.templates(settings))
    if copy is not None:
        return _copy(copy, {info.name: info for info in found}, templating.local_dir(settings))
    width = max((len(info.name) for info in found), default=0)
    for info in found:
        sys.stdout.write(f"{info.name:<{width}}  {info.origin:<8}  {info.path}\n")
    sys.stdout.write(f"local templates folder: {templating.local_dir(settings)}\n")
    return ExitCode.OK


def _copy(name: str, found: dict[str, templating.TemplateInfo], local: Path) -> ExitCode:
    """Copy a built-in template into the local folder, where it overrides the built-in one."""
    info = found.get(name)
    if info is None:
        raise unknown("template", name, found, lister="opplan templates")
    target = local / name
    if target.exists():
        raise OutputExists(f"{target} already exists; edit it there")
    write_atomic(target, read_regular(info.path))
    sys.stdout.write(f"copied {name} to {target}; it now overrides the built-in one\n")
    return ExitCode.OK
