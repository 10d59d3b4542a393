"""The lint cache's invariant: a cached run gives exactly what `--no-cache` gives.

First the two wrong answers that once came out of the cache, then a stateful
property test that edits, renames, deletes and restores the plans of a small
repository at random (or puts a folder in a plan's place), lints one file, a
folder or several after each step, and compares the run served from the cache with a run without it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule
from typer.testing import Result

from opplan.config.model import Lint, Page
from opplan.lint.cache import ResultCache
from opplan.lint.engine import lint
from opplan.pages import PageCount

CASES = Path(__file__).parent / "cross_cases"


def _lint(paths: Sequence[str], cache: Path | None) -> list[str]:
    results = None if cache is None else ResultCache(cache, "setup")
    report = lint([Path(p) for p in paths], Lint(), root=Path(), cache=results, jobs=1)
    return [str(problem) for problem in report.problems] + [f"failed={report.failed}"]


def _cross(problems: list[str], rule: str) -> list[str]:
    return [problem for problem in problems if f"[{rule}]" in problem]


def test_renaming_an_initiative_in_the_op1_reaches_the_cached_op2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("op1-payments.md", "op2-payments.md"):
        shutil.copy(CASES / "op2-follows-op1-complete" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    assert _cross(_lint(["."], cache), "op2-follows-op1") == []
    assert _cross(_lint(["op2-payments.md"], cache), "op2-follows-op1") == []
    op1 = tmp_path / "op1-payments.md"
    op1.write_text(op1.read_text().replace("id: SR-1\n", "id: SR-77\n"))
    cached = _lint(["op2-payments.md"], cache)
    assert cached == _lint(["op2-payments.md"], None)
    assert _cross(cached, "op2-follows-op1") == [
        "op2-payments.md:9:1: error OP1 initiative SR-77 ('Work SR-1') is missing; keep it in "
        "a track with its status (cut if it was dropped) [op2-follows-op1]"
    ]


def test_plans_linted_one_at_a_time_then_together_keep_their_partner_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES / "partner-surprise-not-mentioned"
    for name in ("op1-checkout.md", "op1-payments.md"):
        shutil.copy(case / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    assert _cross(_lint(["op1-checkout.md"], cache), "partner-surprise") == []
    assert _cross(_lint(["op1-payments.md"], cache), "partner-surprise") == []
    together = _lint(["op1-checkout.md", "op1-payments.md"], cache)
    assert together == _lint(["op1-checkout.md", "op1-payments.md"], None)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert _cross(together, "partner-surprise") == expected


CHECKINS = CASES / "checkin-at-risk-second-quarter"


def _checkin_year(tmp_path: Path) -> None:
    for name in ("op1-fraud-detection.md", "checkin-Q1.md", "checkin-Q2.md"):
        shutil.copy(CHECKINS / name, tmp_path / name)


def test_editing_the_previous_check_in_reaches_the_cached_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _checkin_year(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    second = (CHECKINS / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert _cross(_lint(["checkin-Q2.md"], cache), "checkin-at-risk") == second
    q1 = tmp_path / "checkin-Q1.md"
    q1.write_text(
        q1.read_text().replace(
            "    value: 19\n    confidence: at-risk\n", "    value: 19\n    confidence: on-track\n"
        )
    )
    cached = _lint(["checkin-Q2.md"], cache)
    assert cached == _lint(["checkin-Q2.md"], None)
    assert _cross(cached, "checkin-at-risk") == []


def test_a_check_in_added_beside_one_reaches_the_cached_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _checkin_year(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    q1 = tmp_path / "checkin-Q1.md"
    text = q1.read_text()
    q1.unlink()
    assert _cross(_lint(["checkin-Q2.md"], cache), "checkin-at-risk") == []
    q1.write_text(text)  # the listing of the folder changed: a new check-in of the year
    cached = _lint(["checkin-Q2.md"], cache)
    assert cached == _lint(["checkin-Q2.md"], None)
    assert len(_cross(cached, "checkin-at-risk")) == 1


def test_an_op2_written_beside_the_op1_reaches_the_cached_check_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES / "checkin-plan-op2-on-disk"
    for name in ("checkin-Q1.md", "op1-fraud-detection.md"):
        shutil.copy(case / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    assert _cross(_lint(["checkin-Q1.md"], cache), "checkin-plan") == []
    shutil.copy(case / "op2-fraud-detection.md", tmp_path)  # the OP2 that revises the OP1
    cached = _lint(["checkin-Q1.md"], cache)
    assert cached == _lint(["checkin-Q1.md"], None)
    assert _cross(cached, "checkin-plan") == (case / "expected.txt").read_text().splitlines()


def test_editing_the_plan_reaches_the_cached_check_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _checkin_year(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache"
    assert _cross(_lint(["checkin-Q1.md"], cache), "checkin-coverage") == []
    plan = tmp_path / "op1-fraud-detection.md"
    plan.write_text(plan.read_text().replace("  - id: G-4\n", "  - id: G-7\n"))
    cached = _lint(["checkin-Q1.md"], cache)
    assert cached == _lint(["checkin-Q1.md"], None)
    assert [p.split(": error ")[1] for p in _cross(cached, "checkin-coverage")] == [
        "goal G-7 of the plan ('Launch device fingerprinting in every EU market.') is missing; "
        "say where it stands (dropped if it was dropped) [checkin-coverage]",
        "goal G-4 is not in the plan 'op1-fraud-detection.md'; did you mean 'G-7'? "
        "[checkin-coverage]",
    ]


def test_the_scores_by_confidence_are_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    _checkin_year(tmp_path)
    monkeypatch.chdir(tmp_path)
    q1 = tmp_path / "checkin-Q1.md"
    q1.write_text(
        q1.read_text().replace(
            "  - id: G-4\n    confidence: on-track\n", "  - id: G-4\n    confidence: at-risk\n"
        )
    )
    config = tmp_path / "opplan.toml"
    for score in ("0.4", "0.3"):
        config.write_text(f"[checkins]\nconfidence_scores = {{at-risk = {score}}}\n")
        cached = cli("lint", "checkin-Q1.md").stdout
        assert cached == cli("lint", "--no-cache", "checkin-Q1.md").stdout
        assert f"goal G-4, score {score}0 (by confidence: no value), is at-risk" in cached


def _variants(text: str) -> list[str]:
    """The versions of a plan the machine writes: renamed, re-partnered, moved, broken."""
    return [
        text,
        text.replace("id: SR-1\n", "id: SR-77\n").replace("id: C-1\n", "id: C-9\n"),
        text.replace("  - team: Search\n", "  - team: Payments\n"),
        text.replace("cycle: 2027", "cycle: 2028"),
        text.replace("op1: op1-payments.md", "op1: ../b/op1-payments.md"),
        text.replace("cycle: 2027", "cycle: banana"),
        text + "\nOne more paragraph of the plan.\n",
    ]


# The repository: an OP1 and the OP2 that revises it, and two teams' OP1s, one of
# which depends on the other; the OP2 can be pointed at the other folder's OP1;
# and (below) two check-ins beside the OP1 and OP2.
SOURCES = {
    "a/op1-payments.md": CASES / "op2-follows-op1-complete" / "op1-payments.md",
    "a/op2-payments.md": CASES / "op2-follows-op1-complete" / "op2-payments.md",
    "b/op1-checkout.md": CASES / "partner-surprise-not-mentioned" / "op1-checkout.md",
    "b/op1-payments.md": CASES / "partner-surprise-not-mentioned" / "op1-payments.md",
}
VARIANTS = {name: _variants(path.read_text(encoding="utf-8")) for name, path in SOURCES.items()}
# A Markdown file that is no plan until an edit gives it a kind (or a misspelt one).
NOTES = ["# Notes\n", "---\nkind: op1\n---\n# Notes\n", "---\nkind: opp1\n---\n", "---\n"]
VARIANTS["b/notes.md"] = [*NOTES, "# Notes\n\nMore.\n", "---\ntitle: Notes\n---\n", ""]
# Two check-ins of the team of a/: the second reads the first (at risk two quarters in a
# row) and the plan; edits turn the first on track, move it, or point at b/'s plan.
CHECKIN = """---
kind: checkin
title: Payments check-in {quarter} 2027
team: Payments
cycle: 2027
owners: [Ana Silva]
date: {date}
quarter: {quarter}
plan: op1-payments.md
goals:
  - id: G-1
    value: 12
    confidence: {confidence}
    note: Settlement files from the new processor arrive a day late.
initiatives:
  - id: SR-1
    status: on-track
  - id: SR-2
    status: delayed
---
# What was delivered

Refunds now settle in two days.
"""
Q1 = CHECKIN.format(quarter="Q1", date="2027-04-08", confidence="at-risk")
Q2 = CHECKIN.format(quarter="Q2", date="2027-07-07", confidence="off-track")
for name, text in (("a/checkin-q1.md", Q1), ("a/checkin-q2.md", Q2)):
    VARIANTS[name] = [
        text,
        text.replace("confidence: at-risk", "confidence: on-track"),
        text.replace("quarter: Q1", "quarter: Q3").replace("quarter: Q2", "quarter: Q1"),
        text.replace("plan: op1-payments.md", "plan: ../b/op1-payments.md"),
        text.replace("  - id: SR-2\n    status: delayed\n", ""),
        text.replace("cycle: 2027", "cycle: 2028"),
        text.replace("kind: checkin", "kind: checkn"),
    ]
TARGETS = [".", "a", "b", *VARIANTS]


class CachedEqualsUncached(RuleBasedStateMachine):
    @initialize()
    def make_repository(self) -> None:
        self.top = Path(tempfile.mkdtemp(prefix="opplan-cache-"))
        self.repo = self.top / "repo"
        for name, variants in VARIANTS.items():
            (self.repo / name).parent.mkdir(parents=True, exist_ok=True)
            (self.repo / name).write_text(variants[0], encoding="utf-8")
        self.before = Path.cwd()
        os.chdir(self.repo)

    @rule(name=st.sampled_from(sorted(VARIANTS)), variant=st.integers(0, 6))
    def edit(self, name: str, variant: int) -> None:
        self.delete(name)
        (self.repo / name).write_text(VARIANTS[name][variant], encoding="utf-8")

    @rule(name=st.sampled_from(sorted(VARIANTS)))
    def delete(self, name: str) -> None:
        path = self.repo / name
        if path.is_dir():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)

    @rule(name=st.sampled_from(sorted(VARIANTS)))
    def make_it_a_folder(self, name: str) -> None:
        """A folder where a plan was (or is named): "not a file" is not "no file"."""
        self.delete(name)
        (self.repo / name).mkdir()

    @rule(paths=st.lists(st.sampled_from(TARGETS), min_size=1, max_size=3, unique=True))
    def run(self, paths: list[str]) -> None:
        self.last = paths
        cached = _lint(paths, self.top / "cache")
        assert cached == _lint(paths, None), paths

    @rule()
    def run_again(self) -> None:
        """The same paths as the last run: what one does after an edit."""
        self.run(getattr(self, "last", ["."]))

    def teardown(self) -> None:
        if hasattr(self, "before"):
            os.chdir(self.before)
            shutil.rmtree(self.top, ignore_errors=True)


# 300 examples of up to 12 steps (about 20 s): enough to find both wrong answers
# above when their fixes are taken out, checked by doing so. Derandomized, so
# that CI runs the same sequences every time.
TestCachedEqualsUncached = CachedEqualsUncached.TestCase
TestCachedEqualsUncached.settings = settings(
    max_examples=300, stateful_step_count=12, deadline=None, derandomize=True
)


def test_a_file_the_page_count_read_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under --exact, where the count typesets the images the document shows."""
    shutil.copy(Path(__file__).parents[1] / "examples" / "op1-payments-platform.md", tmp_path)
    monkeypatch.chdir(tmp_path)
    image = tmp_path / "chart.png"
    image.write_bytes(b"x" * 7)

    def count(doc: object, page: Page) -> PageCount:
        pages = float(len(image.read_bytes())) if image.exists() else 1.0
        return PageCount(pages, pages + 1, exact=True, files=(str(image),))

    def budget(cache: Path | None) -> list[str]:
        results = None if cache is None else ResultCache(cache, "setup")
        paths = [Path("op1-payments-platform.md")]
        report = lint(paths, Lint(), page_counter=count, cache=results, jobs=1)
        return [problem.message for problem in report.problems if problem.rule == "page-budget"]

    assert budget(tmp_path / ".cache") == [
        "narrative is 7 pages when typeset; budget is 6 (move detail to the appendix)"
    ]
    image.write_bytes(b"x" * 5)
    assert budget(tmp_path / ".cache") == budget(None) == []
    image.unlink()
    assert budget(tmp_path / ".cache") == budget(None) == []
    image.write_bytes(b"x" * 8)
    assert budget(tmp_path / ".cache") == budget(None) != []
