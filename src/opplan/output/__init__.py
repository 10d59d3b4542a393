"""Every command's output formats, in one registry, and the conventions they share.

`FORMATS` lists, for each command, the formats its `--format` offers (the first
is the default), where each is written and what it is for: the `--format` help,
shell completion and the README come from it. `formatter` chooses one by name,
with the same one-line error for an unknown name whatever the command. A
format's module is imported only when it is chosen: rich and the rule registry
are slow to import.
`colour` decides whether text is coloured, and `dump_json` writes every JSON
output but lint's (which streams its problems).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from rich.console import Console


class Format(NamedTuple):
    """One output format of a command: where it is written, and what it is for."""

    target: str  # `module:function`, imported when the format is chosen
    help: str


_TOOLS = "for tools"
FORMATS: dict[str, dict[str, Format]] = {
    "lint": {
        # `auto` is github or text: see `lint.get`.
        "auto": Format("opplan.output.lint.text:render", "github under GitHub Actions, else text"),
        "text": Format(
            "opplan.output.lint.text:render",
            "path:line:col: level message [rule], coloured on a terminal",
        ),
        "json": Format("opplan.output.lint.json:render", "the problems and a summary, " + _TOOLS),
        "sarif": Format("opplan.output.lint.sarif:render", "SARIF 2.1.0, for code scanning"),
        "github": Format("opplan.output.lint.github:render", "GitHub Actions annotations"),
    },
    "diff": {
        "text": Format("opplan.output.diff:text", "for a terminal"),
        "json": Format("opplan.output.diff:as_json", _TOOLS),
        "markdown": Format("opplan.output.diff:markdown", "for a pull-request comment"),
    },
    "status": {
        "text": Format("opplan.output.status:text", "an aligned table"),
        "json": Format("opplan.output.status:as_json", _TOOLS),
    },
    "export": {
        "csv": Format("opplan.output.export:as_csv", "for spreadsheets"),
        "json": Format("opplan.output.export:as_json", "for goal trackers"),
    },
    "review import": {
        "text": Format("opplan.output.review:text", "path:line: comment (author)"),
        "json": Format("opplan.output.review:as_json", _TOOLS),
    },
}


def default_format(command: str) -> str:
    """A command's default format: the first it lists."""
    return next(iter(FORMATS[command]))


def help_text(command: str) -> str:
    """The help of a command's --format: each format and what it is for."""
    listed = "; ".join(f"{name} ({fmt.help})" for name, fmt in FORMATS[command].items())
    return f"Output format: {listed}."


def formatter(command: str, name: str) -> Callable[..., str]:
    """The function writing `command`'s output in the format `name`, or a UsageError."""
    from opplan.names import choose  # noqa: PLC0415 - the command line imports this module

    return load(choose("format", name, FORMATS[command]).target)


def load(target: str) -> Callable[..., str]:
    module, _, function = target.partition(":")
    found: Callable[..., str] = getattr(importlib.import_module(module), function)
    return found


def colour(*, terminal: bool) -> bool:
    """Whether to colour text: on a terminal, or anywhere with FORCE_COLOR; never with NO_COLOR.

    As no-color.org and force-color.org say, each counts when it is set and not
    empty; FORCE_COLOR=0 or false does not force colour (as in node's tools).
    """
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR", "")
    return terminal or (bool(forced) and forced.lower() not in ("0", "false"))


def dump_json(payload: Any, default: Callable[[Any], Any] = str) -> str:
    """A command's JSON output: indented by two spaces, ending with a newline."""
    import json  # noqa: PLC0415 - not needed to start

    return json.dumps(payload, indent=2, default=default) + "\n"


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A rich console on standard output (or error) that colours only when `colour` says so."""
    from rich.console import Console  # noqa: PLC0415 - rich is slow to import

    coloured = colour(terminal=(sys.stderr if stderr else sys.stdout).isatty())
    return Console(
        stderr=stderr,
        width=width,
        highlight=False,
        force_terminal=True if coloured else None,
        color_system="auto" if coloured else None,
    )
