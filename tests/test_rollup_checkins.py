"""`opplan rollup --checkins` over a small org of three teams (tests/data/checkins/):
Picking (an OP1 and an OP2), Delivery Routing and Store Inventory (OP1s), each with
check-ins for Q1-Q3 but Delivery Routing, whose Q3 is missing. Picking's PK-1 and
Delivery Routing's DR-3 are one goal shared by both teams.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import Result

from conftest import ROOT
from opplan import config
from opplan.document import load
from opplan.document.frontmatter import split
from opplan.lint.engine import lint
from opplan.render import charts
from opplan.render.heat_map import HeatCell, HeatMap
from opplan.schemas import Rollup
from opplan.schemas.checkin import Checkin
from opplan.schemas.export import DRAFTS, json_schema
from opplan.workspace.checkins import plan_path, scored
from opplan.workspace.plans import plan_of

DATA = ROOT / "tests" / "data" / "checkins"
ORG = "Grocery Fulfilment"
# At their latest check-in: DR-1 off track at 0.17 (Q2), SI-2 off track at 0.32, PK-3 off
# track at 0.33, the shared goal at risk at 0.42; then the rest by team, in plan order.
ORDER = [("DR-1",), ("SI-2",), ("PK-3",), ("DR-3", "PK-1"), ("DR-2",), ("PK-2",), ("SI-1",)]
DECISIONS = [
    ("Delivery Routing", "Q2", "adjust", "Move two routing engineers"),
    ("Picking", "Q2", "adjust", "Roll the scanners out to two stores a week"),
    ("Picking", "Q3", "stop", "Stop the voice-picking pilot"),
    ("Picking", "Q3", "start", "Start training one scanner lead per store"),
    ("Store Inventory", "Q2", "start", "Start a weekly count of the 500 items"),
    ("Store Inventory", "Q3", "adjust", "Ask the top 20 suppliers for daily stock feeds"),
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A planning repository holding the org's plans and check-ins under plans/."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "opplan.toml").write_text("", encoding="utf-8")
    shutil.copytree(DATA, tmp_path / "plans")
    return tmp_path


def rolled_up(
    repo: Path, cli: Callable[..., Result], *args: str | Path
) -> tuple[Path, Rollup, Result]:
    output = repo / "rollups" / "checkins.md"
    result = cli("rollup", repo / "plans", "--org", ORG, "--checkins", "-o", output, *args)
    assert result.exit_code == 0, result.output
    model = load(output).model
    assert isinstance(model, Rollup) and model.checkins is not None
    return output, model, result


def ids(model: Rollup) -> list[tuple[str, ...]]:
    assert model.checkins is not None
    return [tuple(side.id for side in goal.teams) for goal in model.checkins.goals]


def table(text: str, heading: str) -> list[list[str]]:
    """The rows (cells) of the first table under a level-1 heading of the body."""
    section = text.split(f"\n# {heading}\n", 1)[1].split("\n# ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


def test_off_track_then_at_risk_goals_come_first(repo: Path, cli: Callable[..., Result]) -> None:
    output, model, _ = rolled_up(repo, cli)
    assert ids(model) == ORDER
    rows = table(output.read_text(encoding="utf-8"), "Goals by quarter")
    assert [row[0].split(":")[0] for row in rows] == [" / ".join(row) for row in ORDER]
    assert rows[0][2:] == ["0.11 on-track", "0.17 off-track", "-"]
    assert rows[2][2:] == ["0.10 on-track", "0.21 at-risk", "0.33 off-track"]


def test_a_goal_turning_off_track_moves_up(repo: Path, cli: Callable[..., Result]) -> None:
    q3 = repo / "plans" / "store-inventory" / "checkin-q3.md"
    text = q3.read_text(encoding="utf-8")
    q3.write_text(
        text.replace('"93%"\n    confidence: on-track', '"89%"\n    confidence: off-track')
    )
    _, model, _ = rolled_up(repo, cli)
    # SI-1 now scores 0.14, off track: the lowest of the off-track goals.
    assert ids(model)[:4] == [("SI-1",), ("DR-1",), ("SI-2",), ("PK-3",)]


def test_a_shared_goal_is_one_row_with_both_teams(repo: Path, cli: Callable[..., Result]) -> None:
    output, model, _ = rolled_up(repo, cli)
    assert model.checkins is not None
    shared = [goal for goal in model.checkins.goals if len(goal.teams) > 1]
    assert len(shared) == 1 and len(model.checkins.goals) == 7
    goal = shared[0]
    assert [(side.team, side.id) for side in goal.teams] == [
        ("Delivery Routing", "DR-3"),
        ("Picking", "PK-1"),
    ]
    assert [(s.period, s.team, s.score) for s in goal.scores] == [
        ("Q1", "Delivery Routing", 0.16),
        ("Q1", "Picking", 0.2),
        ("Q2", "Delivery Routing", 0.3),
        ("Q2", "Picking", 0.3),
        ("Q3", "Picking", 0.42),
    ]
    row = table(output.read_text(encoding="utf-8"), "Goals by quarter")[3]
    assert row[0].startswith("DR-3 / PK-1: Have 96% of orders ready")
    assert row[1] == "Delivery Routing, Picking"
    # Where the teams' check-ins differ, each is shown; where they agree, once.
    assert row[2:] == [
        "Delivery Routing: 0.16 on-track; Picking: 0.20 on-track",
        "0.30 at-risk",
        "0.42 at-risk",
    ]


def test_goals_that_only_name_each_other_are_not_merged(
    repo: Path, cli: Callable[..., Result]
) -> None:
    plan = repo / "plans" / "delivery-routing" / "op1.md"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "statement: Have 96% of orders ready for the driver at the promised time, up from 91%.",
        "statement: Hand 96% of orders to their driver within 2 minutes of arrival.",
    ).replace(
        "metric: Orders ready for pickup by the promised time",
        "metric: Orders handed over within 2 minutes",
    )
    plan.write_text(text, encoding="utf-8")
    _, model, _ = rolled_up(repo, cli)
    assert ("DR-3",) in ids(model) and ("PK-1",) in ids(model)
    assert len(ids(model)) == 8


def test_each_score_is_the_scorers(repo: Path, cli: Callable[..., Result]) -> None:
    """Every period's score, basis, confidence and value are those `scored` gives the
    check-in against the plan it names, with the configured confidence scores."""
    toml = '[checkins.confidence_scores]\n"on-track" = 0.55\n'
    (repo / "opplan.toml").write_text(toml, encoding="utf-8")
    _, model, _ = rolled_up(repo, cli, "--config", repo / "opplan.toml")
    assert model.checkins is not None
    found = {
        (score.period, score.team, side.id): score
        for goal in model.checkins.goals
        for score in goal.scores
        for side in goal.teams
        if side.team == score.team
    }
    scores = config.load(start=repo).checkins.confidence_scores
    expected = {}
    for path in sorted((repo / "plans").rglob("checkin-*.md")):
        doc = load(path)
        checkin = doc.model
        assert isinstance(checkin, Checkin)
        plan = plan_of(load(plan_path(doc, checkin)))
        for result in scored(checkin, plan, {str(k): v for k, v in scores.items()}):
            expected[checkin.quarter, checkin.team, result.progress.id] = result
    assert len(expected) == len(found) == 21
    for key, result in expected.items():
        score = found[key]
        assert score.score == round(result.score.value, 2), key
        assert score.basis == result.score.basis, key
        assert score.confidence == result.progress.confidence, key
        assert score.value == result.progress.value, key
    # DR-2 has no numeric target: its Q1 score is the configured on-track score.
    assert found["Q1", "Delivery Routing", "DR-2"].score == 0.55
    assert found["Q1", "Delivery Routing", "DR-2"].basis == "confidence"
    # Picking's check-ins name its OP2, whose PK-2 target (9 min) differs from the OP1's.
    assert found["Q2", "Picking", "PK-2"].score == 0.5


def test_the_decisions_are_listed_by_team_and_quarter(
    repo: Path, cli: Callable[..., Result]
) -> None:
    output, _, _ = rolled_up(repo, cli)
    rows = table(output.read_text(encoding="utf-8"), "Decisions")
    assert [(r[0], r[1], r[2]) for r in rows] == [d[:3] for d in DECISIONS]
    assert all(row[3].startswith(d[3]) for row, d in zip(rows, DECISIONS, strict=True))
    assert rows[1][4].startswith("The vendor shipped 60 scanners") and rows[1][5] == "PK-3, SR-1"


def test_a_missing_quarter_is_reported(repo: Path, cli: Callable[..., Result]) -> None:
    output, model, result = rolled_up(repo, cli)
    assert "no check-in for a quarter other teams have: Delivery Routing (Q3)" in result.stderr
    text = output.read_text(encoding="utf-8")
    assert "- Delivery Routing has no check-in for Q3." in text
    assert table(text, "Check-ins")[0] == [
        "Delivery Routing",
        "`../plans/delivery-routing/op1.md`",
        "2027-04-12",
        "2027-07-14",
        "missing",
    ]
    assert model.checkins is not None and model.checkins.periods == ["Q1", "Q2", "Q3"]
    assert [p.team for p in model.plans] == ["Delivery Routing", "Picking", "Store Inventory"]


FINAL = """\
---
kind: checkin
title: Picking check-in Q4 2027
team: Picking
org: Grocery Fulfilment
cycle: 2027
status: approved
owners: [Lena Ortiz]
date: 2028-01-10
quarter: Q4
final: true
plan: op2.md
goals:
  - id: PK-2
    value: "9.5 min"
    confidence: done
---

# What was delivered

The median pick time is 9.5 minutes.
"""


def test_a_final_checkin_is_its_quarters_too(repo: Path, cli: Callable[..., Result]) -> None:
    (repo / "plans" / "picking" / "checkin-q4.md").write_text(FINAL, encoding="utf-8")
    q3 = repo / "plans" / "store-inventory" / "checkin-q3.md"
    q4 = q3.read_text(encoding="utf-8").replace("Q3", "Q4").replace("2027-10-08", "2028-01-09")
    (repo / "plans" / "store-inventory" / "checkin-q4.md").write_text(q4, encoding="utf-8")
    output, model, result = rolled_up(repo, cli)
    assert model.checkins is not None
    assert model.checkins.periods == ["Q1", "Q2", "Q3", "Q4", "final"]
    assert "Delivery Routing (Q3, Q4, Final); Store Inventory (Final)" in result.stderr
    text = output.read_text(encoding="utf-8")
    assert "- Store Inventory has no check-in for Final." in text
    picking = table(text, "Check-ins")[1]
    assert picking[0] == "Picking" and picking[-2:] == ["in the final", "2028-01-10"]
    pk2 = next(goal for goal in model.checkins.goals if goal.teams[0].id == "PK-2")
    assert [(s.period, s.score) for s in pk2.scores][-1] == ("final", 0.9)


@pytest.mark.parametrize("draft", sorted(DRAFTS))
def test_the_rollup_lints_clean_and_fits_the_exported_schema(
    repo: Path, cli: Callable[..., Result], draft: str
) -> None:
    output, _, _ = rolled_up(repo, cli, "--owner", "Ines Duarte")
    report = lint([output], config.load(start=repo).lint)
    assert report.problems == []
    # As an editor reads it: YAML 1.2, where a date is text.
    text = output.read_text(encoding="utf-8")
    data = json.loads(
        json.dumps(YAML(typ="safe").load(split(str(output), text).frontmatter), default=str)
    )
    validator = (
        jsonschema.Draft7Validator if draft == "draft-07" else jsonschema.Draft202012Validator
    )
    schema = json_schema("rollup", draft)
    errors = [
        e.message
        for e in validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(data)
    ]
    assert errors == []
    assert "checkins" in schema["properties"]


def test_the_heat_map_is_drawn_from_the_frontmatter(repo: Path, cli: Callable[..., Result]) -> None:
    _, model, _ = rolled_up(repo, cli)
    chart = charts.build(model, "goal_scores")
    assert isinstance(chart, HeatMap) and charts.build(model, "headcount_asked") is None
    assert chart.columns == ("Q1", "Q2", "Q3")
    assert chart.labels == tuple(" / ".join(row) for row in ORDER)
    cells = chart.cells
    assert cells[0] == (HeatCell(0.11, "on-track", False), HeatCell(0.17, "off-track", False), None)
    # A shared goal's cell is its team further behind (Q1: Delivery Routing's 0.16).
    assert cells[3][0] == HeatCell(0.16, "on-track", False)
    assert cells[4][:2] == (HeatCell(0.7, "on-track", True), HeatCell(1.0, "done", True))
    assert chart.note == "7 goals of 3 teams: 3 off track and 1 at risk at their latest check-in."


def test_the_plan_rollup_has_no_heat_map(repo: Path, cli: Callable[..., Result]) -> None:
    output = repo / "plans-rollup.md"
    result = cli("rollup", repo / "plans", "--org", ORG, "-o", output)
    assert result.exit_code == 0, result.output
    model = load(output).model
    assert isinstance(model, Rollup) and model.checkins is None
    assert charts.build(model, "goal_scores") is None


DUPLICATE = ("delivery-routing", "checkin-q2.md", "checkin-q2-again.md")


@pytest.mark.parametrize(
    ("change", "args", "message"),
    [
        (
            "duplicate",
            [],
            "Delivery Routing has 2 check-ins for Q2 2027 (",
        ),
        ("none", [], f"no valid check-ins found for the teams of {ORG}"),
        ("", ["--cycle", "2026"], "no check-ins for cycle 2026; the check-ins found are for 2027"),
    ],
)
def test_errors_name_what_to_do(
    repo: Path, cli: Callable[..., Result], change: str, args: list[str], message: str
) -> None:
    team, name, copy = DUPLICATE
    if change == "duplicate":
        shutil.copy(repo / "plans" / team / name, repo / "plans" / team / copy)
    elif change == "none":
        for path in (repo / "plans").rglob("checkin-*.md"):
            path.unlink()
    output = repo / "out.md"
    result = cli("rollup", repo / "plans", "--org", ORG, "--checkins", "-o", output, *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert not output.exists()
    if change == "duplicate":
        assert "pass only the one to use" in result.stderr


def test_a_checkin_whose_plan_is_gone_is_scored_by_confidence(
    repo: Path, cli: Callable[..., Result]
) -> None:
    path = repo / "plans" / "store-inventory" / "checkin-q3.md"
    path.write_text(path.read_text(encoding="utf-8").replace("plan: op1.md", "plan: op2.md"))
    _, model, result = rolled_up(repo, cli)
    assert re.search(
        r"checkin-q3\.md: its plan 'op2\.md' cannot be read \(.*no such file.*\); its goals are "
        r"scored by their confidence alone",
        result.stderr,
    )
    assert model.checkins is not None
    si1 = next(goal for goal in model.checkins.goals if goal.teams[0].id == "SI-1")
    q3 = next(s for s in si1.scores if s.period == "Q3")
    assert (q3.score, q3.basis) == (0.7, "confidence")


def test_a_plan_outside_the_repository_is_never_read(
    repo: Path, cli: Callable[..., Result]
) -> None:
    """Like render and diff: a `plan:` that leaves the repository is not opened."""
    outside = repo.parent / "elsewhere.md"
    outside.write_text((repo / "plans" / "store-inventory" / "op1.md").read_text("utf-8"))
    path = repo / "plans" / "store-inventory" / "checkin-q3.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("plan: op1.md", "plan: ../../../elsewhere.md"))
    _, model, result = rolled_up(repo, cli)
    assert "its plan '../../../elsewhere.md' is outside" in result.stderr
    assert model.checkins is not None
    si1 = next(goal for goal in model.checkins.goals if goal.teams[0].id == "SI-1")
    q3 = next(s for s in si1.scores if s.period == "Q3")
    assert q3.basis == "confidence"


def test_a_team_without_checkins_misses_every_quarter(
    repo: Path, cli: Callable[..., Result]
) -> None:
    for path in (repo / "plans" / "store-inventory").glob("checkin-*.md"):
        path.unlink()
    output, model, result = rolled_up(repo, cli)
    assert "Delivery Routing (Q3); Store Inventory (Q1, Q2, Q3)" in result.stderr
    text = output.read_text(encoding="utf-8")
    assert "- Store Inventory has no check-in for Q1, Q2, Q3." in text
    assert table(text, "Check-ins")[2] == ["Store Inventory", "none", *["missing"] * 3]
    assert ("SI-1",) not in ids(model) and len(ids(model)) == 5
