"""The linter: wires the parts of a lint run together.

`files` gathers and reads the files named or found (`workspace.discovery`),
`cache` serves the findings whose inputs are unchanged, `pool` checks the rest
(in worker processes when there are many), each with `check` (one document
in, problems out), and `corpus` runs the cross-document rules over all the
documents of the run. `levels` gives every finding its level and applies the
suppression comments, for both kinds of rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from opplan.config.model import Checkins, Lint, Page
from opplan.errors import DocumentError
from opplan.gc_tuning import fewer_collections
from opplan.lint import files as inputs
from opplan.lint import pool
from opplan.lint.cache import ResultCache, reads_of, set_key
from opplan.lint.check import PageCounter, check, document_rules, problem_from
from opplan.lint.report import Report
from opplan.problem import Problem
from opplan.workspace import discovery

if TYPE_CHECKING:
    from opplan.document import Document

__all__ = ["Report", "lint"]


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
    reads: tuple[str, ...] = ()  # other files the problems depend on


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
    checkins: Checkins | None = None,
) -> Report:
    """Lint the documents at the given files and under the given folders.

    `page_counter` counts a document's pages for the page rules (None: the
    estimate from `opplan.pages`). `root` is the folder that `include` and
    `exclude` globs start from. `jobs` caps the worker processes (0: one per
    CPU, 1: none). With `plans_only`, named files are treated like files found
    in a folder: skipped unless they are plan documents or excluded. `given`
    holds the contents of named files that are not read from disk (standard input).
    `checkins` are the `[checkins]` settings the check-in rules score goals with.
    """
    rules = discovery.Filter(root or Path.cwd(), settings.include, settings.exclude)
    found = inputs.gather(
        paths, rules, plans_only=plans_only, given=given or {}, limit=settings.max_file_size
    )
    report = Report(problems=list(found.problems), failed=bool(found.problems))
    pending: list[inputs.File] = []
    hits: list[inputs.File] = []
    for file in found.files:
        hit = None if cache is None else cache.get(file.slot, file.digest)
        if hit is None:
            pending.append(file)
        elif hit.plan:
            hits.append(file)
            report.problems.extend(hit.problems)
    # The cross-document problems depend on every document of the run (and on those
    # the rules read from disk): stored under the whole list, never under a part of it.
    run_key = set_key([(str(file.path), file.digest) for file in found.files])
    corpus = None if cache is None else cache.get_corpus(run_key)
    from opplan.lint import corpus as cross  # noqa: PLC0415 - loads the rules and schemas

    setup = _Setup(
        settings, page or Page(), page_counter, corpus is None and cross.enabled(settings)
    )
    if setup.keep and hits:
        # The cross-document rules need every document: check the cached ones again,
        # in the order given, as an uncached run reads them (some findings depend on it).
        cached = {str(file.path) for file in hits}
        report.problems = [p for p in report.problems if p.path not in cached]
        again = {id(file) for file in pending + hits}
        pending, hits = [file for file in found.files if id(file) in again], []
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
    held = set[int]().union(*(file.folders for file in plans))
    for index in sorted(found.folders - held):
        report.failed = True
        report.problems.append(inputs.empty_folder(paths[index]))
        report.empty_folders.append(str(paths[index]))
    if corpus is None:
        reader = cross.DiskReader(root)
        corpus = list(
            cross.check_corpus(report.documents, settings, read=reader, checkins=checkins)
        )
        if cache is not None:
            cache.put_corpus(run_key, corpus, reader.reads)
    report.problems.extend(corpus)
    report.sort()
    if cache is not None:
        cache.save()
    return report


def _check_all(pending: list[inputs.File], setup: _Setup, jobs: int) -> list[_Result]:
    tasks = [(file.path, file.data, file.explicit) for file in pending]
    return list(
        pool.map_tasks(
            tasks,
            lambda task: _check_file(task, setup),
            jobs=jobs,
            warm_up=_load_checkers,
            in_worker=lambda task: _sent(_check_file(task, setup)),
            received=_received,
        )
    )


def _load_checkers() -> None:
    """Import what checking a document needs, and build the kinds' validators."""
    from opplan import schemas  # noqa: PLC0415
    from opplan.document import body, loader  # noqa: PLC0415, F401
    from opplan.lint import suppression  # noqa: PLC0415, F401

    document_rules()
    for model in schemas.KINDS.values():
        model.model_rebuild()
    body.parse_body("", 1, ())


def _sent(result: _Result) -> _Result:
    """A worker's result without the model: generic pydantic models cannot be pickled,
    and the parent validates the frontmatter again."""
    doc = result.document
    return result if doc is None else result._replace(document=dataclasses.replace(doc, model=None))


def _received(result: _Result) -> _Result:
    """A result from a worker, its document's model validated again."""
    doc = result.document
    if doc is None or doc.model is not None or doc.schema_findings:
        return result
    from opplan import schemas  # noqa: PLC0415
    from opplan.document.validation import validate  # noqa: PLC0415

    model = validate(schemas.KINDS[doc.kind], doc.meta, doc.frontmatter_line).model
    return result._replace(document=dataclasses.replace(doc, model=model))


def _check_file(task: tuple[Path, bytes, bool], setup: _Setup) -> _Result:
    # Reading documents needs YAML, Markdown and the schemas: imported only when
    # some file is not in the cache.
    from opplan.document.frontmatter import decode  # noqa: PLC0415
    from opplan.document.loader import load_text  # noqa: PLC0415
    from opplan.lint.corpus import frontmatter_only  # noqa: PLC0415

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
