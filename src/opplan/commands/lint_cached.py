"""`opplan lint FILE...` answered from the cache, before pydantic is even imported.

A run over files whose findings are all in the cache needs neither typer nor
pydantic nor the parsers: it finds the configuration file, looks up the result
file a previous run noted for it (`cache.remember`), hashes the files and
prints their stored findings. Anything else (an option, a folder, standard
input, a file not in the cache, a configuration never used) returns None, and
the full command runs, with the same output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opplan.commands.lint_line import STDIN, LintLine
from opplan.config_file import find, prefix
from opplan.errors import ExitCode
from opplan.fileio import is_regular, read_regular
from opplan.lint import cache
from opplan.lint.report import Report

_FOLDER = ".opplan-cache"  # the default of [lint] cache_dir


def run(line: LintLine) -> ExitCode | None:
    """The exit code of a lint run answered from the cache, or None to run it in full."""
    paths = list(line.paths)
    if not paths or line != LintLine(line.paths) or STDIN in paths:
        return None
    if not all(is_regular(path) for path in paths):
        return None  # folders, missing files: discovery and its errors
    try:
        return _served(paths)
    except (OSError, ValueError):  # tomllib's errors are ValueErrors
        return None  # whatever the full run says about it


def _served(paths: list[Path]) -> ExitCode | None:
    source = find(Path.cwd())
    root = source.resolve().parent if source else Path.cwd().resolve()
    data = b"" if source is None else read_regular(source)
    if b"cache" not in data and b"\\" not in data:
        return _answer(paths, _FOLDER, root, source)  # the defaults: no TOML to parse
    import tomllib  # noqa: PLC0415 - only for a configuration that names the cache

    table: object = tomllib.loads(data.decode())
    for key in prefix(source) if source else ():
        table = table.get(key, {}) if isinstance(table, dict) else {}
    lint = table.get("lint", {}) if isinstance(table, dict) else {}
    if not isinstance(lint, dict) or lint.get("cache") is False:
        return None
    configured = lint.get("cache_dir", _FOLDER)
    return _answer(paths, configured, root, source) if isinstance(configured, str) else None


def _answer(paths: list[Path], configured: str, root: Path, source: Path | None) -> ExitCode | None:
    results = cache.recall(cache.folder(Path(configured), root), cache.file_key(source, root))
    if results is None:
        return None
    report = Report()
    listing = []
    for path in paths:
        digest = cache.content_hash(read_regular(path), explicit=True)
        hit = results.get(cache.slot(str(path), explicit=True), digest)
        if hit is None or not hit.plan:
            return None
        report.problems.extend(hit.problems)
        listing.append((str(path), digest))
    corpus = results.get_corpus(cache.set_key(listing))
    if corpus is None:
        return None
    report.problems.extend(corpus)
    report.sort()
    report.checked.update(str(path) for path in paths)
    results.save()
    from opplan.output import lint as lint_output  # noqa: PLC0415 - once the answer is known

    sys.stdout.write(lint_output.get("auto", terminal=sys.stdout.isatty())(report))
    sys.stdout.flush()
    return report.exit_code()
