"""`opplan rollup` over the examples and generated team plans with known totals."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES
from opplan import config
from opplan.document import load
from opplan.lint.engine import lint
from opplan.schemas import Rollup
from plan_factory import budget_asked, headcount, team_plan, write_plans

TEAMS = 6


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """The examples of 2027 and six generated teams, with an old plan of another cycle."""
    folder = tmp_path / "plans"
    write_plans(folder / "teams", TEAMS)
    shutil.copytree(EXAMPLES, folder / "payments", ignore=shutil.ignore_patterns("*-2028.md"))
    (folder / "old").mkdir()
    (folder / "old" / "op1.md").write_text(team_plan(0, TEAMS, cycle=2026), encoding="utf-8")
    return folder


def test_rollup_totals_and_lint(plans: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    output = tmp_path / "out" / "rollup.md"
    result = cli("rollup", plans, "--org", "Commerce Engineering", "-o", output, "--owner", "Dana")
    assert result.exit_code == 0, result.output
    assert "plans for cycles 2026, 2027 were found; this uses 2027, the latest" in result.stderr
    assert "uses the OP2 of 1 team(s), which revises their OP1" in result.stderr
    doc = load(output)
    assert isinstance(doc.model, Rollup)
    totals = doc.model.totals
    assert totals is not None
    figures = [headcount(index) for index in range(TEAMS)]
    # Payments Platform's OP2: 40 and 52 people, asks of 12 people and 1,200,000.
    assert totals.headcount_same_resources == 40 + sum(f[0] for f in figures)
    assert totals.headcount_more_investment == 52 + sum(f[1] for f in figures)
    assert totals.headcount_asked == 12 + sum(f[2] for f in figures)
    assert totals.budget_asked == 1_200_000 + sum(budget_asked(i) for i in range(TEAMS))
    assert [(p.team, p.kind) for p in doc.model.plans][:2] == [
        ("Payments Platform", "op2"),
        ("Team 0000", "op1"),
    ]
    assert doc.model.plans[0].path == "../plans/payments/op2-payments-platform.md"
    assert doc.model.owners == ["Dana"]
    titles = [(s.level, s.title) for s in doc.body.sections]
    assert [title for level, title in titles if level == 1] == [
        "Summary",
        "Teams",
        "Asks",
        "Risks",
        "Goals",
        "Dependencies",
    ]
    report = lint([output], config.load(start=tmp_path).lint)
    assert report.problems == []


def test_asks_are_sorted_by_size_and_the_matrix_counts_needs(
    plans: Path, cli: Callable[..., Result]
) -> None:
    result = cli("rollup", plans / "teams", "--org", "Commerce Engineering")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    asks = [line for line in lines if "| headcount |" in line or "| budget |" in line]
    amounts = [int(line.split(" | ")[2].split()[0].replace(",", "")) for line in asks]
    kinds = [line.split(" | ")[1] for line in asks]
    assert kinds == ["headcount"] * TEAMS + ["budget"] * TEAMS
    assert amounts[:TEAMS] == sorted(amounts[:TEAMS], reverse=True)
    assert amounts[TEAMS:] == sorted(amounts[TEAMS:], reverse=True)
    matrix = lines[lines.index("# Dependencies") :]
    assert "| Team 0000 | - | 1 | - | - | - | - |" in matrix  # team 0 needs one thing from team 1
    assert "| Team 0005 | 1 | - | - | - | - | - |" in matrix  # and team 5 from team 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cycle", "2030"], "no plans for cycle 2030; the plans found are for 2026, 2027"),
        (
            ["--kind", "op3"],
            "unknown document kind 'op3'; use one of op1, op2; did you mean 'op1'?",
        ),
        (["--org", "Retail"], "no valid OP1 or OP2 plans found for org Retail"),
    ],
)
def test_rollup_errors(
    plans: Path, cli: Callable[..., Result], args: list[str], message: str
) -> None:
    org = [] if "--org" in args else ["--org", "Commerce Engineering"]
    result = cli("rollup", plans, *org, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_rollup_needs_an_org(plans: Path, cli: Callable[..., Result]) -> None:
    result = cli("rollup", plans)
    assert result.exit_code == 2
    assert "--org must name the organisation" in result.stderr
