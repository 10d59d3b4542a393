"""The one record every check produces, whatever prints it."""

from __future__ import annotations

from typing import Literal, NamedTuple

Level = Literal["error", "warning"]


class Finding(NamedTuple):
    """What a rule reports: where and what. The linter adds the path, rule ID and level.

    `level` is set only by a rule whose documentation says so: unresolved-marker
    raises placeholders in a document under review to errors; partner-surprise
    warns the partner's document while the dependency itself gets the rule's
    level. The configured level still wins when it is "off".
    """

    line: int
    column: int
    message: str
    level: Level | None = None


class Problem(NamedTuple):
    """A problem in a file, at a 1-based line and column of the whole file."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} {self.message} [{self.rule}]"
