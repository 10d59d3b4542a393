"""Where opplan's bundled files are, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def templates_dir() -> Path:
    """The built-in templates: inside the package when installed from a wheel,
    at the top of the source tree in a checkout or an editable install."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parents[1] / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("opplan's templates are missing; reinstall opplan")
