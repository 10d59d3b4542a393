"""`opplan lint`'s command line read without typer agrees with typer's `lint` command:
the same options, the same values for every line it reads, and typer's own
answer (help, errors, completion) for every line it leaves to typer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st

from opplan.cli import app
from opplan.commands.lint_line import FLAGS, VALUES, LintLine, parse

LINT = typer.main.get_command(app).commands["lint"]  # type: ignore[attr-defined]
EXAMPLE = Path(__file__).parents[1] / "examples" / "op1-payments-platform.md"


def typer_reads(words: list[str]) -> dict[str, Any] | None:
    """The parameters typer's `lint` command reads from the words, or None for an error."""
    try:
        with LINT.make_context("lint", list(words)) as context:
            params = dict(context.params)
    except (click.exceptions.Exit, click.ClickException):
        return None
    params["paths"] = tuple(params["paths"] or ())
    return params


def test_every_option_of_the_typer_command_is_read_the_same_way() -> None:
    options = [param for param in LINT.params if param.name != "paths"]
    flags = {opt: p.name for p in options if getattr(p, "is_flag", False) for opt in p.opts}
    values = {opt: p.name for p in options if not getattr(p, "is_flag", False) for opt in p.opts}
    assert flags == FLAGS
    assert values == VALUES
    assert not any(p.secondary_opts for p in options)
    defaults = {p.name: p.default for p in options}
    assert defaults == {k: v for k, v in LintLine()._asdict().items() if k != "paths"}
    assert set(LintLine._fields) == {p.name for p in LINT.params}


READ = [
    [],
    ["one.md"],
    ["one.md", "two.md", "plans/"],
    ["-"],
    ["--no-cache", "one.md"],
    ["one.md", "--strict", "--plans-only", "--exact", "--no-cache"],
    ["--format", "json", "one.md"],
    ["--format=sarif", "one.md"],
    ["-fjson", "one.md"],
    ["-f", "github"],
    ["-f", "nonsense"],  # an unknown format is the command's to refuse, as with typer
    ["--jobs", "3"],
    ["--jobs=0"],
    ["-j2", "a.md"],
    ["-j", "12"],
    ["--config", "conf/opplan.toml", "a.md"],
    ["--config=x.toml"],
    ["-", "--stdin-filename", "plans/op1.md"],
    ["--stdin-filename=plans/op1.md", "-"],
    ["--", "-odd.md", "--strict"],
    ["a.md", "--", "--"],
    ["--strict", "--strict"],
    ["--format", "json", "--format", "text"],
    ["-foo.md"],  # -f with the value oo.md, as click reads it
]
LEFT_TO_TYPER = [
    ["--help"],
    ["-h"],
    ["one.md", "--help"],
    ["--formt", "json"],
    ["--format"],
    ["--format="],
    ["-f"],
    ["--jobs", "-1"],
    ["--jobs", "two"],
    ["-j", "2.0"],
    ["--jobs", "007"],
    ["--strict=yes"],
    ["--no-cache=1"],
    ["-x"],
    ["--version"],
    ["--format", "--strict"],
    [""],
    ["--config", ""],
    ["-jf"],
]


@pytest.mark.parametrize("words", READ, ids=" ".join)
def test_a_plain_line_is_read_as_typer_reads_it(words: list[str]) -> None:
    line = parse(["lint", *words])
    assert line is not None
    assert line._asdict() == typer_reads(words)


@pytest.mark.parametrize("words", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(words: list[str]) -> None:
    assert parse(["lint", *words]) is None


def test_other_commands_are_left_to_typer() -> None:
    assert parse([]) is None
    assert parse(["render", "one.md"]) is None
    assert parse(["--version"]) is None


WORDS = st.sampled_from(
    [
        *FLAGS,
        *VALUES,
        "--",
        "-",
        "a.md",
        "b",
        "json",
        "2",
        "0",
        "-1",
        "x=y",
        "--format=json",
        "-j3",
        "-fsarif",
        "--jobs=4",
        "-h",
        "--help",
        "--nope",
        "-q",
        "",
        "007",
        "--config=c.toml",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=6))
def test_any_line_read_without_typer_is_read_as_typer_reads_it(words: list[str]) -> None:
    line = parse(["lint", *words])
    if line is not None:
        assert line._asdict() == typer_reads(words)


SCRIPT = """
import sys
sys.argv = ["opplan", *sys.argv[2:]]
from opplan.{} import main
try:
    main()
except SystemExit as end:
    code = end.code
print("typer" in sys.modules, file=sys.stderr)
sys.exit(code)
"""


def run(
    module: str, folder: Path, *words: str, given: str | None = None
) -> tuple[int, str, str, bool]:
    """Exit code, output, errors and whether typer was imported, as `module.main` runs
    (with `given` on standard input)."""
    env = {**os.environ, "OPPLAN_CACHE_DIR": str(folder / "cache" / module)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(module), "-", *words],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        input=given,
    )
    *errors, imported = done.stderr.splitlines()
    return done.returncode, done.stdout, "".join(f"{e}\n" for e in errors), imported == "True"


@pytest.mark.parametrize(
    ("words", "with_typer"),
    [
        (["lint", "--no-cache", "op1.md"], False),
        (["lint", "-fjson", "--strict", "op1.md"], False),
        (["lint", "--format", "nonsense", "op1.md"], False),
        (["lint", "--no-cache", "missing.md"], False),
        (["lint", "--jobs", "-1", "op1.md"], True),
        (["lint", "--formt", "json", "op1.md"], True),
        (["lint", "--help"], True),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_the_console_script_says_what_the_typer_command_says(
    tmp_path: Path, words: list[str], with_typer: bool
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "op1.md")
    (tmp_path / "op1.md").write_text(EXAMPLE.read_text() + "\nThe date is TBD.\n")
    *console, imported = run("launch", tmp_path, *words)
    assert imported == with_typer
    assert tuple(console) == run("cli", tmp_path, *words)[:3]
    assert console[1] or console[2]


def test_standard_input_is_read_as_the_typer_command_reads_it(tmp_path: Path) -> None:
    text = EXAMPLE.read_text() + "\nThe date is TBD.\n"
    words = ["lint", "-", "--stdin-filename", "plans/op1.md"]
    *console, imported = run("launch", tmp_path, *words, given=text)
    assert not imported
    assert tuple(console) == run("cli", tmp_path, *words, given=text)[:3]
    assert console[0] == 1 and "plans/op1.md:" in console[1]
