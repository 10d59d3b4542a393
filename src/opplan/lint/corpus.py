"""Checking documents against each other: all the documents of a run in, problems out.

The cross-document rules see each document's path, kind and frontmatter (see
`frontmatter_only`), not its text. A rule that needs a document outside the run
(the OP1 an OP2 names) reads it through `DiskReader`, which notes the bytes it
read and the folders it listed, so that the cache keys the findings on them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.config.model import Checkins, Lint
from opplan.errors import DocumentError
from opplan.fileio import NotRegularFile, read_regular
from opplan.lint import levels, suppression
from opplan.lint.cache import (
    Reads,
    bytes_hash,
    file_hash,
    listing_hash,
    listing_key,
    markdown_files,
)
from opplan.lint.rule import CHECKINS, LIST, READ, CorpusRule
from opplan.problem import Problem
from opplan.workspace.discovery import repository_of

if TYPE_CHECKING:
    from opplan.document import Document


def check_corpus(
    docs: Sequence[Document],
    settings: Lint,
    *,
    read: DiskReader | None = None,
    checkins: Checkins | None = None,
) -> Iterator[Problem]:
    """Run every enabled cross-document rule over all the documents of the run.

    `read` reads (and lists) the documents outside the run that a rule needs;
    by default they are read from disk. `checkins` are the `[checkins]` settings.
    """
    reader = read or DiskReader()
    comments = _Comments()
    for rule in corpus_rules():
        checked = [doc for doc in docs if _checks(rule, doc, settings)]
        if not checked:
            continue
        mine = {id(doc) for doc in checked}
        seen = [doc for doc in docs if id(doc) in mine or _reads(rule, doc)]
        comments.ran(rule.ID, checked)
        for options, kinds_of in _options_by_kind(rule, checked, settings):
            options[READ] = reader
            options[LIST] = reader.listing
            options[CHECKINS] = checkins or Checkins()
            for doc, finding in rule.check_corpus(seen, options):
                if doc.kind in kinds_of:
                    level = levels.level(settings, rule, doc.kind)
                    problem = levels.stamped(doc.path, rule, level, finding)
                    yield from comments.suppressed(doc, problem)
    yield from comments.unused(settings)


class _Comments:
    """The suppression comments of the documents the cross-document rules report on.

    The document rules apply a document's comments to their own findings, and
    report those that silence none of them; here the same comments silence the
    cross-document findings, and a comment naming a cross-document rule that
    ran on its document and silenced nothing is reported, as `levels` does for
    the document rules (an unknown rule is reported there, once).
    """

    def __init__(self) -> None:
        self.docs: dict[int, Document] = {}
        self.rules: dict[int, set[str]] = {}  # the cross-document rules that ran, by document
        self.comments: dict[int, list[suppression.Suppression]] = {}

    def ran(self, rule: str, docs: Sequence[Document]) -> None:
        for doc in docs:
            self.docs[id(doc)] = doc
            self.rules.setdefault(id(doc), set()).add(rule)

    def suppressed(self, doc: Document, problem: Problem) -> Iterator[Problem]:
        yield from suppression.apply([problem], self._of(doc))

    def unused(self, settings: Lint) -> Iterator[Problem]:
        from opplan.lint.rules import RULES, unused_suppression  # noqa: PLC0415

        for key, doc in self.docs.items():
            found = self._of(doc)
            configured = levels.level(settings, unused_suppression, doc.kind)
            if not found or configured == "off":
                continue
            for finding in suppression.unused(found, RULES, self.rules[key], unknown=False):
                yield levels.stamped(doc.path, unused_suppression, configured, finding)

    def _of(self, doc: Document) -> list[suppression.Suppression]:
        if id(doc) not in self.comments:
            self.comments[id(doc)] = suppression.find(doc)
        return self.comments[id(doc)]


def _checks(rule: CorpusRule, doc: Document, settings: Lint) -> bool:
    """Whether the rule reports on the document: one of its kinds, and not turned off."""
    return (
        (not rule.KINDS or doc.kind in rule.KINDS)
        and not (rule.NEEDS_MODEL and doc.model is None)
        and levels.level(settings, rule, doc.kind) != "off"
    )


def _reads(rule: CorpusRule, doc: Document) -> bool:
    """Whether the rule reads the document as a plan its documents refer to."""
    return doc.kind in rule.READS and not (rule.NEEDS_MODEL and doc.model is None)


def _options_by_kind(
    rule: CorpusRule, docs: Sequence[Document], settings: Lint
) -> list[tuple[dict[str, Any], set[str]]]:
    """The rule's options, each with the kinds of document it is set for.

    A finding is about one document, so it is made with the options of that
    document's kind (`[lint.kinds.KIND.rules.ID]` over `[lint.rules.ID]`). The
    rule still sees every document of the run; kinds that share options are
    checked in one pass, which is every kind unless options are set per kind.
    """
    groups: list[tuple[dict[str, Any], set[str]]] = []
    for kind in dict.fromkeys(doc.kind for doc in docs):
        options = settings.options(rule.ID, kind, rule.DEFAULT)
        same = next((group for group in groups if group[0] == options), None)
        if same is None:
            groups.append((options, {kind}))
        else:
            same[1].add(kind)
    return groups


@cache
def corpus_rules() -> tuple[CorpusRule, ...]:
    # Protocol checks are slow; the registry does not change during a run.
    from opplan.lint.rules import RULES  # noqa: PLC0415 - they load the schemas

    return tuple(rule for rule in RULES.values() if isinstance(rule, CorpusRule))


def enabled(settings: Lint) -> bool:
    """Whether any cross-document rule is on for any kind."""
    return any(
        levels.level(settings, rule, kind) != "off"
        for rule in corpus_rules()
        for kind in rule.KINDS or kinds.where(discovered=True)
    )


def frontmatter_only(doc: Document) -> Document:
    """What the cross-document rules see of a document: all but its body.

    The text keeps the frontmatter, where the cross-document findings are and
    where the suppression comments that silence them are written.
    """
    empty = dataclasses.replace(doc.body, lines=(), sections=(), tokens=())
    head = "\n".join(doc.text.split("\n", doc.body.first_line - 1)[: doc.body.first_line - 1])
    return dataclasses.replace(doc, text=head, body=empty)


class DiskReader:
    """Reads documents outside the run for the cross-document rules, and notes each read
    and each folder listed."""

    def __init__(self, configured: Path | None = None) -> None:
        self.reads: Reads = {}
        self.configured = configured or Path.cwd()  # the configuration's folder

    def __call__(self, path: Path, near: Path | None = None) -> Document | None:
        from opplan.document.frontmatter import decode  # noqa: PLC0415
        from opplan.document.loader import load_text, read_bytes  # noqa: PLC0415

        if near is not None and not path.resolve().is_relative_to(
            repository_of(near, self.configured)
        ):
            # As render and the reports: a document names no file outside its repository.
            raise DocumentError(
                str(path),
                "it is outside the repository, where nothing is read",
                rule="input",
                fatal=True,
            )
        key = str(path.absolute())
        try:
            data = read_regular(path)
        except (FileNotFoundError, NotADirectoryError):
            self.reads[key] = None
            return None
        except OSError as err:
            self.reads[key] = file_hash(path)
            if isinstance(err, NotRegularFile):  # not read_bytes's advice for a folder
                raise DocumentError(
                    str(path), f"this is {err.what}, not a plan file", rule="input", fatal=True
                ) from None
            data = read_bytes(path)  # raises the DocumentError that says why
        self.reads[key] = bytes_hash(data)
        return load_text(str(path), decode(str(path), data), fast=True)

    def listing(self, folder: Path) -> list[Path]:
        """The Markdown files of a folder, sorted; the listing is noted, not the files."""
        files = markdown_files(folder)
        self.reads[listing_key(folder)] = listing_hash(files)
        return files
