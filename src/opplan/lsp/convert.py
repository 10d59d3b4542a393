"""Between opplan's records and the protocol's: paths, lines, problems and ranges.

opplan counts lines from 1 and columns in characters from 1; the protocol counts
both from 0, and columns in the units the client asked for (UTF-16 by default),
which the document's position codec converts to.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from opplan.lint.rule import documentation_url
from opplan.problem import Problem

_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


def path_of(uri: str) -> Path | None:
    """The file a `file:` URI names, resolved; None for other schemes (unsaved buffers)."""
    if urlparse(uri).scheme != "file":
        return None
    return Path(to_fs_path(uri) or unquote(urlparse(uri).path)).resolve()


def lines_of(text: str) -> list[str]:
    """The text's lines without their line ends."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def diagnostic(document: TextDocument, lines: list[str], problem: Problem) -> types.Diagnostic:
    row = min(max(problem.line - 1, 0), len(lines) - 1)
    text = lines[row]
    start = min(max(problem.column - 1, 0), len(text))
    end = _token_end(text, start)
    return types.Diagnostic(
        range=to_client(document, row, start, row, end),
        message=problem.message,
        severity=_SEVERITY[problem.level],
        code=problem.rule,
        code_description=_documentation(problem.rule),
        source="opplan",
    )


def _documentation(rule: str) -> types.CodeDescription | None:
    from opplan.lint.rules import RULES  # noqa: PLC0415

    url = documentation_url(rule) if rule in RULES else None
    return types.CodeDescription(href=url) if url else None


def _token_end(text: str, start: int) -> int:
    """Where the word or value that starts at `start` ends (a heading's or the line's end, else)."""
    if text.startswith("#", start):  # a whole-document finding, at the first heading
        return len(text.rstrip())
    stop = start
    while stop < len(text) and not text[stop].isspace() and text[stop] not in ":,[]{}":
        stop += 1
    return stop if stop > start else len(text.rstrip())


def to_client(document: TextDocument, row: int, start: int, last: int, end: int) -> types.Range:
    span = ServerTextRange(ServerTextPosition(row, start), ServerTextPosition(last, end))
    return document.range_to_client_units(span)


def position(document: TextDocument, position: types.Position) -> tuple[int, int]:
    at = document.position_from_client_units(position)
    return at.line, at.character


def symbols_to_client(
    document: TextDocument, symbols: list[types.DocumentSymbol]
) -> list[types.DocumentSymbol]:
    """Symbols whose ranges (in characters) are given in the client's units."""
    for symbol in symbols:
        symbol.range = range_to_client(document, symbol.range)
        symbol.selection_range = range_to_client(document, symbol.selection_range)
        symbols_to_client(document, list(symbol.children or []))
    return symbols


def range_to_client(document: TextDocument, span: types.Range) -> types.Range:
    start, end = span.start, span.end
    return to_client(document, start.line, start.character, end.line, end.character)
