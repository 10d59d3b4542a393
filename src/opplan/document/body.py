"""Parse a document's Markdown body into sections and blocks.

A section runs from a heading to the next heading of any level; text before the
first heading is a level-0 section with an empty title. The first heading that
means "Appendix" (`Appendix B: Data`, `Appendices`, `Annex`, see
`opplan.section_match`, or one of the configured `appendix_titles`) starts the
appendix: that section and all after it are outside the page budget. Lines are
1-based lines of the file.

Only the block structure is parsed: inline tokens keep their source in
`content` and have no children (inline parsing would take most of the time
of linting), and a block's `text` is that source with the Markdown markup
(emphasis, code ticks, link targets, HTML tags, escapes) taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from opplan.section_match import is_appendix

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

APPENDIX_TITLES = ("appendix", "appendices")

_BLOCKS = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "table_open": "table",
    "fence": "code",
    "code_block": "code",
    "blockquote_open": "quote",
    "html_block": "html",
    "hr": "rule",
}
_ITEMS = {"bullet_list": "list_item_open", "ordered_list": "list_item_open", "table": "tr_open"}


@dataclass(frozen=True)
class Block:
    """A top-level block: a paragraph, a list, a table, code, a quote, raw HTML or a rule."""

    kind: str
    line: int
    end_line: int
    text: str
    items: int = 0  # list items, or table rows with the header row

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading."""

    level: int
    title: str
    line: int
    end_line: int
    blocks: tuple[Block, ...]
    appendix: bool = False

    @property
    def words(self) -> int:
        return len(self.title.split()) + sum(block.words for block in self.blocks)


@dataclass(frozen=True)
class Body:
    """The body's sections, with the tokens and lines the rules look into."""

    first_line: int
    lines: tuple[str, ...]
    sections: tuple[Section, ...]
    tokens: Sequence[Token] = field(repr=False, compare=False)

    @property
    def narrative(self) -> tuple[Section, ...]:
        """The sections before the appendix: what is read in the meeting."""
        return tuple(section for section in self.sections if not section.appendix)

    @property
    def appendix(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.appendix)

    @property
    def first_heading_line(self) -> int:
        """The line of the first heading, where whole-document problems are reported."""
        return next((s.line for s in self.sections if s.level), self.first_line)

    @property
    def narrative_words(self) -> int:
        return sum(section.words for section in self.narrative)

    def line_text(self, line: int) -> str:
        """The text of a file line that lies in the body."""
        return self.lines[line - self.first_line]


# Lists and block quotes nested deeper than this are an error: markdown-it would
# silently drop the rest of the document past its own limit, and each level costs
# a few frames of Python's stack.
MAX_BODY_LEVEL = 100  # markdown-it's levels: a list and its item count one each


class BodyTooDeep(Exception):
    """The body nests lists and quotes deeper than MAX_BODY_LEVEL, at a 0-based line."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _guard(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block rule tried first at every line: it stops the parse at the nesting limit."""
    if state.level >= MAX_BODY_LEVEL:
        raise BodyTooDeep(start)
    return False


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - slow to import; only to parse

    md = MarkdownIt("commonmark", {"maxNesting": MAX_BODY_LEVEL + 1})
    md.block.ruler.before("table", "depth_guard", _guard)
    return md.enable(["table", "strikethrough"]).disable("inline")


def parse_body(
    text: str, first_line: int, appendix_titles: Iterable[str] = APPENDIX_TITLES
) -> Body:
    """Parse the body that starts at `first_line` of its file.

    Raises BodyTooDeep (with the file line) for a body nested past MAX_BODY_LEVEL.
    """
    try:
        tokens = _markdown().parse(text)
    except BodyTooDeep as err:
        raise BodyTooDeep(first_line + err.line) from None
    lines = tuple(text.split("\n"))
    aliases = tuple(appendix_titles)
    sections: list[Section] = []
    heading: tuple[int, str, int] = (0, "", first_line)
    blocks: list[Block] = []
    in_appendix = False

    def close(end_line: int) -> None:
        level, title, line = heading
        if level == 0 and not blocks:
            return
        sections.append(Section(level, title, line, end_line, tuple(blocks), in_appendix))

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.map:
            start = first_line + token.map[0]
            close(start - 1)
            title = " ".join(tokens[index + 1].content.split())  # a setext title spans lines
            in_appendix = in_appendix or is_appendix(title, aliases)
            heading, blocks = (int(token.tag[1:]), title, start), []
            index += 3
            continue
        kind = _BLOCKS.get(token.type)
        if kind and token.level == 0 and token.map:
            end = _closing(tokens, index)
            inner = tokens[index : end + 1]
            text = " ".join(" ".join(_text(t) for t in inner).split())
            items = sum(1 for t in inner if t.type == _ITEMS.get(kind))
            start, stop = token.map
            while stop - 1 > start and not lines[stop - 1].strip():
                stop -= 1  # markdown-it counts a list's trailing blank line
            blocks.append(Block(kind, first_line + start, first_line + stop - 1, text, items))
            index = end + 1
            continue
        index += 1
    close(first_line + len(lines) - 1)
    return Body(first_line, lines, tuple(sections), tokens)


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token that closes the block opened at `index`."""
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


_MARKUP = (  # (characters that must be there, pattern, replacement)
    ("[", re.compile(r"!?\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])"), r"\1"),  # links: their text
    ("<", re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>"), r"\1"),  # autolinks: the address
    ("<", re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->"), " "),  # HTML tags and comments
    ("*~`_", re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)"), " "),  # emphasis and code markers
    ("\\", re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),  # backslash escapes
)


def plain(source: str) -> str:
    """Inline Markdown source as the text a reader sees (spacing aside)."""
    for triggers, pattern, replacement in _MARKUP:
        if any(char in source for char in triggers):
            source = pattern.sub(replacement, source)
    return source


def _text(token: Token) -> str:
    if token.type == "inline":
        return plain(token.content)
    if token.type in ("fence", "code_block"):
        return token.content
    return ""
