"""Print the remarks `opplan review import` placed: `path:line: comment (author)`, or JSON."""

from __future__ import annotations

from collections.abc import Sequence

from opplan.output import dump_json
from opplan.review.remark import Placed


def text(placed: Sequence[Placed], source: str) -> str:
    """Each placed remark on its line, then the ones that could not be placed."""
    lines = [
        f"{source}:{item.line}: {f'{item.field}: ' if item.field else ''}"
        f"{item.remark.message} ({item.remark.author})"
        for item in placed
        if item.line is not None
    ]
    unplaced = [item for item in placed if item.line is None]
    if unplaced:
        lines.append(f"{source}: {len(unplaced)} not placed:")
    for item in unplaced:
        on = f" on “{item.remark.anchor}”" if item.remark.anchor else ""
        lines.append(f"  {item.remark.message} ({item.remark.author}){on}: {item.reason}")
    return "".join(f"{line}\n" for line in lines)


def as_json(placed: Sequence[Placed], source: str) -> str:
    return dump_json([_record(item, source) for item in placed])


def _record(item: Placed, source: str) -> dict[str, object]:
    remark = item.remark
    return {
        "path": source,
        "line": item.line,
        "section": item.section,
        "field": item.field,
        "kind": remark.kind,
        "author": remark.author,
        "text": remark.text,
        "anchor": remark.anchor,
        "reason": item.reason or None,
    }
