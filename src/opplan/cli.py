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
        typer.Option("--format", "-f", help="Output format: text or json.", metavar="FORMAT"),
    ] = "text",
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: the nearest opplan.toml, or pyproject.toml "
            "with [tool.opplan], at or above the current folder).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Check plan documents: frontmatter schema and lint rules.

    Prints `path:line:col: level message [rule]` for each problem. Exits 0 when
    there are no errors, 1 when there are, 2 when an input cannot be read.
    """
    from opplan.commands import lint as command

    _call(lambda: command.run(paths or [], output_format=output_format, config_file=config_file))


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="The document kind: op1, op2 or prfaq.")],
) -> None:
    """Print the JSON Schema of a document kind's frontmatter.

    Use it for editor autocompletion and validation (see the README).
    """
    from opplan.commands import schema as command

    _call(lambda: command.run(kind))


@app.command()
def render(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Documents to render, or folders to search for plan documents.",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            help="Formats, comma-separated: pdf, docx, html (default: [render] formats, pdf,docx).",
            metavar="FORMATS",
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Folder for the outputs (default: [render] output_dir, build/opplan).",
            metavar="DIR",
        ),
    ] = None,
    packet: Annotated[
        Path | None,
        typer.Option(
            "--packet",
            help="Write one review packet PDF instead: a cover page listing each document "
            "(owners, narrative pages, reading minutes), then the documents in order.",
            metavar="FILE",
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Configuration file (default: the nearest one).", metavar="FILE"
        ),
    ] = None,
) -> None:
    """Render documents to review-ready PDF, docx and HTML.

    Each output is named after its document (op1.md -> op1.pdf) and written
    atomically; a summary table ends the run. PDF page counts are exact: the
    narrative runs up to the appendix. Raw HTML/LaTeX/typst in a body is shown as
    text and images outside the repository are left out, with a warning. Exits 0
    when everything rendered, 2 (1 for schema problems) when a document failed.
    """
    from opplan.commands import render as command

    _call(
        lambda: command.run(
            paths, to=to, output_dir=output_dir, packet_file=packet, config_file=config_file
        )
    )


def main() -> None:
    """The `opplan` console script."""
    app()
