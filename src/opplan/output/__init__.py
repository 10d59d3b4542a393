"""The registry of output formats for lint reports: each renders a Report as text."""

from __future__ import annotations

from collections.abc import Callable

from opplan.errors import UsageError
from opplan.lint.engine import Report
from opplan.output import json_format, text_format
from opplan.schemas import nearest

Formatter = Callable[[Report], str]

FORMATS: dict[str, Formatter] = {"text": text_format.render, "json": json_format.render}


def get(name: str) -> Formatter:
    """The formatter with this name, or a UsageError naming the valid ones."""
    try:
        return FORMATS[name]
    except KeyError:
        hint = nearest(name, list(FORMATS))
        known = ", ".join(FORMATS)
        more = f"; did you mean {hint!r}?" if hint else ""
        raise UsageError(f"unknown format {name!r}; use one of {known}{more}") from None
