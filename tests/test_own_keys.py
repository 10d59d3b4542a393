"""The authors' own frontmatter keys and `extra:` pass through every command that reads plans."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import example
from git_helpers import Repo

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]

OWN_KEYS = (
    "tags: [payments, ledger]\nsponsor_notes:\n  q1: {budget: approved}\n"
    'extra: {tracker: PAY-PLAN-2027, slack: "#payments-planning"}\n'
)


def with_own_keys(text: str, keys: str = OWN_KEYS) -> str:
    return text.replace("team: Payments Platform\n", f"team: Payments Platform\n{keys}", 1)


def test_lint_warns_once_per_own_key_and_nothing_else(cli: Cli, write: Write) -> None:
    result = cli("lint", "--format", "json", write("op1.md", with_own_keys(example())))
    problems = json.loads(result.stdout)["problems"]
    assert [(p["line"], p["level"], p["rule"]) for p in problems] == [
        (5, "warning", "schema"),
        (6, "warning", "schema"),
    ]
    assert result.exit_code == 0


def test_export_and_rollup_read_plans_with_own_keys_as_without(
    cli: Cli, write: Write, tmp_path: Path
) -> None:
    write("plain/pay/op1.md", example())
    write("own/pay/op1.md", with_own_keys(example()))
    plain = cli("export", "asks", str(tmp_path / "plain"), "--format", "json")
    own = cli("export", "asks", str(tmp_path / "own"), "--format", "json")
    assert plain.exit_code == own.exit_code == 0
    rows = [{**row, "path": "", "line": 0} for row in json.loads(own.stdout)]
    assert rows == [{**row, "path": "", "line": 0} for row in json.loads(plain.stdout)]
    rollup = tmp_path / "own" / "rollup.md"
    args = ("--org", "Commerce Engineering", "--owner", "Dana Whitfield", "-o", str(rollup))
    assert cli("rollup", str(tmp_path / "own" / "pay"), *args).exit_code == 0
    assert "tags" not in rollup.read_text(encoding="utf-8")
    assert cli("lint", str(rollup)).exit_code == 0


def test_diff_of_an_own_key_is_no_plan_change(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo", monkeypatch)
    repo.write("pay/op1.md", with_own_keys(example()))
    repo.commit("plan", "2026-09-01")
    text = with_own_keys(example(), OWN_KEYS.replace("payments, ledger", "ledger"))
    text = text.replace("tracker: PAY", "tracker: LED")
    repo.write("pay/op1.md", text)
    repo.commit("retag", "2026-09-02")
    monkeypatch.chdir(repo.root)
    result = cli("diff", "HEAD~1", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.output
    (changed,) = json.loads(result.stdout)["documents"]
    assert changed["changes"] == []


def test_render_leaves_own_keys_and_extra_out(cli: Cli, write: Write, tmp_path: Path) -> None:
    plan = write("op1.md", with_own_keys(example()))
    result = cli("render", str(plan), "--to", "html", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "op1.html").read_text(encoding="utf-8")
    assert "Payments Platform" in html
    assert "sponsor_notes" not in html and "PAY-PLAN-2027" not in html


def test_placeholders_under_extra_are_the_teams_own_business(cli: Cli, write: Write) -> None:
    own = "extra: {launch_city: TBD, notes: '[fill in]'}  # TODO\nflag: TODO  # TODO\n"
    text = with_own_keys(example(), own)
    result = cli("lint", "--format", "json", write("op1.md", text))
    found = [(p["rule"], p["line"]) for p in json.loads(result.stdout)["problems"]]
    flag = text.split("\n").index("flag: TODO  # TODO") + 1
    assert ("unresolved-marker", flag) in found
    assert [line for rule, line in found if rule == "unresolved-marker"] == [flag, flag]
