"""`opplan lsp`: the language server, over standard input and output.

Diagnostics are `opplan lint`'s findings, published when a document opens and
after each change: at once for a change after a quiet moment, and for changes in
quick succession once, `debounce` after the last of them (50 ms by default; an
initialization option in milliseconds). Quick fixes, hover,
completion and the outline are computed from the text the editor holds.
"""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from opplan import __version__
from opplan import config as configuration
from opplan.lsp import actions, assist, convert, outline
from opplan.lsp.plans import Repository, root_of
from opplan.problem import Problem
from opplan.workspace import discovery

DEBOUNCE = 0.05  # seconds after the last change before a document is checked again


class PlanServer(LanguageServer):
    """The language server, with the repositories of the documents it has seen."""

    def __init__(self) -> None:
        super().__init__(
            "opplan", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.debounce = DEBOUNCE
        self.repositories: dict[Path, Repository] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.last_change: dict[str, float] = {}

    def repository(self, path: Path) -> Repository:
        folders = [convert.path_of(f.uri) or Path() for f in self.workspace.folders.values()]
        root, source = root_of(path, folders)
        if root not in self.repositories:
            self.repositories[root] = Repository.open(root, source)
        return self.repositories[root]

    def changed(self, uri: str) -> None:
        """Check a changed document: now after a quiet moment, else after the debounce."""
        now = asyncio.get_running_loop().time()
        quiet = (
            uri not in self.pending and now - self.last_change.get(uri, -math.inf) > self.debounce
        )
        self.last_change[uri] = now
        self.schedule(uri, 0 if quiet else self.debounce)

    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after `delay` seconds, unless it changes again before then."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self.publish, uri)

    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        try:
            found = self.diagnostics(document)
        except Exception as err:  # a bug: say so in the editor's log, and keep serving
            message = f"opplan: internal error checking {uri}: {type(err).__name__}: {err}"
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=message)
            )
            return
        params = types.PublishDiagnosticsParams(
            uri=uri, diagnostics=found, version=document.version
        )
        self.text_document_publish_diagnostics(params)

    def diagnostics(self, document: TextDocument) -> list[types.Diagnostic]:
        path = convert.path_of(document.uri)
        text = document.source
        if path is None or not discovery.looks_like_plan(text):
            return []
        repository = self.repository(path)
        if repository.excluded(path):
            return []
        problems = repository.check(path, text, self.unsaved(leave_out=document.uri))
        lines = convert.lines_of(text)
        found = [convert.diagnostic(document, lines, problem) for problem in problems]
        if repository.error is not None:
            message = f"{repository.error}; checking with the default configuration"
            found.insert(
                0,
                convert.diagnostic(
                    document, lines, Problem(str(path), 1, 1, "error", "config", message)
                ),
            )
        return found

    def files_changed(self, uris: list[str]) -> None:
        """Files were saved, created or deleted: check every open document again.

        A changed configuration is read again; a changed plan is read again by its
        stamp; a new or deleted one is found by looking for the plans again.
        """
        names = {path.name for path in map(convert.path_of, uris) if path is not None}
        if names & set(configuration.FILENAMES):
            self.repositories.clear()
        for repository in self.repositories.values():
            repository.forget_files()
        for uri in self.workspace.text_documents:
            self.schedule(uri, 0)

    def unsaved(self, *, leave_out: str) -> dict[Path, str]:
        """The texts of the documents open in the editor, by path."""
        texts: dict[Path, str] = {}
        for uri, document in self.workspace.text_documents.items():
            path = convert.path_of(uri)
            if path is not None and uri != leave_out:
                texts[path] = document.source
        return texts


server = PlanServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: PlanServer, params: types.InitializeParams) -> None:
    options: Any = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
        ls.debounce = max(0.0, float(options["debounce"]) / 1000)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.changed(params.text_document.uri)


@server.feature(types.INITIALIZED)
def _initialized(ls: PlanServer, params: types.InitializedParams) -> None:
    workspace = ls.client_capabilities.workspace
    watching = workspace.did_change_watched_files if workspace else None
    if watching and watching.dynamic_registration:
        patterns = ("**/*.md", *(f"**/{name}" for name in configuration.FILENAMES))
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in patterns]
        )
        registration = types.Registration(
            id="opplan-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.files_changed([params.text_document.uri])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _files_changed(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.files_changed([change.uri for change in params.changes])


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _closed(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.last_change.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_actions(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    document = ls.workspace.get_text_document(params.text_document.uri)
    path = convert.path_of(document.uri)
    lines = convert.lines_of(document.source)
    doc = None
    section_options: dict[str, Any] = {}
    if path is not None:
        repository = ls.repository(path)
        doc = repository.parse(path, document.source)
        if doc is not None:
            from opplan.lint.rules import required_sections  # noqa: PLC0415

            section_options = repository.config.lint.options(
                required_sections.ID, doc.kind, required_sections.DEFAULT
            )
    found: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "opplan":
            continue
        row, column = convert.position(document, diagnostic.range.start)
        problem = (row, column, str(diagnostic.code), diagnostic.message)
        for fix in actions.for_finding(doc, lines, problem, section_options):
            edits = [
                types.TextEdit(
                    range=convert.to_client(document, e.line, e.start, e.line, e.end),
                    new_text=e.text,
                )
                for e in fix.edits
            ]
            found.append(
                types.CodeAction(
                    title=fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=fix.preferred or None,
                    edit=types.WorkspaceEdit(changes={document.uri: edits}),
                )
            )
    return found


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    row, column = convert.position(document, params.position)
    text = assist.hover(convert.lines_of(document.source), row, column)
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "-", "=", ","]),
)
def _completion(ls: PlanServer, params: types.CompletionParams) -> types.CompletionList:
    document = ls.workspace.get_text_document(params.text_document.uri)
    row, column = convert.position(document, params.position)
    items = assist.complete(convert.lines_of(document.source), row, column)
    for item in items:
        if isinstance(item.text_edit, types.TextEdit):
            span = convert.range_to_client(document, item.text_edit.range)
            item.text_edit = types.TextEdit(range=span, new_text=item.text_edit.new_text)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def _symbols(ls: PlanServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    document = ls.workspace.get_text_document(params.text_document.uri)
    path = convert.path_of(document.uri)
    if path is None:
        return []
    body, count, per_page = ls.repository(path).reading(path, document.source)
    page = ls.repository(path).config.page
    symbols = outline.symbols(convert.lines_of(document.source), body, page, count, per_page)
    return convert.symbols_to_client(document, symbols)


def run() -> None:
    """Serve one editor over standard input and output until it exits."""
    server.start_io()
