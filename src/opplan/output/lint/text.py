"""Plain text: `path:line:col: level message [rule]`, grouped by file, then a summary line."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.lint.engine import Report


def render(report: Report) -> str:
    blocks = [
        "\n".join(str(problem) for problem in group)
        for _, group in groupby(report.problems, key=lambda problem: problem.path)
    ]
    return "\n\n".join([*blocks, summary(report)]) + "\n"


def summary(report: Report) -> str:
    """One line that counts errors, warnings and files."""
    files = _plural(report.files, "file")
    if not report.problems:
        return f"{files} checked: no problems"
    with_problems = len({problem.path for problem in report.problems})
    return f"{counts(report.errors, report.warnings)} in {with_problems} of {files}"


def counts(errors: int, warnings: int) -> str:
    """`1 error, 2 warnings`"""
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
