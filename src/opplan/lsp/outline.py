"""The outline of a document: its frontmatter keys and its sections, nested by level.

The narrative (the sections before the appendix) carries the estimated pages and
reading minutes that `page-budget` and `reading-time` use; each section carries
its own share of pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types

from opplan import pages
from opplan.lsp.schema_help import Place

if TYPE_CHECKING:
    from opplan.config.model import Page
    from opplan.document.body import Body, Section
    from opplan.pages import PageCount


def symbols(
    lines: Sequence[str], body: Body, page: Page, count: PageCount, minutes_per_page: float
) -> list[types.DocumentSymbol]:
    """The document's outline: the frontmatter, the narrative and the appendix sections.

    `count` is the document's page count, as the page rules have it.
    """
    found: list[types.DocumentSymbol] = []
    frontmatter = _frontmatter(lines)
    if frontmatter is not None:
        found.append(frontmatter)
    layout = pages.Layout.of(page)
    narrative = [s for s in body.narrative if s.level]
    if narrative:
        minutes = pages.reading_minutes(count.narrative, minutes_per_page)
        detail = f"about {count.narrative:.1f} pages (estimate), {minutes:.0f} minutes to read"
        whole = _span(lines, narrative[0].line - 1, _last_line(body, narrative[-1]) - 1)
        found.append(
            types.DocumentSymbol(
                name="Narrative",
                detail=detail,
                kind=types.SymbolKind.Namespace,
                range=whole,
                selection_range=_span(lines, narrative[0].line - 1, narrative[0].line - 1),
                children=_tree(lines, body, narrative, layout),
            )
        )
    found.extend(_tree(lines, body, [s for s in body.appendix if s.level], layout))
    return found


def _tree(
    lines: Sequence[str], body: Body, sections: Sequence[Section], layout: pages.Layout
) -> list[types.DocumentSymbol]:
    """Sections nested under the nearest section of a lower level before them."""
    roots: list[types.DocumentSymbol] = []
    stack: list[tuple[int, list[types.DocumentSymbol]]] = []  # a level and its children
    for section in sections:
        children: list[types.DocumentSymbol] = []
        symbol = types.DocumentSymbol(
            name=section.title or "(untitled)",
            detail=f"{layout.pages(pages.section_height(section, layout)):.1f} pages",
            kind=types.SymbolKind.String,
            range=_span(lines, section.line - 1, _last_line(body, section) - 1),
            selection_range=_span(lines, section.line - 1, section.line - 1),
            children=children,
        )
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        (stack[-1][1] if stack else roots).append(symbol)
        stack.append((section.level, children))
    return roots


def _last_line(body: Body, section: Section) -> int:
    """The last line of a section with every deeper section under it."""
    index = body.sections.index(section)
    end = section.end_line
    for later in body.sections[index + 1 :]:
        if later.level <= section.level:
            break
        end = later.end_line
    return end


def _frontmatter(lines: Sequence[str]) -> types.DocumentSymbol | None:
    place = Place(lines)
    if place.end < 0:
        return None
    keys = []
    for row in range(1, place.end):
        key = place.key_at(row)
        if key is not None and key[1] == 0:
            keys.append(
                types.DocumentSymbol(
                    name=key[0],
                    kind=types.SymbolKind.Property,
                    range=_span(lines, row, _key_end(place, row)),
                    selection_range=_span(lines, row, row),
                )
            )
    return types.DocumentSymbol(
        name="Frontmatter",
        detail=place.kind() or "",
        kind=types.SymbolKind.Module,
        range=_span(lines, 0, place.end),
        selection_range=_span(lines, 0, 0),
        children=keys,
    )


def _key_end(place: Place, row: int) -> int:
    """The last line of a top-level key's value."""
    end = row
    for later in range(row + 1, place.end):
        text = place.lines[later]
        if text.strip() and not text[0].isspace() and not text.startswith("-"):
            break
        if text.strip():
            end = later
    return end


def _span(lines: Sequence[str], first: int, last: int) -> types.Range:
    last = min(last, len(lines) - 1) if lines else 0
    first = min(first, last)
    width = len(lines[last]) if lines else 0
    return types.Range(types.Position(first, 0), types.Position(last, width))
