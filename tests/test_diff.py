"""`opplan diff` on real git repositories: several commits, a rename, a deletion."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from git_helpers import Repo
from opplan.config.model import Page
from opplan.document import load_text
from opplan.pages import estimate

PAYMENTS_V1 = """\
---
kind: op1
title: Payments OP1 2027
team: Payments
cycle: 2027
status: draft
owners: [Ana Silva]
tracks:
  same_resources:
    headcount: 10
  more_investment:
    headcount: 14
goals:
  - id: G-1
    tier: company
    statement: Raise the authorization rate.
    target: "94%"
    due: 2027-12-31
assumptions:
  - Volume grows 18%.
  - Prices stay flat.
asks:
  - kind: headcount
    amount: 4
    what: 4 engineers for payouts
    by: 2027-01-31
risks:
  - risk: A processor outage
    likelihood: low
    impact: high
    mitigation: Fail over to the second processor.
---
# Introduction

We run payments for 1,200 merchants.

# Plan

We route each payment to the best processor.
"""

PAYMENTS_V2 = """\
---
kind: op1
title: Payments OP1 2027
team: Payments
cycle: 2027
status: review
owners: [Ana Silva]
tracks:
  same_resources:
    headcount: 11
  more_investment:
    headcount: 14
goals:
  - id: G-1
    tier: company
    statement: Raise the authorization rate.
    target: "94.5%"
    due: 2027-12-31
  - id: G-2
    tier: team
    statement: Reconcile settlement within 6 hours.
    target: 6
    due: 2027-09-30
assumptions:
  - Volume grows 18%.
  - Canada launches in September.
asks:
  - kind: headcount
    amount: 3
    what: 4 engineers for payouts
    by: 2027-02-28
  - kind: budget
    amount: 500000
    what: A sponsor bank program
dependencies:
  - team: Checkout
    need: Idempotency keys on every request
---
# Introduction

We run payments for 1,300 merchants.

# Plan

We route each payment to the best processor.

# Canada

We launch card payments in Canada.
"""

CHECKOUT = """\
---
kind: op1
title: Checkout OP1 2027
team: Checkout
cycle: 2027
status: draft
owners: [Bo Chen]
tracks:
  same_resources:
    headcount: 8
  more_investment:
    headcount: 9
---
# Introduction

We run the checkout page.
"""

SEARCH = CHECKOUT.replace("Checkout", "Search").replace("checkout page", "search box")


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """Three commits: the first plans; a revision, a rename and a deletion; a status change."""
    repo = Repo(tmp_path / "plans", monkeypatch)
    repo.write("payments/op1.md", PAYMENTS_V1)
    repo.write("checkout/op1.md", CHECKOUT)
    repo.write("search/op1.md", SEARCH)
    repo.write("notes.md", "# Meeting notes\n")
    repo.commit("First drafts", "2026-07-01")
    repo.write("payments/op1.md", PAYMENTS_V2)
    repo.git("mv", "checkout/op1.md", "checkout/op1-2027.md")
    repo.git("rm", "-q", "search/op1.md")
    repo.write("notes.md", "# Meeting notes\n\nMore notes.\n")
    repo.commit("Revise payments, rename checkout, drop search", "2026-07-15")
    repo.write("checkout/op1-2027.md", CHECKOUT.replace("status: draft", "status: review"))
    repo.commit("Checkout goes to review", "2026-08-01")
    monkeypatch.chdir(repo.root)
    return repo


def _pages(text: str) -> str:
    """The estimated narrative pages as the diff prints them (the estimate has its own tests)."""
    return f"{estimate(load_text('doc.md', text).body, Page()).narrative:.1f}"


def _short(repo: Repo, rev: str) -> str:
    return repo.git("rev-parse", "--short=7", rev)


def test_two_revisions_report_every_change(history: Repo, cli: Callable[..., Result]) -> None:
    result = cli("diff", "HEAD~2", "HEAD~1")
    assert result.exit_code == 0, result.output
    old, new = _short(history, "HEAD~2"), _short(history, "HEAD~1")
    assert (
        result.stdout
        == f"""\
plan changes: HEAD~2 ({old}) -> HEAD~1 ({new})

checkout/op1-2027.md: renamed from checkout/op1.md (op1: Checkout OP1 2027)
  narrative: 6 -> 6 words, {_pages(CHECKOUT)} -> {_pages(CHECKOUT)} pages

payments/op1.md: modified (op1: Payments OP1 2027)
  status changed: draft -> review
  headcount changed: same_resources (10 -> 11)
  ask changed: headcount 4 engineers for payouts (amount 4 -> 3; by 2027-01-31 -> 2027-02-28)
  ask added: budget A sponsor bank program (amount 500,000)
  goal changed: G-1 (company) Raise the authorization rate. (target 94% -> 94.5%)
  goal added: G-2 (team) Reconcile settlement within 6 hours. (target 6; due 2027-09-30)
  assumption removed: Prices stay flat.
  assumption added: Canada launches in September.
  risk removed: A processor outage
  dependency added: Checkout: Idempotency keys on every request
  narrative: 16 -> 23 words, {_pages(PAYMENTS_V1)} -> {_pages(PAYMENTS_V2)} pages
  sections changed: Introduction
  sections added: Canada

search/op1.md: deleted (op1: Search OP1 2027)

3 plan documents changed: 1 deleted, 1 modified, 1 renamed
"""
    )


def test_no_revision_compares_the_last_commit_with_the_working_tree(
    history: Repo, cli: Callable[..., Result]
) -> None:
    history.write("search/op1.md", SEARCH)  # untracked: a new document
    history.write("payments/op1.md", PAYMENTS_V2.replace("status: review", "status: approved"))
    result = cli("diff")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"""\
plan changes: HEAD ({_short(history, "HEAD")}) -> working tree

payments/op1.md: modified (op1: Payments OP1 2027)
  status changed: review -> approved
  narrative: 23 -> 23 words, {_pages(PAYMENTS_V2)} -> {_pages(PAYMENTS_V2)} pages

search/op1.md: added (op1: Search OP1 2027)

2 plan documents changed: 1 added, 1 modified
"""
    )


def test_one_revision_and_a_path_limit_the_diff(history: Repo, cli: Callable[..., Result]) -> None:
    result = cli("diff", "HEAD~2", "checkout", "search/op1.md", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["from"] == {"revision": "HEAD~2", "commit": history.git("rev-parse", "HEAD~2")}
    assert data["to"] == {"revision": None, "commit": None}
    summary = [(d["path"], d["state"], d["old_path"]) for d in data["documents"]]
    assert summary == [
        ("checkout/op1-2027.md", "renamed", "checkout/op1.md"),
        ("search/op1.md", "deleted", None),
    ]
    assert data["documents"][0]["changes"] == [
        {"area": "status", "action": "changed", "subject": "draft -> review", "detail": ""}
    ]


def test_markdown_is_a_pull_request_comment(history: Repo, cli: Callable[..., Result]) -> None:
    result = cli("diff", "HEAD~1", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    old, new = _short(history, "HEAD~1"), _short(history, "HEAD")
    assert (
        result.stdout
        == f"""\
## Plan changes

1 plan document changed: 1 modified (HEAD~1 ({old}) → HEAD ({new})).

### `checkout/op1-2027.md`

*modified* · op1 · Checkout OP1 2027

- **status changed:** draft -> review
- **narrative:** 6 → 6 words, {_pages(CHECKOUT)} → {_pages(CHECKOUT)} pages
"""
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-branch"], "unknown revision or path 'no-such-branch'"),
        (["HEAD~1", "HEAD", "nowhere.md"], "unknown revision or path 'nowhere.md'"),
        (["HEAD", "--format", "yaml"], "unknown format 'yaml'; use one of text, json, markdown"),
    ],
)
def test_bad_arguments_are_one_line_errors(
    history: Repo, cli: Callable[..., Result], args: list[str], message: str
) -> None:
    result = cli("diff", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_shallow_clone_says_to_fetch_the_full_history(
    history: Repo, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history.root}", str(clone)], check=True
    )
    monkeypatch.chdir(clone)
    result = cli("diff", "HEAD~1")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: error: unknown revision or path 'HEAD~1' (this clone is shallow); if it is a "
        "revision, fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in "
        "GitHub Actions' actions/checkout); if it is a file, check the path\n"
    )


def test_outside_a_repository(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = cli("diff")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
