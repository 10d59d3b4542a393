"""Checking one document: its settings in, its problems out.

`check` runs every document rule enabled for the document's kind, counts
pages once for the rules that need them (the estimate, or the counter given,
such as `--exact` typesetting), and hands the findings to `levels` for their
level and the document's suppression comments. It reads nothing but what the
page counter reads, and says which files those were, so that the cache can key
on them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from opplan.config.model import Lint, Page
from opplan.errors import DocumentError
from opplan.lint import levels
from opplan.lint.rule import PAGE_COUNT, DocumentRule
from opplan.pages import PageCount, estimate
from opplan.problem import Problem

if TYPE_CHECKING:
    from opplan.document import Document

# None: no page count for this document, so no page rule runs on it.
PageCounter = Callable[["Document", Page], PageCount | None]


class Checked(NamedTuple):
    problems: list[Problem]
    reads: tuple[str, ...]  # files other than the document that the problems depend on


def check(
    doc: Document,
    settings: Lint,
    *,
    page: Page | None = None,
    page_counter: PageCounter | None = None,
) -> Checked:
    """The problems of one document, and the other files they depend on."""
    reads: list[str] = []
    found = _findings(doc, settings, page or Page(), page_counter, reads)
    return Checked(list(found), tuple(reads))


def check_document(
    doc: Document,
    settings: Lint,
    *,
    page: Page | None = None,
    page_counter: PageCounter | None = None,
) -> Iterator[Problem]:
    """Run every enabled document rule on one document, then apply its suppressions."""
    return iter(check(doc, settings, page=page, page_counter=page_counter).problems)


def _findings(
    doc: Document,
    settings: Lint,
    page: Page,
    page_counter: PageCounter | None,
    reads: list[str],
) -> Iterator[Problem]:
    # Every rule reads sections with the aliases configured for required-sections.
    aliases = settings.section_aliases(doc.kind)
    if aliases:
        doc = dataclasses.replace(doc, aliases=aliases)
    problems: list[Problem] = []
    ran: set[str] = set()
    count: PageCount | None = None
    counted = False
    for rule in document_rules():
        if rule.KINDS and doc.kind not in rule.KINDS:
            continue
        level = levels.level(settings, rule, doc.kind)
        if level == "off" or (rule.NEEDS_MODEL and doc.model is None):
            continue
        options = settings.options(rule.ID, doc.kind, rule.DEFAULT)
        if getattr(rule, "NEEDS_PAGES", False):
            if not counted:
                count, counted = _count_pages(doc, page, page_counter, problems), True
            if count is None:
                continue
            reads.extend(count.files)
            options[PAGE_COUNT] = count
        ran.add(rule.ID)
        problems.extend(
            levels.stamped(doc.path, rule, level, finding) for finding in rule.check(doc, options)
        )
    return levels.suppressed(doc, problems, ran, settings)


def _count_pages(
    doc: Document, page: Page, page_counter: PageCounter | None, problems: list[Problem]
) -> PageCount | None:
    """The document's pages, or None (with the reason among `problems` if it failed)."""
    try:
        return (page_counter or estimate_pages)(doc, page)
    except DocumentError as err:
        problems.append(problem_from(err))
        return None


def estimate_pages(doc: Document, page: Page) -> PageCount:
    """The default page counter: the estimate from the text and the page geometry."""
    press = doc.outline.press_release() if doc.kind == "prfaq" else ()
    return estimate(doc.body, page, press, doc.outline.title)


@cache
def document_rules() -> tuple[DocumentRule, ...]:
    # Protocol checks are slow; the registry does not change during a run.
    from opplan.lint.rules import RULES  # noqa: PLC0415 - the cross-document rules are heavy

    return tuple(rule for rule in RULES.values() if isinstance(rule, DocumentRule))


def problem_from(err: DocumentError) -> Problem:
    """The problem a document that cannot be read or parsed is reported as."""
    return Problem(err.path, err.line, err.column, "error", err.rule, err.message)
