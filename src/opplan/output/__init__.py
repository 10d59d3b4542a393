"""The registry of output formats for lint reports: each renders a Report as text."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from opplan.names import unknown

if TYPE_CHECKING:
    from opplan.lint.engine import Report

Formatter = Callable[["Report"], str]

NAMES = ("auto", "text", "json", "sarif", "github")


def get(name: str, *, terminal: bool = False) -> Formatter:
    """The formatter with this name, or a UsageError naming the valid ones.

    `auto` is `github` under GitHub Actions, else `text`; `text` is coloured on a
    terminal or when FORCE_COLOR is set, unless NO_COLOR is set (see `colour`).
    Each format is a module `<name>_format`.
    """
    if name not in NAMES:
        raise unknown("format", name, NAMES)
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if name == "text" and colour(terminal=terminal):
        name = "color"
    # Imported when chosen: rich and the rule registry are slow to import.
    module = importlib.import_module(f"opplan.output.{name}_format")
    render: Formatter = module.render
    return render


def colour(*, terminal: bool) -> bool:
    """Whether to colour text: on a terminal, or anywhere with FORCE_COLOR; never with NO_COLOR.

    As no-color.org and force-color.org say, each counts when it is set and not
    empty; FORCE_COLOR=0 or false does not force colour (as in node's tools).
    """
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR", "")
    return terminal or (bool(forced) and forced.lower() not in ("0", "false"))
