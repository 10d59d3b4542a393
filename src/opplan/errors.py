"""opplan's one error base class and the exit codes the CLI maps errors to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a command's exit status means."""

    OK = 0
    PROBLEMS = 1
    USAGE = 2


class OpplanError(Exception):
    """An error a user can cause and fix; the CLI prints it in one line, without a traceback."""

    exit_code: ExitCode = ExitCode.USAGE


class UsageError(OpplanError):
    """Bad arguments or configuration: exit 2."""


class DocumentError(OpplanError):
    """A document that cannot be read as an opplan document, at a position in its file.

    `rule` names the kind of failure the way lint rule IDs name problems, so the
    failure prints as `path:line:col: error message [rule]`. `fatal` marks failures
    to read the file at all (missing, not UTF-8, binary): those are input failures
    and make `opplan lint` exit 2; the others are problems in the document (exit 1).
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        rule: str,
        line: int = 1,
        column: int = 1,
        fatal: bool = False,
    ) -> None:
        super().__init__(f"{path}:{line}:{column}: {message} [{rule}]")
        self.path = path
        self.message = message
        self.rule = rule
        self.line = line
        self.column = column
        self.fatal = fatal
        self.exit_code = ExitCode.USAGE if fatal else ExitCode.PROBLEMS
