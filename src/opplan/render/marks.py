"""What each output format makes of opplan's marks, and ids made unique in a packet."""

from __future__ import annotations

from typing import Any

from opplan.render import ast
from opplan.render.ast import Node
from opplan.render.compose import MARK_CLASS

PAGE_BREAK_DOCX = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _mark_name(node: Node) -> str | None:
    if node["t"] != "Div":
        return None
    identifier, classes, _ = node["c"][0]
    if MARK_CLASS not in classes or not identifier.startswith("opplan-"):
        return None
    return str(identifier).removeprefix("opplan-")


def for_typst(tree: dict[str, Any], index: int, new_page: bool) -> dict[str, Any]:
    """Marks as typst metadata with labels, whose positions give exact page counts.

    The appendix's page break is made only at the top level: typst allows none
    inside a container, where a fenced div the author left open puts the mark.
    """
    can_break = new_page and any(_mark_name(block) == "appendix" for block in tree["blocks"])

    def visit(node: Node) -> Node | list[Node] | None:
        name = _mark_name(node)
        if name is None:
            return node
        label = "narrative-end" if name == "appendix" else name
        blocks = [ast.raw_block("typst", f'#metadata("{label}") <opplan-{label}-{index}>')]
        if name == "appendix" and can_break:
            blocks.append(ast.raw_block("typst", "#pagebreak(weak: true)"))
        return blocks

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def for_docx(tree: dict[str, Any], new_page: bool) -> dict[str, Any]:
    """A page break before the appendix; the other marks go."""

    def visit(node: Node) -> Node | None:
        name = _mark_name(node)
        if name is None:
            return node
        return (
            ast.raw_block("openxml", PAGE_BREAK_DOCX) if name == "appendix" and new_page else None
        )

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def dropped(tree: dict[str, Any]) -> dict[str, Any]:
    """The marks removed (for HTML)."""

    def visit(node: Node) -> Node | None:
        return None if _mark_name(node) else node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def prefix_ids(tree: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Every id and internal link with `prefix`, so documents in one packet do not clash."""

    def visit(node: Node) -> Node:
        attributes = ast.attr(node)
        if attributes is not None and attributes[0] and not attributes[0].startswith("opplan-"):
            attributes[0] = prefix + attributes[0]
        if node["t"] == "Link" and node["c"][2][0].startswith("#"):
            node["c"][2][0] = "#" + prefix + node["c"][2][0][1:]
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}
