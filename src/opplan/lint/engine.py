"""The linter: find documents, run the rules, stamp levels, apply suppressions, collect problems.

Files are read and checked one by one, or by a pool of worker processes when
there are many; results of unchanged files come from the cache. Rules are
pure: the linter decides levels, counts pages once per document (through
`page_counter`, the estimate by default) and applies suppression comments.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from opplan.config.model import Lint, Page
from opplan.errors import DocumentError, ExitCode
from opplan.fileio import is_folder, is_regular, read_regular
from opplan.gc_tuning import fewer_collections, shared_with_workers
from opplan.lint import discovery
from opplan.lint.cache import (
    Reads,
    ResultCache,
    bytes_hash,
    content_hash,
    file_hash,
    reads_of,
    set_key,
)
from opplan.lint.rule import PAGE_COUNT, READ, CorpusRule, DocumentRule
from opplan.pages import PageCount, estimate
from opplan.problem import Problem

if TYPE_CHECKING:
    from opplan.document import Document

# None: no page count for this document, so no page rule runs on it.
PageCounter = Callable[["Document", Page], PageCount | None]
PARALLEL_FROM = 40  # files to check before a pool of workers pays for itself
SUPPRESSION = "unused-suppression"


@dataclass
class Report:
    """The outcome of a lint run."""

    problems: list[Problem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # kept only for corpus rules
    checked: set[str] = field(default_factory=set)  # paths of the plan documents checked
    failed: bool = False  # some input could not be read at all
    empty_folders: list[str] = field(default_factory=list)  # folders named that held no plan

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "warning")

    @property
    def files(self) -> int:
        """How many files were checked (documents and files that failed to load)."""
        return len(self.checked | {p.path for p in self.problems})

    def exit_code(self, *, strict: bool = False) -> ExitCode:
        if self.failed:
            return ExitCode.USAGE
        if self.errors or (strict and self.warnings):
            return ExitCode.PROBLEMS
        return ExitCode.OK


class _Setup(NamedTuple):
    settings: Lint
    page: Page
    page_counter: PageCounter | None
    keep: bool  # keep documents for corpus rules


class _Result(NamedTuple):
    path: str
    plan: bool  # False: a file found in a folder that is not a plan document
    problems: list[Problem]
    document: Document | None
    fatal: bool
    reads: tuple[str, ...] = ()  # other files the findings depend on


@fewer_collections()
def lint(
    paths: Sequence[Path],
    settings: Lint,
    *,
    page: Page | None = None,
    page_counter: PageCounter | None = None,
    root: Path | None = None,
    cache: ResultCache | None = None,
    jobs: int = 0,
    plans_only: bool = False,
    given: Mapping[Path, bytes] | None = None,
) -> Report:
    """Lint the documents at the given files and under the given folders.

    `page_counter` counts a document's pages for the page rules (None: the
    estimate from `opplan.pages`). `root` is the folder that `include` and
    `exclude` globs start from. `jobs` caps the worker processes (0: one per
    CPU, 1: none). With `plans_only`, named files are treated like files found
    in a folder: skipped unless they are plan documents or excluded. `given`
    holds the contents of named files that are not read from disk (standard input).
    """
    report = Report()
    rules = discovery.Filter(root or Path.cwd(), settings.include, settings.exclude)
    files, folders = _gather(
        paths,
        rules,
        report,
        plans_only=plans_only,
        given=given or {},
        limit=settings.max_file_size,
    )
    pending: list[_File] = []
    hits: list[_File] = []
    for file in files:
        hit = None if cache is None else cache.get(file.slot, file.digest)
        if hit is None:
            pending.append(file)
        elif hit.plan:
            hits.append(file)
            report.problems.extend(hit.problems)
    # The cross-document problems depend on every document of the run (and on those
    # the rules read from disk): stored under the whole set, never under a part of it.
    run_key = set_key([(str(file.path), file.digest) for file in files])
    corpus = None if cache is None else cache.get_corpus(run_key)
    # Checking needs the rules (and, through the cross-document ones, the schemas).
    keep = corpus is None and _corpus_rules_enabled(settings)
    setup = _Setup(settings, page or Page(), page_counter, keep)
    if setup.keep and hits:
        # The cross-document rules need every document: check the cached ones again.
        cached = {str(file.path) for file in hits}
        report.problems = [p for p in report.problems if p.path not in cached]
        # In the order given, as an uncached run reads them: some rules' findings depend on it.
        again = {id(file) for file in pending + hits}
        pending, hits = [file for file in files if id(file) in again], []
    plans = list(hits)
    for result, file in zip(_check_all(pending, setup, jobs), pending, strict=True):
        report.failed = report.failed or result.fatal
        report.problems.extend(result.problems)
        if result.plan:
            plans.append(file)
        if result.document is not None:
            report.documents.append(result.document)
        if cache is not None and not result.fatal:
            reads = reads_of(result.reads)
            cache.put(file.slot, file.digest, result.plan, result.problems, reads)
    report.checked.update(str(file.path) for file in plans)
    held = {file.folder for file in plans}
    for index in sorted(folders - held):
        report.failed = True
        report.problems.append(_empty_folder(paths[index]))
        report.empty_folders.append(str(paths[index]))
    if corpus is None:
        reader = DiskReader()
        corpus = list(check_corpus(report.documents, settings, read=reader))
        if cache is not None:
            cache.put_corpus(run_key, corpus, reader.reads)
    report.problems.extend(corpus)
    report.problems.sort(key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
    if cache is not None:
        cache.save()
    return report


class _File(NamedTuple):
    path: Path
    data: bytes
    explicit: bool  # named on the command line, not found in a folder
    digest: str
    folder: int | None  # the index of the folder argument it was found in

    @property
    def slot(self) -> str:
        """Its entry in the cache: a file both named and found in a folder has two."""
        return f"{self.path}\0named" if self.explicit else str(self.path)


def _gather(
    paths: Sequence[Path],
    rules: discovery.Filter,
    report: Report,
    *,
    plans_only: bool,
    given: Mapping[Path, bytes],
    limit: int,
) -> tuple[list[_File], set[int]]:
    """The files to check, read, and the indexes of the folder arguments."""
    files: list[_File] = []
    folders = {index for index, path in enumerate(paths) if path not in given and is_folder(path)}
    for path, explicit, folder in _targets(paths, rules, plans_only=plans_only, given=given):
        try:
            data = given[path] if path in given else _read(path, limit)
        except DocumentError as err:
            report.failed = True
            report.problems.append(problem_from(err))
            continue
        files.append(_File(path, data, explicit, content_hash(data, explicit=explicit), folder))
    return files, folders


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_regular(path, limit)
    except OSError:
        from opplan.document.loader import read_bytes  # noqa: PLC0415 - its errors say why

        return read_bytes(path, limit)


def _targets(
    paths: Sequence[Path],
    rules: discovery.Filter,
    *,
    plans_only: bool,
    given: Mapping[Path, bytes],
) -> Iterator[tuple[Path, bool, int | None]]:
    """Each file to check, whether it was named, and the index of the folder it was found in."""
    for index, path in enumerate(paths):
        if path not in given and is_folder(path):
            for found in discovery.markdown_files(path, rules):
                yield found, False, index
        elif not (plans_only and rules.excluded(path)):
            yield path, not plans_only, None


def _empty_folder(path: Path) -> Problem:
    return Problem(
        str(path),
        1,
        1,
        "error",
        "input",
        "no plan documents here (Markdown files whose frontmatter has a 'kind'); "
        "check the path or run 'opplan new'",
    )


def _check_all(pending: list[_File], setup: _Setup, jobs: int) -> Iterator[_Result]:
    tasks = [(file.path, file.data, file.explicit) for file in pending]
    workers = min(jobs or os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2) or 1)
    if workers <= 1 or not _can_fork():
        yield from (_check_file(task, setup) for task in tasks)
        return
    import multiprocessing  # noqa: PLC0415 - only for many files

    global _SETUP  # noqa: PLW0603 - handed to forked workers without pickling
    _SETUP = setup
    _load_checkers()  # once, here, rather than once in each worker
    context = multiprocessing.get_context("fork")
    with shared_with_workers(), context.Pool(workers) as pool:
        chunks = max(1, len(tasks) // (workers * 8))
        for result in pool.imap(_check_in_worker, tasks, chunksize=chunks):
            doc = result.document
            yield result if doc is None else result._replace(document=_revalidated(doc))


def _load_checkers() -> None:
    """Import what checking a document needs, and build the kinds' validators."""
    from opplan import schemas  # noqa: PLC0415
    from opplan.document import body, loader  # noqa: PLC0415, F401
    from opplan.lint import suppression  # noqa: PLC0415, F401

    _document_rules()
    for kind in discovery.KIND_NAMES:
        schemas.KINDS[kind].model_rebuild()
    body.parse_body("", 1, ())


def _can_fork() -> bool:
    import multiprocessing  # noqa: PLC0415

    return "fork" in multiprocessing.get_all_start_methods()


_SETUP: _Setup | None = None


def _check_in_worker(task: tuple[Path, bytes, bool]) -> _Result:
    assert _SETUP is not None
    result = _check_file(task, _SETUP)
    doc = result.document
    # Sent back without the model: generic pydantic models cannot be pickled, and the
    # parent validates the frontmatter again.
    return result if doc is None else result._replace(document=dataclasses.replace(doc, model=None))


def _revalidated(doc: Document) -> Document:
    """A document from a worker, with its model validated again."""
    if doc.model is not None or doc.schema_findings:
        return doc
    from opplan import schemas  # noqa: PLC0415
    from opplan.document.validation import validate  # noqa: PLC0415

    model = validate(schemas.KINDS[doc.kind], doc.meta, doc.frontmatter_line).model
    return dataclasses.replace(doc, model=model)


def _check_file(task: tuple[Path, bytes, bool], setup: _Setup) -> _Result:
    # Reading documents needs YAML, Markdown and the schemas: imported only when
    # some file is not in the cache.
    from opplan.document.frontmatter import decode  # noqa: PLC0415
    from opplan.document.loader import load_text  # noqa: PLC0415

    path, data, explicit = task
    name = str(path)
    try:
        try:
            text = decode(name, data)
        except DocumentError:
            # A found file that is not text only matters if it was meant as a plan.
            if not explicit and not discovery.looks_like_plan(data.decode("latin-1")):
                return _Result(name, False, [], None, False)
            raise
        if not explicit and not discovery.looks_like_plan(text):
            return _Result(name, False, [], None, False)
        doc = load_text(name, text, setup.settings.appendix_titles, fast=True)
    except DocumentError as err:
        return _Result(name, True, [problem_from(err)], None, err.fatal)
    checked = check(doc, setup.settings, page=setup.page, page_counter=setup.page_counter)
    kept = frontmatter_only(doc) if setup.keep else None
    return _Result(name, True, checked.problems, kept, False, checked.reads)


def frontmatter_only(doc: Document) -> Document:
    """What the cross-document rules see of a document: all but its text and body."""
    empty = dataclasses.replace(doc.body, lines=(), sections=(), tokens=())
    return dataclasses.replace(doc, text="", body=empty)


def problem_from(err: DocumentError) -> Problem:
    """The problem a document that cannot be read or parsed is reported as."""
    return Problem(err.path, err.line, err.column, "error", err.rule, err.message)


class Checked(NamedTuple):
    problems: list[Problem]
    reads: tuple[str, ...]  # files other than the document that the findings depend on


def check_document(
    doc: Document,
    settings: Lint,
    *,
    page: Page | None = None,
    page_counter: PageCounter | None = None,
) -> Iterator[Problem]:
    """Run every enabled document rule on one document, then apply its suppressions."""
    return iter(check(doc, settings, page=page, page_counter=page_counter).problems)


def check(
    doc: Document,
    settings: Lint,
    *,
    page: Page | None = None,
    page_counter: PageCounter | None = None,
) -> Checked:
    """The problems of one document, and the other files they depend on."""
    reads: list[str] = []
    problems = list(_problems(doc, settings, page, page_counter, reads))
    return Checked(problems, tuple(reads))


def _problems(
    doc: Document,
    settings: Lint,
    page: Page | None,
    page_counter: PageCounter | None,
    reads: list[str],
) -> Iterator[Problem]:
    from opplan.lint import suppression  # noqa: PLC0415 - needs the schemas
    from opplan.lint.rules import RULES  # noqa: PLC0415

    # Every rule reads sections with the aliases configured for required-sections.
    aliases = settings.section_aliases(doc.kind)
    if aliases:
        doc = dataclasses.replace(doc, aliases=aliases)
    problems: list[Problem] = []
    ran: set[str] = set()
    count: PageCount | None = None
    counted = False
    for rule in _document_rules():
        if rule.KINDS and doc.kind not in rule.KINDS:
            continue
        level = settings.level(rule.ID, doc.kind, rule.LEVEL)
        if level == "off" or (rule.NEEDS_MODEL and doc.model is None):
            continue
        options = settings.options(rule.ID, doc.kind, rule.DEFAULT)
        if getattr(rule, "NEEDS_PAGES", False):
            if not counted:
                count, counted = _count_pages(doc, page or Page(), page_counter, problems), True
            if count is None:
                continue
            reads.extend(count.files)
            options[PAGE_COUNT] = count
        ran.add(rule.ID)
        for finding in rule.check(doc, options):
            stamped = finding.level or level
            problems.append(
                Problem(doc.path, finding.line, finding.column, stamped, rule.ID, finding.message)
            )
    comments = suppression.find(doc)
    if not comments:
        yield from problems
        return
    yield from suppression.apply(problems, comments)
    level = settings.level(SUPPRESSION, doc.kind, "warning")
    if level != "off":
        for finding in suppression.unused(comments, RULES, ran):
            yield Problem(
                doc.path, finding.line, finding.column, level, SUPPRESSION, finding.message
            )


def _count_pages(
    doc: Document, page: Page, page_counter: PageCounter | None, problems: list[Problem]
) -> PageCount | None:
    """The document's pages, or None (with the reason among `problems` if it failed)."""
    try:
        return (page_counter or estimate_pages)(doc, page)
    except DocumentError as err:
        problems.append(problem_from(err))
        return None


@cache
def _document_rules() -> tuple[DocumentRule, ...]:
    # Protocol checks are slow; the registry does not change during a run.
    from opplan.lint.rules import RULES  # noqa: PLC0415 - the cross-document rules are heavy

    return tuple(rule for rule in RULES.values() if isinstance(rule, DocumentRule))


def estimate_pages(doc: Document, page: Page) -> PageCount:
    """The default page counter: the estimate from the text and the page geometry."""
    press = doc.outline.press_release() if doc.kind == "prfaq" else ()
    return estimate(doc.body, page, press, doc.outline.title)


def _corpus_rules_enabled(settings: Lint) -> bool:
    from opplan.lint.rules import RULES  # noqa: PLC0415

    return any(
        isinstance(rule, CorpusRule)
        and any(settings.level(rule.ID, kind, rule.LEVEL) != "off" for kind in discovery.KIND_NAMES)
        for rule in RULES.values()
    )


class DiskReader:
    """Reads documents outside the run for the cross-document rules, and notes each read."""

    def __init__(self) -> None:
        self.reads: Reads = {}

    def __call__(self, path: Path) -> Document | None:
        from opplan.document.frontmatter import decode  # noqa: PLC0415
        from opplan.document.loader import load_text, read_bytes  # noqa: PLC0415

        key = str(path.absolute())
        if not is_regular(path):
            self.reads[key] = None
            return None
        try:
            data = read_bytes(path)
        except DocumentError:
            self.reads[key] = file_hash(path)
            raise
        self.reads[key] = bytes_hash(data)
        return load_text(str(path), decode(str(path), data), fast=True)


def check_corpus(
    docs: Sequence[Document],
    settings: Lint,
    *,
    read: Callable[[Path], Document | None] | None = None,
) -> Iterator[Problem]:
    """Run every enabled cross-document rule over all the documents of the run.

    `read` reads the documents outside the run that a rule needs (and notes them
    for the cache); by default they are read from disk.
    """
    from opplan.lint.rules import RULES  # noqa: PLC0415

    for rule in RULES.values():
        if not isinstance(rule, CorpusRule):
            continue
        options = settings.options(rule.ID, "", rule.DEFAULT)
        options[READ] = read or DiskReader()
        eligible = [
            doc
            for doc in docs
            if (not rule.KINDS or doc.kind in rule.KINDS)
            and not (rule.NEEDS_MODEL and doc.model is None)
            and settings.level(rule.ID, doc.kind, rule.LEVEL) != "off"
        ]
        for doc, finding in rule.check_corpus(eligible, options):
            level = settings.level(rule.ID, doc.kind, rule.LEVEL)
            if level == "off":
                continue
            if finding.level == "warning":
                level = "warning"
            yield Problem(doc.path, finding.line, finding.column, level, rule.ID, finding.message)
