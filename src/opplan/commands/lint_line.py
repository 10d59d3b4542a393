"""`opplan lint`'s command line, read without typer when every word of it is plain.

typer and click take longer to import and to build the command line than a
lint run of one document takes to check it. So the console script reads
`opplan lint ...` itself when each word is a path or one of the options below,
written the way click reads them (`--format json`, `--format=json`, `-fjson`,
`-j 2`, `-j2`, `--` before paths). Anything else (`--help`, an unknown or
misspelt option, a value to refuse, a missing value, shell completion) returns
None, and typer reads the line and says what is wrong, exactly as before.
`tests/test_lint_line.py` checks that typer's `lint` command has these options
and reads each line the same way.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from opplan.output import default_format

STDIN = Path("-")  # the path that reads a document from standard input


class LintLine(NamedTuple):
    """The arguments of `opplan lint`, named as the typer command's parameters.

    (Not a dataclass: `dataclasses` imports `inspect`, about a fifth of the
    time of a run answered from the cache.)
    """

    paths: tuple[Path, ...] = ()
    output_format: str = default_format("lint")
    strict: bool = False
    config_file: Path | None = None
    no_cache: bool = False
    plans_only: bool = False
    jobs: int = 0
    exact: bool = False
    stdin_filename: Path | None = None


# Each option's words, and the parameter it sets: flags, then options with a value.
FLAGS = {
    "--strict": "strict",
    "--no-cache": "no_cache",
    "--plans-only": "plans_only",
    "--exact": "exact",
}
VALUES = {
    "--format": "output_format",
    "-f": "output_format",
    "--config": "config_file",
    "--jobs": "jobs",
    "-j": "jobs",
    "--stdin-filename": "stdin_filename",
}
_COUNT = re.compile(r"0|[1-9][0-9]{0,5}")  # what --jobs takes here; typer judges the rest


class _Unusual(Exception):
    """A word typer should read."""


def parse(argv: list[str]) -> LintLine | None:
    """The arguments of `opplan lint ...` (argv without the program), or None for typer."""
    if not argv or argv[0] != "lint":
        return None
    try:
        return LintLine(**_read(argv[1:]))
    except _Unusual:
        return None


def _read(words: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    paths: list[Path] = []
    pending = list(words)
    while pending:
        word = pending.pop(0)
        if word == "--":
            paths.extend(_path(rest) for rest in pending)
            break
        if word == "-" or not word.startswith("-"):
            paths.append(_path(word))
        elif word in FLAGS:
            values[FLAGS[word]] = True
        else:
            name, value = _option(word, pending)
            values[name] = _value(name, value)
    if paths:
        values["paths"] = tuple(paths)
    return values


def _option(word: str, pending: list[str]) -> tuple[str, str]:
    """The parameter an option with a value sets, and the value, taken from `pending`."""
    if word.startswith("--"):
        word, equals, value = word.partition("=")  # --format=json
        attached = bool(equals)
    else:
        word, value = word[:2], word[2:]  # -fjson, -j2
        attached = bool(value)
    if word not in VALUES:
        raise _Unusual
    if not attached:
        if not pending:
            raise _Unusual  # a missing value
        value = pending.pop(0)
    return VALUES[word], value


def _value(name: str, value: str) -> object:
    if not value or value.startswith("-"):
        raise _Unusual
    if name == "jobs":
        if not _COUNT.fullmatch(value):
            raise _Unusual
        return int(value)
    if name == "output_format":
        return value
    return _path(value)


def _path(word: str) -> Path:
    if not word:
        raise _Unusual
    return Path(word)
