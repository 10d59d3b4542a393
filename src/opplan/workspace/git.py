"""The few git operations opplan needs, through the `git` command line.

Every path here is relative to the repository's top folder, in git's `/` form.
A failure a user can cause (no git, not a repository, an unknown revision)
is a UsageError with what to do.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from opplan.errors import UsageError
from opplan.fileio import read_regular

FETCH_HINT = (
    "fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` "
    "in GitHub Actions' actions/checkout)"
)


class FileChange(NamedTuple):
    """A file that differs between two trees."""

    state: Literal["added", "deleted", "modified", "renamed"]
    path: str  # the new path (the old one for a deleted file)
    old_path: str | None = None  # set for renamed files


class Commit(NamedTuple):
    """The last commit that touched a file."""

    sha: str
    date: dt.date
    author: str


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed or not on PATH; install git") from None
    if check and done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]} failed: {reason[-1] if reason else done.returncode}")
    return done


def toplevel(folder: Path) -> Path:
    """The top folder of the repository that holds `folder`."""
    done = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        raise UsageError(
            f"{folder} is not inside a git repository; run this in a clone of the plans repository"
        )
    return Path(done.stdout.decode().strip())


def resolve(root: Path, revision: str) -> str | None:
    """The commit a revision names, or None when there is no such commit."""
    if revision.startswith("-"):
        return None
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False)
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


def is_shallow(root: Path) -> bool:
    done = _git(root, "rev-parse", "--is-shallow-repository", check=False)
    return done.stdout.decode().strip() == "true"


def unknown_revision(root: Path, revision: str) -> UsageError:
    """The error for a revision that does not exist, with what to do."""
    shallow = " (this clone is shallow)" if is_shallow(root) else ""
    return UsageError(
        f"unknown revision or path {revision!r}{shallow}; if it is a revision, {FETCH_HINT}; "
        "if it is a file, check the path"
    )


def has_path(root: Path, revision: str, path: str) -> bool:
    """Whether a file or folder exists at `path` in a revision."""
    done = _git(root, "ls-tree", "--name-only", revision, "--", path, check=False)
    return done.returncode == 0 and bool(done.stdout.strip())


def changes(
    root: Path, old: str, new: str | None, pathspecs: Sequence[str] = ()
) -> list[FileChange]:
    """Files that differ from `old` to `new` (None: the working tree, untracked files too)."""
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", old]
    spec = ["--", *pathspecs] if pathspecs else []
    fields = _git(root, *args, *([new] if new else []), *spec).stdout.decode().split("\0")
    found: list[FileChange] = []
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            old_path, path = fields[index + 1], fields[index + 2]
            found.append(FileChange("renamed", path, old_path))
            index += 3
            continue
        state = {"A": "added", "D": "deleted"}.get(status[:1], "modified")
        found.append(FileChange(state, fields[index + 1]))  # type: ignore[arg-type]
        index += 2
    if new is None:
        untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", *spec)
        found += [FileChange("added", p) for p in untracked.stdout.decode().split("\0") if p]
    return sorted(found, key=lambda change: change.path)


def read(root: Path, revision: str | None, path: str) -> bytes:
    """A file's bytes at a revision (None: the working tree)."""
    if revision is None:
        return read_regular(root / path)  # a FIFO or device is refused, not waited on
    return _git(root, "cat-file", "blob", f"{revision}:{path}").stdout


def listing(root: Path, revision: str | None, folder: str) -> list[str]:
    """The paths of what is directly in `folder` at a revision (None: the working tree)."""
    if revision is None:
        found = root / folder
        if not found.is_dir():
            return []
        return sorted(path.relative_to(root).as_posix() for path in found.iterdir())
    spec = [f"{folder}/"] if folder not in ("", ".") else []
    done = _git(root, "ls-tree", "--name-only", "-z", revision, "--", *spec, check=False)
    return sorted(name for name in done.stdout.decode().split("\0") if name)


def blob(root: Path, sha: str) -> bytes | None:
    """The bytes of a blob by its ID, or None when the repository does not have it."""
    done = _git(root, "cat-file", "blob", sha, check=False)
    return done.stdout if done.returncode == 0 else None


def last_commits(root: Path, paths: Sequence[str]) -> dict[str, Commit]:
    """The last commit of each of these files (files never committed are left out)."""
    if not paths:
        return {}
    done = _git(
        root, "log", "--format=%x00%H%x09%cs%x09%an", "--name-only", "--", *paths, check=False
    )
    wanted, found = set(paths), {}
    commit: Commit | None = None
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("\0"):
            sha, date, author = line[1:].split("\t", 2)
            commit = Commit(sha, dt.date.fromisoformat(date), author)
        elif line and commit and line in wanted and line not in found:
            found[line] = commit
            if len(found) == len(wanted):
                break
    return found


def file_history(path: Path) -> tuple[tuple[str, dt.date], ...]:
    """The author and date of each commit of a file, newest first, following renames.

    Empty when the file is not in a git repository, not tracked, or git is missing.
    """
    try:
        done = _git(
            path.parent, "log", "--follow", "--format=%an%x09%as", "--", path.name, check=False
        )
    except UsageError:  # git is not installed
        return ()
    if done.returncode != 0:
        return ()
    found = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        author, _, date = line.rpartition("\t")
        if author:
            found.append((author, dt.date.fromisoformat(date)))
    return tuple(found)
