"""JSON: one object with a `problems` array and a `summary`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.lint.engine import Report
    from opplan.problem import Problem

_PLACE = "\0problems\0"
# The C encoder, for each value: `json.dumps(..., indent=2)` takes Python's own, which
# is many times slower and holds millions of pieces for a run with many problems.
_encode = json.JSONEncoder().encode
_text: Callable[[str], str] = json.encoder.encode_basestring_ascii


def render(report: Report) -> str:
    payload = {
        "problems": _PLACE,
        "summary": {
            "files": report.files,
            "errors": report.errors,
            "warnings": report.warnings,
        },
    }
    head, tail = json.dumps(payload, indent=2).split(_encode(_PLACE))
    if not report.problems:
        return f"{head}[]{tail}\n"
    pieces = [head, "[\n"]
    for problem in report.problems:
        pieces += (_problem(problem), ",\n")
    pieces[-1] = "\n  ]"
    return "".join([*pieces, tail, "\n"])  # one copy of the whole text: it may be large


def _problem(problem: Problem) -> str:
    """A problem as `json.dumps(problem._asdict(), indent=2)` writes it in the array."""
    fields = ",\n".join(
        f"      {_text(name)}: {_text(value) if isinstance(value, str) else value}"
        for name, value in zip(problem._fields, problem, strict=True)
    )
    return f"    {{\n{fields}\n    }}"
