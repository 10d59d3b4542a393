"""Where pandoc's Markdown still reads a document differently from GitHub, the AST agrees.

The reader (`pandoc.reader()`) switches off pandoc's own syntax; what remains is
fixed here:

- in a pipe table, GitHub reads `\\|` as a pipe also inside code (`` `a \\| b` ``),
  where pandoc keeps the backslash;
- a link to an anchor no heading has (`[x](#gone)`) or to nothing (`[x]()`) goes
  nowhere on GitHub, and typst refuses the whole document for it: such a link
  is its text;
- a backslash at the end of a paragraph is a backslash, where pandoc reads a
  line break (that typst then reads as escaping what follows: `#footnote[a \\]`);
- an id given twice (`[a]{#x}`, `::: {#x}`) belongs to its first element, as in
  a browser; typst refuses a link to an id that two elements have.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from opplan.render import ast
from opplan.render.ast import Node


def as_github(tree: dict[str, Any]) -> dict[str, Any]:
    """The AST with GitHub's reading where pandoc's differs."""

    tree = _unique_ids(tree)
    anchors = _ids(tree)

    def visit(node: Node) -> Node | list[Node]:
        if node["t"] in ("Para", "Plain") and node["c"] and node["c"][-1]["t"] == "LineBreak":
            node["c"][-1] = {"t": "Str", "c": "\\"}
        if node["t"] == "Table":
            node["c"] = ast.walk(node["c"], _unescaped_pipes)
        if node["t"] == "Link":
            target = node["c"][2][0]
            if not target or (target.startswith("#") and target[1:] not in anchors):
                inlines: list[Node] = node["c"][1]
                return inlines
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _ids(tree: dict[str, Any]) -> set[str]:
    return {attributes[0] for attributes in _attributes(tree["blocks"]) if attributes[0]}


def _unique_ids(tree: dict[str, Any]) -> dict[str, Any]:
    """Each id on its first element only, in reading order."""
    tree = json.loads(json.dumps(tree))  # a copy: ids are changed in place
    seen: set[str] = set()
    for attributes in _attributes(tree["blocks"]):
        if attributes[0] in seen:
            attributes[0] = ""
        elif attributes[0]:
            seen.add(attributes[0])
    return tree


def _attributes(value: Any) -> Iterator[list[Any]]:
    """The attributes of every node, in reading order (a node before its content)."""
    if isinstance(value, list):
        for item in value:
            yield from _attributes(item)
    elif isinstance(value, dict):
        if isinstance(value.get("t"), str) and (attributes := ast.attr(value)) is not None:
            yield attributes
        yield from _attributes(value.get("c"))


def _unescaped_pipes(node: Node) -> Node:
    if node["t"] == "Code":
        node["c"][1] = node["c"][1].replace("\\|", "|")
    return node
