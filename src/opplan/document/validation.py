"""Validate frontmatter against its kind's model and turn pydantic's errors into findings.

Each finding sits at the line of the offending key or list item and says, in
plain words, what is wrong and what would be right.

Keys a model does not know are not pydantic's business (the models ignore
them): a key that is a slip of the keyboard for a known one (`asumptions`) is an
error, because the value it holds is otherwise lost; any other key is the
authors' own (`tags`, `jira`), kept as it is and reported apart, at the level the
`schema` rule's `unknown_keys` option sets. Under `extra:` nothing is reported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import types
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.comments import CommentedMap

from opplan.document.positions import Loc, position
from opplan.names import did_you_mean, suggestion, typo_of
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


class Validated(NamedTuple):
    """The validated document (None when it is not valid), the findings that say why
    not, and the authors' own keys, which do not make a document invalid."""

    model: DocumentBase | None
    findings: tuple[Finding, ...]
    unknown_keys: tuple[Finding, ...]


def validate(model: type[DocumentBase], data: CommentedMap, first_line: int) -> Validated:
    """Check the frontmatter against its kind's model."""
    typos: list[Finding] = []
    unknown: list[Finding] = []
    for loc, hint in _unknown_keys(model, data, ()):
        line, column = position(data, loc, first_line)
        if hint:
            typos.append(Finding(line, column, _unknown(loc) + suggestion(hint)))
        else:
            unknown.append(Finding(line, column, _own_key(loc)))
    try:
        validated: DocumentBase | None = model.model_validate(data)
        errors: list[Finding] = []
    except ValidationError as err:
        validated = None
        errors = list(_findings(model, data, first_line, err.errors(include_url=False)))
    findings = tuple(sorted(set(errors + typos)))
    return Validated(None if findings else validated, findings, tuple(sorted(unknown)))


def _unknown_keys(
    model: type[BaseModel], data: object, loc: Loc
) -> Iterator[tuple[Loc, str | None]]:
    """Each key of the data that `model` does not have, with the key it is a typo for."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _unknown_keys(model, item, (*loc, index))
        return
    if not isinstance(data, dict):
        return
    fields = model.model_fields
    for key, value in data.items():
        field = fields.get(key) if isinstance(key, str) else None
        if field is None:
            yield (*loc, key), typo_of(str(key), fields)
        else:
            inner = inner_model(field.annotation)
            if inner is not None:
                yield from _unknown_keys(inner, value, (*loc, key))


def _unknown(loc: Loc) -> str:
    return f"unknown key {loc[-1]!r}{_in(loc[:-1])}"


def _own_key(loc: Loc) -> str:
    where = "put your own keys under 'extra:'" if len(loc) == 1 else "remove it if it is a mistake"
    return f"{_unknown(loc)}: opplan keeps it but does not check it; {where}"


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

# Words teams use for an allowed value that spelling cannot bring near it: the colours of
# a red-amber-green report for a confidence, "completed" for done or delivered.
_MEANS: dict[str, tuple[str, ...]] = {
    "green": ("on-track",),
    "amber": ("at-risk",),
    "yellow": ("at-risk",),
    "red": ("off-track",),
    "complete": ("done", "delivered"),
    "completed": ("done", "delivered"),
    "shipped": ("delivered", "done"),
}


def _meant(value: object, allowed: Sequence[str]) -> str | None:
    """The allowed value a word of a team's own (`green`) stands for, if any."""
    return next((c for c in _MEANS.get(str(value).casefold(), ()) if c in allowed), None)


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
        fields = parent.model_fields if parent and hints else ()
        return text + did_you_mean(loc[-1], fields, "; remove it or fix its name")
    return f"{_where(loc)}: {_problem(group, hints=hints)}"


def _problem(group: list[ErrorDetails], *, hints: bool = True) -> str:
    error = group[0]
    kind = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    expected = [_TYPE_ERRORS[e["type"]] for e in group if e["type"] in _TYPE_ERRORS]
    if "date" in expected and isinstance(value, str):
        impossible = _not_in_calendar(value)
        if impossible:
            return impossible
    if len(expected) == len(group) and expected:
        if "float" in expected:  # "a number" already says "a whole number"
            expected = [name for name in expected if name != "int"]
        names = " or ".join(dict.fromkeys(_EXPECTED[name] for name in expected))
        return f"expected {names}, got {_show(value)}{_type_hint(expected, value)}"
    if kind in ("literal_error", "enum"):
        expected_values = [
            str((e.get("ctx") or {}).get("expected", "")).replace("'", "").replace(" or ", ", ")
            for e in group
            if e["type"] == kind
        ]
        listed = ", ".join(expected_values)
        near = listed.split(", ") if hints and isinstance(value, str) else ()
        meant = _meant(value, near)
        hint = suggestion(meant) if meant else did_you_mean(value, near)
        return f"{_show(value)} is not allowed; use one of {listed}{hint}"
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


def _not_in_calendar(value: str) -> str | None:
    """Why a YYYY-MM-DD text is no day of the calendar (2028-02-31), if it is not."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"{value} is not a date: there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    name = calendar.month_name[month]
    return f"{value} is not a date: {name} {year} has {days} days"


def _type_hint(expected: list[str], value: object) -> str:
    """How to write a number that was quoted, or text that YAML read as a number."""
    if ("int" in expected or "float" in expected) and isinstance(value, str):
        try:
            number = float(value.strip().replace("_", ""))
        except ValueError:
            return ""
        shown = int(number) if number.is_integer() and "." not in value else number
        return f"; write the number without quotes: {shown}"
    if expected == ["str"] and isinstance(value, int) and not isinstance(value, bool):
        return f'; put it in quotes: "{value}"'
    if expected == ["str"] and isinstance(value, float):
        # The text as written is gone: YAML read 1.10 as 1.1.
        return f'; put it in quotes as written, e.g. "{value}" (unquoted, 1.10 reads as 1.1)'
    return ""


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
