"""The formats of `opplan lint`: one module each, rendering a Report as text."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from opplan.names import choose
from opplan.output import FORMATS, colour, load

if TYPE_CHECKING:
    from opplan.lint.engine import Report


def get(name: str, *, terminal: bool = False) -> Callable[[Report], str]:
    """The lint format with this name, or a UsageError naming the valid ones.

    `auto` is `github` under GitHub Actions, else `text`; `text` is coloured on a
    terminal or when FORCE_COLOR is set, unless NO_COLOR is set (see `colour`).
    """
    chosen = choose("format", name, FORMATS["lint"]).target
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        chosen = FORMATS["lint"][name].target
    if name == "text" and colour(terminal=terminal):
        chosen = "opplan.output.lint.color:render"
    return load(chosen)
