"""The OP1: a team's annual operating plan."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import Field, model_validator

from opplan.schemas.common import DocumentBase, Level, Measure, Number, Strict, Text, empty_list


class Partner(Strict):
    """A partner team that pre-reads the plan before the review."""

    team: Text = Field(description="The partner team.")
    reviewed: dt.date | None = Field(
        None, description="When the partner pre-read the plan (YYYY-MM-DD), or null if not yet."
    )


class Result(Strict):
    """One of last year's goals and how it turned out."""

    goal: Text = Field(description="Last year's goal, as it was written.")
    target: Measure = Field(description="The target that was set.")
    actual: Measure = Field(description="What was achieved.")
    status: Literal["hit", "missed", "partial"] = Field(
        description="Whether the goal was hit, missed or partially met."
    )
    why: str | None = Field(None, description="Why it was missed or only partially met.")


class Initiative(Strict):
    """A piece of work in one of the planning tracks."""

    id: Text = Field(description="A short, stable identifier, unique within the team's plans.")
    name: Text = Field(description="What the initiative is.")
    outcome: str | None = Field(None, description="The measurable outcome it delivers.")


AnyInitiative = TypeVar("AnyInitiative", bound=Initiative)


class Track(Strict, Generic[AnyInitiative]):
    """What the team does with a given level of resources."""

    headcount: Number = Field(description="The headcount this track needs.")
    budget: Number | None = Field(None, description="The budget this track needs.")
    initiatives: list[AnyInitiative] = Field(
        default_factory=empty_list, description="The initiatives in this track."
    )


class Tracks(Strict, Generic[AnyInitiative]):
    """The two forward-looking planning tracks."""

    same_resources: Track[AnyInitiative] = Field(
        description="What the team achieves with flat headcount and budget."
    )
    more_investment: Track[AnyInitiative] = Field(
        description="What it would achieve with significantly more investment (the 10x question)."
    )


class SharedTeam(Strict):
    """A team sharing a cross-functional goal, with its owner on that side."""

    team: Text = Field(description="The team sharing the goal.")
    owner: str | None = Field(None, description="The goal's owner in that team.")


class Goal(Strict):
    """A goal for the plan's year. SMART-ness is checked by the goal-smart lint rule."""

    id: Text = Field(description="A short, stable identifier, unique within the team's plans.")
    tier: Literal["company", "business", "team"] = Field(
        description="company (seen by senior leadership), business (VP-level) or team."
    )
    statement: Text = Field(description="The goal in one sentence.")
    metric: str | None = Field(None, description="What is measured.")
    baseline: Measure | None = Field(None, description="The metric's value today.")
    target: Measure | None = Field(None, description="The value to reach.")
    due: dt.date | None = Field(None, description="When the target is due (YYYY-MM-DD).")
    owners: list[Text] = Field(default_factory=empty_list, description="Who owns the goal.")
    teams: list[SharedTeam] = Field(
        default_factory=empty_list,
        description="For a cross-functional goal: every team sharing it, each with its owner.",
    )


class Ask(Strict):
    """A resource ask: headcount, budget or a decision."""

    kind: Literal["headcount", "budget", "decision"] = Field(
        description="What is asked for: headcount, budget or a decision."
    )
    amount: Number | None = Field(
        None, description="How much: people for headcount, currency units for budget."
    )
    what: Text = Field(description="What the ask is and what it buys.")
    by: dt.date | None = Field(None, description="When it is needed (YYYY-MM-DD).")
    if_late: str | None = Field(None, description="What happens if it comes late.")

    @model_validator(mode="after")
    def _amount_for_resources(self) -> Ask:
        if self.kind != "decision" and self.amount is None:
            raise ValueError(f"a {self.kind} ask needs an 'amount'")
        return self


class Risk(Strict):
    """A known risk and how it is mitigated."""

    risk: Text = Field(description="What could go wrong.")
    likelihood: Level = Field(description="low, medium or high.")
    impact: Level = Field(description="low, medium or high.")
    mitigation: str = Field(description="What the team does about it.")
    owner: str | None = Field(None, description="Who owns the mitigation.")


class Dependency(Strict):
    """Something the team needs from another team."""

    team: Text = Field(description="The team depended on.")
    need: Text = Field(description="What is needed from it.")
    by: dt.date | None = Field(None, description="When it is needed (YYYY-MM-DD).")


class Commitment(Strict):
    """Something the team provides to another team."""

    team: Text = Field(description="The team it is provided to.")
    what: Text = Field(description="What is provided.")
    by: dt.date | None = Field(None, description="When it is provided (YYYY-MM-DD).")


class PlanFields(DocumentBase):
    """Everything an operating plan (OP1 or OP2) has."""

    charter: str | None = Field(None, description="What the team owns and for whom.")
    tenets: list[Text] = Field(
        default_factory=empty_list, description="Principles that settle trade-offs."
    )
    currency: str = Field("USD", description="The currency of budget amounts.")
    partners: list[Partner] = Field(
        default_factory=empty_list, description="Partner teams and when they pre-read the plan."
    )
    results: list[Result] = Field(default_factory=empty_list, description="Last year's results.")
    goals: list[Goal] = Field(default_factory=empty_list, description="Goals for the plan's year.")
    assumptions: list[Text] = Field(
        default_factory=empty_list, description="The key assumptions the plan rests on."
    )
    asks: list[Ask] = Field(default_factory=empty_list, description="Resource asks.")
    risks: list[Risk] = Field(
        default_factory=empty_list, description="Known risks and mitigations."
    )
    dependencies: list[Dependency] = Field(
        default_factory=empty_list, description="What the team needs from other teams."
    )
    commitments: list[Commitment] = Field(
        default_factory=empty_list, description="What the team provides to other teams."
    )


class Op1(PlanFields):
    """OP1: the annual operating plan a team writes in the second half of the year."""

    kind: Literal["op1"] = Field(description="Always op1.")
    tracks: Tracks[Initiative] = Field(description="The same-resources and more-investment tracks.")
