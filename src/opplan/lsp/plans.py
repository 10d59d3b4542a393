"""The plans of a repository as the language server sees them, and a document's findings.

A document is checked exactly as `opplan lint` checks it, through the linter's own
functions: its document rules, its suppressions, and the cross-document rules run
over the other plans of the repository (the folder of the configuration file, else
the git work tree, else the editor's workspace folder). The other plans are read
from disk and kept until their file changes; a plan open in the editor counts with
its unsaved text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from opplan import config as configuration
from opplan import pages
from opplan.errors import DocumentError, OpplanError
from opplan.lint.check import check_document, problem_from
from opplan.lint.corpus import DiskReader, check_corpus, frontmatter_only
from opplan.problem import Problem
from opplan.workspace import discovery

if TYPE_CHECKING:
    from opplan.config import Config
    from opplan.document import Body, Document
    from opplan.pages import PageCount

_Stamp = tuple[int, int]  # a file's modification time and size


def root_of(path: Path, folders: Sequence[Path] = ()) -> tuple[Path, Path | None]:
    """The repository a document belongs to, and its configuration file if it has one."""
    folder = path.parent
    found = configuration.find(folder)
    if found is not None:
        return found.resolve().parent, found
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return candidate, None
    inside = [f for f in folders if folder.resolve().is_relative_to(f.resolve())]
    return (max(inside, key=lambda f: len(f.parts)) if inside else folder.resolve()), None


@dataclass
class Repository:
    """One repository's configuration and the plans in it, read once and kept."""

    root: Path
    config: Config
    error: str | None = None  # why the configuration file could not be used
    _read: dict[Path, tuple[_Stamp, Document | None]] = field(default_factory=dict)
    _files: list[Path] | None = None
    _unsaved: dict[Path, tuple[str, Document | None]] = field(default_factory=dict)
    _last_corpus: tuple[object, list[Document], list[Problem]] | None = None

    @classmethod
    def open(cls, root: Path, source: Path | None) -> Repository:
        """The repository at `root`; a bad configuration falls back to the defaults."""
        try:
            settings = configuration.load(source, start=root)
            from opplan.lint import options  # noqa: PLC0415 - loads every rule

            options.validate(settings)
        except OpplanError as err:
            return cls(root, configuration.Config(root=root), error=str(err))
        return cls(root, settings)

    def forget_files(self) -> None:
        """Look for plan files again on the next check (a file was created or deleted)."""
        self._files = None

    def excluded(self, path: Path) -> bool:
        """Whether `opplan lint` leaves this file out of a folder it searches."""
        return not self._filter().included(path) or self._filter().excluded(path)

    def _filter(self) -> discovery.Filter:
        return discovery.Filter(self.root, self.config.lint.include, self.config.lint.exclude)

    def check(self, path: Path, text: str, unsaved: Mapping[Path, str]) -> list[Problem]:
        """The problems `opplan lint` reports in the document at `path` with this text.

        `unsaved` holds the texts of the other documents open in the editor.
        """
        from opplan.document.loader import load_text  # noqa: PLC0415

        settings = self.config.lint
        name = str(path)
        try:
            doc = load_text(name, text, settings.appendix_titles, fast=True)
        except DocumentError as err:
            return [problem_from(err)]
        problems = list(check_document(doc, settings, page=self.config.page))
        problems.extend(self._corpus(doc, unsaved))
        problems.sort(key=lambda p: (p.line, p.column, p.rule, p.message))
        return problems

    def _corpus(self, doc: Document, unsaved: Mapping[Path, str]) -> list[Problem]:
        """The cross-document problems of a document among the other plans.

        They read only the documents' frontmatter, so while the body is edited and
        the other plans stay as they were, the last answer still holds.
        """
        others = self.plans(unsaved, leave_out=Path(doc.path))
        head = "\n".join(doc.text.split("\n", doc.body.first_line - 1)[: doc.body.first_line - 1])
        key = (doc.path, head, tuple(id(other) for other in others))
        if self._last_corpus is not None and self._last_corpus[0] == key:
            return self._last_corpus[2]
        found = [
            problem
            for problem in check_corpus(
                [*others, frontmatter_only(doc)],
                self.config.lint,
                read=DiskReader(self.config.root),
                checkins=self.config.checkins,
            )
            if problem.path == doc.path
        ]
        self._last_corpus = (key, others, found)  # the documents held: their ids stay theirs
        return found

    def plans(self, unsaved: Mapping[Path, str], *, leave_out: Path) -> list[Document]:
        """The other plan documents of the repository, as the editor has them."""
        if self._files is None:
            self._files = discovery.markdown_files(self.root, self._filter())
        docs: list[Document] = []
        for path in self._files:
            if path == leave_out:
                continue
            doc = self._load_unsaved(path, unsaved[path]) if path in unsaved else self._load(path)
            if doc is not None:
                docs.append(doc)
        return docs

    def _load(self, path: Path) -> Document | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = self._read.get(path)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        doc = self.parse(path, text)
        self._read[path] = (stamp, doc)
        return doc

    def _load_unsaved(self, path: Path, text: str) -> Document | None:
        kept = self._unsaved.get(path)
        if kept is None or kept[0] != text:
            kept = self._unsaved[path] = (text, self.parse(path, text))
        return kept[1]

    def parse(self, path: Path, text: str) -> Document | None:
        """The plan document with this text, or None if it is not one or cannot be read."""
        if not discovery.looks_like_plan(text):
            return None
        from opplan.document.loader import load_text  # noqa: PLC0415

        try:
            return load_text(str(path), text, self.config.lint.appendix_titles, fast=True)
        except DocumentError:
            return None

    def reading(self, path: Path, text: str) -> tuple[Body, PageCount, float]:
        """A document's body, its pages as the page rules count them, and minutes a page."""
        from opplan.lint.check import estimate_pages  # noqa: PLC0415
        from opplan.lint.rules import reading_time  # noqa: PLC0415

        doc = self.parse(path, text)
        if doc is None:  # not a plan yet: its body alone
            body, kind = self.body(path, text), ""
            count = pages.estimate(body, self.config.page)
        else:
            body, kind = doc.body, doc.kind
            count = estimate_pages(doc, self.config.page)
        options = self.config.lint.options(reading_time.ID, kind, reading_time.DEFAULT)
        return body, count, float(options["minutes_per_page"])

    def body(self, path: Path, text: str) -> Body:
        """The parsed body of a document, even one whose frontmatter is broken or missing."""
        from opplan.document import frontmatter  # noqa: PLC0415
        from opplan.document.body import parse_body  # noqa: PLC0415

        text = frontmatter.normalize_newlines(text)
        titles = self.config.lint.appendix_titles
        try:
            parts = frontmatter.split(str(path), text)
        except DocumentError:
            return parse_body(text, 1, titles)
        return parse_body(parts.body, parts.body_line, titles)
