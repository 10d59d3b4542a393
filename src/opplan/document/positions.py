"""Map a path into the frontmatter (as pydantic reports it) to a line and column of the file.

ruamel.yaml records where each key and list item starts, but not for every node:
keys that come from a merge (`<<: *base`) and the items of an explicitly tagged
collection (`!tag [a]`) have none. Such a node takes the position of the
mapping or list that holds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

Loc = Sequence[int | str]


def position(
    data: CommentedMap, loc: Loc, first_line: int, *, missing: bool = False
) -> tuple[int, int]:
    """The 1-based (line, column) in the file of the node at `loc`.

    With `missing`, the last step of `loc` names a key that is not there, and the
    position is that of its parent mapping: the key or list item that holds it, or
    the opening delimiter for a top-level key. A step that cannot be followed
    stops the walk at the deepest node reached.
    """
    steps = list(loc[:-1] if missing else loc)
    line, column = first_line - 1, 1  # the opening '---'
    node: object = data
    for step in steps:
        found = _step(node, step)
        if found is None:
            break
        place, node = found
        if place is not None:
            line, column = first_line + place[0], place[1] + 1
    return line, column


def place(node: object, step: object, *, value: bool = False) -> tuple[int, int] | None:
    """The 0-based (row, column) of a key (or with `value`, its value) or list item.

    Where ruamel.yaml kept none (merged keys, tagged collections) it is the
    holder's own position, and None when that is unknown too.
    """
    lc: Any = getattr(node, "lc", None)
    data = getattr(lc, "data", None)
    if data is not None:
        try:
            found = data[step]
        except (KeyError, TypeError):
            pass
        else:
            if isinstance(node, dict):
                return (found[2], found[3]) if value else (found[0], found[1])
            return found[0], found[1]
    if lc is not None and lc.line is not None:
        return lc.line, lc.col
    return None


def _step(node: object, step: int | str) -> tuple[tuple[int, int] | None, object] | None:
    if isinstance(node, CommentedMap) and step in node:
        return place(node, step), node[step]
    if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
        return place(node, step), node[step]
    return None
