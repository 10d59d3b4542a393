"""The outcome of a lint run, as the output formats read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opplan.errors import ExitCode
from opplan.problem import Problem

if TYPE_CHECKING:
    from opplan.document import Document


class Report:
    """The outcome of a lint run (a plain class: a cached run does not import dataclasses)."""

    def __init__(self, problems: list[Problem] | None = None, *, failed: bool = False) -> None:
        self.problems: list[Problem] = problems or []
        self.documents: list[Document] = []  # kept only for the cross-document rules
        self.checked: set[str] = set()  # paths of the plan documents checked
        self.failed = failed  # some input could not be read at all
        self.empty_folders: list[str] = []  # folders named that held no plan

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for problem in self.problems if problem.level == "warning")

    @property
    def files(self) -> int:
        """How many files were checked (documents and files that failed to load)."""
        return len(self.checked | {p.path for p in self.problems})

    def sort(self) -> None:
        """The problems in the order every format shows them: by file, place and rule."""
        self.problems.sort(key=lambda p: (p.path, p.line, p.column, p.rule, p.message))

    def exit_code(self, *, strict: bool = False) -> ExitCode:
        if self.failed:
            return ExitCode.USAGE
        if self.errors or (strict and self.warnings):
            return ExitCode.PROBLEMS
        return ExitCode.OK
