"""The changes between two pandoc ASTs of a document, marked in the newer one.

The diff is computed once, on the AST, and every output format lowers the same
marks (see `redline_marks.py`):

- a Span of class `ins` or `del` holds inserted or deleted words within a
  paragraph, heading, list item or table cell (difflib on word tokens; a word
  keeps the space after it, so changes read as whole words);
- a Div of class `opplan-ins` or `opplan-del` holds a whole inserted or deleted
  block; a deleted block whose exact text is inserted elsewhere is a move: the
  inserted one also gets `opplan-moved`, the deleted one `opplan-moved-away`;
- a Div of class `opplan-changed` holds a block with changes inside (a change bar).

Blocks are aligned with difflib on their content; blocks of the same type that
are left unpaired in a replaced stretch are paired in order when their words are
similar enough, and then diffed inside (lists item by item, tables row by row
and cell by cell, so a changed amount shows the old and the new figure).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

from opplan.render import ast
from opplan.render.ast import Node

INS, DEL = "ins", "del"
BLOCK_INS, BLOCK_DEL, CHANGED = "opplan-ins", "opplan-del", "opplan-changed"
MOVED, MOVED_AWAY = "opplan-moved", "opplan-moved-away"
MOVE_ID = "move"  # the attribute both ends of a move share
MOVE_MIN_WORDS = 5  # shorter blocks ("TBD", a one-word item) are not told apart as moves
SIMILAR = 0.4  # share of words two blocks must share to be diffed inside, not replaced
TEXT_BLOCKS = {"Para", "Plain"}
WRAPPERS = {"Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"}
INNER_AT = {"Quoted": 1, "Link": 1, "Span": 1}  # where other wrappers keep their inlines

# A leaf inline with the wrappers around it (each a JSON "shell" with a hole).
Item = tuple[tuple[str, ...], Node]


def marked(old: list[Node], new: list[Node]) -> list[Node]:
    """The new blocks with every change since the old ones marked."""
    return _moves(_blocks(old, new))


def div(classes: list[str], blocks: list[Node]) -> Node:
    return {"t": "Div", "c": [["", classes, []], blocks]}


def classes_of(node: Node) -> list[str]:
    attributes = ast.attr(node)
    return list(attributes[1]) if attributes else []


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _words(value: Any) -> list[str]:
    return ast.text(value if isinstance(value, list) else [value]).split()


def _blocks(old: list[Node], new: list[Node]) -> list[Node]:
    """Headings aligned first, then the blocks between each pair of aligned headings, so
    that a paragraph moved to another section never displaces a heading."""
    at_old = [i for i, block in enumerate(old) if block["t"] == "Header"]
    at_new = [j for j, block in enumerate(new) if block["t"] == "Header"]
    headings = SequenceMatcher(
        None, [_key(old[i]) for i in at_old], [_key(new[j]) for j in at_new], autojunk=False
    )
    out: list[Node] = []
    i0 = j0 = 0
    for a, b, size in headings.get_matching_blocks():
        for i, j in zip(at_old[a : a + size], at_new[b : b + size], strict=True):
            out += _stretch(old[i0:i], new[j0:j])
            out.append(new[j])
            i0, j0 = i + 1, j + 1
    return out + _stretch(old[i0:], new[j0:])


def _stretch(old: list[Node], new: list[Node]) -> list[Node]:
    return _aligned(old, new, _similar, _merge, lambda block, mark: [div([mark], [block])])


def _aligned(
    old: list[Any],
    new: list[Any],
    similar: Callable[[Any, Any], bool],
    merge: Callable[[Any, Any], list[Any]],
    whole: Callable[[Any, str], list[Any]],
) -> list[Any]:
    """Two sequences (blocks, list items, table rows) aligned by difflib: equal runs kept;
    in a replaced run, old and new parts that are `similar` paired in order and merged,
    the rest shown `whole` as deleted or inserted."""
    matcher = SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
    out: list[Any] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new[j1:j2]
            continue
        start = j1
        for before in old[i1:i2]:
            match = next((k for k in range(start, j2) if similar(before, new[k])), None)
            if match is None:
                out += whole(before, BLOCK_DEL)
                continue
            out += [part for after in new[start:match] for part in whole(after, BLOCK_INS)]
            out += merge(before, new[match])
            start = match + 1
        out += [part for after in new[start:j2] for part in whole(after, BLOCK_INS)]
    return out


def _similar(old: Node, new: Node) -> bool:
    if old["t"] != new["t"]:
        return False
    if old["t"] == "Header" and old["c"][0] != new["c"][0]:
        return False
    if old["t"] == "Div":
        return bool(old["c"][0] == new["c"][0])
    if old["t"] in TEXT_BLOCKS or old["t"] == "Header":
        return _ratio(_words(old), _words(new)) >= SIMILAR
    return old["t"] in {"BulletList", "OrderedList", "Table", "BlockQuote"}


def _ratio(old: list[str], new: list[str]) -> float:
    if not old and not new:
        return 1.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def _merge(old: Node, new: Node) -> list[Node]:
    """One paired block: the new one with the changes inside it marked."""
    kind = new["t"]
    if kind in TEXT_BLOCKS:
        inlines, changed = _inlines(old["c"], new["c"])
        block = {"t": kind, "c": inlines}
    elif kind == "Header":
        inlines, changed = _inlines(old["c"][2], new["c"][2])
        block = {"t": kind, "c": [new["c"][0], new["c"][1], inlines]}
    elif kind == "Div":
        return [{"t": kind, "c": [new["c"][0], _blocks(old["c"][1], new["c"][1])]}]
    elif kind == "BlockQuote":
        return [{"t": kind, "c": _blocks(old["c"], new["c"])}]
    elif kind == "BulletList":
        block, changed = {"t": kind, "c": _items(old["c"], new["c"])}, True
    elif kind == "OrderedList":
        block, changed = {"t": kind, "c": [new["c"][0], _items(old["c"][1], new["c"][1])]}, True
    elif kind == "Table" and len(old["c"][2]) == len(new["c"][2]):
        block, changed = _table(old, new), True
    else:
        return [div([BLOCK_DEL], [old]), div([BLOCK_INS], [new])]
    return [div([CHANGED], [block])] if changed else [block]


def _items(old: list[list[Node]], new: list[list[Node]]) -> list[list[Node]]:
    """List items, aligned like blocks: kept, diffed inside, inserted or deleted."""
    return _aligned(
        old,
        new,
        lambda a, b: _ratio(_words(a), _words(b)) >= SIMILAR,
        lambda a, b: [_blocks(a, b)],
        lambda item, mark: [[div([mark], item)]],
    )


def _table(old: Node, new: Node) -> Node:
    """The new table with its rows aligned to the old ones and changed cells marked."""
    attr, caption, specs, head, bodies, foot = new["c"]
    old_head = old["c"][3]
    head = [head[0], _rows(old_head[1], head[1])]
    old_rows = [row for body in old["c"][4] for row in body[3]]
    new_bodies = []
    for index, body in enumerate(bodies):
        # Every old row is aligned against the first body (plans' tables have one).
        rows = _rows(old_rows, body[3]) if index == 0 else body[3]
        new_bodies.append([body[0], body[1], body[2], rows])
    return {"t": "Table", "c": [attr, caption, specs, head, new_bodies, foot]}


def _rows(old: list[Any], new: list[Any]) -> list[Any]:
    return _aligned(
        old, new, _same_row, lambda a, b: [_row(a, b)], lambda row, mark: [_whole_row(row, mark)]
    )


def _cells_text(row: Any) -> list[list[str]]:
    return [_words(cell[4]) for cell in row[1]]


def _same_row(old: Any, new: Any) -> bool:
    """The same row, changed: the same first cell, or most words in common."""
    old_cells, new_cells = _cells_text(old), _cells_text(new)
    if old_cells[:1] == new_cells[:1] and old_cells[:1] != [[]]:
        return True
    return _ratio(_flat(old_cells), _flat(new_cells)) >= 0.6


def _flat(cells: list[list[str]]) -> list[str]:
    return [word for cell in cells for word in cell]


def _whole_row(row: Any, mark: str) -> Any:
    cells = [[*cell[:4], [div([mark], cell[4])] if cell[4] else []] for cell in row[1]]
    return [row[0], cells]


def _row(old: Any, new: Any) -> Any:
    cells = []
    for index, cell in enumerate(new[1]):
        before = old[1][index][4] if index < len(old[1]) else []
        blocks = cell[4] if _key(before) == _key(cell[4]) else _cell(before, cell[4])
        cells.append([*cell[:4], blocks])
    return [new[0], cells]


def _cell(old: list[Node], new: list[Node]) -> list[Node]:
    """A changed cell: word changes when it holds one paragraph, else old and new whole."""
    if len(old) == len(new) == 1 and old[0]["t"] == new[0]["t"] and old[0]["t"] in TEXT_BLOCKS:
        inlines, _ = _inlines(old[0]["c"], new[0]["c"])
        return [{"t": new[0]["t"], "c": inlines}]
    return [*([div([BLOCK_DEL], old)] if old else []), *([div([BLOCK_INS], new)] if new else [])]


def _inlines(old: list[Node], new: list[Node]) -> tuple[list[Node], bool]:
    """The new inlines with word changes marked by `ins` and `del` spans; whether any."""
    before, after = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(
        None, [_key(t) for t in before], [_key(t) for t in after], autojunk=False
    )
    marked_items: list[tuple[str | None, Item]] = []
    changed = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked_items += [(None, item) for token in after[j1:j2] for item in token]
            continue
        changed = True
        marked_items += [(DEL, item) for token in before[i1:i2] for item in token]
        marked_items += [(INS, item) for token in after[j1:j2] for item in token]
    return _rebuild(marked_items), changed


def _tokens(inlines: list[Node]) -> list[list[Item]]:
    """Words: each leaf inline with its wrappers, spaces joined to the word before."""
    tokens: list[list[Item]] = []
    for item in _leaves(inlines, ()):
        if item[1]["t"] in {"Space", "SoftBreak", "LineBreak"} and tokens:
            tokens[-1].append(item)
        else:
            tokens.append([item])
    return tokens


def _leaves(inlines: list[Node], shells: tuple[str, ...]) -> list[Item]:
    items: list[Item] = []
    for node in inlines:
        kind = node["t"]
        if kind in WRAPPERS:
            items += _leaves(node["c"], (*shells, _key({"t": kind, "c": None})))
        elif kind in INNER_AT:
            at = INNER_AT[kind]
            shell = [*node["c"][:at], None, *node["c"][at + 1 :]]
            items += _leaves(node["c"][at], (*shells, _key({"t": kind, "c": shell})))
        else:
            items.append((shells, node))
    return items


def _rebuild(items: list[tuple[str | None, Item]]) -> list[Node]:
    """Inlines from marked leaves: runs of one mark in a span, wrappers put back."""
    out: list[Node] = []
    index = 0
    while index < len(items):
        mark = items[index][0]
        end = index
        while end < len(items) and items[end][0] == mark:
            end += 1
        inlines = _wrapped([item for _, item in items[index:end]])
        out += inlines if mark is None else [{"t": "Span", "c": [["", [mark], []], inlines]}]
        index = end
    return out


def _wrapped(items: list[Item]) -> list[Node]:
    out: list[Node] = []
    index = 0
    while index < len(items):
        shells, leaf = items[index]
        if not shells:
            out.append(leaf)
            index += 1
            continue
        end = index
        while end < len(items) and items[end][0][:1] == shells[:1]:
            end += 1
        inner = _wrapped([(s[1:], node) for s, node in items[index:end]])
        out.append(_fill(shells[0], inner))
        index = end
    return out


def _fill(shell: str, inlines: list[Node]) -> Node:
    node: Node = json.loads(shell)
    if node["c"] is None:
        node["c"] = inlines
    else:
        node["c"][INNER_AT[node["t"]]] = inlines
    return node


def _moves(blocks: list[Node]) -> list[Node]:
    """Deleted blocks inserted unchanged elsewhere, marked as moved."""
    found: dict[str, Counter[str]] = {BLOCK_DEL: Counter(), BLOCK_INS: Counter()}

    def collect(node: Node) -> Node:
        kind = _whole_kind(node)
        if kind and len(_words(node["c"][1])) >= MOVE_MIN_WORDS:
            found[kind][_key(node["c"][1])] += 1
        return node

    ast.walk(blocks, collect)
    moved = found[BLOCK_DEL] & found[BLOCK_INS]
    numbers = {key: number for number, key in enumerate(sorted(moved))}
    seen: dict[str, Counter[str]] = {BLOCK_DEL: Counter(), BLOCK_INS: Counter()}

    def mark(node: Node) -> Node:
        kind = _whole_kind(node)
        key = _key(node["c"][1]) if kind else ""
        if kind and seen[kind][key] < moved[key]:
            # Both ends of a move get the same ID: the key's number and its occurrence.
            ident = f"{numbers[key]}x{seen[kind][key]}"
            seen[kind][key] += 1
            node["c"][0][1] = [kind, MOVED if kind == BLOCK_INS else MOVED_AWAY]
            node["c"][0][2] = [[MOVE_ID, ident]]
        return node

    result: list[Node] = ast.walk(blocks, mark)
    return result


def _whole_kind(node: Node) -> str | None:
    if node["t"] != "Div":
        return None
    classes = node["c"][0][1]
    return next((c for c in classes if c in (BLOCK_INS, BLOCK_DEL)), None)
