"""A goal's score from its baseline, target and value, or from its confidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opplan.scoring import CONFIDENCE_SCORES, Quantity, direction, quantity, score

QUANTITIES = [
    ("97.1%", Quantity(97.1, "%", "%")),
    ("6 min", Quantity(360.0, "s", "min")),
    ("2.5 h", Quantity(9000.0, "s", "h")),
    (38, Quantity(38.0, "")),
    (0.4, Quantity(0.4, "")),
    ("1,200", Quantity(1200.0, "")),
    ("$4.5M", Quantity(4_500_000.0, "$")),
    ("< 200 ms", Quantity(0.2, "s", "ms", "at-most")),
    ("\N{MINUS SIGN}5 %", Quantity(-5.0, "%", "%")),
    (">= 99.99%", Quantity(99.99, "%", "%", "at-least")),
    ("at most 200 ms", Quantity(0.2, "s", "ms", "at-most")),
    ("180 sellers", Quantity(180.0, "sellers", "sellers")),
]


@pytest.mark.parametrize(("written", "expected"), QUANTITIES)
def test_values_are_read_as_plans_write_them(written: object, expected: Quantity) -> None:
    assert quantity(written) == expected


@pytest.mark.parametrize("written", ["live by 2026-06-30", "", None, True, "Q3", "v2 shipped"])
def test_words_are_not_numbers(written: object) -> None:
    assert quantity(written) is None


SCORES = [
    # baseline, target, value, confidence, score
    ("92.8%", "94.0%", "93.4%", "on-track", 0.5),  # goes up
    (38, 6, 20, "on-track", 0.5625),  # goes down: hours to reconcile
    ("0.7%", "0.4%", "0.9%", "off-track", 0.0),  # went the wrong way: clipped
    ("65%", "100%", "120%", "done", 1.0),  # beyond the target: clipped
    (38, "6 h", "20", "at-risk", 0.5625),  # bare numbers take the unit beside them
    ("2 h", "45 min", "1 h", "on-track", 0.8),  # durations compared in seconds
    ("$4.5M", "$6M", "$5M", "on-track", 0.3333),
    # a threshold to hold: met is 1.0; short of it, the way from the baseline
    ("99.992%", ">= 99.99%", "99.995%", "on-track", 1.0),
    ("99.992%", "≥ 99.99%", "99.98%", "off-track", 0.0),  # it was met, and is not now
    ("99.95%", "at least 99.99%", "99.97%", "at-risk", 0.5),
    ("300 ms", "< 200 ms", "250 ms", "on-track", 0.5),
    (250, "at most 200 ms", 190, "done", 1.0),
]


@pytest.mark.parametrize(("baseline", "target", "value", "confidence", "expected"), SCORES)
def test_numbers_score_a_goal(
    baseline: object, target: object, value: object, confidence: str, expected: float
) -> None:
    result = score(baseline, target, value, confidence)
    assert (result.value, result.basis, result.reason) == (
        pytest.approx(expected, abs=1e-4),
        "metric",
        "",
    )


UNSCORABLE = [
    ("65%", "100%", None, "at-risk", "no value"),
    (None, "100%", "70%", "on-track", "no baseline"),
    ("none", "live", "beta", "on-track", "are not numbers"),
    ("99.99%", "99.99%", "99.995%", "on-track", "baseline equals target"),
    ("5%", "6 min", "1%", "off-track", "units differ"),
    ("0.7%", "0.4%", "0.5%", "dropped", "the goal was dropped"),
]


@pytest.mark.parametrize(("baseline", "target", "value", "confidence", "why"), UNSCORABLE)
def test_a_goal_its_numbers_cannot_score_is_scored_by_confidence(
    baseline: object, target: object, value: object, confidence: str, why: str
) -> None:
    result = score(baseline, target, value, confidence)
    assert result.basis == "confidence"
    assert result.value == CONFIDENCE_SCORES[confidence]
    assert why in result.reason
    assert result.described == f"{result.value:.2f} (by confidence: {result.reason})"


def test_confidence_scores_can_be_configured() -> None:
    assert score(None, None, None, "at-risk", {"at-risk": 0.25}).value == 0.25


@pytest.mark.parametrize(
    ("baseline", "target", "expected"),
    [
        ("92.8%", "94%", "up"),
        (38, "6 h", "down"),
        ("1", "1", None),
        ("n/a", 3, None),
        ("99.992%", ">= 99.99%", "up"),
        ("300 ms", "under 200 ms", "down"),
    ],
)
def test_direction(baseline: object, target: object, expected: str | None) -> None:
    assert direction(baseline, target) == expected


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(finite, finite, finite)
def test_a_score_is_always_between_0_and_1(baseline: float, target: float, value: float) -> None:
    result = score(baseline, target, value, "on-track")
    assert 0.0 <= result.value <= 1.0
    if baseline != target:
        assert result.basis == "metric"
        if (value >= target) if target > baseline else (value <= target):
            assert result.value == 1.0
        if (value <= baseline) if target > baseline else (value >= baseline):
            assert result.value == 0.0
