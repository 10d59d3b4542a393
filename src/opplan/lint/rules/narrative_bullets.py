"""The narrative is prose, not bullet lists.

A written plan makes its argument in sentences; bullets hide the "because".
Bullet lists are allowed in the sections titled one of `exempt_sections`
(and their subsections) and in the appendix: the goals of a plan, and what a
check-in's quarter delivered, are lists by nature. Numbered lists are reported too
when `ordered` is true.

Options: `exempt_sections` (Goals, What was delivered), `ordered` (false).

Passing:

    # Plan with the same resources

    SR-1 routes each card payment to the processor most likely to approve it.

Failing (a bullet list in the narrative):

    # Plan with the same resources

    - SR-1: smart routing
    - SR-2: network tokens
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "narrative-bullets"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = tuple(kinds.where(written=True))  # not generated roll-ups
DEFAULT: dict[str, Any] = {"exempt_sections": ["Goals", "What was delivered"], "ordered": False}
NEEDS_MODEL = False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    kinds = {"bullet_list", "ordered_list"} if options["ordered"] else {"bullet_list"}
    skipped = _exempt(doc, options["exempt_sections"])
    for section in doc.body.narrative:
        if section.line in skipped:
            continue
        for block in section.blocks:
            if block.kind in kinds:
                where = f"in '{section.title}'" if section.title else "before the first heading"
                yield Finding(
                    block.line,
                    1,
                    f"a list of {block.items} item{'s' if block.items != 1 else ''} {where}; "
                    "write the narrative as prose (lists belong in goals and the appendix)",
                )


def _exempt(doc: Document, titles: list[str]) -> set[int]:
    """The heading lines of the sections that mean one of `titles`, with their subsections."""
    outline = doc.outline
    lines: set[int] = set()
    for section in outline.headings:
        if any(outline.matcher.means(section.title, title) for title in titles):
            lines.update(s.line for s in outline.subtree(section))
    return lines
