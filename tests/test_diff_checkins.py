"""`opplan diff` of check-ins: two files, two revisions of one, and a year of new quarters."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from checkin_data import copy, text
from git_helpers import Repo

Q1_TO_Q2 = [
    "  status changed: approved -> review",
    "  quarter changed: Q1 2027 -> Q2 2027",
    "  overcommitted changed: no -> yes",
    "  goal moved: ID-1 Raise the sign-in success rate from 96.2% to 98.5%. "
    "(value 96.9% -> 97.6%; score 0.30 -> 0.61 (+0.31); confidence on-track)",
    "  goal moved: ID-2 Cut the median account recovery time from 48 hours to 4. "
    "(value 40 -> 30 h; score 0.18 -> 0.41 (+0.23); confidence at-risk -> off-track)",
    "  goal moved: ID-3 Offer passkeys to every buyer on web and mobile. "
    "(value web -> web and iOS; score 0.70 by confidence -> 0.40 by confidence (-0.30); "
    "confidence on-track -> at-risk)",
    "  initiative changed: IP-1 Passkey registration and sign-in (on-track -> delivered)",
    "  initiative changed: IP-3 Risk-based step-up checks (planned -> cut)",
    # Each quarter records its own decisions: the newer one's are taken, none "removed".
    "  decision taken: stop: Risk-based step-up checks this year "
    "(why: The two engineers move to self-serve recovery; about IP-3, IP-2)",
    "  decision taken: adjust: Recovery target date from September to December "
    "(why: The vendor contract came three months late; about ID-2)",
]


def _changes(stdout: str) -> list[str]:
    return [
        line
        for line in stdout.splitlines()
        if line.startswith("  ") and "narrative" not in line and "sections" not in line
    ]


def test_two_files(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "--files", "checkin-q1.md", "checkin-q2.md")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "plan changes: checkin-q1.md -> checkin-q2.md"
    assert lines[2] == (
        "checkin-q2.md: compared with checkin-q1.md (checkin: Identity Platform check-in Q2 2027)"
    )
    assert _changes(result.stdout) == Q1_TO_Q2


def test_two_files_as_json_and_markdown(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "--files", "checkin-q1.md", "checkin-q2.md", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["from"] == {"path": "checkin-q1.md"} and data["to"] == {"path": "checkin-q2.md"}
    moved = {
        c["movement"]["goal"]: c["movement"]
        for c in data["documents"][0]["changes"]
        if c.get("movement")
    }
    assert moved["ID-2"] == {
        "goal": "ID-2",
        "value_before": 40,
        "value_after": "30 h",
        "score_before": 0.18,
        "score_after": 0.41,
        "basis_before": "metric",
        "basis_after": "metric",
        "confidence_before": "at-risk",
        "confidence_after": "off-track",
        "change": 0.23,
    }
    assert moved["ID-3"]["basis_after"] == "confidence" and moved["ID-3"]["change"] == -0.3
    decisions = [c for c in data["documents"][0]["changes"] if c["area"] == "decision"]
    assert [(c["action"], "movement" in c) for c in decisions] == [
        ("taken", False),
        ("taken", False),
    ]
    markdown = cli("diff", "--files", "checkin-q1.md", "checkin-q2.md", "--format", "markdown")
    assert "- **goal moved:** ID-1 Raise the sign-in success rate" in markdown.stdout
    assert "score 0.30 -> 0.61 (+0.31)" in markdown.stdout


def test_files_needs_two(cli: Callable[..., Result]) -> None:
    result = cli("diff", "--files", "checkin-q1.md")
    assert result.exit_code == 2
    assert "--files compares two files; name exactly two" in result.stderr


def test_two_revisions_of_one_checkin_score_against_the_plan_then(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("identity/op2.md", text("op2.md"))
    repo.write("identity/checkin.md", text("checkin-q1.md"))
    first = repo.commit("Q1 check-in", "2027-04-09")
    # A month on: the value moved, and the plan's target was raised.
    repo.write("identity/op2.md", text("op2.md").replace('target: "98.5%"', 'target: "99.0%"'))
    repo.write("identity/checkin.md", text("checkin-q1.md").replace('"96.9%"', '"97.1%"'))
    second = repo.commit("Q1 check-in, corrected", "2027-05-02")
    monkeypatch.chdir(repo.root)
    result = cli("diff", first, second, "identity/checkin.md")
    assert result.exit_code == 0, result.output
    # (96.9 - 96.2) / (98.5 - 96.2) before; (97.1 - 96.2) / (99.0 - 96.2) after.
    assert _changes(result.stdout) == [
        "  goal moved: ID-1 Raise the sign-in success rate from 96.2% to 98.5%. "
        "(value 96.9% -> 97.1%; score 0.30 -> 0.32 (+0.02); confidence on-track)"
    ]


def test_a_year_of_commits_compares_each_new_quarter_with_the_one_before(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("identity/op2.md", text("op2.md"))
    start = repo.commit("OP2", "2027-01-14")
    repo.write("identity/checkin-q1.md", text("checkin-q1.md"))
    repo.commit("Q1 check-in", "2027-04-09")
    repo.write("identity/checkin-q2.md", text("checkin-q2.md"))
    repo.commit("Q2 check-in", "2027-07-08")
    monkeypatch.chdir(repo.root)
    result = cli("diff", start, "HEAD")
    assert result.exit_code == 0, result.output
    blocks = result.stdout.split("\n\n")
    q1 = next(block for block in blocks if block.startswith("identity/checkin-q1.md"))
    assert q1 == "identity/checkin-q1.md: added (checkin: Identity Platform check-in Q1 2027)"
    q2 = next(block for block in blocks if block.startswith("identity/checkin-q2.md"))
    assert q2.splitlines()[0] == (
        "identity/checkin-q2.md: added (checkin: Identity Platform check-in Q2 2027)"
    )
    assert _changes(q2) == [
        *Q1_TO_Q2,
        "  note: compared with identity/checkin-q1.md, the check-in before it",
    ]
    data = json.loads(cli("diff", start, "HEAD", "--format", "json").stdout)
    added = {doc["path"]: doc for doc in data["documents"]}
    assert added["identity/checkin-q2.md"]["note"].startswith(
        "compared with identity/checkin-q1.md"
    )
    assert added["identity/checkin-q1.md"]["changes"] == []


def test_the_working_tree_against_head(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("op2.md", text("op2.md"))
    repo.write("checkin-q1.md", text("checkin-q1.md"))
    repo.commit("Q1", "2027-04-09")
    repo.write("checkin-q2.md", text("checkin-q2.md"))  # not committed yet
    monkeypatch.chdir(repo.root)
    result = cli("diff")
    assert result.exit_code == 0, result.output
    assert "  note: compared with checkin-q1.md, the check-in before it" in result.stdout
    assert "(value 40 -> 30 h; score 0.18 -> 0.41 (+0.23)" in result.stdout


def test_a_revision_of_one_quarter_adds_and_removes_decisions(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    q2 = (tmp_path / "checkin-q2.md").read_text(encoding="utf-8")
    assert "Risk-based step-up checks this year" in q2
    revised = q2.replace("Risk-based step-up checks this year", "Risk-based step-up checks")
    (tmp_path / "checkin-q2-revised.md").write_text(revised, encoding="utf-8")
    result = cli("diff", "--files", "checkin-q2.md", "checkin-q2-revised.md")
    decisions = [line for line in _changes(result.stdout) if "decision" in line]
    assert [line.split(":")[0].strip() for line in decisions] == [
        "decision added",
        "decision removed",
    ]
