"""JSON: one object with a `problems` array and a `summary`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.lint.engine import Report


def render(report: Report) -> str:
    payload = {
        "problems": [problem._asdict() for problem in report.problems],
        "summary": {
            "files": report.files,
            "errors": report.errors,
            "warnings": report.warnings,
        },
    }
    return json.dumps(payload, indent=2) + "\n"
