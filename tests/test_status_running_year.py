"""`opplan status` once next year's OP1 is drafted: the running year's check-ins still count."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from checkin_data import identity_year, text
from git_helpers import Repo

OP1_2028 = """\
---
kind: op1
title: Identity Platform OP1 2028
team: Identity Platform
org: Commerce Engineering
cycle: 2028
status: draft
owners: [Noor Haddad]
tracks:
  same_resources:
    headcount: 10
  more_investment:
    headcount: 12
---
# Introduction

We plan.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The 2027 OP2 and its Q1 check-in, then the 2028 OP1 drafted in July."""
    made = identity_year(tmp_path / "plans", monkeypatch)
    made.write("identity/2028/op1.md", OP1_2028)
    made.commit("Identity OP1 2028 draft", "2027-07-20")
    return made


def _json(cli: Callable[..., Result], today: str) -> dict[str, object]:
    result = cli("status", "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_next_years_draft_keeps_this_years_checkins_late(
    repo: Repo, cli: Callable[..., Result]
) -> None:
    result = cli("status", "--today", "2027-08-15")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "planning cycle 2028, 2027-08-15: Partner pre-reviews (2027-08-01 to 2027-08-21; "
        "who acts: partners)"
    )
    row = next(line for line in lines if line.startswith("Identity Platform"))
    assert row.split()[2:5] == ["identity/2028/op1.md", "op1", "draft"]
    assert row.endswith("  Q2 2027 check-in due 2027-07-21: missing, 25 days late")
    assert lines[-1] == "1 team(s), 1 late, 1 check-in(s) missing"


def test_the_running_years_checkin_written(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write("identity/checkin-q2.md", text("checkin-q2.md"))
    repo.commit("Identity Q2 check-in", "2027-07-08")
    result = cli("status", "--today", "2027-08-15")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("Identity"))
    assert row.endswith("  no")
    assert result.stdout.splitlines()[-1] == "1 team(s), 0 late"


def test_the_last_years_q4_checkin_in_january(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write("identity/checkin-q2.md", text("checkin-q2.md"))
    repo.commit("Identity Q2 check-in", "2027-07-08")
    data = _json(cli, "2028-01-25")
    assert data["cycle"] == 2028
    (team,) = data["teams"]  # type: ignore[misc]
    assert team["late_checkins"] == [
        {"cycle": 2027, "quarter": "Q3", "due": "2027-10-21", "days_late": 96},
        {"cycle": 2027, "quarter": "Q4", "due": "2028-01-21", "days_late": 4},
    ]
    assert team["late"][-2:] == [
        "Q3 2027 check-in due 2027-10-21: missing, 96 days late",
        "Q4 2027 check-in due 2028-01-21: missing, 4 days late",
    ]
    assert team["path"] == "identity/2028/op1.md"


def test_a_team_with_only_this_years_plan(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write(
        "search/op2.md",
        text("op2.md").replace("Identity Platform", "Search"),
    )
    repo.commit("Search OP2", "2027-01-12")
    result = cli("status", "--today", "2027-08-15")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("Search"))
    assert row.split("  ")[0] == "Search"
    assert " none for 2028 " in row
    # Late for next year's OP1 draft, as a team that planned this year, and for its check-ins.
    assert row.endswith(
        "  Team drafts due ended 2027-07-31: needs an OP1 at draft or later; "
        "Q1 2027 check-in due 2027-04-21: missing, 116 days late; "
        "Q2 2027 check-in due 2027-07-21: missing, 25 days late"
    )
    assert lines[-1] == "2 team(s), 2 late, 3 check-in(s) missing"
    teams = _json(cli, "2027-08-15")["teams"]
    search = teams[1]  # type: ignore[index]
    assert (search["team"], search["path"], search["kind"], search["status"]) == (
        "Search",
        None,
        None,
        None,
    )
    assert [(late["cycle"], late["quarter"]) for late in search["late_checkins"]] == [
        (2027, "Q1"),
        (2027, "Q2"),
    ]


def test_a_year_before_last_is_not_followed(repo: Repo, cli: Callable[..., Result]) -> None:
    (team,) = _json(cli, "2029-01-25")["teams"]  # type: ignore[misc]
    assert {late["cycle"] for late in team["late_checkins"]} == {2028}
    assert [late["quarter"] for late in team["late_checkins"]] == ["Q1", "Q2", "Q3", "Q4"]
    assert not any("2027 check-in" in reason for reason in team["late"])


@pytest.mark.parametrize(
    ("year", "cycle", "late"),
    [
        (2028, 2028, ["Q2 2027 check-in due 2027-07-21: missing, 25 days late"]),
        (2027, 2027, ["Q2 check-in due 2027-07-21: missing, 25 days late"]),
    ],
)
def test_a_configured_year_and_the_running_years_below_it(
    repo: Repo, cli: Callable[..., Result], year: int, cycle: int, late: list[str]
) -> None:
    repo.write("opplan.toml", f"[cycle]\nyear = {year}\n")
    data = _json(cli, "2027-08-15")
    assert data["cycle"] == cycle
    (team,) = data["teams"]  # type: ignore[misc]
    assert team["late"] == late
    assert team["late_checkins"] == [
        {"cycle": 2027, "quarter": "Q2", "due": "2027-07-21", "days_late": 25}
    ]


def test_configured_phases_are_the_whole_timeline(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write(
        "opplan.toml",
        '[[cycle.phases]]\nname = "drafts"\nrole = "teams"\n'
        'start = 2027-07-01\nend = 2027-07-31\nkind = "op1"\nstatus = "draft"\n',
    )
    (team,) = _json(cli, "2027-08-15")["teams"]  # type: ignore[misc]
    assert team["late"] == [] and team["late_checkins"] == []


def test_an_unreadable_plan_of_next_year_gets_the_late_checkins(
    repo: Repo, cli: Callable[..., Result]
) -> None:
    repo.write("search/2028/op1.md", OP1_2028.replace("Identity Platform", "Search"))
    repo.write("identity/2028/op1.md", OP1_2028.replace("status: draft", "status: drafted"))
    data = _json(cli, "2027-08-15")
    assert data["cycle"] == 2028
    team, search = data["teams"]  # type: ignore[misc]
    assert (team["path"], search["path"]) == ("identity/2028/op1.md", "search/2028/op1.md")
    assert team["late"] == [
        "its frontmatter has errors; run opplan lint",
        "Q2 2027 check-in due 2027-07-21: missing, 25 days late",
    ]
