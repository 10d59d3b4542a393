"""Walk and build pandoc AST nodes (the JSON that `pandoc -t json` prints)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Node = dict[str, Any]
# A visitor returns the node to keep (maybe changed), a list of nodes to splice in, or None to drop.
Visitor = Callable[[Node], Node | list[Node] | None]

EMPTY_ATTR: list[Any] = ["", [], []]
# Where a node keeps its attributes (id, classes, key-value pairs) in "c".
ATTR_AT = {
    "Header": 1,
    "Div": 0,
    "Span": 0,
    "Code": 0,
    "CodeBlock": 0,
    "Image": 0,
    "Link": 0,
    "Table": 0,
    "Figure": 0,
}


def walk(value: Any, visit: Visitor) -> Any:
    """`value` with every node, innermost first, replaced by what `visit` returns."""
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if _is_node(item):
                result = visit({**item, "c": walk(item.get("c"), visit)} if "c" in item else item)
                if isinstance(result, list):
                    out.extend(result)
                elif result is not None:
                    out.append(result)
            else:
                out.append(walk(item, visit))
        return out
    if isinstance(value, dict):
        return {key: walk(item, visit) for key, item in value.items()}
    return value


def _is_node(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("t"), str)


def attr(node: Node) -> list[Any] | None:
    """The node's attributes [id, classes, [[key, value], ...]], if it has any."""
    index = ATTR_AT.get(node["t"])
    return None if index is None else node["c"][index]


def text(inlines: Any) -> str:
    """The plain text of inline nodes."""
    parts: list[str] = []

    def visit(node: Node) -> Node:
        if node["t"] in ("Str", "Code", "Math", "RawInline"):
            parts.append(node["c"] if node["t"] == "Str" else node["c"][-1])
        elif node["t"] in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        return node

    walk(inlines, visit)
    return "".join(parts)


def find(value: Any, kind: str) -> list[Node]:
    """Every node of type `kind` in `value`, innermost first."""
    found: list[Node] = []

    def visit(node: Node) -> Node:
        if node["t"] == kind:
            found.append(node)
        return node

    walk(value, visit)
    return found


def raw_block(fmt: str, content: str) -> Node:
    return {"t": "RawBlock", "c": [fmt, content]}


def raw_inline(fmt: str, content: str) -> Node:
    return {"t": "RawInline", "c": [fmt, content]}


def code_block(content: str) -> Node:
    return {"t": "CodeBlock", "c": [EMPTY_ATTR, content]}


def code(content: str) -> Node:
    return {"t": "Code", "c": [EMPTY_ATTR, content]}


def emph_text(content: str) -> Node:
    return {"t": "Emph", "c": [{"t": "Str", "c": content}]}
