"""What the schema says at a place in the frontmatter: keys, their descriptions, allowed values.

The frontmatter is read line by line, by indentation, rather than parsed as YAML: a
document being typed is seldom valid YAML, and the nesting of the line under the
cursor is all that is needed to find the model that holds its key.
"""

from __future__ import annotations

import re
import types
from collections.abc import Sequence
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from opplan import schemas
from opplan.document.validation import inner_model

_KEY = re.compile(r"^(\s*)((?:-\s+)*)([A-Za-z_][\w-]*)\s*:(?:\s|$)")
_KIND = re.compile(r"^kind\s*:\s*['\"]?([\w-]+)", re.MULTILINE)


class Place:
    """The frontmatter of a document's lines, and where a line sits in it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.end = _closing(lines)  # the row of the closing '---', or -1: no frontmatter

    def inside(self, row: int) -> bool:
        return 0 < row < self.end

    def kind(self) -> str | None:
        match = _KIND.search("\n".join(self.lines[1 : self.end]))
        return match.group(1) if match else None

    def model(self) -> type[BaseModel]:
        """The kind's model, or the keys every document has when the kind is not known yet."""
        kind = self.kind()
        return (
            schemas.KINDS[kind]
            if kind is not None and kind in schemas.KINDS
            else schemas.DocumentBase
        )

    def key_at(self, row: int) -> tuple[str, int] | None:
        """The key a line sets, and the column where the key starts."""
        match = _KEY.match(self.lines[row])
        if match is None:
            return None
        return match.group(3), len(match.group(1)) + len(match.group(2))

    def parents(self, row: int, indent: int) -> list[str]:
        """The keys that hold a key at `indent` on line `row`, outermost first."""
        found: list[str] = []
        for above in range(row - 1, 0, -1):
            key = self.key_at(above)
            if key is not None and key[1] < indent:
                found.append(key[0])
                indent = key[1]
                if indent == 0:
                    break
        return found[::-1]

    def container(self, path: Sequence[str]) -> type[BaseModel] | None:
        """The model of the mapping reached through `path` (list entries included)."""
        model: type[BaseModel] | None = self.model()
        for step in path:
            field = model.model_fields.get(step) if model else None
            model = inner_model(field.annotation) if field else None
        return model

    def field(self, row: int) -> tuple[str, FieldInfo | None, int] | None:
        """The key on a line, its schema field (None: not in the schema), and its column."""
        key = self.key_at(row)
        if key is None:
            return None
        model = self.container(self.parents(row, key[1]))
        return key[0], model.model_fields.get(key[0]) if model else None, key[1]

    def siblings(self, row: int, indent: int) -> set[str]:
        """The keys already set next to a key at `indent` on line `row` (same mapping)."""
        found: set[str] = set()
        for step in (-1, 1):
            other = row + step
            while 0 < other < self.end:
                text = self.lines[other]
                key = self.key_at(other)
                stripped = len(text) - len(text.lstrip(" -"))
                if text.strip() and stripped < indent:
                    break
                if key is not None and key[1] == indent:
                    found.add(key[0])
                    if step == 1 and text.lstrip().startswith("-"):
                        break  # the next list entry
                    if step == -1 and text.lstrip().startswith("-"):
                        break  # this list entry starts here
                other += step
        return found


def _closing(lines: Sequence[str]) -> int:
    """The row of the closing '---' (the end of the text while it is being typed), or -1."""
    if not lines or lines[0].rstrip() != "---":
        return -1
    rows = range(1, len(lines))
    return next((i for i in rows if lines[i].rstrip() in ("---", "...")), len(lines))


def allowed(annotation: object) -> list[str]:
    """The values a field allows when they are a fixed set (Literal), else none."""
    origin = get_origin(annotation)
    if origin is Literal:
        return [str(value) for value in get_args(annotation)]
    if origin is bool or annotation is bool:
        return ["true", "false"]
    if origin in (Union, types.UnionType, Annotated):
        return [value for arg in get_args(annotation) for value in allowed(arg)]
    return []


def describe_field(key: str, field: FieldInfo) -> str:
    """A hover's text for a frontmatter key: its description, whether required, its values."""
    parts = [f"**{key}**: {field.description or ''}".rstrip()]
    parts.append("Required." if field.is_required() else "Optional.")
    values = allowed(field.annotation)
    if values:
        parts.append("Allowed values: " + ", ".join(f"`{value}`" for value in values) + ".")
    return "\n\n".join(parts)
