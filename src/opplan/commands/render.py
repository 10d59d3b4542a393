"""`opplan render`: documents to PDF, docx and HTML, or one review packet.

Documents render in parallel (`[render] jobs`), each completely in memory; only
a document whose every output rendered is written, each file atomically. A
failure is one line naming the document (and its line, where the cause is in
its text), printed as soon as that document is done; the other documents are
still rendered and written. The exit code is 1 when a document could not be
rendered because of what it holds (its frontmatter, a marker, text or an image
that pandoc or typst fails on), 2 for usage, configuration and template errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from opplan import config, document, output
from opplan.config.model import Config
from opplan.errors import DocumentError, ExitCode, OpplanError, UsageError
from opplan.fileio import FileTooLarge, is_folder, read_regular, write_atomic
from opplan.names import unknown
from opplan.output.render import summary
from opplan.render import citations, packet, redline
from opplan.render.document import FORMATS, Rendered, render
from opplan.render.prepare import Prepared, prepare
from opplan.workspace import discovery

T = TypeVar("T")


def run(
    paths: Sequence[Path],
    *,
    to: str | None = None,
    output_dir: Path | None = None,
    packet_file: Path | None = None,
    config_file: Path | None = None,
    since: str | None = None,
) -> ExitCode:
    settings = config.load(config_file)
    citations.bibliography(settings)  # a wrong path fails once, before any document
    files = documents(paths, settings)
    if not files:
        sys.stderr.write(discovery.no_plans_notice(settings))
        return ExitCode.OK
    if packet_file is not None:
        return _packet(files, packet_file, settings, since)
    formats = parse_formats(to) if to else settings.render.formats
    folder = output_dir or settings.root / settings.render.output_dir
    targets = _targets(files, formats, folder, "-redline" if since else "")
    code = ExitCode.OK
    done: dict[Path, Rendered] = {}

    def work(path: Path) -> Rendered:
        return render(_load(path, settings), settings, formats, _redline(path, since, settings))

    for path, result in _parallel(files, work, settings):
        if isinstance(result, OpplanError):
            code = max(code, _report(path, result))
            continue
        for warning in result.warnings:
            sys.stderr.write(f"{path}: warning: {warning}\n")
        try:
            for fmt, data in result.outputs.items():
                _write(targets[path][fmt], data)
        except OpplanError as err:
            code = max(code, _report(path, err))
            continue
        done[path] = result
    summary([done[path] for path in files if path in done], targets, settings)
    if code != ExitCode.OK and len(files) > 1:
        failed = len(files) - len(done)
        sys.stderr.write(f"opplan: {failed} of {len(files)} documents not rendered\n")
    return code


def documents(paths: Sequence[Path], settings: Config | None = None) -> list[Path]:
    """The documents to render: files as given, plan documents found in folders.

    None found is an error, except in a repository with no plans yet (an empty list).
    """
    if not paths:
        raise UsageError("name the documents to render, e.g. 'opplan render plans/op1.md'")
    found: list[Path] = []
    for path in paths:
        if is_folder(path):
            found.extend(file for file in discovery.markdown_files(path) if _is_plan(file))
        else:
            found.append(path)
    if not found:
        if settings is not None and discovery.no_plans_yet(settings):
            return []
        raise UsageError(f"no plan documents in {', '.join(map(str, paths))}")
    return [path for path, _ in discovery.each_once((path, True) for path in found)]


def _is_plan(file: Path) -> bool:
    """Whether a file found in a folder is a plan (one too large to read is, to report it)."""
    try:
        data = read_regular(file)
    except FileTooLarge:
        return True
    except OSError:
        return False
    return discovery.looks_like_plan(data.decode("utf-8", errors="replace"))


def parse_formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    for fmt in chosen:
        if fmt not in FORMATS:
            raise unknown("format", fmt, FORMATS)
    if not chosen:
        raise UsageError(f"--to needs one or more of {', '.join(FORMATS)}, e.g. --to pdf,docx")
    return chosen


def _targets(
    files: Sequence[Path], formats: Sequence[str], folder: Path, suffix: str = ""
) -> dict[Path, dict[str, Path]]:
    targets: dict[Path, dict[str, Path]] = {}
    owners: dict[Path, Path] = {}
    for path in files:
        targets[path] = {fmt: folder / f"{path.stem}{suffix}.{fmt}" for fmt in formats}
        for target in targets[path].values():
            if target in owners:
                raise UsageError(
                    f"{owners[target]} and {path} would both be written to {target}; "
                    "render them separately with -o, or rename one"
                )
            owners[target] = path
    return targets


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as err:
        raise UsageError(f"{path}: cannot write ({err.strerror or err}); check -o") from None


def _load(path: Path, settings: Config) -> document.Document:
    return document.load(path, settings.lint.appendix_titles, limit=settings.lint.max_file_size)


def _redline(path: Path, since: str | None, settings: Config) -> redline.Redline | None:
    """The version of `path` a redline compares with, when one is asked for."""
    return redline.load(path, since, settings) if since else None


def _report(path: Path, err: OpplanError) -> ExitCode:
    where = "" if isinstance(err, DocumentError) else f"{path}: "
    sys.stderr.write(f"opplan: error: {where}{err}\n")
    return err.exit_code


def _parallel(
    files: Sequence[Path], work: Callable[[Path], T], settings: Config
) -> Iterator[tuple[Path, T | OpplanError]]:
    """`work` on every file, `[render] jobs` at a time, with a progress bar on a terminal;
    each file and its result (or its error) as soon as it is done."""

    def guarded(path: Path) -> T | OpplanError:
        try:
            return work(path)
        except OpplanError as err:
            return err

    with _progress(len(files)) as advance, ThreadPoolExecutor(settings.render.jobs) as pool:
        futures = {pool.submit(guarded, path): path for path in files}
        for future in as_completed(futures):
            advance()
            yield futures[future], future.result()


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=output.console(stderr=True), transient=True) as bar:
        task = bar.add_task("render", total=total)
        yield lambda: bar.advance(task)


def _packet(
    files: Sequence[Path], target: Path, settings: Config, since: str | None = None
) -> ExitCode:
    def prepared_for_packet(path: Path) -> Prepared:
        prepared = prepare(_load(path, settings), settings)
        old = _redline(path, since, settings)
        return old.marked(prepared).for_format("pdf") if old else prepared

    results = dict(_parallel(files, prepared_for_packet, settings))
    prepared: list[Prepared] = []
    failures: list[OpplanError] = []
    for path in files:
        result = results[path]
        if isinstance(result, OpplanError):
            _report(path, result)
            failures.append(result)
        else:
            prepared.append(result)
    if failures:
        sys.stderr.write(f"opplan: error: {target} not written; fix the documents above\n")
        return max(err.exit_code for err in failures)
    for item in prepared:
        for warning in item.warnings:
            sys.stderr.write(f"{item.name}: warning: {warning}\n")
    try:
        data = packet.render(prepared, settings)
    except OpplanError as err:
        sys.stderr.write(f"opplan: error: {target}: {err}\n")
        return err.exit_code
    _write(target, data)
    sys.stdout.write(f"{target}: {len(prepared)} documents\n")
    return ExitCode.OK
