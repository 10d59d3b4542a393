"""Where pandoc's Markdown still reads a document differently from GitHub, the AST agrees.

The reader (`pandoc.reader()`) switches off pandoc's own syntax; what remains is
fixed here:

- in a pipe table, GitHub reads `\\|` as a pipe also inside code (`` `a \\| b` ``),
  where pandoc keeps the backslash.
"""

from __future__ import annotations

from typing import Any

from opplan.render import ast
from opplan.render.ast import Node


def as_github(tree: dict[str, Any]) -> dict[str, Any]:
    """The AST with GitHub's reading where pandoc's differs."""

    def visit(node: Node) -> Node:
        if node["t"] == "Table":
            node["c"] = ast.walk(node["c"], _unescaped_pipes)
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _unescaped_pipes(node: Node) -> Node:
    if node["t"] == "Code":
        node["c"][1] = node["c"][1].replace("\\|", "|")
    return node
