"""Levels and suppression: how every rule's findings become problems, in one place.

Rules are pure and say only where and what. Here, for document rules and
cross-document rules alike, a rule runs on a document only when its level for
that document's kind (`[lint.kinds.KIND.rules]`, else `[lint.rules]`, else the
rule's `LEVEL`) is not "off"; each finding gets that level, unless the rule's
documentation gives it its own (see `Finding`); then the document's
suppression comments drop the problems they cover, and `unused-suppression`
reports the comments that silenced nothing, at its own configured level.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from opplan.problem import Finding, Problem

if TYPE_CHECKING:
    from opplan.config.model import Lint, RuleLevel
    from opplan.document import Document
    from opplan.lint.rule import RuleInfo


def level(settings: Lint, rule: RuleInfo, kind: str) -> RuleLevel:
    """The rule's level for documents of a kind ("off": it does not run on them)."""
    return settings.level(rule.ID, kind, rule.LEVEL)


def stamped(path: str, rule: RuleInfo, configured: RuleLevel, finding: Finding) -> Problem:
    """The problem a finding is reported as, at its level (the rule's own, if it gives one)."""
    assert configured != "off"
    found = finding.level or configured
    return Problem(path, finding.line, finding.column, found, rule.ID, finding.message)


def suppressed(
    doc: Document, problems: Iterable[Problem], ran: Collection[str], settings: Lint
) -> Iterator[Problem]:
    """The problems no suppression comment of the document covers, then the unused comments.

    `ran` holds the IDs of the rules that ran on the document: a comment naming a
    rule that did not run (off, or not for this kind) is not reported as unused.
    """
    from opplan.lint import suppression  # noqa: PLC0415 - only for documents with comments
    from opplan.lint.rules import RULES, unused_suppression  # noqa: PLC0415

    comments = suppression.find(doc)
    if not comments:
        yield from problems
        return
    yield from suppression.apply(problems, comments)
    configured = level(settings, unused_suppression, doc.kind)
    if configured != "off":
        for finding in suppression.unused(comments, RULES, ran):
            yield stamped(doc.path, unused_suppression, configured, finding)
