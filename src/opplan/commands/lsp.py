"""`opplan lsp`: serve diagnostics, quick fixes, hover, completion and outline to an editor."""

from __future__ import annotations

from opplan.errors import ExitCode, UsageError


def run() -> ExitCode:
    try:
        from opplan.lsp import server  # noqa: PLC0415 - pygls is an optional dependency
    except ModuleNotFoundError as err:
        if (err.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        raise UsageError(
            "the language server needs pygls; install it with: pip install 'opplan[lsp]'"
        ) from None
    server.run()
    return ExitCode.OK
