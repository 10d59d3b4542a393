"""`opplan new checkin`: by quarter, pre-filled from the plan and the check-in before it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, ROOT
from opplan import document
from opplan.config.model import New
from opplan.errors import UsageError
from opplan.kinds import checkin
from opplan.scaffold.values import Request, complete, last_quarter, quarter_of
from opplan.schemas.checkin import Checkin
from opplan.schemas.op1 import PlanFields
from opplan.workspace.checkins import goals_by_id, initiatives_by_id

Cli = Callable[..., Result]

CHECKINS = ROOT / "tests" / "data" / "checkin-year"
FOLDER = Path("plans/2027/payments-platform")
OP2 = FOLDER / "op2.md"
OP1 = FOLDER / "op1-payments-platform.md"  # as the OP2's `op1:` names it


@pytest.fixture(autouse=True)
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example OP1 and OP2 where the convention puts them, in a repository of their own."""
    monkeypatch.chdir(tmp_path)
    FOLDER.mkdir(parents=True)
    shutil.copy(EXAMPLES / "op2-payments-platform.md", OP2)
    shutil.copy(EXAMPLES / "op1-payments-platform.md", OP1)
    return tmp_path


def _checkin(name: str, folder: Path = FOLDER, **changes: str) -> Path:
    """One of the test year's check-ins, copied into `folder`, with text replaced."""
    text = (CHECKINS / name).read_text()
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _load(path: Path) -> tuple[document.Document, Checkin]:
    doc = document.load(path)
    assert isinstance(doc.model, Checkin), doc.schema_findings
    return doc, doc.model


def _plan(path: Path) -> PlanFields:
    model = document.load(path).model
    assert isinstance(model, PlanFields)
    return model


def _problems(cli: Cli, path: Path) -> list[dict[str, object]]:
    result = cli("lint", "--no-cache", "--format", "json", path)
    problems: list[dict[str, object]] = json.loads(result.stdout)["problems"]
    return problems


def test_from_the_op2_every_goal_and_initiative_is_listed_with_what_the_plan_says(
    cli: Cli,
) -> None:
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2")
    assert result.exit_code == 0, result.output
    path = FOLDER / "checkin-q2.md"
    assert result.stdout.startswith(f"created {path} (checkin from the built-in template")
    assert "no earlier check-in of Payments Platform 2027" in result.stdout
    doc, made = _load(path)
    plan = _plan(OP2)
    assert (made.team, made.org, made.cycle, made.owners) == (
        plan.team,
        plan.org,
        plan.cycle,
        plan.owners,
    )
    assert (made.title, made.quarter, made.final, made.status) == (
        "Payments Platform check-in Q2 2027",
        "Q2",
        False,
        "draft",
    )
    assert made.date == dt.date.today()
    assert (path.parent / made.plan).resolve() == OP2.resolve() and made.plan == "op2.md"
    assert [goal.id for goal in made.goals] == list(goals_by_id(plan))
    assert {(g.value, g.confidence) for g in made.goals} == {(None, "on-track")}
    statuses = {item.id: getattr(item, "status", None) for item in initiatives_by_id(plan).values()}
    assert {item.id: item.status for item in made.initiatives} == statuses
    assert list(statuses) == [
        "SR-1",
        "SR-2",
        "SR-3",
        "SR-4",
        "SR-5",
        "MI-1",
        "MI-2",
        "TD-1",
        "TD-2",
    ]
    assert made.decisions == [] and made.overcommitted is False
    for goal in plan.goals:  # beside each goal, what the author needs to fill in its value
        assert f"  # {goal.id}: {goal.statement}\n" in doc.text
        assert f"  # metric: {goal.metric}\n" in doc.text
    assert '  # baseline "92.8%", target "94.0%", due 2027-12-31\n  - id: G-1\n' in doc.text
    assert "  # baseline 38, target 6, due 2027-12-31\n  - id: G-4\n" in doc.text
    assert "value: null  # TODO: the value now, as the plan writes it\n" in doc.text
    assert [s.title for s in doc.body.sections if s.level == 1] == list(checkin.SECTIONS)
    problems = _problems(cli, path)
    assert problems and {p["rule"] for p in problems} == {"unresolved-marker"}


def test_filled_in_it_lints_clean(cli: Cli) -> None:
    assert cli("new", "checkin", "--from", OP2, "--quarter", "Q1").exit_code == 0
    path = FOLDER / "checkin-q1.md"
    text = path.read_text()
    text = text.replace("null  # TODO: the value now, as the plan writes it", '"50%"')
    text = re.sub(r"\[[^\]\n]+\]", "Written.", text)
    path.write_text(text)
    assert _problems(cli, path) == []
    assert {goal.value for goal in _load(path)[1].goals} == {"50%"}


def test_from_an_op1_initiatives_start_planned(cli: Cli) -> None:
    result = cli("new", "checkin", "--from", OP1, "--quarter", "Q1", "-o", "early/q1.md")
    assert result.exit_code == 0, result.output
    _, made = _load(Path("early/q1.md"))
    assert made.plan == "../plans/2027/payments-platform/op1-payments-platform.md"
    plan = _plan(OP1)
    assert [item.id for item in made.initiatives] == list(initiatives_by_id(plan))
    assert {item.status for item in made.initiatives} == {"planned"}


def test_the_check_in_before_carries_forward(cli: Cli) -> None:
    before = _checkin("checkin-q1.md")
    _checkin("checkin-q3.md")  # a later quarter is not carried into Q2
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2")
    assert result.exit_code == 0, result.output
    assert f"carried forward from {before} (Q1)" in result.stdout
    doc, made = _load(FOLDER / "checkin-q2.md")
    _, last = _load(before)
    for new, old in zip(made.goals, last.goals, strict=True):
        assert (new.id, new.value, new.confidence) == (old.id, old.value, old.confidence)
        assert new.note == (old.note or "[What moved it, or what is in the way]")
    for item, old_item in zip(made.initiatives, last.initiatives, strict=True):
        assert (item.id, item.status) == (old_item.id, old_item.status)
        assert item.note == (old_item.note or "[What was delivered, or why it slipped]")
    assert made.decisions == []  # decisions were taken then: they do not carry
    assert 'value: "93.0%"  # carried from Q1: update it\n' in doc.text


def test_on_standard_output_the_document_goes_alone_and_what_it_drew_on_to_stderr(
    cli: Cli,
) -> None:
    before = _checkin("checkin-q1.md")
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("---\nkind: checkin\n")
    assert 'value: "93.0%"  # carried from Q1: update it\n' in result.stdout
    assert f"opplan: carried forward from {before} (Q1)" in result.stderr
    assert not (FOLDER / "checkin-q2.md").exists()


def test_the_final_check_in_carries_from_the_latest_quarter(cli: Cli) -> None:
    for name in ("checkin-q1.md", "checkin-q2.md", "checkin-q3.md"):
        _checkin(name)
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q4", "--final")
    assert result.exit_code == 0, result.output
    assert f"carried forward from {FOLDER / 'checkin-q3.md'} (Q3)" in result.stdout
    _, made = _load(FOLDER / "checkin-q4.md")
    assert made.final is True and made.title == "Payments Platform check-in Q4 2027"
    assert {g.id: g.value for g in made.goals}["G-7"] == "live on 2027-08-30"


def test_a_check_in_on_the_op1_carries_into_one_on_the_op2(cli: Cli) -> None:
    # Before the OP2 existed, the Q1 check-in reported on the OP1, written elsewhere.
    before = _checkin(
        "checkin-q1.md", Path("reports"), **{"plan: op2.md": f"plan: ../{OP1.as_posix()}"}
    )
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2", "-o", "reports/q2.md")
    assert result.exit_code == 0, result.output
    assert f"carried forward from {before} (Q1)" in result.stdout
    _, made = _load(Path("reports/q2.md"))
    assert made.plan == "../plans/2027/payments-platform/op2.md"
    assert made.goals[0].value == "93.0%"


@pytest.mark.parametrize(
    "changes",
    [
        {"team: Payments Platform": "team: Checkout"},
        {"cycle: 2027": "cycle: 2026"},
        {"quarter: Q1": "quarter: Q2"},  # the same quarter is not the one before
    ],
    ids=["other team", "other year", "same quarter"],
)
def test_only_an_earlier_check_in_of_the_team_and_year_carries(
    cli: Cli, changes: dict[str, str]
) -> None:
    _checkin("checkin-q1.md", **changes)
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2", "-o", "q2.md")
    assert result.exit_code == 0, result.output
    assert "no earlier check-in of Payments Platform 2027" in result.stdout
    assert {goal.value for goal in _load(Path("q2.md"))[1].goals} == {None}


def test_a_check_in_that_fails_the_schema_is_named_not_carried(cli: Cli) -> None:
    broken = _checkin("checkin-q1.md", **{"quarter: Q1": "quarter: first"})
    result = cli("new", "checkin", "--from", OP2, "--quarter", "Q2")
    assert result.exit_code == 0, result.output
    assert "no earlier check-in of Payments Platform 2027 found" in result.stdout
    assert (
        f"note: {broken} fails the schema, so nothing was carried from it "
        f"(run: opplan lint {broken})\n"
    ) in result.stdout


def _broken_op2() -> Path:
    path = Path("broken/op2.md")
    path.parent.mkdir()
    path.write_text(OP2.read_text().replace("cycle: 2027", "cycle: soon"))
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", EXAMPLES / "prfaq-instant-payouts.md"],
            "prfaq-instant-payouts.md: --from needs the plan the check-in reports on "
            "(an OP2 or an OP1), and this is kind prfaq\n",
        ),
        (
            ["--from", CHECKINS / "checkin-q1.md"],
            "checkin-q1.md: --from needs the plan the check-in reports on (an OP2 or an OP1), "
            "and this is kind checkin\n",
        ),
        (["--from", "missing.md"], "missing.md:1:1: no such file; check the path [input]\n"),
        (
            ["--from", "broken/op2.md"],
            "broken/op2.md:6:1: the OP2 fails the schema (cycle: expected a whole number",
        ),
        (
            ["--from", OP2, "--quarter", "Q5"],
            "unknown quarter 'Q5'; use one of Q1, Q2, Q3, Q4\n",
        ),
        (
            ["--team", "Ops", "--quarter", "q22"],
            "unknown quarter 'Q22'; use one of Q1, Q2, Q3, Q4; did you mean 'Q2'?\n",
        ),
        (
            ["--from-previous", OP2],
            "--from-previous is for op1 only: opplan new op1 --from-previous PATH/TO/op2.md\n",
        ),
    ],
    ids=["prfaq", "check-in", "missing", "schema", "quarter", "quarter typo", "from-previous"],
)
def test_what_cannot_make_a_check_in_is_one_line_and_writes_nothing(
    cli: Cli, args: list[str | Path], message: str
) -> None:
    _broken_op2()
    result = cli("new", "checkin", *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("opplan: error: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert list(Path("plans").rglob("checkin*")) == [] and not Path("q2.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["op1", "--quarter", "Q2"], "--quarter is for checkin only; leave it out for a op1"),
        (["op2", "--final"], "--final is for checkin only; leave it out for a op2"),
        (["prfaq", "--from", "x.md"], "--from is for op2 and checkin only"),
    ],
)
def test_check_in_options_are_refused_for_other_kinds(
    cli: Cli, args: list[str], message: str
) -> None:
    result = cli("new", *args, "--team", "Ops", "--title", "T")
    assert result.exit_code == 2 and message in result.stderr


def test_without_from_a_skeleton_for_the_quarter(cli: Cli) -> None:
    result = cli(
        "new", "checkin", "--team", "Payments Platform", "--cycle", "2027", "--quarter", "q3"
    )
    assert result.exit_code == 0, result.output
    path = FOLDER / "checkin-q3.md"
    assert (
        f"tip: opplan new checkin --from {OP2} --force pre-fills it from the plan" in result.stdout
    )
    _, made = _load(path)
    assert (made.quarter, made.final, made.title) == (
        "Q3",
        False,
        "Payments Platform check-in Q3 2027",
    )
    final = cli("new", "checkin", "--team", "Ops", "--cycle", "2027", "--quarter", "Q4", "--final")
    assert final.exit_code == 0, final.output
    assert _load(Path("plans/2027/ops/checkin-q4.md"))[1].final is True


def test_a_quarter_in_the_path_of_another_kind_is_refused(cli: Cli) -> None:
    Path("opplan.toml").write_text('[new.paths]\nop1 = "plans/{cycle}/{team}/op1-{quarter}.md"\n')
    result = cli("new", "op1", "--team", "Ops")
    assert result.exit_code == 2
    assert "uses {quarter}, which only a check-in has; change the pattern" in result.stderr


@pytest.mark.parametrize(
    ("today", "year", "quarter"),
    [
        (dt.date(2027, 5, 10), 2027, "Q1"),
        (dt.date(2027, 4, 1), 2027, "Q1"),
        (dt.date(2027, 3, 31), 2026, "Q4"),
        (dt.date(2027, 1, 5), 2026, "Q4"),
        (dt.date(2027, 12, 31), 2027, "Q3"),
    ],
)
def test_the_quarter_that_ended_last(today: dt.date, year: int, quarter: str) -> None:
    assert last_quarter(today) == (year, quarter)


def test_the_default_quarter_is_the_cycles_last_that_ended() -> None:
    today = dt.date(2027, 10, 3)
    assert [quarter_of(cycle, today) for cycle in (2026, 2027, 2028)] == ["Q4", "Q3", "Q1"]
    values = complete(Request("checkin", team="Ops"), New(cycle=2030), None, today)
    assert (values.cycle, values.quarter, values.title) == (2027, "Q3", "Ops check-in Q3 2027")
    assert values.path_fields["quarter"] == "q3"


def test_the_quarter_is_asked_for_after_the_cycle() -> None:
    asked: list[tuple[str, str]] = []

    def ask(question: str, default: str) -> str:
        asked.append((question, default))
        return {"Quarter (Q1-Q4)": "q2"}.get(question, default)

    values = complete(Request("checkin", team="Ops"), New(), ask, dt.date(2027, 1, 20))
    assert asked[:2] == [("Cycle (planning year)", "2026"), ("Quarter (Q1-Q4)", "Q4")]
    assert (values.cycle, values.quarter) == (2026, "Q2")
    with pytest.raises(UsageError, match="unknown quarter 'Q7'"):
        complete(
            Request("checkin", "Ops", cycle=2027), New(), lambda q, d: "Q7", dt.date(2027, 1, 20)
        )
