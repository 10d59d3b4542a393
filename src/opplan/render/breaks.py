"""Break opportunities in very long words, so that typst can wrap them.

typst breaks lines where Unicode allows (spaces, hyphens, after a slash in a
URL), never inside a word. A word with no such place (an identifier, a hash, a
run of characters in a table cell) then runs over the page margin or into the
next table cell. Such a word gets an invisible zero-width space every `CHUNK`
characters; it is set as written and copies as written where it fits.
"""

from __future__ import annotations

import re
from typing import Any

from opplan.render import ast
from opplan.render.ast import Node

CHUNK = 16
ZERO_WIDTH_SPACE = "\u200b"
UNBREAKABLE = re.compile(rf"[^\s/\-{ZERO_WIDTH_SPACE}]{{{2 * CHUNK},}}")


def breakable(tree: dict[str, Any]) -> dict[str, Any]:
    """The AST with break opportunities in words longer than twice `CHUNK`."""

    def visit(node: Node) -> Node:
        if node["t"] == "Str" and len(node["c"]) >= 2 * CHUNK:
            node["c"] = UNBREAKABLE.sub(_split, node["c"])
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _split(found: re.Match[str]) -> str:
    word = found.group()
    return ZERO_WIDTH_SPACE.join(word[i : i + CHUNK] for i in range(0, len(word), CHUNK))
