"""Every command's output formats, in one registry, and the conventions they share.

`FORMATS` lists, for each command, the formats its `--format` offers and where
each is written (`module:function`); `formatter` chooses one by name, with the
same one-line error for an unknown name whatever the command. A format's module
is imported only when it is chosen: rich and the rule registry are slow to import.
`colour` decides whether text is coloured, and `dump_json` writes every JSON
output but lint's (which streams its problems).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opplan.names import choose

if TYPE_CHECKING:
    from rich.console import Console


FORMATS: dict[str, dict[str, str]] = {
    "lint": {
        "auto": "opplan.output.lint.text:render",  # github or text: see `lint.get`
        "text": "opplan.output.lint.text:render",
        "json": "opplan.output.lint.json:render",
        "sarif": "opplan.output.lint.sarif:render",
        "github": "opplan.output.lint.github:render",
    },
    "diff": {
        "text": "opplan.output.diff:text",
        "json": "opplan.output.diff:as_json",
        "markdown": "opplan.output.diff:markdown",
    },
    "status": {"text": "opplan.output.status:text", "json": "opplan.output.status:as_json"},
    "export": {"csv": "opplan.output.export:as_csv", "json": "opplan.output.export:as_json"},
    "review import": {"text": "opplan.output.review:text", "json": "opplan.output.review:as_json"},
}


def formatter(command: str, name: str) -> Callable[..., str]:
    """The function writing `command`'s output in the format `name`, or a UsageError."""
    return load(choose("format", name, FORMATS[command]))


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
