"""The check-in rules where their cases are not data: a new check-in's skeleton, and
option values that cannot work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan import config
from opplan.lint.engine import lint

Cli = Callable[..., Result]


def test_a_new_check_in_has_only_placeholders_to_fill(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The skeleton without --from: its plan is a placeholder, so no check-in rule reads one."""
    monkeypatch.chdir(tmp_path)
    made = cli("new", "checkin", "--team", "Fraud Detection", "--cycle", "2027", "--quarter", "Q2")
    assert made.exit_code == 0, made.stderr
    settings = config.load(start=tmp_path)
    report = lint([Path()], settings.lint, checkins=settings.checkins)
    assert [doc.kind for doc in report.documents] == ["checkin"]
    assert {problem.rule for problem in report.problems} == {"unresolved-marker"}
    placeholders = [problem.message for problem in report.problems]
    assert any("'[Path of the plan" in message for message in placeholders), placeholders
    assert len(placeholders) > 10  # each key and section left to write


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[lint.rules.checkin-at-risk]\nquarters = 0\n", "checkin-at-risk: quarters must be"),
        (
            '[lint.rules.checkin-at-risk]\nconfidences = ["at risk"]\n',
            "checkin-at-risk: confidences: 'at risk' is no confidence; did you mean 'at-risk'?",
        ),
        ("[lint.rules.checkin-optimistic]\nq3 = 1.5\n", "checkin-optimistic: q3 must be a score"),
        ("[lint.rules.checkin-optimistic]\nq5 = 0.5\n", "it has: level, q1, q2, q3, q4"),
    ],
)
def test_options_that_cannot_work_are_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, message: str
) -> None:
    (tmp_path / "opplan.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", ".")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"opplan: error: {tmp_path / 'opplan.toml'}:")
    assert message in result.stderr
