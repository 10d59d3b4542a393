"""`opplan status` with a fixed --today, the [cycle] configuration, export and codeowners."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES
from git_helpers import Repo
from opplan import config
from opplan.collab.cycle import phases
from opplan.errors import UsageError

CONFIG = """\
[[cycle.phases]]
name = "drafts"
title = "Team drafts due"
role = "teams"
start = 2026-07-01
end = 2026-07-31
kind = "op1"
status = "draft"

[[cycle.phases]]
name = "pre-reviews"
title = "Partner pre-reviews"
role = "partners"
start = 2026-08-01
end = 2026-08-21
kind = "op1"
status = "review"
pre_reviews = true

[[cycle.phases]]
name = "op1-reviews"
title = "OP1 reviews"
role = "VP and stakeholders"
start = 2026-08-22
end = 2026-09-30

[codeowners.handles]
"Ana Silva" = "@ana"
"Bo Chen" = "@org/checkout-leads"
"""

PLAN = """\
---
kind: op1
title: {team} OP1 2027
team: {team}
cycle: 2027
status: {status}
owners: [{owner}]
partners:
  - team: Search
    reviewed: {reviewed}
tracks:
  same_resources:
    headcount: 10
  more_investment:
    headcount: 12
{extra}---
# Introduction

We plan.
"""


@pytest.fixture
def team_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("opplan.toml", CONFIG)
    repo.write(
        "payments/op1.md",
        PLAN.format(team="Payments", status="draft", owner="Ana Silva", reviewed="null", extra=""),
    )
    repo.commit("Payments draft", "2026-07-20")
    repo.write(
        "checkout/op1.md",
        PLAN.format(
            team="Checkout",
            status="review",
            owner="Bo Chen",
            reviewed="2026-08-10",
            extra="asumptions: []\n",  # a schema error
        ),
    )
    repo.commit("Checkout in review", "2026-08-12")
    monkeypatch.chdir(repo.root)
    return repo


def test_status_text(team_repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("status", "--today", "2026-08-25")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "planning cycle 2027, 2026-08-25: OP1 reviews (2026-08-22 to 2026-09-30; "
        "who acts: VP and stakeholders)",
        "",
        "team      plan             status      last change             pre-reviews missing  "
        "lint errors  late",
        "Checkout  checkout/op1.md  op1 review  2026-08-12 Plan Author  none                 "
        "9            its frontmatter has errors; run opplan lint",
        "Payments  payments/op1.md  op1 draft   2026-07-20 Plan Author  Search               "
        "12           Partner pre-reviews ended 2026-08-21: needs an OP1 at review or later",
        "",
        "2 team(s), 2 late",
    ]


def test_a_team_that_planned_last_year_is_late_for_this_years_plan(
    team_repo: Repo, cli: Callable[..., Result]
) -> None:
    last_year = PLAN.format(
        team="Search", status="approved", owner="Cy Park", reviewed="null", extra=""
    )
    team_repo.write("search/op1.md", last_year.replace("2027", "2026"))
    team_repo.write("legacy/op1.md", last_year.replace("2027", "2025").replace("Search", "Legacy"))
    team_repo.commit("Last year's plans", "2025-09-01")
    result = cli("status", "--today", "2026-08-25")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("Search"))
    assert row.split()[1:5] == ["none", "for", "2027", "-"]
    assert row.endswith(
        "  Team drafts due ended 2026-07-31: needs an OP1 at draft or later; "
        "Partner pre-reviews ended 2026-08-21: needs an OP1 at review or later"
    )
    assert "Legacy" not in result.stdout  # a plan from the year before last is not followed
    assert result.stdout.splitlines()[-1] == "3 team(s), 3 late"
    before = _json_teams(cli, "2026-06-15")
    assert ("Search", None, []) in [(t["team"], t["path"], t["late"]) for t in before]


def _json_teams(cli: Callable[..., Result], today: str) -> list[dict[str, object]]:
    result = cli("status", "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    teams: list[dict[str, object]] = json.loads(result.stdout)["teams"]
    return teams


def test_status_json_before_the_cycle(team_repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("status", "--today", "2026-06-15", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["phase"] is None
    assert data["next_phase"]["name"] == "drafts"
    assert [(t["team"], t["late"]) for t in data["teams"]] == [
        ("Checkout", ["its frontmatter has errors; run opplan lint"]),
        ("Payments", []),
    ]
    assert data["teams"][1]["last_change"]["date"] == "2026-07-20"


def test_status_bad_date(team_repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("status", "--today", "25/08/2026")
    assert result.exit_code == 2
    assert result.stderr == "opplan: error: --today '25/08/2026' is not a date; use YYYY-MM-DD\n"


def test_default_timeline_for_a_year() -> None:
    timeline = phases(config.Config(root=Path()).cycle, 2027)
    assert [(p.name, str(p.start), str(p.end)) for p in timeline] == [
        ("context", "2026-06-01", "2026-06-30"),
        ("drafts", "2026-07-01", "2026-07-31"),
        ("pre-reviews", "2026-08-01", "2026-08-21"),
        ("op1-reviews", "2026-08-22", "2026-09-30"),
        ("rollup", "2026-10-01", "2026-11-15"),
        ("op2", "2026-11-16", "2027-01-15"),
        ("goals", "2027-01-16", "2027-01-31"),
        ("q1-checkin", "2027-03-31", "2027-04-21"),
        ("q2-checkin", "2027-06-30", "2027-07-21"),
        ("q3-checkin", "2027-09-30", "2027-10-21"),
        ("q4-checkin", "2027-12-31", "2028-01-21"),
    ]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[[cycle.phases]]\nname = "a"\nrole = "teams"\nstart = 2026-07-10\nend = 2026-07-01\n',
            "opplan.toml:1: cycle > phases item 1: phase 'a' ends (2026-07-01) before it starts",
        ),
        (
            '[[cycle.phases]]\nname = "a"\nrole = "teams"\nstart = 2026-07-01\nend = 2026-07-31\n'
            '[[cycle.phases]]\nname = "b"\nrole = "teams"\nstart = 2026-07-15\nend = 2026-08-31\n',
            "phase 'b' starts on 2026-07-15, before 'a' ends on 2026-07-31",
        ),
        (
            "[cycle]\nyaer = 2027\n",
            "opplan.toml:2: unknown key 'yaer' in cycle; did you mean 'year'?",
        ),
    ],
)
def test_cycle_config_errors(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "opplan.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        config.load(path)
    assert message in str(error.value)


def test_codeowners(team_repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("codeowners", "-o", ".github/CODEOWNERS")
    assert result.exit_code == 0, result.output
    assert (team_repo.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == (
        "# Generated by `opplan codeowners` from each plan's owners; do not edit by hand.\n"
        "/checkout/op1.md @org/checkout-leads\n"
        "/payments/op1.md @ana\n"
    )


def test_codeowners_without_handles(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    result = cli("codeowners", "examples/op1-payments-platform.md")
    assert result.exit_code == 1
    assert "# /examples/op1-payments-platform.md: no owner with a handle" in result.stdout
    assert "owner 'Priya Raman' has no handle; add it to [codeowners] handles" in result.stderr


def test_export_goals_csv(cli: Callable[..., Result]) -> None:
    result = cli("export", "goals", EXAMPLES / "op1-payments-platform.md")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == ["G-1", "G-2", "G-3", "G-4", "G-5", "G-6"]
    text = (EXAMPLES / "op1-payments-platform.md").read_text(encoding="utf-8").splitlines()
    for row in rows:
        assert text[int(row["line"]) - 1].strip() == f"- id: {row['id']}"
    assert rows[1]["shared_with"] == "Payments Platform; Checkout"
    assert rows[0]["team"] == "Payments Platform"


def test_export_risks_json_one_row_per_risk(cli: Callable[..., Result]) -> None:
    result = cli("export", "risks", EXAMPLES, "--format", "json", "--cycle", "2027")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {(row["kind"], row["owner"]) for row in rows} == {
        ("op1", "Sam Patel"),
        ("op1", "Wei Zhang"),
        ("op2", "Sam Patel"),
        ("op2", "Tom Okafor"),
    }
    assert all(row["path"].endswith(f"{row['kind']}-payments-platform.md") for row in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["goal"], "unknown table 'goal'; use one of goals, asks, risks; did you mean 'goals'?"),
        (["asks", "--format", "xlsx"], "unknown format 'xlsx'; use one of csv, json"),
        (["asks", "missing/"], "missing: no such file or folder; check the path"),
    ],
)
def test_export_errors(cli: Callable[..., Result], args: list[str], message: str) -> None:
    result = cli("export", *args)
    assert result.exit_code == 2
    assert message in result.stderr
