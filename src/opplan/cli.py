"""The command line: typer options mapped onto `opplan.commands.*.run` functions.

Command modules are imported inside each command so that start-up stays fast.
Every OpplanError becomes one line on stderr and its exit code; nothing a user
can cause prints a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from opplan import __version__
from opplan.errors import ExitCode, OpplanError

app = typer.Typer(
    name="opplan",
    help="Write, lint, render and compare operating plans (OP1, OP2) and PR/FAQs "
    "kept as Markdown with YAML frontmatter.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _call(command: Callable[[], ExitCode]) -> None:
    try:
        code = command()
    except OpplanError as err:
        sys.stderr.write(f"opplan: error: {err}\n")
        code = err.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("opplan: interrupted\n")
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"opplan {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print opplan's version and exit."
        ),
    ] = False,
) -> None:
    """Write, lint, render and compare operating plans (OP1, OP2) and PR/FAQs.

    Documents are Markdown files with YAML frontmatter whose `kind` is op1, op2
    or prfaq. Exit codes: 0 clean, 1 problems found, 2 usage, configuration or
    input failure.
    """


@app.command()
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents, or folders to search for *.md plan documents "
            "(default: the current folder).",
            show_default=False,
            metavar="PATH...",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, sarif, github or auto (github under GitHub "
            "Actions, coloured text on a terminal, plain text otherwise).",
            metavar="FORMAT",
        ),
    ] = "auto",
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: the nearest opplan.toml, or pyproject.toml "
            "with [tool.opplan], at or above the current folder).",
            metavar="FILE",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Check every file again; do not read or write the cache."),
    ] = False,
    plans_only: Annotated[
        bool,
        typer.Option(
            "--plans-only",
            help="Skip named files that are not plan documents or that 'exclude' matches "
            "(for pre-commit, which passes every changed Markdown file).",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes for many files (0: one per CPU)."
        ),
    ] = 0,
) -> None:
    """Check plan documents: frontmatter schema and lint rules.

    Prints `path:line:col: level message [rule]` for each problem, grouped by
    file, and a summary. With no paths, checks every plan document under the
    current folder, skipping what .gitignore and the 'exclude' setting skip.
    Exits 0 when there are no errors, 1 when there are (or warnings, with
    --strict), 2 on a usage or configuration error or an unreadable input.
    """
    from opplan.commands import lint as command

    _call(
        lambda: command.run(
            paths or [],
            output_format=output_format,
            strict=strict,
            config_file=config_file,
            use_cache=not no_cache,
            plans_only=plans_only,
            jobs=jobs,
        )
    )


@app.command()
def rules(
    rule_id: Annotated[
        str | None,
        typer.Argument(help="A rule ID: print its full documentation.", metavar="[ID]"),
    ] = None,
) -> None:
    """List the lint rules with their default level, or document one rule.

    Levels and options are set in the configuration, under [lint.rules.ID].
    """
    from opplan.commands import rules as command

    _call(lambda: command.run(rule_id))


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="The document kind: op1, op2 or prfaq.")],
) -> None:
    """Print the JSON Schema of a document kind's frontmatter.

    Use it for editor autocompletion and validation (see the README).
    """
    from opplan.commands import schema as command

    _call(lambda: command.run(kind))


def main() -> None:
    """The `opplan` console script."""
    app()
