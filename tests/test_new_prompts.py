"""Values are asked for on a terminal only; without one, defaults apply or the command fails."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from opplan import document
from opplan.config.model import New
from opplan.errors import UsageError
from opplan.scaffold.values import Request, complete

TODAY = dt.date(2026, 8, 3)
OPPLAN = [sys.executable, "-m", "opplan"]


def _run(
    args: list[str], cwd: Path, stdin: int | None, data: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OPPLAN, *args],
        cwd=cwd,
        stdin=stdin,
        input=data if stdin is None else None,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_a_terminal_nothing_is_asked_and_defaults_apply(tmp_path: Path) -> None:
    # Answers on a pipe must not be read: they would be taken for the team's name.
    done = _run(["new", "op1", "--team", "Payments"], tmp_path, None, "Wrong Team\n2040\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("created plans/")  # no question came first
    (path,) = tmp_path.glob("plans/*/payments/op1.md")
    meta = document.load(path).meta
    assert meta["cycle"] == dt.date.today().year + 1
    assert (list(meta["owners"]), meta["org"]) == (["[Owner name]"], "[Organisation]")


def test_without_a_terminal_a_missing_team_fails_naming_the_option(tmp_path: Path) -> None:
    done = _run(["new", "op1"], tmp_path, subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr == (
        "opplan: error: missing --team NAME; pass it "
        "(nothing is asked when standard input is not a terminal)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_on_a_terminal_missing_values_are_asked_for(tmp_path: Path) -> None:
    main, terminal = os.openpty()
    try:
        # Team, cycle (blank: the default), title (blank: the default), owners, organisation.
        os.write(main, b"Payments Platform\n\n\nDana Reyes, Sam Patel\nCommerce\n")
        done = _run(["new", "op1"], tmp_path, terminal)
    finally:
        os.close(main)
        os.close(terminal)
    assert done.returncode == 0, done.stderr
    assert "Team: " in done.stdout and "Cycle (planning year) [" in done.stdout
    meta = document.load(next(tmp_path.glob("plans/*/payments-platform/op1.md"))).meta
    assert list(meta["owners"]) == ["Dana Reyes", "Sam Patel"] and meta["org"] == "Commerce"
    assert meta["title"] == f"Payments Platform OP1 {dt.date.today().year + 1}"


def test_complete_asks_only_for_what_is_missing() -> None:
    asked: list[tuple[str, str]] = []
    answers = iter(["", "Ops", "2031", "", " Ana ,, Bo ", ""])

    def ask(question: str, default: str) -> str:
        asked.append((question, default))
        return next(answers) or default

    values = complete(Request("op2", org="Commerce"), New(), ask, TODAY)
    assert [question for question, _ in asked] == [
        "Team",
        "Team",
        "Cycle (planning year)",
        "Title",
        "Owners, comma-separated (blank: a placeholder)",
    ]
    assert asked[2][1] == "2027" and asked[3][1] == "Ops OP2 2031"
    assert (values.team, values.cycle, values.title) == ("Ops", 2031, "Ops OP2 2031")
    assert (values.owners, values.org) == (("Ana", "Bo"), "Commerce")


def test_complete_without_asking_uses_the_configured_defaults() -> None:
    values = complete(Request("op1", team="Ops"), New(cycle=2030, org="Retail"), None, TODAY)
    assert (values.cycle, values.org, values.title) == (2030, "Retail", "Ops OP1 2030")


def test_a_cycle_answer_that_is_not_a_year_is_refused() -> None:
    with pytest.raises(UsageError, match=r"cycle 'soon': give a year such as 2027"):
        complete(Request("op1", team="Ops"), New(), lambda question, default: "soon", TODAY)


def test_end_of_input_at_a_prompt_stops_cleanly(tmp_path: Path) -> None:
    main, terminal = os.openpty()
    try:
        os.write(main, b"\x04")  # Ctrl-D at the first question
        done = _run(["new", "op1"], tmp_path, terminal)
    finally:
        os.close(main)
        os.close(terminal)
    assert (done.returncode, done.stderr) == (2, "opplan: interrupted\n")
    assert list(tmp_path.iterdir()) == []
