"""`opplan lint`: check documents against their schema and the lint rules."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from opplan import config
from opplan.commands.lint_line import STDIN, LintLine
from opplan.errors import ExitCode, UsageError
from opplan.output import lint as lint_output
from opplan.workspace import discovery

if TYPE_CHECKING:
    from opplan.lint.engine import Report

STDIN_NAME = Path("<stdin>")  # what problems in standard input are reported under


def run(
    paths: Sequence[Path],
    *,
    output_format: str = "auto",
    strict: bool = False,
    config_file: Path | None = None,
    use_cache: bool = True,
    plans_only: bool = False,
    jobs: int = 0,
    exact: bool = False,
    stdin_filename: Path | None = None,
) -> ExitCode:
    formatter = lint_output.get(output_format, terminal=sys.stdout.isatty())
    paths, given = _standard_input(paths, stdin_filename)
    start = stdin_filename.absolute().parent if stdin_filename else None
    settings = config.load(config_file, start=start)
    from opplan.lint import cache  # noqa: PLC0415 - after the cheap checks
    from opplan.lint.engine import lint  # noqa: PLC0415

    counter = None
    if exact:
        from opplan.lint import exact as typeset  # noqa: PLC0415 - only with --exact

        counter = typeset.counter(settings)
    results = None
    if use_cache and settings.lint.cache:
        setup = [
            settings.lint.model_dump(mode="json"),
            settings.page.model_dump(mode="json"),
            settings.checkins.model_dump(mode="json"),
        ]
        if exact:  # the counts also depend on the typst templates and versions
            setup.append({"exact": typeset.fingerprint(settings)})
        results = cache.ResultCache(cache.folder(settings.lint.cache_dir, settings.root), setup)
    if results is None or not results.known:
        from opplan.lint import options  # noqa: PLC0415 - loads every rule and the schemas

        options.validate(settings)  # a configuration already in the cache was valid
    report = lint(
        paths or [Path()],
        settings.lint,
        page=settings.page,
        page_counter=counter,
        root=settings.root,
        cache=results,
        jobs=jobs,
        plans_only=plans_only,
        given=given,
        checkins=settings.checkins,
    )
    if results is not None and not exact:
        # So that the next run over unchanged files is answered before validating anything.
        with contextlib.suppress(OSError):  # the configuration file went away meanwhile
            cache.remember(results, cache.file_key(settings.source, settings.root))
    if _nothing_yet(report) and discovery.no_plans_yet(settings):
        sys.stderr.write(discovery.no_plans_notice(settings))
        report = type(report)()
    sys.stdout.write(formatter(report))
    return report.exit_code(strict=strict)


def run_line(line: LintLine) -> ExitCode:
    """`run` with the arguments as `opplan lint`'s command line gives them."""
    return run(
        list(line.paths),
        output_format=line.output_format,
        strict=line.strict,
        config_file=line.config_file,
        use_cache=not line.no_cache,
        plans_only=line.plans_only,
        jobs=line.jobs,
        exact=line.exact,
        stdin_filename=line.stdin_filename,
    )


def _standard_input(
    paths: Sequence[Path], name: Path | None
) -> tuple[list[Path], dict[Path, bytes]]:
    """The paths with '-' replaced by the name of standard input, and what it holds."""
    dashes = sum(1 for path in paths if path == STDIN)
    if dashes > 1:
        raise UsageError("'-' (standard input) can be named only once")
    if not dashes:
        if name is not None:
            raise UsageError(
                "--stdin-filename names the document read from standard input; add '-' to "
                "the paths, e.g. opplan lint - --stdin-filename plans/op1.md < op1.md"
            )
        return list(paths), {}
    shown = name or STDIN_NAME
    data = sys.stdin.buffer.read()
    return [shown if path == STDIN else path for path in paths], {shown: data}


def _nothing_yet(report: Report) -> bool:
    """Whether the only failures are folders without plans, and nothing else was checked."""
    return (
        bool(report.empty_folders)
        and not report.checked
        and len(report.problems) == len(report.empty_folders)
    )
