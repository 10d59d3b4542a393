"""The body has the sections its kind needs.

Sections are found by their heading text, matched case-blind with
punctuation ignored, at any heading level; `aliases` maps a section's title
to other titles that count for it. Which sections a PR/FAQ needs depends on
its `variant`. The problem names the missing section and lists the headings
that were found.

Options: `op1`, `op2`, `prfaq-full`, `prfaq-pr-only`, `prfaq-faq-only` (the
titles each needs) and `aliases` (a table of title = [other titles]; setting
it replaces the built-in aliases).

Passing (an OP1 with every required section):

    # Introduction
    # Last year's results
    # Goals
    # Plan with the same resources
    # Plan with more investment
    # Key assumptions
    # Resource asks
    # Risks
    # Appendix

Failing (an OP1 without "Risks"):

    # Introduction
    # Last year's results
    # Goals
    # Plan with the same resources
    # Plan with more investment
    # Key assumptions
    # Resource asks
    # Appendix
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan import sections
from opplan.lint.markdown import find
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "required-sections"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("op1", "op2", "prfaq")  # not generated roll-ups
_REQUIRED = [title for title in sections.PLAN if title not in sections.OPTIONAL]
_PLAN = [*_REQUIRED, sections.APPENDIX]
DEFAULT: dict[str, Any] = {
    "op1": _PLAN,
    "op2": [*_PLAN[:1], *sections.OP2_REVIEW, *_PLAN[1:]],
    "prfaq-full": [sections.PRESS_RELEASE, *sections.FAQS],
    "prfaq-pr-only": [sections.PRESS_RELEASE],
    "prfaq-faq-only": list(sections.FAQS),
    "aliases": {
        "Last year's results": ["Results", "State of the business"],
        "Plan with the same resources": ["Same resources", "Plan with flat resources"],
        "Plan with more investment": ["More investment", "Plan with significant investment"],
        "Key assumptions": ["Assumptions"],
        "Resource asks": ["Asks"],
        "Risks": ["Known risks"],
        "Appendix": ["Appendices"],
        "External FAQ": ["Customer FAQ"],
        "Internal FAQ": ["Stakeholder FAQ"],
        "Press release": ["PR"],
    },
}
NEEDS_MODEL = False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    required: list[str] = options.get(_option(doc), [])  # other kinds (roll-ups) need none
    aliases = options["aliases"]
    missing = [title for title in required if find(doc.body, title, aliases) is None]
    if not missing:
        return
    found = [s.title for s in doc.body.sections if s.level == 1] or [
        s.title for s in doc.body.sections if s.level
    ]
    listed = ", ".join(repr(title) for title in found) if found else "none"
    line = doc.body.first_heading_line
    for title in missing:
        yield Finding(
            line,
            1,
            f"missing section {title!r}; add a '# {title}' heading (headings found: {listed})",
        )


def _option(doc: Document) -> str:
    if doc.kind != "prfaq":
        return doc.kind
    variant = doc.meta.get("variant", "full")
    return f"prfaq-{variant}" if variant in ("full", "pr-only", "faq-only") else "prfaq-full"


def titles(doc: Document, options: Options) -> list[str]:
    """The titles of the sections a document needs, in order."""
    required: list[str] = options.get(_option(doc), [])
    return required
