"""Turn a validation error in a configuration file into one line with the file and line."""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from opplan.errors import UsageError

_HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[\w-]+)(\s*\.\s*("[^"]*"|'[^']*'|[\w-]+))*\s*=""")


def config_error(
    path: object,
    text: str,
    data: object,
    err: ValidationError,
    model: type[BaseModel],
    *,
    prefix: tuple[str, ...] = (),
) -> UsageError:
    """A UsageError for the first problem in the file, at its line."""
    from opplan.document.validation import data_loc, describe  # noqa: PLC0415 - slow; on error

    errors = err.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    if first["type"] not in ("missing", "extra_forbidden"):
        loc = data_loc(data, loc)  # drop the union members pydantic tried
    group = [e for e in errors if data_loc(data, tuple(e["loc"])) == loc] or [first]
    message = describe(model, loc, group)
    line = line_of(text, (*prefix, *(str(step) for step in loc)))
    others = {data_loc(data, tuple(e["loc"])) for e in errors} - {loc}
    more = f" (and {len(others)} more)" if others else ""
    return UsageError(f"{path}:{line}: {message}{more}")


def line_of(text: str, loc: tuple[str, ...]) -> int:
    """The line of a TOML key at `loc` (tables and dotted keys), or of its table."""
    best = 1
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(1))
            if loc[: len(table)] == table:
                best = number
            continue
        key = _KEY.match(line)
        if key:
            full = (*table, *_split(line.split("=", 1)[0]))
            if loc[: len(full)] == full or full[: len(loc)] == loc:
                return number
    return best


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))
