"""The cross-document rules, as data: each folder of tests/cross_cases is a set of
plans linted together, and its expected.txt lists every problem it must yield.

A folder is linted whole, with its own opplan.toml if it has one; a lint.txt
names the files to lint instead (one a line), for the documents a rule must
find on disk rather than among those linted."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from opplan import config
from opplan.lint.engine import lint
from opplan.lint.rule import CorpusRule
from opplan.lint.rules import RULES

CASES = Path(__file__).parent / "cross_cases"
CROSS = {rule.ID for rule in RULES.values() if isinstance(rule, CorpusRule)}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()), ids=str)
def test_cross_case(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / case
    monkeypatch.chdir(folder)
    settings = config.load(start=folder)
    named = folder / "lint.txt"
    paths = named.read_text(encoding="utf-8").split() if named.exists() else ["."]
    report = lint([Path(path) for path in paths], settings.lint, checkins=settings.checkins)
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    # The cases are small plans: the single-document rules have much to say about them.
    assert [str(problem) for problem in report.problems if problem.rule in CROSS] == expected


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    rules = {
        "partner-surprise",
        "shared-goal-consistency",
        "op2-follows-op1",
        "duplicate-ids",
        "checkin-plan",
        "checkin-coverage",
        "checkin-at-risk",
        "checkin-optimistic",
    }
    for rule in rules:
        outcomes = {
            bool((folder / "expected.txt").read_text(encoding="utf-8").strip())
            for folder in CASES.iterdir()
            if folder.name.startswith(rule.replace("-consistency", ""))
        }
        assert outcomes == {True, False}, rule


def test_examples_stay_clean_with_the_cross_document_rules() -> None:
    report = lint([EXAMPLES], config.load(start=EXAMPLES).lint)
    assert report.problems == []
    assert len(report.documents) == len(list(EXAMPLES.glob("*.md")))


def test_examples_report_absent_partners_when_asked() -> None:
    settings = config.Config.model_validate(
        {"root": EXAMPLES, "lint": {"rules": {"partner-surprise": {"missing_plan": "report"}}}}
    )
    report = lint([EXAMPLES], settings.lint)
    partners = {problem.message.split(" for ")[0] for problem in report.problems}
    assert partners == {
        "no plan of Checkout",
        "no plan of Ads Billing",
        "no plan of Finance Systems",
        "no plan of Risk & Compliance",
        "no plan of Marketplace Canada",  # a dependency added in the OP2
        "no plan of Seller Experience",  # a dependency of the 2028 OP1
    }
    assert {problem.rule for problem in report.problems} == {"partner-surprise"}


def test_a_suppression_of_a_cross_document_rule_that_silences_nothing_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The suppressed case with SR-2 back in the OP2: the comment silences nothing now.
    for name in ("op1-payments.md", "op2-payments.md"):
        text = (CASES / "op2-follows-op1-suppressed" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
    op2 = tmp_path / "op2-payments.md"
    carried = "      - id: SR-2\n        name: Work SR-2\n        status: cut\n"
    op2.write_text(op2.read_text().replace("    initiatives:\n", "    initiatives:\n" + carried, 1))
    monkeypatch.chdir(tmp_path)
    report = lint([Path()], config.load(start=tmp_path).lint)
    assert [str(p) for p in report.problems if p.rule in {*CROSS, "unused-suppression"}] == [
        "op2-payments.md:9:10: warning suppression of 'op2-follows-op1' suppresses nothing "
        "here; remove it [unused-suppression]"
    ]
