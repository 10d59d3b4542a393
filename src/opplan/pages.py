"""How many pages a document fills: an estimate from its text and the page geometry.

The estimate lays the body out the way the PDF template (`render/style.typ.j2`)
sets it, in ems of the body font size, so that it follows the `[page]` geometry
(paper, margins, font size): each paragraph's width from the advance widths of
the pinned font (Libertinus Serif) broken into lines of the text width, the
line pitch and paragraph spacing of the template, the room headings, lists,
tables, quotes and code take, the title block, and the space lost where a page
breaks. The constants were measured by typesetting with typst and checked
against exact counts with `bench/estimate_bench.py`. Rendering reports exact
counts with the same record.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from opplan.config.model import Page
from opplan.document.body import Block, Body, Section

PAPER_INCHES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}

# Advance widths of Libertinus Serif's printable ASCII (space to "~") in 1/250 em.
_ASCII = bytes(
    [62, 72, 84, 116, 116, 159, 176, 48, 74, 74, 92, 138, 55, 84, 55, 81]
    + [116] * 10
    + [59, 59, 138, 138, 138, 109, 224, 174, 147, 162, 175, 139, 121, 171, 182, 74, 80]
    + [159, 132, 210, 175, 176, 135, 176, 147, 121, 149, 165, 163, 238, 165, 144, 151]
    + [89, 72, 89, 130, 122, 98, 114, 123, 107, 126, 112, 78, 125, 134, 68, 68, 128]
    + [66, 198, 136, 126, 130, 126, 93, 98, 79, 133, 124, 187, 122, 129, 106, 69, 51, 69, 112]
)
# Every byte to its width: control characters none, other Latin-1 letters like "n".
_WIDTHS = bytes(32) + _ASCII + bytes([0]) + bytes([136] * 128)
_UNITS = 250.0

# The template's vertical measures, in ems of the body text.
LINE = 0.658  # a line's box: cap height to baseline
PITCH = LINE + 0.6  # baseline to baseline: the box and the leading
PARAGRAPH = 0.95  # between paragraphs, lists, tables
HEADING = {1: 4.227, 2: 2.409, 3: 1.295}  # a heading between two paragraphs, measured
TITLE_BLOCK = 4.6  # title, subtitle, byline and rule above the narrative, measured
TABLE_SIZE = 0.84  # table text, relative to body text
TABLE_ROW = 1.141  # a table row of one line, with its insets and rule
TABLE_EXTRA = 0.94  # a table's own spacing beyond its rows
TABLE_LINE = TABLE_SIZE * (LINE + 0.45)  # each further line of a wrapped cell
LIST_INDENT = 1.4  # list indent, marker and body indent
QUOTE = (2.4, 2.3)  # a quote's side padding, and its extra spacing
CODE_LINE = 0.76  # a line of code (smaller, monospaced)
# Justified, hyphenated text fits a little more than its natural width on a line,
# and the end of a page loses a little where a paragraph or a heading breaks.
LINE_FILL = 1.02
PAGE_LOSS = 0.6


class PageCount(NamedTuple):
    """Pages of a document: the narrative (before the appendix) and all of it."""

    narrative: float
    total: float
    press_release: float | None = None  # a PR/FAQ's press release section
    exact: bool = False  # typeset, not estimated
    files: tuple[str, ...] = ()  # other files the count read (the images typeset)


class Layout(NamedTuple):
    """The text area of a page, in ems of the body text."""

    line_width: float
    page_height: float  # of text on a page, less what a page break loses

    @classmethod
    def of(cls, page: Page) -> Layout:
        width, height = PAPER_INCHES[page.paper]
        em = page.font_size / 72  # inches
        line = (width - 2 * page.margin) / em
        return cls(line * LINE_FILL, (height - 2 * page.margin) / em - PAGE_LOSS)

    def pages(self, height: float) -> float:
        return height / self.page_height


def estimate(
    body: Body, page: Page, press: Sequence[Section] = (), title: Section | None = None
) -> PageCount:
    """The estimated page counts of a body set on `page`.

    `press` is a PR/FAQ's press release; `title` a heading that repeats the
    document's title, which the title block prints instead.
    """
    layout = Layout.of(page)
    heading = HEADING[1] if title is not None else 0.0
    narrative = TITLE_BLOCK - heading + sum(section_height(s, layout) for s in body.narrative)
    appendix = sum(section_height(s, layout) for s in body.appendix)
    press_pages = layout.pages(sum(section_height(s, layout) for s in press)) if press else None
    pages = layout.pages(narrative)
    total = math.ceil(pages) + layout.pages(appendix) if appendix else pages  # a new page
    return PageCount(pages, total, press_pages)


def section_height(section: Section, layout: Layout) -> float:
    """The height a section takes: its heading and its blocks."""
    heading = HEADING[min(section.level, 3)] if section.level else 0.0
    return heading + sum(block_height(block, layout) for block in section.blocks)


def text_width(text: str) -> float:
    """The natural width of a line of body text, in ems."""
    return sum(text.encode("latin-1", "replace").translate(_WIDTHS)) / _UNITS


def lines(text: str, width: float) -> int:
    return max(1, math.ceil(text_width(text) / width))


def block_height(block: Block, layout: Layout) -> float:
    """The height a block takes, with the space after it."""
    width = layout.line_width
    if block.kind in ("bullet_list", "ordered_list"):
        items = max(block.items, 1)
        each = max(1, math.ceil(text_width(block.text) / items / (width - LIST_INDENT)))
        return paragraph(items * each)
    if block.kind == "table":
        rows = max(block.items, 1)
        per_row = text_width(block.text) * TABLE_SIZE / rows
        extra = max(0, math.ceil(per_row / (width * 0.9)) - 1)
        return rows * (TABLE_ROW + extra * TABLE_LINE) + TABLE_EXTRA
    if block.kind == "code":
        return (block.end_line - block.line - 1) * CODE_LINE + PARAGRAPH
    if block.kind == "quote":
        return paragraph(lines(block.text, width - QUOTE[0])) + QUOTE[1]
    if block.kind == "html":
        return 0.0
    if block.kind == "rule":
        return PARAGRAPH
    return paragraph(lines(block.text, width))


def paragraph(count: int) -> float:
    """The height of `count` lines of body text and the spacing after them."""
    return LINE + (count - 1) * PITCH + PARAGRAPH


def reading_minutes(pages: float, minutes_per_page: float = 3.0) -> float:
    """How long a reader takes over `pages` (3 minutes a page in a review meeting)."""
    return pages * minutes_per_page
