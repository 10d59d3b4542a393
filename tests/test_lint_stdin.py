"""`opplan lint -` reads a document from standard input; --stdin-filename names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import EXAMPLES, example
from opplan.cli import app

WEASEL = example().replace("This plan has one headline.", "This plan has one very clear headline.")


def _lint(*args: str | Path, text: str) -> Result:
    return CliRunner().invoke(app, ["lint", "--no-cache", *map(str, args)], input=text)


def test_a_document_on_standard_input_is_linted_as_stdin() -> None:
    result = _lint("-", text=WEASEL)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<stdin>:") and "[weasel-words]" in result.stdout
    assert _lint("-", text=example()).stdout == "1 file checked: no problems\n"


def test_stdin_filename_names_the_document_and_finds_its_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / "opplan.toml").write_text('[lint.rules.weasel-words]\nlevel = "error"\n')
    monkeypatch.chdir(tmp_path)  # the configuration is not above the current folder
    result = _lint("-", "--stdin-filename", "repo/plans/op1.md", text=WEASEL)
    assert result.exit_code == 1
    assert result.stdout.startswith("repo/plans/op1.md:") and "error" in result.stdout
    # Without the name, the configuration of the current folder applies (none: a warning).
    assert _lint("-", text=WEASEL).exit_code == 0
    # The file on disk is not read: it does not even exist.
    assert not (repo / "plans/op1.md").exists()


def test_cross_document_rules_see_the_files_next_to_the_named_path() -> None:
    op2 = (EXAMPLES / "op2-payments-platform.md").read_text()
    named = _lint("-", "--stdin-filename", EXAMPLES / "op2.md", text=op2)
    assert named.exit_code == 0 and "op2-follows-op1" not in named.stdout
    elsewhere = _lint("-", "--stdin-filename", "nowhere/op2.md", text=op2)
    assert elsewhere.exit_code == 1 and "[op2-follows-op1]" in elsewhere.stdout


def test_standard_input_is_linted_with_other_files(tmp_path: Path) -> None:
    path = tmp_path / "op1.md"
    path.write_text(WEASEL)
    result = _lint(path, "-", "--format", "json", text=WEASEL)
    assert result.stdout.count('"weasel-words"') == 2
    assert f'"{path}"' in result.stdout and '"<stdin>"' in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "'-' (standard input) can be named only once"),
        (["--stdin-filename", "op1.md"], "--stdin-filename names the document read from standard"),
    ],
)
def test_misuse_is_a_usage_error(args: list[str], message: str) -> None:
    result = _lint(*args, text=example())
    assert result.exit_code == 2
    assert result.stderr == f"opplan: error: {message}" + result.stderr.split(message)[1]
    assert result.stderr.count("\n") == 1
