"""The body has the sections its kind needs.

Sections are found by meaning, at any heading level: leading numbering
(`1.`, `A.`, `IV.`, `Part 1 —`), case, punctuation, plurals and `&`/"and"
do not matter, a heading joining two titles (`Customer & Stakeholder FAQs`)
counts for both, and each section has a built-in table of synonyms
("State of the business" counts for "Last year's results", "Technical FAQ"
for "Internal FAQ", a bare "FAQ" for "External FAQ"), printed in full by
`opplan rules required-sections`. A first `#` heading that repeats the
document's title is the title, not a section. Which sections a PR/FAQ needs
depends on its `variant`; its press release needs no heading of its own when
it opens the document (or follows the title) before the first FAQ. The
problem names the missing section and lists the headings that were found.

Options: `op1`, `op2`, `prfaq-full`, `prfaq-pr-only`, `prfaq-faq-only` (the
titles each needs) and `aliases` (a table of title = [other titles], added to
the built-in synonyms; every rule that looks for a section reads them). The
appendix's own headings are `[lint] appendix_titles`.

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

from opplan import kinds, section_match, sections
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "required-sections"
LEVEL: Level = "error"
_CHECKED = kinds.where(written=True)  # not generated roll-ups
KINDS: tuple[str, ...] = tuple(_CHECKED)
DEFAULT: dict[str, Any] = {
    **{
        option: titles
        for kind in _CHECKED.values()
        for option, titles in kind.required_sections().items()
    },
    "aliases": {},
}
NEEDS_MODEL = False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    required: list[str] = options.get(_option(doc), [])  # other kinds (roll-ups) need none
    outline = doc.outline
    missing = [title for title in required if not _present(doc, title)]
    if not missing:
        return
    top = min((s.level for s in outline.headings), default=0)
    found = [s.title for s in outline.headings if s.level == top]
    listed = ", ".join(repr(title) for title in found) if found else "none"
    line = doc.body.first_heading_line
    for title in missing:
        yield Finding(
            line,
            1,
            f"missing section {title!r}; add a '{'#' * max(top, 1)} {title}' heading or one that "
            f"'opplan rules {ID}' accepts for it (headings found: {listed})",
        )


def _present(doc: Document, title: str) -> bool:
    if doc.outline.find(title) is not None:
        return True
    if section_match.normal(title) == section_match.normal(sections.PRESS_RELEASE):
        return bool(doc.outline.press_release())  # a press release without its own heading
    return False


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    for title in options["aliases"]:
        if section_match.normal(title) == section_match.normal(sections.APPENDIX):
            return "aliases: the appendix's headings are set by [lint] appendix_titles"
    return None


def _option(doc: Document) -> str:
    variants = kinds.KINDS[doc.kind].variants if doc.kind in kinds.KINDS else {}
    if not variants:
        return doc.kind
    variant = doc.meta.get("variant", next(iter(variants)))
    return f"{doc.kind}-{variant if variant in variants else next(iter(variants))}"


def titles(doc: Document, options: Options) -> list[str]:
    """The titles of the sections a document needs, in order."""
    required: list[str] = options.get(_option(doc), [])
    return required
