"""GitHub Actions workflow commands: one `::error` or `::warning` annotation per problem.

GitHub shows each on the changed line of the pull request. The summary line
follows, as plain log output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opplan.output.lint.text import summary

if TYPE_CHECKING:
    from opplan.lint.engine import Report


def render(report: Report) -> str:
    lines = [
        f"::{p.level} file={_property(p.path)},line={p.line},col={p.column},"
        f"title={_property(p.rule)}::{_data(p.message)}"
        for p in report.problems
    ]
    return "\n".join([*lines, summary(report)]) + "\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
