"""Map a path into the frontmatter (as pydantic reports it) to a line and column of the file."""

from __future__ import annotations

from collections.abc import Sequence

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
        (row, col), node = found
        line, column = first_line + row, col + 1
    return line, column


def _step(node: object, step: int | str) -> tuple[tuple[int, int], object] | None:
    if isinstance(node, CommentedMap) and step in node:
        return node.lc.key(step), node[step]
    if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
        return node.lc.item(step), node[step]
    return None
