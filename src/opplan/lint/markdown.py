"""What the rules look up in a body: sections by title, and the lines of prose.

Titles match case-blind, with apostrophes and punctuation ignored, so that
"Last year's results", "LAST YEARS RESULTS" and "Last year\u2019s results:" are one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.document.body import Body, Section

_APOSTROPHES = re.compile("['`\u2018\u2019]")
_PUNCTUATION = re.compile(r"[^\w\s]")
_CODE_SPAN = re.compile(r"(`+)[^`]+?\1")
_COMMENT = re.compile(r"<!--.*?-->")
_PROSE = frozenset({"paragraph", "bullet_list", "ordered_list", "table", "quote"})


@cache
def normal(title: str) -> str:
    """A title reduced to what matters for matching: lower-case words."""
    return " ".join(_PUNCTUATION.sub(" ", _APOSTROPHES.sub("", title)).lower().split())


def names(canonical: str, aliases: Mapping[str, Sequence[str]]) -> set[str]:
    """The normal forms a canonical section title may take, with its aliases."""
    found = {normal(canonical)}
    for key, values in aliases.items():
        if normal(key) == normal(canonical):
            found.update(normal(value) for value in values)
    return found


def find(body: Body, canonical: str, aliases: Mapping[str, Sequence[str]]) -> Section | None:
    """The first section titled `canonical` or one of its aliases."""
    wanted = names(canonical, aliases)
    return next((s for s in body.sections if s.level and normal(s.title) in wanted), None)


def subtree(body: Body, section: Section) -> tuple[Section, ...]:
    """A section and every deeper section under it."""
    index = body.sections.index(section)
    found = [section]
    for later in body.sections[index + 1 :]:
        if later.level <= section.level:
            break
        found.append(later)
    return tuple(found)


def exempt(body: Body, titles: Iterable[str]) -> set[int]:
    """The heading lines of the sections titled one of `titles`, with their subsections."""
    wanted = {normal(title) for title in titles}
    lines: set[int] = set()
    for section in body.sections:
        if section.level and normal(section.title) in wanted:
            lines.update(s.line for s in subtree(body, section))
    return lines


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
