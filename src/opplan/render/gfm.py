"""Where pandoc's Markdown still reads a document differently from GitHub, the AST agrees.

The reader (`pandoc.reader()`) switches off pandoc's own syntax; what remains is
fixed here:

- in a pipe table, GitHub reads `\\|` as a pipe also inside code (`` `a \\| b` ``),
  where pandoc keeps the backslash;
- a link to an anchor no heading has (`[x](#gone)`) goes nowhere on GitHub, and
  typst refuses the whole document for it: such a link is its text.
"""

from __future__ import annotations

from typing import Any

from opplan.render import ast
from opplan.render.ast import Node


def as_github(tree: dict[str, Any]) -> dict[str, Any]:
    """The AST with GitHub's reading where pandoc's differs."""

    anchors = _ids(tree)

    def visit(node: Node) -> Node | list[Node]:
        if node["t"] == "Table":
            node["c"] = ast.walk(node["c"], _unescaped_pipes)
        if node["t"] == "Link":
            target = node["c"][2][0]
            if target.startswith("#") and target[1:] not in anchors:
                inlines: list[Node] = node["c"][1]
                return inlines
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _ids(tree: dict[str, Any]) -> set[str]:
    found: set[str] = set()

    def visit(node: Node) -> Node:
        attributes = ast.attr(node)
        if attributes is not None and attributes[0]:
            found.add(attributes[0])
        return node

    ast.walk(tree["blocks"], visit)
    return found


def _unescaped_pipes(node: Node) -> Node:
    if node["t"] == "Code":
        node["c"][1] = node["c"][1].replace("\\|", "|")
    return node
