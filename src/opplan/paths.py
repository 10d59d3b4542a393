"""Where `opplan new` writes: slugs, the path convention, and refusing paths that escape.

It sits below every feature and imports only `opplan.errors`: the configuration
validates `[new.paths]` patterns with it, and `opplan new` fills them in.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath

from opplan.errors import ExitCode, OpplanError, UsageError
from opplan.names import unknown_message

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class OutputExists(OpplanError):
    """A file opplan would create is already there: exit 1, and it is left alone."""

    exit_code = ExitCode.PROBLEMS


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens: "Risk & Compliance" -> "risk-compliance"."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def check_team(team: str) -> str:
    """The team's slug for paths; a name that looks like a path is refused."""
    name = team.strip()
    looks_like_path = (
        "/" in name
        or "\\" in name
        or ".." in name
        or PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or name.startswith("~")
    )
    if looks_like_path:
        raise UsageError(
            f"--team {team!r}: a team name cannot be a path (no '/', '\\', '..', '~' or drive); "
            "give the team's plain name, e.g. --team 'Payments Platform'"
        )
    team_slug = slug(name)
    if not team_slug:
        raise UsageError(
            f"--team {team!r}: a team name needs at least one letter or digit; "
            "e.g. --team 'Payments Platform'"
        )
    return team_slug


def check_pattern(pattern: str, fields: Sequence[str]) -> None:
    """Raise ValueError unless `pattern` is a relative path using only the given {fields}."""
    try:
        used = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as err:
        raise ValueError(
            f"{pattern!r} is not a valid pattern ({err}); write fields as {{team}}"
        ) from None
    for name in used:
        if name not in fields:
            raise ValueError(unknown_message("field", name, fields, where=f" in {pattern!r}"))
    path = PurePosixPath(pattern)
    if path.is_absolute() or ".." in path.parts or "\\" in pattern:
        raise ValueError(f"{pattern!r} must be a relative path inside the repository")
    if not pattern.endswith(".md"):
        raise ValueError(f"{pattern!r} must end in .md")


def conventional_path(root: Path, pattern: str, values: Mapping[str, str]) -> Path:
    """The path the convention gives, under `root`; refused if it would leave `root`."""
    relative = pattern.format_map(values)
    too_long = next(
        (part for part in PurePosixPath(relative).parts if len(part.encode()) > 255), ""
    )
    if too_long:
        raise UsageError(
            f"{too_long[:40]}...: a file or folder name is limited to 255 bytes; "
            "give a shorter --team or --title, or pass -o PATH"
        )
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise UsageError(f"{relative!r} is outside {root}; pass -o PATH or change [new.paths]")
    return path


def shown(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
