"""The shared check of the counting rules: a frontmatter list has between `min` and `max` items."""

from __future__ import annotations

from collections.abc import Iterator, Sized
from typing import TYPE_CHECKING

from opplan.problem import Finding

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options


def check_count(doc: Document, options: Options, key: str, noun: str) -> Iterator[Finding]:
    """A finding at `key` when its list is too short or too long."""
    items = getattr(doc.model, key, None)
    count = len(items) if isinstance(items, Sized) else 0
    low, high = int(options["min"]), int(options["max"])
    if low <= count <= high:
        return
    span = f"{low}" if low == high else f"{low} to {high}"
    singular = noun.removesuffix("s") if count == 1 else noun
    message = f"only {count} {singular}" if count else f"no {noun}"
    message += f"; a plan has {span}"
    if count > high:
        message = f"{count} {noun}; a plan has {span}: keep the most important ones"
    line, column = doc.position_of(key)
    yield Finding(line, column, message)
