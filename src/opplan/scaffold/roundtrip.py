"""Frontmatter that `opplan new` copies from another document: read and written with
ruamel's round-trip mode, so key order, quotes, comments and block scalars survive."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from opplan.scaffold.skeleton import yaml_scalar
from opplan.scaffold.values import Values

# The keys that head a document, in order; keys added to a copy go after them.
HEAD = ("kind", "title", "team", "org", "cycle", "status", "owners", "reviewers", "version", "date")


def yaml() -> YAML:
    """ruamel's round-trip YAML, indented like opplan's templates; None is written `null`."""
    made = YAML(typ="rt")
    made.preserve_quotes = True
    made.width = 4096
    made.indent(mapping=2, sequence=4, offset=2)
    made.representer.add_representer(type(None), _null)
    return made


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def load(text: str) -> CommentedMap:
    """Frontmatter text as a round-trip mapping."""
    loaded: CommentedMap = yaml().load(text)
    return loaded


def dump(meta: CommentedMap) -> str:
    """A mapping as frontmatter text, ending in a newline."""
    stream = io.StringIO()
    yaml().dump(meta, stream)
    return stream.getvalue()


def quoted(value: object) -> object:
    """Text that YAML would need quoted, double-quoted like the rest of opplan's output."""
    if type(value) is str and yaml_scalar(value).startswith('"'):
        return DoubleQuotedScalarString(value)
    return value


def written(value: object) -> str:
    """A scalar as the copy writes it: `"92.8%"` as quoted, `38`, `null`."""
    if isinstance(value, DoubleQuotedScalarString):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, SingleQuotedScalarString):
        return "'" + str(value).replace("'", "''") + "'"
    if value is None:
        return "null"
    if isinstance(value, list | dict) and not value:
        return "[]" if isinstance(value, list) else "{}"
    for plain in (bool, int, float, str):  # ruamel's scalars are subclasses of these
        if isinstance(value, plain):
            return yaml_scalar(plain(value))
    return yaml_scalar(value)


def comment(meta: CommentedMap, key: str, text: str, indent: int = 0) -> None:
    """`# text` two spaces after `key`'s value; `indent` is the mapping's column."""
    # ruamel counts the column from the mapping's indentation, less the sequence dash.
    value = meta[key]
    block = isinstance(value, list | dict) and value  # written on the lines below
    width = len(f"{key}:") if block else len(f"{key}: {written(value)}")
    meta.yaml_add_eol_comment(f"# {text}", key, column=indent + width + 2)


def put(meta: CommentedMap, key: str, value: object, after: tuple[str, ...] = HEAD) -> None:
    """Set `key`: in its place if it is there, else after the last of `after` present."""
    value = quoted(value)
    if key in meta:
        meta[key] = value
        return
    keys = list(meta)
    position = max((keys.index(k) + 1 for k in after if k in meta), default=0)
    meta.insert(position, key, value)


def opening(values: Values) -> list[tuple[str, object]]:
    """The keys every document `opplan new` starts from another opens with, a new draft's."""
    return [
        ("title", values.title),
        ("team", values.team),
        ("org", values.org),
        ("cycle", values.cycle),
        ("status", "draft"),
        ("owners", CommentedSeq(values.owners)),
    ]


def relative(source: Path, output: Path) -> str:
    """`source`'s path relative to `output`'s folder, with forward slashes."""
    return Path(os.path.relpath(source.resolve(), output.resolve().parent)).as_posix()
