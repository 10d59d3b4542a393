"""`opplan status` in the plan's year: each quarter's check-in, due after the quarter ends."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from checkin_data import identity_year, text
from git_helpers import Repo
from opplan import config
from opplan.collab.cycle import phases
from opplan.errors import UsageError


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The OP2 in January, the Q1 check-in in April; no Q2 check-in."""
    return identity_year(tmp_path / "plans", monkeypatch)


def test_the_default_timeline_has_a_checkin_phase_a_quarter() -> None:
    settings = config.Config(root=Path())
    timeline = phases(settings.cycle, 2027, settings.checkins)
    checkins = [(p.name, p.quarter, str(p.start), str(p.end)) for p in timeline if p.quarter]
    assert checkins == [
        ("q1-checkin", "Q1", "2027-03-31", "2027-04-21"),
        ("q2-checkin", "Q2", "2027-06-30", "2027-07-21"),
        ("q3-checkin", "Q3", "2027-09-30", "2027-10-21"),
        ("q4-checkin", "Q4", "2027-12-31", "2028-01-21"),
    ]
    assert {p.kind for p in timeline if p.quarter} == {"checkin"}


def test_a_missing_checkin_is_late_by_its_days(repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("status", "--today", "2027-08-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "planning cycle 2027, 2027-08-01: between phases"
    assert lines[1] == "next: Q3 check-in from 2027-09-30"
    row = next(line for line in lines if line.startswith("Identity Platform"))
    assert row.endswith("Q2 check-in due 2027-07-21: missing, 11 days late")
    assert lines[-1] == "1 team(s), 1 late, 1 check-in(s) missing"


def test_json_gives_each_late_checkin(repo: Repo, cli: Callable[..., Result]) -> None:
    result = cli("status", "--today", "2028-01-30", "--format", "json")
    assert result.exit_code == 0, result.output
    (team,) = json.loads(result.stdout)["teams"]
    assert team["late_checkins"] == [
        {"cycle": 2027, "quarter": "Q2", "due": "2027-07-21", "days_late": 193},
        {"cycle": 2027, "quarter": "Q3", "due": "2027-10-21", "days_late": 101},
        {"cycle": 2027, "quarter": "Q4", "due": "2028-01-21", "days_late": 9},
    ]
    assert team["late"][0] == "Q2 check-in due 2027-07-21: missing, 193 days late"


def test_a_checkin_written_in_time_is_not_late(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write("identity/checkin-q2.md", text("checkin-q2.md"))
    repo.commit("Identity Q2 check-in", "2027-07-08")
    result = cli("status", "--today", "2027-07-22", "--format", "json")
    (team,) = json.loads(result.stdout)["teams"]
    assert team["late"] == [] and team["late_checkins"] == []


def test_configured_checkin_phases_with_a_status(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write(
        "opplan.toml",
        '[[cycle.phases]]\nname = "q1"\ntitle = "Q1 check-in approved"\nrole = "teams"\n'
        'start = 2027-04-01\nend = 2027-04-30\nkind = "checkin"\nquarter = "Q1"\n'
        'status = "approved"\n'
        '[[cycle.phases]]\nname = "q2"\nrole = "teams"\n'
        'start = 2027-07-01\nend = 2027-07-31\nkind = "checkin"\nquarter = "Q2"\n'
        'status = "approved"\n',
    )
    repo.write("identity/checkin-q2.md", text("checkin-q2.md"))  # in review only
    result = cli("status", "--today", "2027-08-02", "--format", "json")
    assert result.exit_code == 0, result.output
    (team,) = json.loads(result.stdout)["teams"]
    assert team["late"] == ["q2 due 2027-07-31: missing at approved or later, 2 days late"]
    assert team["late_checkins"] == [
        {"cycle": 2027, "quarter": "Q2", "due": "2027-07-31", "days_late": 2}
    ]


@pytest.mark.parametrize(
    "phase",
    ['kind = "checkin"\n', 'quarter = "Q1"\n', 'kind = "op1"\nquarter = "Q1"\n'],
)
def test_a_checkin_phase_names_its_quarter(tmp_path: Path, phase: str) -> None:
    (tmp_path / "opplan.toml").write_text(
        '[[cycle.phases]]\nname = "q1"\nrole = "teams"\nstart = 2027-04-01\nend = 2027-04-21\n'
        + phase,
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match='give both kind = "checkin" and quarter'):
        config.load(tmp_path / "opplan.toml")


def test_due_days_move_the_due_date(repo: Repo, cli: Callable[..., Result]) -> None:
    repo.write("opplan.toml", "[checkins]\ndue_days = 10\n")
    result = cli("status", "--today", "2027-07-12", "--format", "json")
    (team,) = json.loads(result.stdout)["teams"]
    assert team["late_checkins"] == [
        {"cycle": 2027, "quarter": "Q2", "due": "2027-07-10", "days_late": 2}
    ]
