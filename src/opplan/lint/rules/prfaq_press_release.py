"""The press release reads like one, and the FAQ entries are questions.

Under its "Press release" heading, the press release has a headline (a `##`
heading), a subheading (a `###` heading), a first paragraph (under the
headings) that opens with a dateline (a city and a date, then a dash:
`SEATTLE, March 2, 2027 —`), a quote (a paragraph in double quotes) and a
paragraph that tells the reader how to get started (it starts with one of
`call_to_action`). In the FAQ sections ("External FAQ", "Internal FAQ")
every entry heading is a question ending with "?". `checks` chooses which
of these apply: headline, subheading, dateline, quote, call-to-action,
faq-questions.

Options: `checks` (all six), `call_to_action` ("To get started").

Passing:

    # Press release

    ## Larkspur Sellers Now Get Paid in Minutes

    ### Instant Payouts sends a seller's balance to their debit card in 30 minutes

    SEATTLE, September 14, 2027 — Larkspur today launched Instant Payouts.

    "Cash is our sellers' inventory," said Maya Castellanos.

    To get started, sellers open the Balance page in Seller Hub.

Failing (no dateline, no quote and no getting-started paragraph):

    # Press release

    ## Larkspur Sellers Now Get Paid in Minutes

    ### Instant Payouts sends a seller's balance to their debit card in 30 minutes

    Larkspur today launched Instant Payouts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from opplan.lint.markdown import find, normal, subtree
from opplan.problem import Finding, Level

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.document.body import Block, Section
    from opplan.lint.rule import Options

ID = "prfaq-press-release"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("prfaq",)
CHECKS = ("headline", "subheading", "dateline", "quote", "call-to-action", "faq-questions")
DEFAULT: dict[str, Any] = {"checks": list(CHECKS), "call_to_action": ["To get started"]}
NEEDS_MODEL = False

_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_DASHES = "\u2014|\u2013|--|-"  # em dash, en dash, or hyphens
_DATELINE = re.compile(rf"^[A-Z][\w.' -]*(, [A-Z][\w.' -]*)*,\s+{_DATE}\s*({_DASHES})")
_QUOTE = re.compile(r"[\"“][^\"“”]{3,}[\"”]")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    checks = set(options["checks"])
    release = find(doc.body, "Press release", {})
    if release is not None:
        yield from _release(doc, release, checks, options)
    if "faq-questions" in checks:
        for title in ("External FAQ", "Internal FAQ"):
            section = find(doc.body, title, {})
            if section is not None:
                yield from _questions(doc, section)


def _release(
    doc: Document, release: Section, checks: set[str], options: Options
) -> Iterator[Finding]:
    sections = subtree(doc.body, release)
    levels = {s.level for s in sections[1:]}
    blocks: list[Block] = [b for s in sections for b in s.blocks if b.kind == "paragraph"]
    where = release.line
    headline, subheading = "#" * (release.level + 1), "#" * (release.level + 2)
    if "headline" in checks and release.level + 1 not in levels:
        yield Finding(
            where,
            1,
            f"the press release has no headline; add a '{headline}' heading under it",
        )
    if "subheading" in checks and release.level + 2 not in levels:
        yield Finding(
            where,
            1,
            f"the press release has no subheading; add a '{subheading}' heading under the headline",
        )
    # The dateline opens the release's text: the first paragraph under its headings
    # (a note to the writer may stand right under "Press release").
    under = [b for s in sections[1:] for b in s.blocks if b.kind == "paragraph"] or blocks
    if "dateline" in checks and not (under and _DATELINE.match(under[0].text)):
        line = under[0].line if under else where
        yield Finding(
            line,
            1,
            "the press release does not open with a dateline such as 'SEATTLE, March 2, 2027 —'",
        )
    if "quote" in checks and not any(_QUOTE.search(b.text) for b in blocks):
        yield Finding(
            where,
            1,
            "the press release has no quote; "
            "add a paragraph quoting a leader or a customer in double quotes",
        )
    starts = tuple(normal(text) for text in options["call_to_action"])
    if "call-to-action" in checks and not any(normal(b.text).startswith(starts) for b in blocks):
        first = options["call_to_action"][0] if options["call_to_action"] else "To get started"
        yield Finding(
            where,
            1,
            "the press release does not tell readers how to get started; "
            f"add a paragraph starting {first!r}",
        )


def _questions(doc: Document, faq: Section) -> Iterator[Finding]:
    for section in subtree(doc.body, faq)[1:]:
        if not section.title.rstrip().endswith("?"):
            yield Finding(
                section.line,
                1,
                f"FAQ entry {section.title!r} is not a question; end it with '?'",
            )


def validate(options: Options) -> str | None:
    """Why the options cannot work, if they cannot."""
    unknown = [check for check in options["checks"] if check not in CHECKS]
    if unknown:
        return f"checks: unknown {unknown[0]!r}; use some of {', '.join(CHECKS)}"
    return None
