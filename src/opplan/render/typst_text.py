"""The text of a document made safe and wrappable for pandoc's typst writer.

- Markup that typst reads at the start of a line or of content (`/ ` a term,
  `= ` a heading, `- `/`+ ` a list, `1. ` a numbered item) is escaped wherever a
  word starts with it: pandoc's writer escapes it at a paragraph's start but not
  at a list item's, a footnote's or a link's, where `- / x` fails the whole
  document ("expected colon") and `- = x` becomes a heading.
- In typst markup `--` is an en dash, `---` an em dash and `-?` a soft hyphen,
  which pandoc's typst writer does not escape either: "--kind" would print as
  "\u2013kind". Such hyphens are escaped wherever they stand.
- typst breaks lines where Unicode allows (spaces, hyphens, after a slash in a
  URL), never inside a word. A word with no such place (an identifier, a hash)
  runs over the margin or into the next table cell, so it gets an invisible
  zero-width space every `CHUNK` characters.
"""

from __future__ import annotations

import re
from typing import Any

from opplan.render import ast
from opplan.render.ast import Node

CHUNK = 16
ZERO_WIDTH_SPACE = "\u200b"
UNBREAKABLE = re.compile(rf"[^\s/\-{ZERO_WIDTH_SPACE}]{{{2 * CHUNK},}}")
MARKUP_START = re.compile(r"[/=+\-]|\d+\.")
JOINED_DASH = re.compile(r"-(?=[-?])")  # a hyphen that typst would join with the next mark


def for_typst(tree: dict[str, Any]) -> dict[str, Any]:
    """The AST with line-start markup and joined hyphens escaped, very long words breakable."""

    def visit(node: Node) -> Node | list[Node]:
        if node["t"] != "Str":
            return node
        text = node["c"]
        if len(text) >= 2 * CHUNK:
            text = UNBREAKABLE.sub(_split, text)
        out: list[Node] = []
        start = MARKUP_START.match(text)
        if start is not None:
            markup = start.group()
            out.append(ast.raw_inline("typst", markup[:-1] + "\\" + markup[-1]))
            text = text[start.end() :]
        for index, piece in enumerate(JOINED_DASH.split(text)):
            if index:
                out.append(ast.raw_inline("typst", "\\-"))
            if piece:
                out.append({"t": "Str", "c": piece})
        return out

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _split(found: re.Match[str]) -> str:
    word = found.group()
    return ZERO_WIDTH_SPACE.join(word[i : i + CHUNK] for i in range(0, len(word), CHUNK))
