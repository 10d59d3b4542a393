"""Limits that keep the work on one document bounded, whatever its text.

A document's frontmatter may nest lists and mappings, and its aliases (`*name`)
repeat what an anchor (`&name`) holds: nine lines of aliases can stand for
billions of values (a "YAML bomb"), and an alias inside its own anchor for an
endless one. Every walk over the frontmatter (validation, placeholders, JSON
output) would take that long, and parsers and walks that recurse fail past
Python's recursion limit. So a document is refused, at the line to fix, when
its frontmatter is nested deeper than `MAX_DEPTH`, when its aliases add more
than `MAX_ALIAS_VALUES` values, or when an alias holds itself. The body's limit
is in `body.py` (`MAX_BODY_LEVEL`).
"""

from __future__ import annotations

from typing import Any

import yaml

from opplan.document.positions import place
from opplan.errors import DocumentError

MAX_DEPTH = 100  # far beyond any plan, far below the recursion limit
MAX_ALIAS_VALUES = 10_000  # values that aliases may add to what the text spells out
RULE = "limits"

_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def check_text(path: str, text: str, first_line: int) -> None:
    """Refuse frontmatter whose text nests deeper than MAX_DEPTH, before it is parsed."""
    if _depth_bound(text) <= MAX_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    _too_deep(path, first_line + event.start_mark.line, event.start_mark.column)
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.MarkedYAMLError as err:
        if err.problem and "maximum nesting depth" in err.problem and err.problem_mark:
            mark = err.problem_mark
            _too_deep(path, first_line + mark.line, mark.column)
        # any other syntax error is the YAML parser's to report


def _depth_bound(text: str) -> int:
    """At least the frontmatter's nesting depth, cheaply: most texts need no closer look."""
    brackets = text.count("[") + text.count("{")
    deepest = max(
        (len(line) - len(line.lstrip(" ")) + 2 * line.count("-") + line.count("?") + 1)
        for line in text.split("\n")
    )
    return brackets + deepest + 1


_DEEP = f"the frontmatter is nested more than {MAX_DEPTH} levels deep here; flatten it"


def _too_deep(path: str, line: int, column: int) -> None:
    raise DocumentError(path, _DEEP, rule=RULE, line=line, column=column + 1)


def check_tree(path: str, data: object, first_line: int) -> None:
    """Refuse parsed frontmatter that aliases make endless, too large or too deep.

    Each collection is measured once (aliases share their objects), so this
    takes time in proportion to the text, not to what the aliases expand to.
    """
    sizes: dict[int, tuple[int, int]] = {}  # id -> (values when expanded, depth)
    written = 0  # values as the text spells them out, each collection once
    on_path: set[int] = set()
    stack: list[_Frame] = []

    def enter(node: dict[Any, Any] | list[Any]) -> None:
        children = list(node.items() if isinstance(node, dict) else enumerate(node))
        on_path.add(id(node))
        stack.append(_Frame(node, children))

    if isinstance(data, dict | list):
        enter(data)
    while stack:
        frame = stack[-1]
        if frame.index < len(frame.children):
            child = frame.children[frame.index][1]
            frame.index += 1
            if not isinstance(child, dict | list):
                continue
            if id(child) in sizes:  # measured before, through an anchor or another alias
                if len(stack) + sizes[id(child)][1] > MAX_DEPTH:
                    _refuse(path, stack, first_line, _DEEP)
                continue
            if id(child) in on_path:
                _refuse(
                    path,
                    stack,
                    first_line,
                    "an alias here holds the anchor it is inside, "
                    "so the value never ends; refer to another anchor",
                )
            if len(stack) >= MAX_DEPTH:
                _refuse(path, stack, first_line, _DEEP)
            enter(child)
            continue
        stack.pop()
        on_path.discard(id(frame.node))
        written += len(frame.children)
        total, depth = len(frame.children), 0
        for _, child in frame.children:
            if isinstance(child, dict | list):
                child_total, child_depth = sizes[id(child)]
                total, depth = total + child_total, max(depth, child_depth)
        sizes[id(frame.node)] = (total, depth + 1)
        if total - written > MAX_ALIAS_VALUES:
            _refuse(
                path,
                stack,
                first_line,
                f"the aliases here expand to {total:,} values, more than {MAX_ALIAS_VALUES:,} "
                "beyond what the text writes (a 'YAML bomb'); write them out or use fewer aliases",
            )


class _Frame:
    """A collection being measured, its entries, and how many of them are done."""

    def __init__(self, node: object, children: list[tuple[Any, Any]]) -> None:
        self.node = node
        self.children = children
        self.index = 0


def _refuse(path: str, stack: list[_Frame], first: int, message: str) -> None:
    """Raise the error at the entry being measured, or the nearest holder with a position."""
    line, column = first - 1, 1  # the opening '---'
    for frame in reversed(stack):
        found = place(frame.node, frame.children[frame.index - 1][0]) if frame.index else None
        if found is not None:
            line, column = first + found[0], found[1] + 1
            break
    raise DocumentError(path, message, rule=RULE, line=line, column=column)
