"""How many pages a document fills: an estimate from its text and the page geometry.

The estimate lays the body out line by line the way the render template sets it
(the page size, margins and font size from `[page]`), so that lint can tell
whether a document fits its page budget without typesetting it. Rendering
reports exact counts with the same record.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from opplan.config.model import Page
from opplan.document.body import Block, Body, Section

PAPER_INCHES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
CHAR_WIDTH_EM = 0.5  # average width of a character of body text, in ems
LINE_HEIGHT_EM = 1.3  # baseline to baseline, in ems
PARAGRAPH_GAP_LINES = 0.8
HEADING_LINES = 2.2
TABLE_ROW_LINES = 1.6


class PageCount(NamedTuple):
    """Pages of a document: the narrative (before the appendix) and all of it."""

    narrative: float
    total: float
    press_release: float | None = None  # a PR/FAQ's press release section
    exact: bool = False  # typeset, not estimated


class Layout(NamedTuple):
    """How much text a page holds."""

    chars_per_line: float
    lines_per_page: float

    @classmethod
    def of(cls, page: Page) -> Layout:
        width, height = PAPER_INCHES[page.paper]
        point = page.font_size
        chars = (width - 2 * page.margin) * 72 / (point * CHAR_WIDTH_EM)
        lines = (height - 2 * page.margin) * 72 / (point * LINE_HEIGHT_EM)
        return cls(chars, lines)


def estimate(body: Body, page: Page) -> PageCount:
    """The estimated page counts of a body set on `page`."""
    layout = Layout.of(page)
    narrative = sum(section_lines(section, layout) for section in body.narrative)
    appendix = sum(section_lines(section, layout) for section in body.appendix)
    press = next((s for s in body.sections if s.title.strip().lower() == "press release"), None)
    press_pages = (
        None if press is None else press_lines(body, press, layout) / layout.lines_per_page
    )
    return PageCount(
        narrative / layout.lines_per_page,
        (narrative + appendix) / layout.lines_per_page,
        press_pages,
    )


def press_lines(body: Body, first: Section, layout: Layout) -> float:
    """Lines of a section with all the deeper sections under it."""
    index = body.sections.index(first)
    lines = section_lines(first, layout)
    for section in body.sections[index + 1 :]:
        if section.level <= first.level:
            break
        lines += section_lines(section, layout)
    return lines


def section_lines(section: Section, layout: Layout) -> float:
    """The lines a section fills: its heading and its blocks."""
    heading = HEADING_LINES if section.level else 0.0
    return heading + sum(block_lines(block, layout) for block in section.blocks)


def block_lines(block: Block, layout: Layout) -> float:
    """The lines a block fills, with the gap after it."""
    if block.kind == "table":
        return block.items * TABLE_ROW_LINES + PARAGRAPH_GAP_LINES
    if block.kind == "code":
        return block.end_line - block.line + PARAGRAPH_GAP_LINES
    if block.kind in ("bullet_list", "ordered_list"):
        per_item = len(block.text) / max(block.items, 1)
        width = layout.chars_per_line - 3  # the indent
        return block.items * math.ceil(per_item / width) + PARAGRAPH_GAP_LINES
    if block.kind in ("html", "rule"):
        return 0.0 if block.kind == "html" else 1.0
    return math.ceil(len(block.text) / layout.chars_per_line) + PARAGRAPH_GAP_LINES


def reading_minutes(pages: float, minutes_per_page: float = 3.0) -> float:
    """How long a reader takes over `pages` (3 minutes a page in a review meeting)."""
    return pages * minutes_per_page
