"""Diff the plan documents of two revisions (or a revision and the working tree)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from opplan.collab.semantic import Change, Narrative, compare
from opplan.config.model import Config
from opplan.document import Document, load_text
from opplan.document.frontmatter import decode
from opplan.errors import DocumentError, UsageError
from opplan.workspace import git
from opplan.workspace.discovery import looks_like_plan

WORKTREE = "working tree"


class DocumentDiff(NamedTuple):
    """How one plan document changed."""

    path: str
    state: str  # added, deleted, renamed or modified
    old_path: str | None
    kind: str
    title: str
    changes: tuple[Change, ...] = ()
    narrative: Narrative | None = None
    note: str = ""  # why a side could not be compared


class Revisions(NamedTuple):
    """What is compared: revision names as given, and the commits they resolve to."""

    old: str
    new: str | None  # None: the working tree
    old_commit: str
    new_commit: str | None

    @property
    def label(self) -> str:
        return f"{self.old} ({self.old_commit[:7]}) -> " + (
            WORKTREE if self.new is None else f"{self.new} ({(self.new_commit or '')[:7]})"
        )


def parse_arguments(root: Path, cwd: Path, args: Sequence[str]) -> tuple[Revisions, list[str]]:
    """Split `[REV_A [REV_B]] [PATHS...]` into revisions and repository-relative paths.

    Up to two leading arguments that name commits are revisions; an argument
    that is neither a commit nor a path (in the working tree or the first
    revision) is an error that says how to fetch missing history.
    """
    revisions: list[tuple[str, str]] = []
    paths: list[str] = []
    for arg in args:
        commit = None if paths or len(revisions) == 2 else git.resolve(root, arg)
        if commit is not None:
            revisions.append((arg, commit))
            continue
        path = _relative(root, cwd, arg)
        in_revision = revisions and git.has_path(root, revisions[0][1], path)
        if not (cwd / arg).exists() and not in_revision:
            raise git.unknown_revision(root, arg)
        paths.append(path)
    if not revisions:
        head = git.resolve(root, "HEAD")
        if head is None:
            raise UsageError("the repository has no commits yet; commit the plans first")
        revisions.append(("HEAD", head))
    (old, old_commit), new = revisions[0], revisions[1] if len(revisions) > 1 else None
    return Revisions(old, new and new[0], old_commit, new and new[1]), paths


def _relative(root: Path, cwd: Path, arg: str) -> str:
    absolute = (cwd / arg).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix() or "."
    except ValueError:
        raise UsageError(f"{arg}: outside the repository at {root}; give paths inside it") from None


def diff(
    root: Path, revisions: Revisions, paths: Sequence[str], config: Config
) -> list[DocumentDiff]:
    """The plan documents that changed, in path order."""
    found: list[DocumentDiff] = []
    for change in git.changes(root, revisions.old_commit, revisions.new_commit, paths):
        if not change.path.endswith(".md"):
            continue
        old_path = change.old_path or change.path
        old = None if change.state == "added" else _text(root, revisions.old_commit, old_path)
        new_rev = revisions.new_commit
        new = None if change.state == "deleted" else _text(root, new_rev, change.path)
        if not any(text is not None and looks_like_plan(text) for text in (old, new)):
            continue
        found.append(_document_diff(change, old, new, config))
    return found


def _text(root: Path, revision: str | None, path: str) -> str | None:
    try:
        return decode(path, git.read(root, revision, path))
    except (DocumentError, OSError):
        return None


def _document_diff(
    change: git.FileChange, old: str | None, new: str | None, config: Config
) -> DocumentDiff:
    old_doc, old_note = _load(change.old_path or change.path, old, config)
    new_doc, new_note = _load(change.path, new, config)
    shown = new_doc or old_doc
    kind = shown.kind if shown else "?"
    title = shown.model.title if shown and shown.model else ""
    if old_doc is None or new_doc is None:
        return DocumentDiff(
            change.path, change.state, change.old_path, kind, title, note=old_note or new_note
        )
    changes, narrative = compare(old_doc, new_doc, config.page)
    note = (
        ""
        if old_doc.model and new_doc.model
        else "frontmatter not valid on one side; run opplan lint"
    )
    return DocumentDiff(
        change.path, change.state, change.old_path, kind, title, changes, narrative, note
    )


def _load(path: str, text: str | None, config: Config) -> tuple[Document | None, str]:
    if text is None:
        return None, ""
    try:
        return load_text(path, text, config.lint.appendix_titles, fast=True), ""
    except DocumentError as err:
        return None, f"cannot be read as a plan: {err.message} (line {err.line})"
