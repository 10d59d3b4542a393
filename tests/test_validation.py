"""Schema errors land on the exact line and column of the key or item at fault."""

from __future__ import annotations

import pytest

from conftest import OP1_FRONTMATTER, document
from opplan.document import load_text
from opplan.problem import Finding

RISKS = """\
risks:
  - risk: Card network fees rise 8%
    likelihood: medium
    impact: high
    mitigation: Renegotiate the interchange contract in Q1.
  - risk: Fraud model drifts
    likelihood: low
    impact: medium
    mitigation: Retrain monthly.
  - risk: Ledger migration slips a quarter
    likelihood: high
    impact: high
    owner: Sam Ito
"""
# The frontmatter starts at file line 2; RISKS starts after OP1_FRONTMATTER's 11 lines.
RISKS_LINE = 2 + OP1_FRONTMATTER.count("\n")


def findings(extra: str, base: str = OP1_FRONTMATTER) -> tuple[Finding, ...]:
    doc = load_text("plan.md", document(base + extra))
    assert doc.model is None
    return doc.schema_findings


def test_third_risk_missing_mitigation_is_reported_at_that_risk() -> None:
    (finding,) = findings(RISKS)
    assert finding == Finding(
        RISKS_LINE + 9, 5, "missing required key 'mitigation' in risks item 3"
    )


@pytest.mark.parametrize(
    ("extra", "line", "column", "message"),
    [
        ("asumptions: [a]\n", 0, 1, "unknown key 'asumptions'; did you mean 'assumptions'?"),
        (
            "partners:\n  - team: Risk\n    reviewd: 2026-08-01\n",
            2,
            5,
            "unknown key 'reviewd' in partners item 1; did you mean 'reviewed'?",
        ),
        ("Reviewers: [Ana]\n", 0, 1, "unknown key 'Reviewers'; did you mean 'reviewers'?"),
        ("reveiwers: [Ana]\n", 0, 1, "unknown key 'reveiwers'; did you mean 'reviewers'?"),
        (
            "asks:\n  - kind: decision\n    what: Pick a processor\n    if-late: We slip.\n",
            3,
            5,
            "unknown key 'if-late' in asks item 1; did you mean 'if_late'?",
        ),
        (
            "goals:\n  - id: G-1\n    tier: galaxy\n    statement: Ship it.\n",
            2,
            5,
            "goals item 1 > tier: 'galaxy' is not allowed; use one of company, business, team",
        ),
        (
            "goals:\n  - id: G-1\n    tier: team\n    statement: Ship.\n    due: 03/2027\n",
            4,
            5,
            "goals item 1 > due: expected a date (YYYY-MM-DD), got '03/2027'",
        ),
        (
            "goals:\n  - id: G-1\n    tier: team\n    statement: Ship.\n    baseline: [1]\n",
            4,
            5,
            "goals item 1 > baseline: expected a number or text, got a list",
        ),
        (
            "asks:\n  - kind: headcount\n    what: Two engineers\n",
            1,
            5,
            "asks item 1: a headcount ask needs an 'amount'",
        ),
        (
            "reviewers: [Ana, 42]\n",
            0,
            18,
            'reviewers item 2: expected text, got 42; put it in quotes: "42"',
        ),
        (
            "goals:\n  - id: G-1\n    tier: team\n    statement: S\n    teams:\n"
            "      - team: Risk\n        ownr: Lee\n",
            6,
            9,
            "unknown key 'ownr' in goals item 1 > teams item 1; did you mean 'owner'?",
        ),
    ],
)
def test_error_positions_and_messages(extra: str, line: int, column: int, message: str) -> None:
    assert findings(extra) == (Finding(RISKS_LINE + line, column, message),)


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "message"),
    [
        (
            "cycle: 2027",
            "cycle: next year",
            5,
            1,
            "cycle: expected a whole number, got 'next year'",
        ),
        (
            "status: draft",
            "status: reviewed",
            6,
            1,
            "status: 'reviewed' is not allowed; use one of draft, review, approved, superseded;"
            " did you mean 'review'?",
        ),
        ("owners: [Dana Reyes]", "owners: []", 7, 1, "owners: needs at least 1 item"),
        (
            "    headcount: 46",
            "    headcount: -2",
            12,
            5,
            "tracks > more_investment > headcount: must be at least 0, got -2",
        ),
        ("title: Payments Platform OP1 2027\n", "", 1, 1, "missing required key 'title'"),
        (
            "  same_resources:\n    headcount: 40\n",
            "",
            8,
            1,
            "missing required key 'same_resources' in tracks",
        ),
    ],
)
def test_errors_in_the_common_keys(
    old: str, new: str, line: int, column: int, message: str
) -> None:
    assert old in OP1_FRONTMATTER
    assert findings("", OP1_FRONTMATTER.replace(old, new)) == (Finding(line, column, message),)


def test_every_error_is_reported_once_in_file_order() -> None:
    base = OP1_FRONTMATTER.replace("status: draft", "status: done")
    result = findings("asumptions: []\n" + RISKS, base)
    assert [finding.line for finding in result] == sorted(finding.line for finding in result)
    assert [finding.message.split(":")[0] for finding in result] == [
        "status",
        "unknown key 'asumptions'; did you mean 'assumptions'?",
        "missing required key 'mitigation' in risks item 3",
    ]


OWN_KEYS = """\
tags: [payments, 2027]
jira: PAY-1
extra:
  budget_code: CC-4410
  links: {design: "https://example.com/design"}
  TBD: [1, {nested: true}]
risks:
  - risk: Fraud model drifts
    likelihood: low
    impact: medium
    mitigation: Retrain monthly.
    ticket: RISK-9
"""


@pytest.mark.parametrize("fast", [True, False], ids=["fast-yaml", "round-trip-yaml"])
def test_own_keys_are_kept_and_reported_apart_and_extra_not_at_all(fast: bool) -> None:
    doc = load_text("plan.md", document(OP1_FRONTMATTER + OWN_KEYS), fast=fast)
    assert doc.model is not None
    assert doc.schema_findings == ()
    assert doc.model.extra == {
        "budget_code": "CC-4410",
        "links": {"design": "https://example.com/design"},
        "TBD": [1, {"nested": True}],
    }
    assert doc.meta["tags"] == ["payments", 2027]
    assert doc.unknown_keys == (
        Finding(
            RISKS_LINE,
            1,
            "unknown key 'tags': opplan keeps it but does not check it; "
            "put your own keys under 'extra:'",
        ),
        Finding(
            RISKS_LINE + 1,
            1,
            "unknown key 'jira': opplan keeps it but does not check it; "
            "put your own keys under 'extra:'",
        ),
        Finding(
            RISKS_LINE + 11,
            5,
            "unknown key 'ticket' in risks item 1: opplan keeps it but does not check it; "
            "remove it if it is a mistake",
        ),
    )


def test_a_typo_makes_the_document_invalid_even_beside_own_keys() -> None:
    doc = load_text("plan.md", document(OP1_FRONTMATTER + "tags: [a]\nasks: []\nask: []\n"))
    assert doc.model is None
    assert [f.message for f in doc.schema_findings] == ["unknown key 'ask'; did you mean 'asks'?"]
    assert [f.line for f in doc.unknown_keys] == [RISKS_LINE]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("extra: payments\n", "extra: expected a mapping of keys, got 'payments'"),
        ("extra: [a, b]\n", "extra: expected a mapping of keys, got a list"),
    ],
)
def test_extra_must_be_a_mapping(value: str, message: str) -> None:
    assert findings(value) == (Finding(RISKS_LINE, 1, message),)


def test_an_empty_extra_is_allowed() -> None:
    doc = load_text("plan.md", document(OP1_FRONTMATTER + "extra:\n"))
    assert doc.model is not None
    assert doc.unknown_keys == ()


CHECKIN = """\
kind: checkin
title: Search check-in Q2 2027
team: Search
cycle: 2027
status: draft
owners: [Ana Silva]
date: 2027-07-09
quarter: Q2
plan: op2.md
goals:
  - {id: S-1, value: 12, confidence: CONFIDENCE}
initiatives:
  - {id: SR-1, status: STATUS}
"""


@pytest.mark.parametrize(
    ("confidence", "status", "column", "meant"),
    [
        ("green", "on-track", 26, "on-track"),
        ("Amber", "on-track", 26, "at-risk"),
        ("red", "on-track", 26, "off-track"),
        ("completed", "on-track", 26, "done"),
        ("on-track", "completed", 16, "delivered"),
        ("on-track", "shipped", 16, "delivered"),
    ],
)
def test_a_teams_own_word_for_an_allowed_value_names_the_value_it_means(
    confidence: str, status: str, column: int, meant: str
) -> None:
    text = CHECKIN.replace("CONFIDENCE", confidence).replace("STATUS", status)
    (finding,) = findings("", text)
    word, allowed, line = (
        (confidence, "on-track, at-risk, off-track, done, dropped", 12)
        if column == 26
        else (status, "planned, delivered, on-track, delayed, cut", 14)
    )
    assert (finding.line, finding.column) == (line, column)
    assert finding.message.endswith(
        f"{word!r} is not allowed; use one of {allowed}; did you mean {meant!r}?"
    )
