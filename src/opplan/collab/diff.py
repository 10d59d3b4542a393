"""Diff the plan documents of two revisions (or a revision and the working tree), or two files.

Check-ins are scored against their plans as they were at each revision. A
check-in added between the revisions (a new quarter's file) is compared with
the team's check-in just before it, in its folder at the newer revision: so a
diff across a year of commits shows each quarter's movement.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from opplan import document
from opplan.collab.checkin_diff import Plans
from opplan.collab.semantic import Change, Narrative, compare
from opplan.config.model import Config
from opplan.document import Document, load_text
from opplan.document.frontmatter import decode
from opplan.errors import DocumentError, UsageError
from opplan.schemas.op1 import PlanFields
from opplan.workspace import git
from opplan.workspace.checkins import by_team, checkin_of, plan_or_reason, previous, read_plan
from opplan.workspace.discovery import looks_like_plan, root_of
from opplan.workspace.plans import team_key

WORKTREE = "working tree"


class DocumentDiff(NamedTuple):
    """How one plan document changed."""

    path: str
    state: str  # added, deleted, renamed or modified; compared for two files
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
    files: bool = False  # two files compared as they are: `old` and `new` are their paths

    @property
    def label(self) -> str:
        if self.files:
            return f"{self.old} -> {self.new}"
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
        found.append(_document_diff(change, old, new, config, root=root, revisions=revisions))
    return found


def files(old: Path, new: Path, config: Config) -> DocumentDiff:
    """How the document `new` differs from `old` (say, two quarters' check-ins), as on disk."""
    before, after = (_load_file(path, config) for path in (old, new))
    plans = Plans(_plan_on_disk(before, config), _plan_on_disk(after, config))
    changes, narrative = compare(before, after, config.page, plans, _scores(config))
    title = after.model.title if after.model else ""
    note = "" if before.model and after.model else "frontmatter not valid; run opplan lint"
    return DocumentDiff(str(new), "compared", str(old), after.kind, title, changes, narrative, note)


def _load_file(path: Path, config: Config) -> Document:
    appendix, limit = config.lint.appendix_titles, config.lint.max_file_size
    return document.load(path, appendix, fast=True, limit=limit)


def _plan_on_disk(doc: Document, config: Config) -> PlanFields | None:
    model = checkin_of(doc)
    if model is None:
        return None
    plan = read_plan(doc, model, root_of(Path(doc.path), config), config)
    return None if isinstance(plan, str) else plan


def _plan_at(root: Path, revision: str | None, doc: Document, config: Config) -> PlanFields | None:
    """The plan a check-in reports on, as it was at `revision` (None: the working tree)."""
    model = checkin_of(doc)
    if model is None:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), model.plan))
    if path == ".." or path.startswith(("../", "/")):
        return None  # outside the repository
    plan, _ = _load(path, _text(root, revision, path), config)
    found = plan_or_reason(plan) if plan is not None else None
    return found if isinstance(found, PlanFields) else None


def _before(root: Path, revision: str | None, doc: Document, config: Config) -> Document | None:
    """The team's check-in just before `doc` among those in its folder at `revision`."""
    model = checkin_of(doc)
    if model is None:
        return None
    docs = [doc]
    for path in git.listing(root, revision, posixpath.dirname(doc.path)):
        text = _text(root, revision, path) if path.endswith(".md") and path != doc.path else None
        other, _ = _load(path, text if text and looks_like_plan(text) else None, config)
        if other is not None and checkin_of(other) is not None:
            docs.append(other)
    group = by_team(docs).get((model.cycle, team_key(model.team)), [])
    found = previous(group, model)
    return found[0] if found else None


def _scores(config: Config) -> dict[str, float]:
    return {str(name): value for name, value in config.checkins.confidence_scores.items()}


def _text(root: Path, revision: str | None, path: str) -> str | None:
    try:
        return decode(path, git.read(root, revision, path))
    except (DocumentError, OSError):
        return None


def _document_diff(
    change: git.FileChange,
    old: str | None,
    new: str | None,
    config: Config,
    *,
    root: Path,
    revisions: Revisions,
) -> DocumentDiff:
    old_doc, old_note = _load(change.old_path or change.path, old, config)
    new_doc, new_note = _load(change.path, new, config)
    shown = new_doc or old_doc
    kind = shown.kind if shown else "?"
    title = shown.model.title if shown and shown.model else ""
    old_rev: str | None = revisions.old_commit
    new_rev = revisions.new_commit
    if old_doc is None and new_doc is not None and change.state == "added":
        old_doc = _before(root, new_rev, new_doc, config)
        old_rev = new_rev
        if old_doc is not None:
            old_note = f"compared with {old_doc.path}, the check-in before it"
    if old_doc is None or new_doc is None:
        return DocumentDiff(
            change.path, change.state, change.old_path, kind, title, note=old_note or new_note
        )
    plans = Plans(
        _plan_at(root, old_rev, old_doc, config), _plan_at(root, new_rev, new_doc, config)
    )
    changes, narrative = compare(old_doc, new_doc, config.page, plans, _scores(config))
    note = (
        old_note
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
