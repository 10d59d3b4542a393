"""The command line: typer options mapped onto `opplan.commands.*.run` functions.

Command modules are imported inside each command so that start-up stays fast.
Every OpplanError becomes one line on stderr and its exit code; nothing a user
can cause prints a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from opplan import __version__, completion, kinds, output, process
from opplan.errors import ExitCode, UsageError

app = typer.Typer(
    name="opplan",
    help="Write, lint, render and compare operating plans (OP1, OP2) and PR/FAQs "
    "kept as Markdown with YAML frontmatter.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


_CONFIG_HELP = (
    "Configuration file (default: the nearest opplan.toml, or pyproject.toml with "
    "[tool.opplan], at or above the current folder)."
)
ConfigOption = Annotated[Path | None, typer.Option("--config", help=_CONFIG_HELP, metavar="FILE")]


def _call(command: Callable[[], ExitCode]) -> None:
    raise typer.Exit(process.outcome(command))


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
            "(default: the current folder); '-' reads a document from standard input.",
            show_default=False,
            metavar="PATH...",
        ),
    ] = None,
    output_format: Annotated[str, _format_option("lint")] = output.default_format("lint"),
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    config_file: ConfigOption = None,
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
    exact: Annotated[
        bool,
        typer.Option(
            "--exact",
            help="Count pages for page-budget and reading-time by typesetting each "
            "document as 'opplan render' does (slower the first time; cached by content) "
            "instead of estimating them.",
        ),
    ] = False,
    stdin_filename: Annotated[
        Path | None,
        typer.Option(
            "--stdin-filename",
            help="The path of the document read from standard input ('-'): the name "
            "problems are reported under, and where the configuration is looked for.",
            metavar="PATH",
        ),
    ] = None,
) -> None:
    """Check plan documents: frontmatter schema and lint rules.

    Prints `path:line:col: level message [rule]` for each problem, grouped by
    file, and a summary. With no paths, checks every plan document under the
    current folder, skipping what .gitignore and the 'exclude' setting skip.
    Exits 0 when there are no errors, 1 when there are (or warnings, with
    --strict), 2 on a usage or configuration error or an unreadable input.
    """
    from opplan.commands import lint as command
    from opplan.commands.lint_line import LintLine

    line = LintLine(
        tuple(paths or ()),
        output_format=output_format,
        strict=strict,
        config_file=config_file,
        no_cache=no_cache,
        plans_only=plans_only,
        jobs=jobs,
        exact=exact,
        stdin_filename=stdin_filename,
    )
    _call(lambda: command.run_line(line))


@app.command()
def rules(
    rule_id: Annotated[
        str | None,
        typer.Argument(
            help="A rule ID: print its full documentation.",
            metavar="[ID]",
            autocompletion=completion.rule_ids,
        ),
    ] = None,
) -> None:
    """List the lint rules with their default level, or document one rule.

    Levels and options are set in the configuration, under [lint.rules.ID].
    """
    from opplan.commands import rules as command

    _call(lambda: command.run(rule_id))


@app.command()
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            help=f"The document kind: {completion.listed(kinds.KINDS)}.",
            autocompletion=completion.schema_kinds,
        ),
    ],
    draft: Annotated[
        str,
        typer.Option(
            help="The JSON Schema draft: draft-07 (what editors' validators know) or 2020-12.",
            metavar="DRAFT",
        ),
    ] = "draft-07",
) -> None:
    """Print the JSON Schema of a document kind's frontmatter.

    Use it for editor autocompletion and validation (see the README). What the
    schema rejects, `opplan lint` rejects too.
    """
    from opplan.commands import schema as command

    _call(lambda: command.run(kind, draft))


@app.command()
def lsp(
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help="Talk over standard input and output (the only way; accepted because "
            "some editors' clients add it).",
            show_default=False,
        ),
    ] = True,
) -> None:
    """Run the language server for plan documents, over standard input and output.

    Editors start it: it reports `opplan lint`'s problems while you type (the other
    plans of the repository included), offers quick fixes, hover help for frontmatter
    keys and rule IDs, completion of keys and values, and an outline with the
    narrative's estimated pages. Needs the `lsp` extra: pip install 'opplan[lsp]'.
    See "Editor support" in the README for VS Code, Neovim and Helix.
    """
    from opplan.commands import lsp as command

    _call(command.run)


def _prompt(question: str, default: str) -> str:
    try:
        answer: str = typer.prompt(question, default=default, show_default=bool(default))
    except typer.Abort:  # Ctrl-C or end of input at the prompt
        raise KeyboardInterrupt from None
    return answer


@app.command()
def new(
    kind: Annotated[
        str,
        typer.Argument(
            help=f"What to start: {completion.listed(kinds.startable())}.",
            metavar="KIND",
            autocompletion=completion.document_kinds,
        ),
    ],
    team: Annotated[
        str | None, typer.Option(help="The team that owns the document.", metavar="NAME")
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            help="The title (default: 'TEAM OP1 CYCLE'; a PR/FAQ needs one).", metavar="TEXT"
        ),
    ] = None,
    cycle: Annotated[
        int | None,
        typer.Option(
            help="The planning year (default: [new] cycle, else next year; for a check-in, "
            "the year of the quarter that ended last).",
            metavar="YEAR",
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner", help="An owner of the document; repeat for several.", metavar="NAME"
        ),
    ] = None,
    org: Annotated[
        str | None, typer.Option(help="The organisation the team belongs to.", metavar="NAME")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write it ('-' for standard output; default: the [new.paths] convention, "
            "plans/{cycle}/{team}/{kind}.md).",
            metavar="PATH",
        ),
    ] = None,
    variant: Annotated[
        str | None,
        typer.Option(
            help="For prfaq: full, pr-only or faq-only (default: full).",
            metavar="VARIANT",
            autocompletion=completion.prfaq_variants,
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="For op2: the OP1 to pre-fill it from; for checkin: the plan it reports on "
            "(the OP2, or the OP1).",
            metavar="PLAN.md",
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--from-previous",
            help="For op1: last year's OP2 (or one of its check-ins), to fill the results from "
            "its final check-in.",
            metavar="PLAN.md",
        ),
    ] = None,
    quarter: Annotated[
        str | None,
        typer.Option(
            help="For checkin: Q1, Q2, Q3 or Q4 (default: the last quarter of the cycle that "
            "has ended).",
            metavar="QUARTER",
            autocompletion=completion.quarters,
        ),
    ] = None,
    final: Annotated[
        bool,
        typer.Option(
            "--final", help="For checkin: the year-end check-in, whose values are the results."
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    config_file: ConfigOption = None,
) -> None:
    """Start a new document from its template: op1, op2, prfaq or checkin.

    The skeleton has every frontmatter key with a placeholder and every required
    section with guidance. Missing values are asked for on a terminal; otherwise
    they take their defaults, and a missing --team (or a PR/FAQ's --title) is an
    error. An existing file is never overwritten without --force (exit 1).
    """
    from opplan.commands import new as command
    from opplan.scaffold.values import Request

    request = Request(kind, team, title, cycle, tuple(owner or ()), org, quarter, final)
    ask = _prompt if sys.stdin.isatty() else None
    _call(
        lambda: command.run(
            request,
            variant=variant,
            source=source,
            previous=previous,
            output=output,
            force=force,
            config_file=config_file,
            ask=ask,
        )
    )


@app.command()
def adopt(
    path: Annotated[Path, typer.Argument(help="The Markdown document to adopt.", metavar="FILE")],
    kind: Annotated[
        str,
        typer.Option(
            help=f"What the document is: {completion.listed(kinds.where(adoptable=True))}.",
            metavar="KIND",
        ),
    ],
    team: Annotated[
        str | None,
        typer.Option(
            help="The team that owns it (default: the document's own 'team').", metavar="NAME"
        ),
    ] = None,
    cycle: Annotated[
        int | None,
        typer.Option(
            help="The planning year (default: the document's own, [new] cycle, else next year).",
            metavar="YEAR",
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            help="An owner; repeat for several (default: the document's 'author' or 'owners', "
            "else the authors of its git commits, most commits first).",
            metavar="NAME",
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(help="The organisation (default: [new] org).", metavar="NAME"),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            help="The title (default: the document's own, else its first '#' heading, "
            "else the file name).",
            metavar="TEXT",
        ),
    ] = None,
    variant: Annotated[
        str | None,
        typer.Option(
            help="For prfaq: full, pr-only (a press-release-only revision) or faq-only "
            "(default: the document's own 'variant', else full).",
            metavar="VARIANT",
            autocompletion=completion.prfaq_variants,
        ),
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Write the adopted document (atomically).")
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Put opplan frontmatter on an existing Markdown document.

    Prints the change as a unified diff, what becomes of the authors' own
    frontmatter keys (opplan's are kept, others move under 'extra:'), and what
    'opplan lint' then reports. The body is kept byte for byte. Nothing is
    written without --write. A file that is not Markdown, or that already has
    an opplan 'kind:', is refused (exit 2).
    """
    from opplan.commands import adopt as command
    from opplan.scaffold.adopt import Given

    given = Given(kind, team, cycle, org, tuple(owner or ()), title, variant)
    _call(lambda: command.run(path, given, write=write, config_file=config_file))


@app.command()
def templates(
    copy: Annotated[
        str | None,
        typer.Option(
            "--copy",
            help="Copy this built-in template (e.g. new/op1.md.j2) into the local templates "
            "folder, to change it there.",
            metavar="NAME",
            autocompletion=completion.templates,
        ),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """List the templates: name, origin (built-in or local) and path.

    A file in the local templates folder ([templates] folder, default templates/
    next to the configuration file) with the same name as a built-in template
    replaces it.
    """
    from opplan.commands import templates as command

    _call(lambda: command.run(copy=copy, config_file=config_file))


@app.command()
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The repository to set up (default: the current folder).",
            metavar="FOLDER",
            show_default=False,
        ),
    ] = Path(),
    package: Annotated[
        str | None,
        typer.Option(
            help="What the CI workflow installs with pip (default: the opplan running here: "
            "opplan==VERSION from a package index, or its git URL and commit); e.g. "
            "'opplan @ git+https://github.com/ORG/opplan@v1.2.0'.",
            metavar="SPEC",
        ),
    ] = None,
    action: Annotated[
        str | None,
        typer.Option(
            help="Make the workflow use opplan's GitHub Action (its action.yml) at this "
            "repository and ref, e.g. ORG/opplan@v1.2.0, instead of its own steps.",
            metavar="OWNER/REPO@REF",
        ),
    ] = None,
) -> None:
    """Set up a planning repository: configuration, plans folder, CI and pre-commit.

    Writes opplan.toml (every setting at its default, with comments), plans/README.md
    (the conventions), .github/workflows/opplan.yml (lint on every pull request,
    PDFs as artifacts) and an opplan hook in .pre-commit-config.yaml (added to an
    existing file). Existing files are never replaced; running it twice changes
    nothing. When the opplan running here comes from a local folder, CI cannot
    install it: init then writes nothing and asks for --package (or --action).
    """
    from opplan.commands import init as command

    _call(lambda: command.run(folder, package=package, action=action))


@app.command()
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            help="Up to two revisions, then paths to limit the diff to. No revision: the last "
            "commit (HEAD) against the working tree; one: that revision against the working "
            "tree; two: the first against the second.",
            show_default=False,
            metavar="[REV_A [REV_B]] [PATH...]",
        ),
    ] = None,
    output_format: Annotated[str, _format_option("diff")] = output.default_format("diff"),
    compare_files: Annotated[
        bool,
        typer.Option(
            "--files",
            help="Compare two files as they are (say, two quarters' check-ins), not revisions.",
        ),
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Show what changed in the plans between two versions, in the plans' own terms.

    For each changed plan document: status, asks (amount, by-date), headcount per
    track, goals (target, due date), assumptions, risks, dependencies and
    commitments added or removed, narrative words and estimated pages before and
    after, and the sections that changed. For check-ins: each goal's movement
    (value, score, confidence), initiative statuses and decisions; a check-in
    added is compared with the team's check-in before it. Added, deleted and
    renamed documents are reported as such. Needs the history of both revisions:
    in CI, check out with `fetch-depth: 0`.
    """
    from opplan.commands import diff as command

    _call(
        lambda: command.run(
            args or [],
            output_format=output_format,
            config_file=config_file,
            compare_files=compare_files,
        )
    )


def _format_option(command: str) -> object:
    """`--format`, with the formats the registry lists for `command`."""
    return typer.Option(
        "--format",
        "-f",
        help=output.help_text(command),
        metavar="FORMAT",
        autocompletion=completion.formats(command),
    )


def _paths_argument(what: str) -> object:
    return typer.Argument(
        help=f"{what} (default: the current folder).", show_default=False, metavar="PATH..."
    )


@app.command()
def rollup(
    paths: Annotated[
        list[Path] | None, _paths_argument("Team plans, or folders to search for them")
    ] = None,
    *,
    org: Annotated[str, typer.Option("--org", help="The organisation rolled up.")] = "",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the roll-up here (default: print it).", metavar="FILE"
        ),
    ] = None,
    cycle: Annotated[
        int | None,
        typer.Option(
            "--cycle",
            help="The planning year (default: the latest among the plans).",
            metavar="YEAR",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=f"{completion.listed(kinds.PLAN_NAMES)} (default: each team's OP2, else its OP1).",
            metavar="KIND",
            autocompletion=completion.plan_kinds,
        ),
    ] = None,
    owners: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            help="An owner of the roll-up; repeat for several (default: the org).",
            metavar="NAME",
        ),
    ] = None,
    checkins: Annotated[
        bool,
        typer.Option(
            "--checkins",
            help="Roll up the teams' check-ins instead: each goal's score and confidence "
            "per quarter, at-risk goals first, and the decisions taken.",
        ),
    ] = False,
    config_file: ConfigOption = None,
) -> None:
    """Roll every team's OP1 or OP2 for a cycle up into one org-level document.

    The roll-up is itself an opplan document (kind: rollup) that `opplan lint`
    checks: a table of teams (status, narrative pages, headcount, asks), totals,
    all asks largest first, all risks with owners, goals by tier and a
    team-by-team dependency matrix. Which cycle and kinds were used, and why, is
    said in the document and on stderr. With --checkins, it rolls up the teams'
    quarterly check-ins instead (a table and a heat map of goals by quarter).
    """
    from opplan.commands import rollup as command

    _call(
        lambda: command.run(
            paths or [],
            org=org,
            output=output,
            cycle=cycle,
            kind=kind,
            owners=owners or [],
            checkins=checkins,
            config_file=config_file,
        )
    )


@app.command()
def export(
    table: Annotated[
        str,
        typer.Argument(
            help="What to export: goals, asks or risks.", autocompletion=completion.export_tables
        ),
    ],
    paths: Annotated[
        list[Path] | None, _paths_argument("Plans, or folders to search for them")
    ] = None,
    *,
    output_format: Annotated[str, _format_option("export")] = output.default_format("export"),
    cycle: Annotated[
        int | None,
        typer.Option("--cycle", help="Only plans of this year (default: all).", metavar="YEAR"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (default: print).", metavar="FILE"),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Export every goal, ask or risk of the OP1s and OP2s as a flat table.

    One row per item, with the team, cycle, kind, document path and line, for
    goal-tracking tools and spreadsheets.
    """
    from opplan.commands import export as command

    _call(
        lambda: command.run(
            table,
            paths or [],
            output_format=output_format,
            cycle=cycle,
            output=output,
            config_file=config_file,
        )
    )


@app.command()
def status(
    paths: Annotated[
        list[Path] | None, _paths_argument("Plans, or folders to search for them")
    ] = None,
    *,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="The date to report for (default: today).", metavar="YYYY-MM-DD"
        ),
    ] = None,
    output_format: Annotated[str, _format_option("status")] = output.default_format("status"),
    config_file: ConfigOption = None,
) -> None:
    """Show the planning cycle's current phase and where each team stands.

    Per team: its plan's status, its last change in git, partners who have not
    pre-read it, its lint errors, and whether it is late for a phase that has
    ended. The phases come from the [cycle] configuration, or the usual timeline.
    """
    from opplan.commands import status as command

    _call(
        lambda: command.run(
            paths or [],
            today=_date(today, "--today"),
            output_format=output_format,
            config_file=config_file,
        )
    )


@app.command()
def codeowners(
    paths: Annotated[
        list[Path] | None, _paths_argument("Plans, or folders to search for them")
    ] = None,
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here, e.g. .github/CODEOWNERS (default: print).",
            metavar="FILE",
        ),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Print CODEOWNERS lines from each plan's owners.

    With these lines in .github/CODEOWNERS, a change to a plan needs its owners'
    approval. Owners are mapped to handles in [codeowners] handles; exits 1 when
    an owner has none.
    """
    from opplan.commands import codeowners as command

    _call(lambda: command.run(paths or [], output=output, config_file=config_file))


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


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
            autocompletion=completion.render_formats,
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
    redline: Annotated[
        str | None,
        typer.Option(
            "--redline",
            help="Mark the changes since REV (a git revision, or another file): tracked "
            "changes in docx, coloured insertions, deletions and change bars in PDF and "
            "HTML, a summary per section at the top. Outputs are named NAME-redline.FORMAT.",
            metavar="REV",
        ),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Render documents to review-ready PDF, docx and HTML.

    Markdown reads as GitHub shows it: @mentions, #314, $1,200 and the like come
    out as written; citations only with a [render] bibliography. Each output is
    named after its document (op1.md -> op1.pdf) and written atomically; a
    summary table ends the run. PDF page counts are exact: the narrative runs up
    to the appendix. Raw HTML/typst in a body is shown as text and images outside
    the repository are left out, with a warning. A document that fails is named
    with its line, and the others are still written. Exits 0 when everything
    rendered, 1 when a document could not be rendered, 2 for usage,
    configuration or template errors.
    """
    from opplan.commands import render as command

    _call(
        lambda: command.run(
            paths,
            to=to,
            output_dir=output_dir,
            packet_file=packet,
            config_file=config_file,
            since=redline,
        )
    )


review_app = typer.Typer(
    help="Bring reviewers' comments from a reviewed docx or PDF back into the plan.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(review_app, name="review")


@review_app.command("import")
def review_import(
    reviewed: Annotated[
        Path,
        typer.Argument(
            help="The docx (rendered by opplan, then commented on in Word or LibreOffice) "
            "or the PDF (annotated in a PDF reader) that came back from review.",
            show_default=False,
            metavar="REVIEWED",
        ),
    ],
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help="The plan the file was rendered from (default: the path in its opplan "
            "fingerprint, in the current repository; needed for a PDF without one, and to "
            "choose a plan of a review packet).",
            metavar="FILE",
        ),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Add each remark as an open review_actions entry (owner: the reviewer) "
            "of this OP2; nothing else in the file changes, entries already there are skipped.",
            metavar="OP2",
        ),
    ] = None,
    show_actions: Annotated[
        bool,
        typer.Option("--actions", help="Print the remarks as review_actions YAML entries."),
    ] = False,
    output_format: Annotated[str, _format_option("review import")] = output.default_format(
        "review import"
    ),
) -> None:
    """List reviewers' comments and tracked changes as path:line: comment (author).

    Each is placed at the plan's source line through the bookmarks opplan leaves
    in the docx it renders (a comment on a frontmatter table cell at that field);
    PDF highlights and notes are placed by the text under them. A docx or PDF
    rendered from an earlier revision is mapped to the file as it is now. Remarks that
    cannot be placed are listed after the others. Exits 0, or 2 for a file opplan
    did not render or cannot read.
    """
    from opplan.commands import review as command

    _call(
        lambda: command.run(
            reviewed,
            plan=plan,
            into=into,
            show_actions=show_actions,
            output_format=output_format,
        )
    )


def main() -> None:
    """The `opplan` console script."""
    if "_OPPLAN_COMPLETE" in os.environ:
        # Completing for a shell: typer renders each candidate's help with rich, which
        # wraps it at the console's width, and fish and zsh would read the wrapped
        # part as another candidate. One line each, however long.
        os.environ["COLUMNS"] = "100000"
    with process.running():
        app()
