"""`opplan init`: set up a planning repository.

Writes `opplan.toml`, `plans/README.md`, a GitHub Actions workflow and opplan's
pre-commit hook. Every file is planned (and every existing file checked) before
anything is written; an existing file is never replaced, and a second run
changes nothing.

The workflow installs the opplan that is running (see `install_spec`), or what
`--package` names; with `--action` it uses opplan's GitHub Action instead. When
neither can say what CI should install (opplan runs from a local folder), init
writes nothing and says what to pass.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from opplan import __version__, templating
from opplan.config.model import Config
from opplan.errors import ExitCode, UsageError
from opplan.fileio import read_regular, write_atomic
from opplan.paths import slug
from opplan.scaffold import install_spec, precommit
from opplan.scaffold.config_file import default_config_text

WORKFLOW = Path(".github/workflows/opplan.yml")
PRECOMMIT = Path(".pre-commit-config.yaml")
# What a workflow step's `uses:` may name: OWNER/REPO[/PATH]@REF, or a local ./PATH.
_ACTION = re.compile(r"[\w.-]+/[\w.-]+(/[^@\s]+)?@[^\s@]+|\./\S*")


@dataclass(frozen=True)
class Step:
    """One file init writes, or the reason it leaves the file alone."""

    path: Path
    text: str | None  # None: skipped
    note: str


def run(
    folder: Path,
    *,
    package: str | None = None,
    action: str | None = None,
    today: dt.date | None = None,
    installed: install_spec.InstallSpec | None = None,
) -> ExitCode:
    """Set up `folder`; `installed` says where the running opplan came from (default: pip)."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder; create it first, or run opplan init inside it")
    if action is not None and not _ACTION.fullmatch(action):
        raise UsageError(
            f"--action {action!r} is not what a workflow step can use; name the repository "
            "that holds opplan's action.yml and a tag or commit, e.g. --action ORG/opplan@v1.2.0"
        )
    origin = None
    if package is None and not (folder / WORKFLOW).exists():
        detected = installed or install_spec.installed()
        package, origin = _package(detected, action), detected.origin
    steps = plan(folder.resolve(), package or "", today or dt.date.today(), action=action)
    for step in steps:
        if step.text is not None:
            write_atomic(folder / step.path, step.text)
        verb = "skipped" if step.text is None else step.note
        reason = f" ({step.note})" if step.text is None else ""
        sys.stdout.write(f"{verb} {step.path.as_posix()}{reason}\n")
    if all(step.text is None for step in steps):
        sys.stdout.write("nothing to do: this folder is already set up for opplan\n")
    else:
        if origin and package:
            sys.stdout.write(f"the workflow installs {package} (opplan here: {origin})\n")
        if not (folder / ".git").exists():
            sys.stdout.write("note: this folder is not a git repository; run 'git init' first\n")
        sys.stdout.write(
            "next: opplan new op1 --team 'YOUR TEAM' --owner 'YOUR NAME' (see plans/README.md)\n"
        )
    return ExitCode.OK


def _package(installed: install_spec.InstallSpec, action: str | None) -> str:
    """What the workflow installs when --package is not given ('' : the action's own opplan)."""
    if installed.requirement is not None:
        return installed.requirement
    if action is not None:
        return ""
    if installed.suggestion:
        example = f"--package '{installed.suggestion}' (that checkout's origin at its commit)"
    else:
        example = (
            f"--package 'opplan=={__version__}' (a release on a package index) or --package "
            "'opplan @ git+https://github.com/ORG/opplan@COMMIT' (a git repository)"
        )
    raise UsageError(
        f"this opplan runs from {installed.origin}, which a CI runner cannot install, so init "
        f"cannot write a workflow that works; pass --package with what CI should install, e.g. "
        f"{example}, or use --action ORG/opplan@REF; nothing was written"
    )


def plan(root: Path, package: str, today: dt.date, *, action: str | None = None) -> list[Step]:
    """What init would write under `root`, without writing anything.

    `package` is the pip requirement the workflow installs ('' with `action`:
    the opplan of the action's own repository and ref).
    """
    config = Config(root=root)
    cycle = config.new.cycle or today.year + 1
    paths = config.new.paths
    op1_path = paths.pattern("op1")
    plans = _plans_folder(op1_path)
    example = op1_path.format(cycle=cycle, team=slug("Payments Platform"), kind="op1", title="")
    files: dict[Path, Callable[[], str]] = {
        Path("opplan.toml"): default_config_text,
        Path(plans) / "README.md": lambda: templating.render(
            config,
            "init/plans-README.md.j2",
            paths=paths,
            plans=plans,
            cycle=cycle,
            example=example,
        ),
        WORKFLOW: lambda: templating.render(
            config, "init/opplan-workflow.yml.j2", package=package, plans=plans, action=action
        ),
    }
    steps = [
        Step(path, None, "it exists") if (root / path).exists() else Step(path, make(), "created")
        for path, make in files.items()
    ]
    steps.append(_precommit(root))
    return steps


def _precommit(root: Path) -> Step:
    path = root / PRECOMMIT
    if not path.exists():
        return Step(PRECOMMIT, precommit.NEW_FILE, "created")
    try:
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(
            f"{path}: cannot read it ({err}); fix it, then run opplan init again"
        ) from None
    merged = precommit.with_hook(path, text)
    if merged is None:
        return Step(PRECOMMIT, None, "it already has the opplan hook")
    return Step(PRECOMMIT, merged, "added the opplan hook to")


def _plans_folder(pattern: str) -> str:
    """The folder every document path starts in: the pattern's first fixed part."""
    first = PurePosixPath(pattern).parts[0]
    return first if "{" not in first and first != pattern else "."
