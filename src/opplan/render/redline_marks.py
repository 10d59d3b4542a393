"""What each output format makes of the redline marks of `redline_diff`.

- docx: spans of class `insertion` / `deletion` with `author` and `date`, which
  pandoc writes as tracked changes (`w:ins`, `w:del`); a whole inserted or deleted
  block becomes such spans around all its text. A move stays a deletion and an
  insertion, so that accepting or rejecting each gives the right text.
- typst (PDF): calls of `opplan-ins`, `opplan-del` and `opplan-moved` (coloured,
  underlined or struck through) and `opplan-bar` (a change bar in the left margin);
  the text moved away is left out, the moved text is shown once where it is now.
- HTML: `<ins>` and `<del>`, and divs with a change bar, styled by a style block.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from opplan.render import ast
from opplan.render.ast import Node
from opplan.render.redline_diff import (
    BLOCK_DEL,
    BLOCK_INS,
    CHANGED,
    DEL,
    INS,
    MOVE_ID,
    MOVED,
    MOVED_AWAY,
    classes_of,
)

INS_COLOUR, DEL_COLOUR, MOVED_COLOUR, BAR_COLOUR = "#1d4ed8", "#b91c1c", "#047857", "#9a3412"
TYPST_PRELUDE = f"""#let opplan-ins(body) = text(fill: rgb("{INS_COLOUR}"), underline(body))
#let opplan-del(body) = text(fill: rgb("{DEL_COLOUR}"), strike(body))
#let opplan-moved(body) = text(fill: rgb("{MOVED_COLOUR}"), underline(body))
#let opplan-bar(body) = block(width: 100%, breakable: true,
  stroke: (left: 2pt + rgb("{BAR_COLOUR}")), outset: (left: 9pt), body)"""
HTML_STYLE = f"""<style>
ins {{ color: {INS_COLOUR}; text-decoration: underline; }}
del {{ color: {DEL_COLOUR}; text-decoration: line-through; }}
ins.moved {{ color: {MOVED_COLOUR}; }}
.opplan-bar {{ border-left: 3px solid {BAR_COLOUR}; margin-left: -14px; padding-left: 11px; }}
.opplan-bar .opplan-bar {{ border: none; margin-left: 0; padding-left: 0; }}
#opplan-redline-summary table {{ margin-bottom: 1em; }}
</style>"""
BLOCK_SPAN = {BLOCK_INS: INS, BLOCK_DEL: DEL}
# One change bar for a block, none again for the changes inside it.
BAR_ENDS = (ast.raw_block("typst", "#opplan-bar["), ast.raw_block("typst", "] // opplan-bar"))


def spread(blocks: list[Node]) -> list[Node]:
    """Whole inserted or deleted blocks as spans around all their text, in a change bar."""

    def visit(node: Node) -> Node | list[Node]:
        classes = classes_of(node) if node["t"] == "Div" else []
        mark = next((BLOCK_SPAN[c] for c in classes if c in BLOCK_SPAN), None)
        if mark is None:
            return node
        if MOVED in classes:
            mark = "moved"
        inner = ast.walk(node["c"][1], lambda n: _span_text(n, mark))
        keep = [c for c in classes if c in (MOVED, MOVED_AWAY)]
        return {"t": "Div", "c": [["", [CHANGED, *keep], node["c"][0][2]], inner]}

    result: list[Node] = ast.walk(blocks, visit)
    return result


def _span_text(node: Node, mark: str) -> Node:
    if node["t"] in ("Para", "Plain") and node["c"]:
        return {"t": node["t"], "c": [_span(mark, node["c"])]}
    if node["t"] == "Header":
        return {"t": "Header", "c": [node["c"][0], node["c"][1], [_span(mark, node["c"][2])]]}
    return node


def _span(mark: str, inlines: list[Node]) -> Node:
    return {"t": "Span", "c": [["", [mark], []], inlines]}


def for_docx(blocks: list[Node], author: str, date: str) -> list[Node]:
    """Tracked-change spans (pandoc's `insertion` and `deletion`); change bars dropped."""
    names = {INS: "insertion", DEL: "deletion", "moved": "insertion"}
    moved_away = {"moved": "deletion"}

    def visit(node: Node) -> Node | list[Node]:
        if node["t"] == "Div" and CHANGED in classes_of(node):
            inner: list[Node] = node["c"][1]
            if MOVED_AWAY in classes_of(node):
                inner = ast.walk(inner, lambda n: _renamed(n, moved_away))
            move = dict(node["c"][0][2]).get(MOVE_ID)
            if move:
                side = "From" if MOVED_AWAY in classes_of(node) else "To"
                inner = _move_marked(inner, f"opplanMove{side}_{move}")
            return inner
        if node["t"] == "Span" and classes_of(node)[:1] and classes_of(node)[0] in names:
            kind = names[classes_of(node)[0]]
            return {
                "t": "Span",
                "c": [["", [kind], [["author", author], ["date", date]]], node["c"][1]],
            }
        return node

    result: list[Node] = ast.walk(spread(blocks), visit)
    return result


def _move_marked(blocks: list[Node], name: str) -> list[Node]:
    """A bookmark at the start of each paragraph of a move, for `redline_docx` to find."""
    count = 0

    def visit(node: Node) -> Node:
        nonlocal count
        if node["t"] in ("Para", "Plain", "Header"):
            count += 1
            mark = {"t": "Span", "c": [[f"{name}_{count}", [], []], []]}
            if node["t"] == "Header":
                return {"t": "Header", "c": [node["c"][0], node["c"][1], [mark, *node["c"][2]]]}
            return {"t": node["t"], "c": [mark, *node["c"]]}
        return node

    result: list[Node] = ast.walk(blocks, visit)
    return result


def _renamed(node: Node, names: dict[str, str]) -> Node:
    if node["t"] == "Span" and classes_of(node)[:1] and classes_of(node)[0] in names:
        node["c"][0][1] = [names[classes_of(node)[0]]]
    return node


def for_typst(blocks: list[Node]) -> list[Node]:
    """typst calls around marked text and change bars; text moved away left out."""

    def visit(node: Node) -> Node | list[Node] | None:
        classes = classes_of(node) if node["t"] in ("Div", "Span") else []
        if node["t"] == "Div" and CHANGED in classes:
            if MOVED_AWAY in classes:
                return None
            inner = ast.walk(node["c"][1], lambda n: None if n in BAR_ENDS else n)
            return [BAR_ENDS[0], *inner, BAR_ENDS[1]]
        if node["t"] == "Span" and classes[:1] and classes[0] in (INS, DEL, "moved"):
            # `;` ends the call: text after it such as ".d" or "(a)" stays text
            return [
                _raw_inline("typst", f"#opplan-{classes[0]}["),
                *node["c"][1],
                _raw_inline("typst", "];"),
            ]
        return node

    result: list[Node] = ast.walk(spread(blocks), visit)
    return [ast.raw_block("typst", TYPST_PRELUDE), *result]


def for_html(blocks: list[Node]) -> list[Node]:
    """`<ins>` and `<del>`, change bars as bordered divs; text moved away left out."""
    tags = {
        INS: ("<ins>", "</ins>"),
        DEL: ("<del>", "</del>"),
        "moved": ('<ins class="moved">', "</ins>"),
    }

    def visit(node: Node) -> Node | list[Node] | None:
        classes = classes_of(node) if node["t"] in ("Div", "Span") else []
        if node["t"] == "Div" and CHANGED in classes:
            if MOVED_AWAY in classes:
                return None
            return {"t": "Div", "c": [["", ["opplan-bar"], []], node["c"][1]]}
        if node["t"] == "Span" and classes[:1] and classes[0] in tags:
            start, end = tags[classes[0]]
            return [_raw_inline("html", start), *node["c"][1], _raw_inline("html", end)]
        return node

    result: list[Node] = ast.walk(spread(blocks), visit)
    return [ast.raw_block("html", HTML_STYLE), *result]


def _raw_inline(fmt: str, content: str) -> Node:
    return {"t": "RawInline", "c": [fmt, content]}


def tally(blocks: list[Node]) -> dict[str, Counter[str]]:
    """Insertions, deletions and moves by section (the heading above them), in order."""
    counts: dict[str, Counter[str]] = {}
    section = "Title block"

    def count(node: Node) -> Node:
        nonlocal section
        classes = classes_of(node) if node["t"] in ("Div", "Span") else []
        if node["t"] == "Header" and node["c"][0] <= 2:
            section = ast.text(node["c"][2]).strip() or section
        here = counts.setdefault(section, Counter())
        if node["t"] == "Span" and classes[:1] in ([INS], [DEL]):
            here["inserted" if classes[0] == INS else "deleted"] += 1
        elif node["t"] == "Div" and MOVED in classes:
            here["moved"] += 1
        elif node["t"] == "Div" and BLOCK_INS in classes:
            here["inserted"] += 1
        elif node["t"] == "Div" and BLOCK_DEL in classes and MOVED_AWAY not in classes:
            here["deleted"] += 1
        return node

    _in_order(blocks, count)
    return {name: found for name, found in counts.items() if sum(found.values())}


def _in_order(value: Any, visit: Any) -> None:
    """Visit nodes outermost first, in document order (a heading before what follows it)."""
    if isinstance(value, list):
        for item in value:
            _in_order(item, visit)
    elif isinstance(value, dict):
        if isinstance(value.get("t"), str):
            visit(value)
        for item in value.values():
            _in_order(item, visit)
