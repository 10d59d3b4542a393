"""Find the plan documents to lint among the paths a user gave.

In a folder, the Markdown files that `include` matches and `exclude` does not
(globs relative to the configuration's folder, in .gitignore syntax) are
candidates, and a candidate is linted when its frontmatter has a `kind`.
Hidden and vendored folders are skipped, and so is whatever a `.gitignore`
ignores: in the folder, below it, or above it up to the repository's root.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from opplan import kinds
from opplan.fileio import is_regular, read_regular
from opplan.names import nearest

if TYPE_CHECKING:
    import pathspec

    from opplan.config.model import Config

SKIPPED_DIRS = frozenset(
    {"node_modules", "site-packages", "__pycache__", "venv", "build", "dist", "_build"}
)
KIND_NAMES = tuple(kinds.where(discovered=True))  # the registry's names: no model is imported
_KIND_LINE = re.compile(r"^kind\s*:[ \t]*['\"]?([^'\"\s#]*)", re.MULTILINE)


class Filter:
    """The include and exclude globs of the configuration, relative to its folder.

    The globs are compiled on first use: linting files named on the command line
    needs none of them.
    """

    def __init__(self, root: Path, include: Sequence[str], exclude: Sequence[str]) -> None:
        self.root = root.resolve()
        self._globs = (tuple(include), tuple(exclude))

    @cached_property
    def include(self) -> pathspec.GitIgnoreSpec:
        return _spec(self._globs[0])

    @cached_property
    def exclude(self) -> pathspec.GitIgnoreSpec:
        return _spec(self._globs[1])

    def _relative(self, path: Path) -> str | None:
        try:
            return _absolute(path).relative_to(self.root).as_posix()
        except ValueError:
            return None  # outside the configuration's folder: globs do not apply

    def excluded(self, path: Path, *, folder: bool = False) -> bool:
        relative = self._relative(path)
        if relative is None or relative == ".":
            return False
        return self.exclude.match_file(relative + "/" if folder else relative)

    def included(self, path: Path) -> bool:
        relative = self._relative(path)
        return relative is None or self.include.match_file(relative)


class _GitIgnores:
    """The .gitignore files that apply to a walk, each with its folder."""

    def __init__(self, top: Path) -> None:
        self.specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
        top = top.resolve()
        ancestors = [top, *top.parents]
        repo = next((folder for folder in ancestors if (folder / ".git").exists()), None)
        if repo is not None:
            for folder in reversed(ancestors[: ancestors.index(repo)]):
                self.add(folder)  # the folders above `top`, from the repository's root

    def add(self, folder: Path) -> None:
        ignore = folder / ".gitignore"
        if ignore.is_file():
            try:
                lines = read_regular(ignore).decode("utf-8", errors="replace").splitlines()
            except OSError:
                return
            self.specs.append((folder.resolve(), _spec(lines)))

    def ignored(self, path: Path, *, folder: bool = False) -> bool:
        resolved = _absolute(path)
        verdict = False
        for base, spec in self.specs:
            try:
                relative = resolved.relative_to(base).as_posix()
            except ValueError:
                continue
            result = spec.check_file(relative + "/" if folder else relative)
            if result.include is not None:
                verdict = result.include
        return verdict


def _spec(lines: Sequence[str]) -> pathspec.GitIgnoreSpec:
    import pathspec  # noqa: PLC0415 - only when globs or a folder walk need it

    return pathspec.GitIgnoreSpec.from_lines(lines)


def markdown_files(folder: Path, rules: Filter | None = None) -> list[Path]:
    """The candidate Markdown files under a folder, sorted."""
    return sorted(_walk(folder, rules or Filter(folder, ("**/*.md",), ())))


def same_file(path: Path) -> str:
    """The same key for every spelling of one file: `a.md`, `./a.md`, `plans/../a.md`, a link.

    A file both named and found in a folder named (`opplan lint plans plans/op1.md`)
    is one document: read twice, it would clash with itself (duplicate ids) and
    count twice in roll-ups and exports.
    """
    return os.path.realpath(path)


def each_once(found: Iterable[tuple[Path, bool]]) -> list[tuple[Path, bool]]:
    """The (file, named) pairs, each file once, where it first came and as first spelt;
    named if it was named on the command line at all."""
    first: dict[str, tuple[Path, bool]] = {}
    for path, named in found:
        key = same_file(path)
        earlier = first.get(key)
        first[key] = (path, named) if earlier is None else (earlier[0], earlier[1] or named)
    return list(first.values())


def _absolute(path: Path) -> Path:
    # Paths from the walk are absolute and resolved already; resolving costs system calls.
    return path if path.is_absolute() else path.resolve()


def _walk(top: Path, rules: Filter) -> Iterator[Path]:
    ignores = _GitIgnores(top)
    base = top.resolve()
    for root, dirs, files in os.walk(top):
        here = Path(root)
        absolute = base / os.path.relpath(root, top)
        ignores.add(absolute)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not ignores.ignored(absolute / d, folder=True)
            and not rules.excluded(absolute / d, folder=True)
        )
        for name in files:
            if not name.endswith(".md"):
                continue
            full = absolute / name
            wanted = rules.included(full) and not rules.excluded(full)
            # a FIFO or device named *.md is no document, and reading it would hang
            if wanted and not ignores.ignored(full) and is_regular(full):
                yield here / name


def looks_like_plan(text: str) -> bool:
    """Whether a file found in a folder is meant as a plan document.

    It is when its frontmatter has a `kind` that is a document kind or close to
    one (a typo is reported, not skipped); other Markdown files are left alone.
    """
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    match = _KIND_LINE.search(text if end < 0 else text[:end])
    if match is None:
        return False
    kind = match.group(1)
    return not kind or kind in KIND_NAMES or nearest(kind, KIND_NAMES) is not None


def no_plans_yet(settings: Config) -> bool:
    """Whether this is a repository set up for opplan that has no plan documents yet.

    Such a repository is in a normal state, its first days: lint and render say
    so and exit 0. Without a configuration file, or with plans elsewhere in the
    repository, a folder without plans is more likely a wrong path.
    """
    if settings.source is None:
        return False
    rules = Filter(settings.root, settings.lint.include, settings.lint.exclude)
    return not any(_is_plan(path) for path in markdown_files(settings.root, rules))


def no_plans_notice(settings: Config) -> str:
    return (
        f"opplan: notice: no plan documents yet in {settings.root}; "
        "start one with 'opplan new op1 --team NAME'\n"
    )


def _is_plan(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return looks_like_plan(file.read(4096))
    except OSError:
        return True  # unreadable: not a reason to call the repository empty


def root_of(path: Path, config: Config) -> Path:
    """The folder nothing outside of is read: the repository, else the configuration's
    folder if the document is in it, else the document's own folder."""
    return repository_of(path, config.root)


def repository_of(path: Path, configured: Path) -> Path:
    """`root_of` with the configuration's folder given (`configured`)."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    configured = configured.resolve()
    return configured if folder.is_relative_to(configured) else folder
