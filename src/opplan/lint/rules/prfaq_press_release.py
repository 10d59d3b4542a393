"""The press release reads like one, and the FAQ entries are questions.

The press release is the section whose heading means "Press release" (see
`required-sections`), or, with no heading of its own, the text from the top
of the document (under a title heading) to the first FAQ. In it:

- headline: a heading, or a bold or italic line (or a short line with no
  full stop), above the dateline;
- subheading: a second such heading or line;
- dateline: one of its first paragraphs opens with a place (a city with its
  state or country, or a city in capitals), a date or a wire service, or both
  (`SEATTLE, March 2, 2027 —`, `**Austin, Texas** (BUSINESS WIRE) --`,
  `London, UK, 2 March 2027:`), then a dash or a colon;
- quote: a paragraph with a quotation in straight or curly double quotes, a
  block quote, or an italic quote with a dash attribution (`— Maya, CEO`);
- call-to-action: a heading such as one of `cta_headings` ("Getting started",
  "Availability"), or a sentence in its last `cta_paragraphs` paragraphs
  holding one of `call_to_action` ("To get started", "available today", ...).

In the FAQ sections every entry heading (a heading with none under it) is a
question ending with "?". `checks` chooses which of these apply: headline,
subheading, dateline, quote, call-to-action, faq-questions. A check that does
not find what it looks for says where it looked.

Options: `checks` (all six), `call_to_action`, `cta_headings`,
`cta_paragraphs` (3).

Passing:

    # Press release

    ## Larkspur Sellers Now Get Paid in Minutes

    ### Instant Payouts sends a seller's balance to their debit card in 30 minutes

    SEATTLE, September 14, 2027 — Larkspur today launched Instant Payouts.

    "Cash is our sellers' inventory," said Maya Castellanos.

    To get started, sellers open the Balance page in Seller Hub.

Failing (no dateline, no quote and no getting-started sentence):

    # Press release

    ## Larkspur Sellers Now Get Paid in Minutes

    ### Instant Payouts sends a seller's balance to their debit card in 30 minutes

    Larkspur today launched Instant Payouts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from opplan.problem import Finding, Level
from opplan.section_match import normal

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.document.body import Block, Section
    from opplan.lint.rule import Options

ID = "prfaq-press-release"
LEVEL: Level = "error"
KINDS: tuple[str, ...] = ("prfaq",)
CHECKS = ("headline", "subheading", "dateline", "quote", "call-to-action", "faq-questions")
DEFAULT: dict[str, Any] = {
    "checks": list(CHECKS),
    "call_to_action": [
        "To get started",
        "get started",
        "available today",
        "available now",
        "available starting",
        "available from",
        "is available",
        "are available",
        "starting today",
        "from today",
        "sign up",
        "learn more",
        "visit",
        "try it",
        "download",
    ],
    "cta_headings": ["Getting started", "How to get started", "Availability", "Get started"],
    "cta_paragraphs": 3,
}
NEEDS_MODEL = False

_DATELINE_PARAGRAPHS = 3
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_WORD = r"[A-Z][\w.'\u2019&-]*"
_PLACE = rf"{_WORD}(?:\s+(?:{_WORD}|de|la|of|am|upon))*"
_WIRE = r"(?:\([A-Z][A-Za-z .&-]*\)|/\s*[A-Za-z][A-Za-z .&-]*\s*/)"
_SEPARATOR = r"\s*(?:\u2014|\u2013|--|-|:|\.)(?:\s|$)"
_DATELINE = (  # compiled on first use: it takes longer than the rest of the module
    rf"^[(\[]?(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}})[)\]]?"
    rf"(?:(?:,|\s*{_SEPARATOR.strip()})?\s*(?P<date>{_DATE}))?"
    rf"(?:\s*(?P<wire>{_WIRE}))?"
    rf"(?:,?\s*(?P<date2>{_DATE}))?{_SEPARATOR}"
    rf"|^(?P<first>{_DATE})(?:,?\s*{_PLACE}(?:,\s*{_PLACE}){{0,2}})?{_SEPARATOR}"
    rf"|^{_PLACE}(?:,\s*{_PLACE}){{0,2}}\s*(?:\u2014|\u2013|--)\s*(?P<wired>{_WIRE})"
    r"\s*(?:\u2014|\u2013|--|-|:)"
)
_MARKUP = re.compile(r"[*_]+")
_QUOTE = re.compile(r"[\"\u201c\u201e\u00ab][^\"\u201c\u201d\u00bb]{3,}[\"\u201d\u00bb]")
_ATTRIBUTION = re.compile(r"(?:\u2014|\u2013|--|-)\s*\S")
_EMPHASIS = re.compile(r"^\s*(\*\*|__|\*|_)(?=\S).*\S\1[.:]?\s*$", re.DOTALL)
_LABEL = re.compile(
    r"^\s*(\*\*|__)?((?:sub)?(?:title|headline|heading))\s*:?\1?\s*:?\s*\S",
    re.IGNORECASE | re.MULTILINE,
)


@cache
def _dateline() -> re.Pattern[str]:
    return re.compile(_DATELINE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    checks = set(options["checks"])
    release = doc.outline.press_release()
    if release:
        yield from _release(doc, release, checks, options)
    if "faq-questions" in checks:
        yield from _questions(doc)


def _release(
    doc: Document, release: tuple[Section, ...], checks: set[str], options: Options
) -> Iterator[Finding]:
    named = doc.outline.press_release_heading() is not None
    where = release[0].line
    parts = _parts(doc, release, named)
    titles = [*_labelled(doc, release[0]), *(item for item in parts if isinstance(item, str))]
    paragraphs = [item for item in parts if not isinstance(item, str)]
    headline = "#" * (release[0].level + 1) if named else "##"
    if "headline" in checks and not titles:
        yield Finding(
            where,
            1,
            "the press release has no headline (looked for a heading or a bold line above "
            f"the dateline); add a '{headline}' heading",
        )
    if "subheading" in checks and len(titles) < 2:
        yield Finding(
            where,
            1,
            "the press release has no subheading (looked for a second heading or an italic "
            "line under the headline); add one under the headline",
        )
    texts = [b for b in paragraphs if b.kind == "paragraph"]
    if "dateline" in checks and not any(
        _is_dateline(_source(doc, b)) for b in texts[:_DATELINE_PARAGRAPHS]
    ):
        yield Finding(
            texts[0].line if texts else where,
            1,
            "the press release does not open with a dateline (looked in its first "
            f"{_DATELINE_PARAGRAPHS} paragraphs for a place and a date or wire service, then a "
            "dash or colon, such as 'SEATTLE, March 2, 2027 \u2014')",
        )
    if "quote" in checks and not any(_is_quote(doc, b) for b in paragraphs):
        yield Finding(
            where,
            1,
            "the press release has no quote (looked for double quotes, straight or curly, "
            "a block quote, or an italic quote with a dash attribution); quote a leader or "
            "a customer",
        )
    if "call-to-action" in checks and not _has_call_to_action(doc, release, texts, options):
        phrases = ", ".join(repr(p) for p in options["call_to_action"][:3])
        headings = ", ".join(repr(h) for h in options["cta_headings"][:2])
        yield Finding(
            where,
            1,
            "the press release does not tell readers how to get started (looked for a "
            f"sentence with {phrases} or similar in its last {options['cta_paragraphs']} "
            f"paragraphs, and for a heading such as {headings})",
        )


def _parts(doc: Document, sections: tuple[Section, ...], named: bool) -> list[str | Block]:
    """Headline candidates (headings, and bold or italic lines before the prose) and prose."""
    found: list[str | Block] = []
    prose = False
    for index, section in enumerate(sections):
        if section.level and not (named and index == 0):
            found.append(section.title)
        for block in section.blocks:
            if block.kind not in ("paragraph", "quote"):
                continue
            if not prose and block.kind == "paragraph" and _is_title_line(doc, block):
                found.append(block.text)
                continue
            prose = True
            found.append(block)
    return found


def _labelled(doc: Document, release: Section) -> list[str]:
    """Headline and subheading given as labelled lines ("**Title:** ...") above the release."""
    sections = doc.body.sections
    index = sections.index(release) if release in sections else 0
    before = sections[index - 1 : index] if release.level else ()
    found = []
    for section in (*before, release):
        for block in section.blocks:
            if block.kind == "paragraph":
                found += [m.group(2) for m in _LABEL.finditer(_source(doc, block))]
    return sorted(found, key=lambda label: label.lower().startswith("sub"))


def _source(doc: Document, block: Block) -> str:
    lines = range(block.line, block.end_line + 1)
    return "\n".join(doc.body.line_text(line) for line in lines)


def _is_title_line(doc: Document, block: Block) -> bool:
    """A headline-like paragraph: bold or italic, or one short line with no full stop."""
    source = _source(doc, block)
    if _is_dateline(source) or block.words > 40:
        return False
    short = block.line == block.end_line and block.words <= 30
    return bool(_EMPHASIS.match(source)) or (short and not block.text.rstrip().endswith((".", ":")))


def _is_dateline(source: str) -> bool:
    text = _MARKUP.sub("", source.lstrip(" >")).replace("\u00a0", " ")
    match = _dateline().match(text)
    if match is None:
        return False
    if any(match.group(name) for name in ("first", "date", "date2", "wired")):
        return True
    place = match.group("place")
    return bool(match.group("wire")) or "," in place or (place.isupper() and len(place) > 2)


def _is_quote(doc: Document, block: Block) -> bool:
    if block.kind == "quote" or _QUOTE.search(block.text):
        return True
    source = _source(doc, block)
    return source.lstrip().startswith(("*", "_")) and bool(_ATTRIBUTION.search(block.text))


def _has_call_to_action(
    doc: Document, release: tuple[Section, ...], texts: list[Block], options: Options
) -> bool:
    headings = [f" {normal(title)} " for title in options["cta_headings"]]
    titles = [f" {normal(s.title)} " for s in release if s.level]
    if any(heading in title for heading in headings for title in titles):
        return True  # "Pricing and availability" holds "Availability"
    words = "|".join(re.escape(" ".join(p.split())) for p in options["call_to_action"])
    phrase = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None
    last = texts[-int(options["cta_paragraphs"]) :] if options["cta_paragraphs"] else []
    return phrase is not None and any(phrase.search(" ".join(b.text.split())) for b in last)


def _questions(doc: Document) -> Iterator[Finding]:
    outline = doc.outline
    seen: set[int] = set()
    for faq in outline.faqs():
        entries = outline.subtree(faq)[1:]
        for index, section in enumerate(entries):
            if section.line in seen:
                continue
            seen.add(section.line)
            if outline.matcher.meanings(section.title) or outline.matcher.audience(section.title):
                continue  # an FAQ's own part ("Customer questions", "Internal")
            following = entries[index + 1] if index + 1 < len(entries) else None
            if following is not None and following.level > section.level:
                continue  # a group of entries, not an entry
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
