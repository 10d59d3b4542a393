"""The error of a rendering step."""

from __future__ import annotations

from opplan.errors import OpplanError


class RenderError(OpplanError):
    """A document that cannot be rendered: a template, pandoc or typst failure (exit 2).

    The message says what failed; the caller puts the document's path in front.
    `cause` is the tool's own reason ("typst: ..."), for a message that names the
    document's line instead (see `render/locate.py`).
    """

    def __init__(self, message: str, cause: str | None = None) -> None:
        super().__init__(message)
        self.cause = cause or message
