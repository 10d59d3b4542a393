"""What the rules look up in a body: the lines of prose.

Sections by meaning are the document's `outline` (see `opplan.section_match`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.document.body import Body, Section

_CODE_SPAN = re.compile(r"(`+)[^`]+?\1")
_COMMENT = re.compile(r"<!--.*?-->")
_PROSE = frozenset({"paragraph", "bullet_list", "ordered_list", "table", "quote"})


def prose_lines(body: Body, sections: Iterable[Section]) -> Iterator[tuple[int, str]]:
    """The (line, text) of headings and prose in `sections`, with code and comments blanked.

    Blanking keeps columns: a code span becomes spaces of the same width.
    """
    for section in sections:
        if section.level:
            yield section.line, body.line_text(section.line)
        for block in section.blocks:
            if block.kind not in _PROSE:
                continue
            for line in range(block.line, block.end_line + 1):
                yield line, mask(body.line_text(line))


def mask(text: str) -> str:
    """The text with code spans and HTML comments replaced by spaces."""
    if "`" in text:
        text = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)
    if "<!--" in text:
        text = _COMMENT.sub(lambda match: " " * len(match.group(0)), text)
    return text


class Joined:
    """Numbered lines joined into one text, to search with one regex pass instead of one per line.

    A match never spans two lines if its pattern cannot match a newline.
    """

    def __init__(self, lines: Iterable[tuple[int, str]]) -> None:
        self.numbers: list[int] = []
        self.starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for number, text in lines:
            self.numbers.append(number)
            self.starts.append(offset)
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)

    def where(self, offset: int) -> tuple[int, int]:
        """The (line, column) of an offset into the text."""
        index = bisect_right(self.starts, offset) - 1
        return self.numbers[index], offset - self.starts[index] + 1


def search(
    pattern: re.Pattern[str], lines: Iterable[tuple[int, str]]
) -> Iterator[tuple[int, int, str]]:
    """The (line, column, text) of each match of `pattern` in the given lines."""
    joined = Joined(lines)
    for match in pattern.finditer(joined.text):
        yield (*joined.where(match.start()), match.group(0))
