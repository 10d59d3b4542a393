"""The roll-up: an org's view of its teams' plans for a cycle, written by `opplan rollup`.

It is its own kind, not an OP1 of the org: it carries every team's asks and
risks, so the OP1 rules (one or two asks, a 6-page narrative of prose) would
reject it; a leader who writes an OP1 from it writes that as an OP1.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StrictFloat, StrictInt

from opplan.kinds import PlanName
from opplan.schemas.common import DocumentBase, Measure, Number, Strict, Text, empty_list
from opplan.vocabulary import Confidence, Status

Period = Literal["Q1", "Q2", "Q3", "Q4", "final"]
Fraction = Annotated[StrictInt | StrictFloat, Field(ge=0, le=1)]


class RolledUpPlan(Strict):
    """A team plan the roll-up is made from."""

    team: Text = Field(description="The team.")
    path: Text = Field(description="The plan's path, relative to the roll-up.")
    kind: PlanName = Field(description="Which plan was used: op1 or op2.")
    status: Status = Field(description="The plan's status when the roll-up was made.")
    headcount_asked: Number | None = Field(
        None, description="Headcount the plan asks for (its headcount asks), for the chart."
    )


class Totals(Strict):
    """Sums over the teams' plans."""

    headcount_same_resources: Number = Field(description="Headcount with flat resources.")
    headcount_more_investment: Number = Field(description="Headcount with more investment.")
    headcount_asked: Number = Field(description="Headcount asked for in the asks.")
    budget_asked: Number = Field(description="Budget asked for in the asks.")


class CheckinUsed(Strict):
    """A team's check-in the roll-up read."""

    team: Text = Field(description="The team.")
    period: Period = Field(description="Q1 to Q4, or final for the year-end check-in.")
    path: Text = Field(description="The check-in's path, relative to the roll-up.")
    date: dt.date = Field(description="The check-in's date.")


class GoalSide(Strict):
    """One team's side of a goal: a shared goal has one per team."""

    team: Text = Field(description="The team.")
    id: Text = Field(description="The goal's id in that team's plan.")


class PeriodScore(Strict):
    """One team's check-in of a goal for one period."""

    period: Period = Field(description="Q1 to Q4, or final.")
    team: Text = Field(description="The team whose check-in it is.")
    score: Fraction = Field(description="The goal's score, 0.0 to 1.0.")
    basis: Literal["metric", "confidence"] = Field(
        description="metric: scored from baseline, target and value; confidence: by confidence."
    )
    confidence: Confidence = Field(description="The confidence the check-in gives.")
    value: Measure | None = Field(None, description="The metric's value in the check-in.")


class RolledUpGoal(Strict):
    """A goal and its scores through the year."""

    statement: Text = Field(description="The goal in one sentence, as the plan states it.")
    teams: list[GoalSide] = Field(
        min_length=1, description="The teams that carry the goal, each with its id there."
    )
    scores: list[PeriodScore] = Field(
        default_factory=empty_list, description="Its scores, by period and team."
    )


class CheckinRollup(Strict):
    """The check-ins of the org's teams for the cycle, written by `opplan rollup --checkins`."""

    periods: list[Period] = Field(
        default_factory=empty_list, description="The periods some team checked in for."
    )
    checkins: list[CheckinUsed] = Field(
        default_factory=empty_list, description="The check-ins read, by team and period."
    )
    goals: list[RolledUpGoal] = Field(
        default_factory=empty_list,
        description="Every goal checked in on: at-risk and off-track first, then the rest.",
    )


class Rollup(DocumentBase):
    """Roll-up: an org's teams' plans for one cycle, in one document."""

    kind: Literal["rollup"] = Field(description="Always rollup.")
    plans: list[RolledUpPlan] = Field(
        default_factory=empty_list, description="The team plans rolled up, one per team."
    )
    totals: Totals | None = Field(None, description="Sums over the plans.")
    currency: str = Field("USD", description="The currency of budget amounts.")
    checkins: CheckinRollup | None = Field(
        None, description="The goals' scores through the year, from the teams' check-ins."
    )
