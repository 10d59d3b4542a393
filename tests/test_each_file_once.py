"""A file named more than once, or named and found in a folder named, is one document.

Read twice, an OP1 clashed with itself (every id "already used") and counted
twice in exports and roll-ups.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import example
from opplan.cli import app
from opplan.collab.corpus import candidates
from opplan.commands.render import documents

OP1 = "plans/op1-payments-platform.md"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans/team").mkdir(parents=True)
    (tmp_path / OP1).write_text(example(), encoding="utf-8")
    (tmp_path / "plans/team/notes.md").write_text("# Meeting notes\n", encoding="utf-8")
    (tmp_path / "plans/team/op2-payments-platform.md").write_text(
        example("op2-payments-platform.md").replace("op1: op1-", "op1: ../op1-"), encoding="utf-8"
    )
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/op1.md").symlink_to(f"../{OP1}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(*args: str) -> Result:
    return CliRunner().invoke(app, ["lint", "--format", "json", *args])


def _problems(result: Result) -> list[dict[str, str]]:
    problems: list[dict[str, str]] = json.loads(result.stdout)["problems"]
    return problems


# Each spelling of the command line names the OP1 more than once.
SPELLINGS = [
    ["plans", OP1],
    [OP1, "plans"],
    [OP1, OP1],
    [OP1, f"./{OP1}", f"plans/team/../../{OP1}"],
    ["plans", "elsewhere/op1.md"],
]


@pytest.mark.parametrize("args", SPELLINGS, ids=" ".join)
@pytest.mark.parametrize("cache", ["--no-cache", "--strict"])
def test_lint_checks_a_file_named_twice_once(repo: Path, args: list[str], cache: str) -> None:
    result = _lint(cache, *args)
    assert _problems(result) == []
    assert json.loads(result.stdout)["summary"]["files"] == 1 + ("plans" in args)  # and the OP2
    assert result.exit_code == 0, result.stdout


def test_the_file_keeps_the_spelling_it_first_had(repo: Path) -> None:
    (repo / OP1).write_text(example().replace("cycle: 2027", 'cycle: "2027"'), encoding="utf-8")
    problems = _problems(_lint("--no-cache", f"./plans/../{OP1}", "plans"))
    assert [p["rule"] for p in problems if p["path"] == f"plans/../{OP1}"] == ["schema"]
    assert [p for p in problems if p["path"] == OP1] == []


def test_a_file_named_and_found_is_still_checked_as_named(repo: Path) -> None:
    # Found in a folder, a file that is not a plan is skipped; named, it is an error.
    folder_only = _lint("--no-cache", "plans/team")
    assert folder_only.exit_code == 0
    both = _lint("--no-cache", "plans/team", "plans/team/notes.md")
    assert [p["path"] for p in _problems(both)] == ["plans/team/notes.md"]
    assert both.exit_code == 1


def test_each_folder_holding_the_plans_is_not_reported_empty(repo: Path) -> None:
    result = _lint("--no-cache", "plans", "plans/team")
    assert result.exit_code == 0, result.stdout
    assert "no plan documents here" not in result.stdout


def test_standard_input_stands_for_the_file_it_names(repo: Path) -> None:
    edited = example().replace("cycle: 2027", 'cycle: "2027"')
    result = CliRunner().invoke(
        app,
        ["lint", "--no-cache", "--format", "json", "plans", "-", "--stdin-filename", OP1],
        input=edited,
    )
    problems = _problems(result)
    # The text on standard input is checked, the file on disk is not, and no id clashes.
    assert [(p["path"], p["rule"]) for p in problems] == [(OP1, "schema")]


def test_export_has_each_goal_once(repo: Path) -> None:
    once = CliRunner().invoke(app, ["export", "goals", "--format", "json", OP1])
    twice = CliRunner().invoke(app, ["export", "goals", "--format", "json", "plans", OP1])
    assert once.exit_code == twice.exit_code == 0
    rows = json.loads(twice.stdout)
    op1_rows = [row for row in rows if row["kind"] == "op1"]
    assert [row["id"] for row in op1_rows] == [row["id"] for row in json.loads(once.stdout)]
    assert len({row["id"] for row in op1_rows}) == len(op1_rows) > 0


def test_roll_ups_and_renders_read_each_document_once(repo: Path) -> None:
    found = candidates([Path("plans"), Path(OP1), Path(f"./{OP1}"), Path("elsewhere/op1.md")])
    assert [(str(path), named) for path, named in found] == [
        (OP1, True),  # found first, then named: named
        ("plans/team/notes.md", False),
        ("plans/team/op2-payments-platform.md", False),
    ]
    rendered = documents([Path(OP1), Path("plans"), Path("elsewhere/op1.md")])
    assert [str(path) for path in rendered] == [OP1, "plans/team/op2-payments-platform.md"]
