"""`opplan new op1 --from-previous`: next year's OP1 opens with this year's results."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, ROOT
from opplan import document
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import Op1
from opplan.schemas.op2 import Op2
from opplan.scoring import score

Cli = Callable[..., Result]

CHECKINS = ROOT / "tests" / "data" / "checkin-year"
FOLDER = Path("plans/2027/payments-platform")
OP2 = FOLDER / "op2.md"
NEXT = Path("plans/2028/payments-platform/op1.md")
QUARTERS = ("checkin-q1.md", "checkin-q2.md", "checkin-q3.md", "checkin-q4.md")

# The year in tests/data/checkin-year, as its final check-in scores it against the OP2.
STATUSES = {
    "G-1": "partial",  # 92.8% -> 93.7% of 94.0%: 0.75
    "G-2": "hit",  # 0.7% -> 0.4%, a goal that goes down
    "G-3": "hit",
    "G-4": "partial",  # 38 h -> 22 h of 6: 0.50, on the line
    "G-5": "hit",
    "G-6": "missed",  # 6,200 of 15,000 sellers: 0.41
    "G-7": "hit",  # "live on 2027-08-30" is not a number: done, by confidence
}


@pytest.fixture(autouse=True)
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example OP2 and a year of check-ins on it, where the convention puts them."""
    monkeypatch.chdir(tmp_path)
    FOLDER.mkdir(parents=True)
    shutil.copy(EXAMPLES / "op2-payments-platform.md", OP2)
    shutil.copy(EXAMPLES / "op1-payments-platform.md", FOLDER)
    for name in QUARTERS:
        shutil.copy(CHECKINS / name, FOLDER / name)
    return tmp_path


def _op2() -> Op2:
    model = document.load(OP2).model
    assert isinstance(model, Op2)
    return model


def _checkin(name: str) -> Checkin:
    model = document.load(FOLDER / name).model
    assert isinstance(model, Checkin)
    return model


def _made(path: Path = NEXT) -> tuple[document.Document, Op1]:
    doc = document.load(path)
    assert isinstance(doc.model, Op1), doc.schema_findings
    return doc, doc.model


def _status(value: float, partial: float = 0.5) -> str:
    return "hit" if value >= 1.0 else "partial" if value >= partial else "missed"


def test_each_result_matches_the_final_check_in(cli: Cli) -> None:
    result = cli("new", "op1", "--from-previous", OP2)
    assert result.exit_code == 0, result.output
    assert (
        f"results from {FOLDER / 'checkin-q4.md'} against {OP2}: 4 hit, 2 partial, 1 missed"
        in result.stdout
    )
    _, made = _made()
    plan, final = _op2(), _checkin("checkin-q4.md")
    progress = {goal.id: goal for goal in final.goals}
    assert len(made.results) == len(plan.goals) == len(STATUSES)
    for goal, outcome in zip(plan.goals, made.results, strict=True):
        reported = progress[goal.id]
        assert (outcome.goal, outcome.target, outcome.actual) == (
            goal.statement,
            goal.target,
            reported.value,
        )
        # The status is the score's, computed here from the plan and the check-in.
        scored = score(goal.baseline, goal.target, reported.value, reported.confidence)
        assert outcome.status == _status(scored.value) == STATUSES[goal.id], goal.id
        assert outcome.why == reported.note, goal.id


def test_the_op1_is_next_years_with_the_team_charter_and_partners_carried(cli: Cli) -> None:
    assert cli("new", "op1", "--from-previous", OP2).exit_code == 0
    _, made = _made()
    plan = _op2()
    assert (made.team, made.org, made.owners, made.cycle) == (
        plan.team,
        plan.org,
        plan.owners,
        2028,
    )
    assert made.title == "Payments Platform OP1 2028" and made.status == "draft"
    assert (made.charter, made.tenets, made.currency) == (plan.charter, plan.tenets, "USD")
    assert [p.team for p in made.partners] == [p.team for p in plan.partners]
    assert {p.reviewed for p in made.partners} == {None}  # they pre-read the new plan again
    assert made.goals[0].statement.startswith("[")  # next year's goals are still to write
    lint = cli("lint", "--no-cache", "--format", "json", NEXT)
    rules = {problem["rule"] for problem in json.loads(lint.stdout)["problems"]}
    assert rules == {"unresolved-marker"}


def test_unfinished_initiatives_are_offered_for_the_new_tracks(cli: Cli) -> None:
    result = cli("new", "op1", "--from-previous", OP2)
    assert "offered at the head of same_resources: SR-2 (on-track), SR-4 (delayed)" in result.stdout
    doc, made = _made()
    plan = {item.id: item for item in _op2().tracks.same_resources.initiatives}
    same = made.tracks.same_resources.initiatives
    assert [item.id for item in same] == ["SR-2", "SR-4", "SR-6"]  # then the skeleton's own
    for item in same[:2]:
        assert (item.name, item.outcome) == (plan[item.id].name, plan[item.id].outcome)
    assert [item.id for item in made.tracks.more_investment.initiatives] == ["MI-3"]
    assert (
        "      # carried over from 2027: delayed; keep it and update it, or delete it\n"
        "      # 2027: One processor of two matched per transaction.\n"
        "      - id: SR-4\n"
    ) in doc.text


@pytest.mark.parametrize("given", ["checkin-q2.md", "checkin-q4.md"])
def test_from_a_check_in_the_final_one_of_its_year(cli: Cli, given: str) -> None:
    result = cli("new", "op1", "--from-previous", FOLDER / given)
    assert result.exit_code == 0, result.output
    assert f"results from {FOLDER / 'checkin-q4.md'} against {OP2}" in result.stdout
    assert [r.status for r in _made()[1].results] == list(STATUSES.values())


def test_without_a_final_mark_the_latest_check_in_gives_the_results(cli: Cli) -> None:
    (FOLDER / "checkin-q4.md").unlink()
    result = cli("new", "op1", "--from-previous", OP2, "-o", "op1.md")
    assert result.exit_code == 0, result.output
    assert f"results from {FOLDER / 'checkin-q3.md'}" in result.stdout
    q3 = {goal.id: goal.value for goal in _checkin("checkin-q3.md").goals}
    results = _made(Path("op1.md"))[1].results
    assert [r.actual for r in results] == list(q3.values())
    assert [r.status for r in results][3:6] == ["missed", "hit", "missed"]  # 26 h, 99.990%, 2,100


def test_a_dropped_goal_is_missed_and_the_partial_line_is_a_setting(cli: Cli) -> None:
    final = FOLDER / "checkin-q4.md"
    text = final.read_text().replace(
        "    confidence: done\n    note: Idempotency",
        "    confidence: dropped\n    note: Idempotency",
    )
    final.write_text(text)
    Path("opplan.toml").write_text("[checkins]\npartial_score = 0.6\n")
    result = cli("new", "op1", "--from-previous", OP2)
    assert result.exit_code == 0, result.output
    statuses = [r.status for r in _made()[1].results]
    # G-2 dropped: missed whatever its value; G-4 at 0.50 is below the line of 0.6.
    assert statuses == ["partial", "missed", "hit", "missed", "hit", "missed", "hit"]
    assert "status: missed  # G-4: score 0.50\n" in NEXT.read_text()


def test_a_hit_without_a_note_has_no_why_and_a_miss_asks_for_one(cli: Cli) -> None:
    final = FOLDER / "checkin-q4.md"
    text = final.read_text()
    text = text.replace(
        "    note: Launched seven weeks late; 6,200 sellers used instant payouts in December.\n", ""
    )
    final.write_text(text)
    assert cli("new", "op1", "--from-previous", OP2).exit_code == 0
    results = {r.goal[:6]: r for r in _made()[1].results}
    assert results["Book e"].why is None  # G-3 was hit, and the check-in says nothing more
    assert results["Launch"].why == "[Why it was missed or only partly met]"


def test_the_cycle_can_be_given(cli: Cli) -> None:
    result = cli("new", "op1", "--from-previous", OP2, "--cycle", "2029")
    assert result.exit_code == 0, result.output
    assert _made(Path("plans/2029/payments-platform/op1.md"))[1].cycle == 2029


@pytest.mark.parametrize(
    ("setup", "given", "message"),
    [
        (
            QUARTERS,
            EXAMPLES / "prfaq-instant-payouts.md",
            "--from-previous needs last year's OP2 (or OP1) or one of its check-ins, "
            "and this is kind prfaq",
        ),
        (
            QUARTERS,
            Path("missing.md"),
            "missing.md:1:1: no such file; check the path [input]",
        ),
        (
            (),
            OP2,
            f"{OP2}: no check-in of Payments Platform 2027 in {FOLDER}, so no results "
            f"to carry; write the final one first (opplan new checkin --from {OP2} "
            "--quarter Q4 --final)",
        ),
        (
            ("checkin-q4.md",),
            FOLDER / "checkin-q4.md",
            f"{FOLDER / 'checkin-q4.md'}: its plan 'gone.md' is not a file",
        ),
    ],
    ids=["prfaq", "missing", "no check-ins", "plan missing"],
)
def test_what_cannot_start_the_op1_is_one_line_and_writes_nothing(
    cli: Cli, setup: tuple[str, ...], given: Path, message: str
) -> None:
    for name in QUARTERS:
        if name not in setup:
            (FOLDER / name).unlink()
    if given.name == "checkin-q4.md":
        given.write_text(given.read_text().replace("plan: op2.md", "plan: gone.md"))
    result = cli("new", "op1", "--from-previous", given)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("opplan: error: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not Path("plans/2028").exists()
