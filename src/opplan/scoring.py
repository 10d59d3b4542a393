"""A goal's progress as a score between 0.0 and 1.0.

A goal with a numeric baseline, target and current value is scored by how far it
has come: (value - baseline) / (target - baseline), clipped to 0.0-1.0. The
formula is direction-aware by itself: for a goal that goes down (38 hours to 6)
both differences are negative. Values are read as plans write them: "97.1%",
"6 min", "38", "1,200", "$4.5M", "2.5 h"; durations in different units are
compared in seconds ("2 h" against "45 min"), and a unit that does not match
("%" against "min") makes the goal not comparable. A target written as a
threshold (">= 99.99%", "at most 200 ms") is a goal to hold: a value that meets
it scores 1.0, and one short of it is scored on the way from the baseline (0.0
when the baseline already met it).

A goal that cannot be scored from its numbers (its metric is not a number, a
value is missing, baseline equals target, or the units differ) is scored by its
confidence alone, and the score says so and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

# The score of a goal by its confidence alone, when its numbers cannot score it.
CONFIDENCE_SCORES: Mapping[str, float] = {
    "done": 1.0,
    "on-track": 0.7,
    "at-risk": 0.4,
    "off-track": 0.1,
    "dropped": 0.0,
}

_SECONDS = {
    "ms": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "wk": 604800,
    "week": 604800,
    "weeks": 604800,
}
_SCALES = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mm": 1e6,
    "MM": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
}
_CURRENCY = "$€£¥"
_NUMBER = re.compile(
    r"""^\s*(?P<bound>[<>≤≥~≈]=?|at\s+(?:most|least)|under|over|below|above|min|max)?\s*
    (?P<currency>[$€£¥])?\s*
    (?P<number>[-+\N{MINUS SIGN}]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+\N{MINUS SIGN}]?\.\d+)\s*
    (?P<unit>[^\d\s].*?)?\s*$""",
    re.VERBOSE,
)


Bound = Literal["", "at-least", "at-most"]
_BOUNDS: Mapping[str, Bound] = {
    **dict.fromkeys((">", ">=", "≥", "at least", "over", "above", "min"), "at-least"),
    **dict.fromkeys(("<", "<=", "≤", "at most", "under", "below", "max"), "at-most"),
}


@dataclass(frozen=True)
class Quantity:
    """A value as a number in a unit: "6 min" is 360.0 in "s"; "97.1%" is 97.1 in "%"."""

    number: float
    unit: str  # "" for a count, "%" for a percentage, "s" for any duration, else as written
    written: str = ""  # the unit as written ("min"), to read a bare number beside it
    bound: Bound = ""  # a target written as a threshold: ">= 99.99%", "at most 200 ms"


def quantity(value: object) -> Quantity | None:
    """The number in a plan's value, or None when it is not a number ("live by June")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return Quantity(float(value), "")
    match = _NUMBER.match(str(value))
    if match is None:
        return None
    number = float(match["number"].replace(",", "").replace("\N{MINUS SIGN}", "-"))
    unit = (match["unit"] or "").strip()
    bound = _BOUNDS.get(" ".join((match["bound"] or "").lower().split()), "")
    found = _quantity(number, unit, match["currency"])
    return found if found is None or not bound else replace(found, bound=bound)


def _quantity(number: float, unit: str, currency: str | None) -> Quantity | None:
    if currency:
        scale = _SCALES.get(unit)
        if unit and scale is None:
            return None
        return Quantity(number * (scale or 1), currency)
    if unit in _SECONDS or unit.lower() in _SECONDS:
        return Quantity(number * _SECONDS.get(unit, _SECONDS[unit.lower()]), "s", unit)
    if unit in ("%", "percent", "pct"):
        return Quantity(number, "%", unit)
    if unit in _SCALES:
        return Quantity(number * _SCALES[unit], "")
    if unit and (unit[0] in _CURRENCY or any(c.isdigit() for c in unit)):
        return None
    return Quantity(number, unit.lower(), unit)


def _quantities(values: Mapping[str, object]) -> dict[str, Quantity | None]:
    """The values as quantities; a bare number beside values in one unit takes that unit
    (a baseline of 38 beside a target of "6 h" is 38 hours)."""
    parsed = {name: quantity(v) for name, v in values.items()}
    written = {q.written for q in parsed.values() if q is not None and q.unit}
    if len(written) == 1:
        unit = written.pop()
        glue = "" if unit == "%" else " "
        for name, q in parsed.items():
            if q is not None and not q.unit:
                again = quantity(f"{values[name]}{glue}{unit}")
                parsed[name] = again if again is None else replace(again, bound=q.bound)
    return parsed


Basis = Literal["metric", "confidence"]


@dataclass(frozen=True)
class Score:
    """A goal's score, how it was reached, and why when not from its numbers."""

    value: float
    basis: Basis
    reason: str = ""  # why the numbers could not score it

    def __str__(self) -> str:
        return f"{self.value:.2f}"

    @property
    def described(self) -> str:
        """The score with its basis, for messages: "0.56" or "0.40 (by confidence: ...)"."""
        if self.basis == "metric":
            return str(self)
        return f"{self} (by confidence: {self.reason})"


def score(
    baseline: object,
    target: object,
    value: object,
    confidence: str,
    confidence_scores: Mapping[str, float] = CONFIDENCE_SCORES,
) -> Score:
    """The goal's score from its numbers, else from its confidence (saying why)."""
    if confidence == "dropped":
        return Score(confidence_scores.get("dropped", 0.0), "confidence", "the goal was dropped")
    reason = _unscorable(baseline, target, value)
    if reason:
        fallback = confidence_scores.get(confidence, CONFIDENCE_SCORES.get(confidence, 0.0))
        return Score(fallback, "confidence", reason)
    parsed = _quantities({"baseline": baseline, "target": target, "value": value})
    start, goal, now = parsed["baseline"], parsed["target"], parsed["value"]
    assert start and goal and now  # checked by _unscorable
    if goal.bound:  # a threshold: met is 1.0; short of it, the way from the baseline
        up = goal.bound == "at-least"
        if (now.number >= goal.number) if up else (now.number <= goal.number):
            return Score(1.0, "metric")
        if start.number == goal.number or (start.number > goal.number) == up:
            return Score(0.0, "metric")  # it was met at the baseline, and is not now
    progress = (now.number - start.number) / (goal.number - start.number)
    return Score(min(1.0, max(0.0, progress)), "metric")


def _unscorable(baseline: object, target: object, value: object) -> str:
    """Why the numbers cannot score the goal, or "" when they can."""
    named = {"baseline": baseline, "target": target, "value": value}
    missing = [name for name, v in named.items() if v is None or v == ""]
    if missing:
        return f"no {' or '.join(missing)}"
    parsed = _quantities(named)
    words = [f"{name} {named[name]!r}" for name, q in parsed.items() if q is None]
    if words:
        return (
            f"{' and '.join(words)} {'is not a number' if len(words) == 1 else 'are not numbers'}"
        )
    units = {q.unit for q in parsed.values() if q is not None}
    if len(units) > 1:
        shown = ", ".join(f"{name} {named[name]!r}" for name in named)
        return f"units differ ({shown})"
    start, goal = parsed["baseline"], parsed["target"]
    assert start and goal
    if start.number == goal.number and not goal.bound:
        return "baseline equals target (write a threshold such as >= 99.9%)"
    return ""


def direction(baseline: object, target: object) -> Literal["up", "down"] | None:
    """Whether a goal's metric should rise or fall, or None when its numbers do not say."""
    parsed = _quantities({"baseline": baseline, "target": target})
    start, goal = parsed["baseline"], parsed["target"]
    if goal is not None and goal.bound:
        return "up" if goal.bound == "at-least" else "down"
    if start is None or goal is None or start.unit != goal.unit or start.number == goal.number:
        return None
    return "up" if goal.number > start.number else "down"
