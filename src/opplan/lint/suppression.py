"""Suppression comments: where they are, what they silence, and which silence nothing.

In the body, `<!-- opplan: disable=a,b -->` silences rules a and b until
`<!-- opplan: enable=a,b -->` (or the end of the file), and
`<!-- opplan: disable-next-line=a -->` silences them on the next line. In the
frontmatter, `# opplan: disable=a` silences them on its line and, when that
line opens a nested block (a key with indented children, or a list item), on
the whole block.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opplan.lint.rule import unknown_rule
from opplan.problem import Finding, Problem

if TYPE_CHECKING:
    from opplan.document import Document

_BODY = re.compile(r"<!--\s*opplan:\s*(disable|enable|disable-next-line)\s*=\s*([^>]*?)\s*-->")
_FRONTMATTER = re.compile(r"#\s*opplan:\s*(disable)\s*=\s*([\w\s,-]*)")


@dataclass
class Suppression:
    """One comment: the rules it names and the lines it covers."""

    line: int
    column: int
    rules: tuple[str, ...]
    start: int
    end: int
    used: set[str] = field(default_factory=set)

    def covers(self, problem: Problem) -> bool:
        return self.start <= problem.line <= self.end and problem.rule in self.rules


def find(doc: Document) -> list[Suppression]:
    """Every suppression comment of a document."""
    if "opplan:" not in doc.text:
        return []
    lines = doc.text.split("\n")
    return [*_frontmatter(doc, lines), *_body(doc, lines)]


def _rules(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _frontmatter(doc: Document, lines: list[str]) -> Iterator[Suppression]:
    last = doc.body.first_line - 2  # the closing '---'
    for number in range(doc.frontmatter_line, last):
        match = _FRONTMATTER.search(lines[number - 1])
        if match:
            end = _block_end(lines, number, last)
            yield Suppression(number, match.start() + 1, _rules(match.group(2)), number, end)


def _block_end(lines: list[str], number: int, last: int) -> int:
    """The last line of the YAML block that the line `number` opens."""
    text = lines[number - 1]
    indent = len(text) - len(text.lstrip(" -")) if text.lstrip().startswith("-") else None
    indent = len(text) - len(text.lstrip()) if indent is None else indent - 1
    end = number
    for later in range(number + 1, last):
        following = lines[later - 1]
        if not following.strip():
            continue
        if len(following) - len(following.lstrip()) <= indent:
            break
        end = later
    return end


def _body(doc: Document, lines: list[str]) -> Iterator[Suppression]:
    code = {
        line
        for section in doc.body.sections
        for block in section.blocks
        if block.kind == "code"
        for line in range(block.line, block.end_line + 1)
    }
    last = len(lines)
    open_: dict[str, Suppression] = {}
    for number in range(doc.body.first_line, last + 1):
        if number in code or "opplan:" not in lines[number - 1]:
            continue
        for match in _BODY.finditer(lines[number - 1]):
            action, rules = match.group(1), _rules(match.group(2))
            column = match.start() + 1
            if action == "disable-next-line":
                yield Suppression(number, column, rules, number + 1, number + 1)
            elif action == "disable":
                found = Suppression(number, column, rules, number, last)
                open_.update(dict.fromkeys(rules, found))
                yield found
            else:
                for rule in rules:
                    opened = open_.pop(rule, None)
                    if opened is not None:
                        opened.end = min(opened.end, number)


def apply(problems: Iterable[Problem], suppressions: list[Suppression]) -> Iterator[Problem]:
    """The problems no suppression covers; covering suppressions are marked used."""
    for problem in problems:
        covering = [s for s in suppressions if s.covers(problem)]
        for suppression in covering:
            suppression.used.add(problem.rule)
        if not covering:
            yield problem


def unused(
    suppressions: list[Suppression],
    known: Collection[str],
    ran: Collection[str],
    *,
    unknown: bool = True,
) -> Iterator[Finding]:
    """A finding for each rule a suppression names that silenced nothing (of those that
    `ran`) or, with `unknown`, that is no rule."""
    for suppression in suppressions:
        for rule in suppression.rules:
            where = (suppression.line, suppression.column)
            if rule not in known and unknown:
                yield Finding(*where, f"suppression names an {unknown_rule(rule, known)}")
            elif rule in ran and rule not in suppression.used:
                yield Finding(*where, f"suppression of {rule!r} suppresses nothing here; remove it")
