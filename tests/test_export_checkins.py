"""`opplan export goals`: each goal's latest value, confidence and score from the check-ins."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from checkin_data import copy
from conftest import EXAMPLES

PROGRESS = ["checkin", "value", "confidence", "score", "score_basis"]


def test_csv_takes_the_latest_checkin(tmp_path: Path, cli: Callable[..., Result]) -> None:
    folder = copy(tmp_path / "identity")
    result = cli("export", "goals", folder)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-5:] == PROGRESS
    assert [[row[name] for name in PROGRESS] for row in rows] == [
        ["Q2", "97.6%", "on-track", "0.61", "metric"],
        ["Q2", "30 h", "off-track", "0.41", "metric"],
        ["Q2", "web and iOS", "at-risk", "0.4", "confidence"],
    ]


def test_json_with_one_checkin_and_configured_scores(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = copy(tmp_path / "identity", "op2.md", "checkin-q1.md")
    toml = tmp_path / "opplan.toml"
    toml.write_text('[checkins.confidence_scores]\n"on-track" = 0.9\n', encoding="utf-8")
    result = cli("export", "goals", folder, "--format", "json", "--config", toml)
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert {name: rows["ID-2"][name] for name in PROGRESS} == {
        "checkin": "Q1",
        "value": 40,
        "confidence": "at-risk",
        "score": 0.18,  # (40 - 48) / (4 - 48)
        "score_basis": "metric",
    }
    assert rows["ID-3"]["score"] == 0.9 and rows["ID-3"]["score_basis"] == "confidence"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_examples_year_end_and_next_years_plan_without_one(
    fmt: str, cli: Callable[..., Result]
) -> None:
    result = cli("export", "goals", EXAMPLES, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        empty: object = ""
    else:
        rows = json.loads(result.stdout)
        empty = None
    # 2028's OP1 has no check-in yet; 2027's plans have the final (Q4) one.
    later = [row for row in rows if int(row["cycle"]) == 2028]
    assert later and all(row[name] == empty for row in later for name in PROGRESS)
    first = next(row for row in rows if row["kind"] == "op2" and row["id"] == "G-1")
    shown = [str(first[name]) for name in PROGRESS]
    assert shown == ["Q4", "94.1%", "done", "1.0", "metric"]


def test_a_goal_the_latest_checkin_leaves_out_is_empty(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = copy(tmp_path / "identity")
    q2 = folder / "checkin-q2.md"
    q2.write_text(
        q2.read_text().replace(
            "  - id: ID-3\n    value: web and iOS\n", "  - id: ID-9\n    value: web and iOS\n"
        )
    )
    result = cli("export", "goals", folder, "--format", "json")
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["ID-3"]["checkin"] is None and rows["ID-1"]["checkin"] == "Q2"


def test_the_checkin_goes_on_the_rows_of_the_plan_it_reports_on(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """The examples' check-ins report on the OP2: the OP1's rows, whose baselines differ,
    stay empty; exported without its OP2, the OP1 (the team's latest plan there) takes it."""
    both = cli("export", "goals", EXAMPLES, "--format", "json", "--cycle", "2027")
    rows = json.loads(both.stdout)
    op1 = [row for row in rows if row["kind"] == "op1"]
    assert op1 and all(row[name] is None for row in op1 for name in PROGRESS)
    assert all(row["checkin"] == "Q4" for row in rows if row["kind"] == "op2")
    for path in EXAMPLES.glob("*-payments-platform.md"):
        if "op2" not in path.name and "2028" not in path.name:
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    alone = json.loads(cli("export", "goals", tmp_path, "--format", "json").stdout)
    g1 = next(row for row in alone if row["id"] == "G-1")
    assert (g1["kind"], g1["checkin"], g1["value"], g1["score"]) == ("op1", "Q4", "94.1%", 1.0)
