"""Validate frontmatter against its kind's model and turn pydantic's errors into findings.

Each finding sits at the line of the offending key or list item and says, in
plain words, what is wrong and what would be right.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator, Sequence
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.comments import CommentedMap

from opplan.document.positions import Loc, position
from opplan.names import nearest
from opplan.problem import Finding
from opplan.schemas import DocumentBase

_EXPECTED = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "bool": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "list": "a list",
    "dict": "a mapping of keys",
    "model": "a mapping of keys",
}
_TYPE_ERRORS = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "float",
    "float_parsing": "float",
    "string_type": "str",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "list_type": "list",
    "dict_type": "dict",
    "model_type": "model",
    "model_attributes_type": "model",
}


def validate(
    model: type[DocumentBase], data: CommentedMap, first_line: int
) -> tuple[DocumentBase | None, tuple[Finding, ...]]:
    """The validated document, or None and the findings that say why it is not valid."""
    try:
        return model.model_validate(data), ()
    except ValidationError as err:
        findings = sorted(set(_findings(model, data, first_line, err.errors(include_url=False))))
        return None, tuple(findings)


def _findings(
    model: type[BaseModel], data: CommentedMap, first_line: int, errors: list[ErrorDetails]
) -> Iterator[Finding]:
    # A value that fits none of a union's members gets one error per member; the
    # members are the loc's trailing steps that the data does not have.
    grouped: dict[tuple[int | str, ...], list[ErrorDetails]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] not in ("missing", "extra_forbidden"):
            loc = data_loc(data, loc)
        grouped.setdefault(loc, []).append(error)
    for number, (loc, group) in enumerate(grouped.items()):
        missing = group[0]["type"] == "missing"
        line, column = position(data, loc, first_line, missing=missing)
        yield Finding(line, column, describe(model, loc, group, hints=number < MAX_HINTS))


def data_loc(data: object, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The longest prefix of `loc` that exists in the data."""
    node = data
    for depth, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return loc[:depth]
    return loc


# "Did you mean" is looked up for this many problems of a document; past them (a
# generated or hostile document with thousands of unknown keys) the search would
# cost more than the rest of the check, and the message still says what to do.
MAX_HINTS = 1_000


def describe(
    model: type[BaseModel], loc: Loc, group: list[ErrorDetails], *, hints: bool = True
) -> str:
    """One message for the errors pydantic reported at one location of `model`'s input."""
    error = group[0]
    kind = error["type"]
    if kind == "missing":
        return f"missing required key {loc[-1]!r}{_in(loc[:-1])}"
    if kind == "extra_forbidden":
        text = f"unknown key {loc[-1]!r}{_in(loc[:-1])}"
        parent = _model_at(model, loc[:-1])
        hint = nearest(str(loc[-1]), list(parent.model_fields)) if parent and hints else None
        return f"{text}; did you mean {hint!r}?" if hint else f"{text}; remove it or fix its name"
    return f"{_where(loc)}: {_problem(group)}"


def _problem(group: list[ErrorDetails]) -> str:
    error = group[0]
    kind = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    expected = [_TYPE_ERRORS[e["type"]] for e in group if e["type"] in _TYPE_ERRORS]
    if len(expected) == len(group) and expected:
        if "float" in expected:  # "a number" already says "a whole number"
            expected = [name for name in expected if name != "int"]
        names = " or ".join(dict.fromkeys(_EXPECTED[name] for name in expected))
        return f"expected {names}, got {_show(value)}"
    if kind in ("literal_error", "enum"):
        expected_values = (
            str((e.get("ctx") or {}).get("expected", "")).replace("'", "").replace(" or ", ", ")
            for e in group
            if e["type"] == kind
        )
        return f"{_show(value)} is not allowed; use one of {', '.join(expected_values)}"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} item{'s' if least != 1 else ''}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        word = "at least" if kind == "greater_than_equal" else "at most"
        return f"must be {word} {bound}, got {_show(value)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _where(loc: Loc) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1] if parts else ''} item {step + 1}".strip()]
        else:
            parts.append(str(step))
    return " > ".join(parts) or "frontmatter"


def _in(loc: Loc) -> str:
    return f" in {_where(loc)}" if loc else ""


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value) if isinstance(value, dt.date) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`."""
    current: type[BaseModel] | None = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        field = current.model_fields.get(step)
        current = inner_model(field.annotation) if field else None
    return current


def inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType) or get_args(annotation):
        for arg in get_args(annotation):
            found = inner_model(arg)
            if found:
                return found
    return None
