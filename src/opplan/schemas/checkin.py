"""The check-in: a team's quarterly record of progress against its current plan.

A check-in revises nothing. It names the plan it reports on (`plan:`, the OP2, or
the OP1 before an OP2 exists) and gives, for each of the plan's goals and
initiatives by id, where it stands this quarter, with the decisions taken.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from opplan.schemas.common import DocumentBase, Measure, Strict, Text, empty_list
from opplan.schemas.op2 import InitiativeStatus
from opplan.vocabulary import Confidence, Quarter

DecisionKind = Literal["stop", "start", "adjust"]

# The confidences from the goal furthest behind: how reports order goals and teams.
FURTHEST_BEHIND: tuple[str, ...] = ("off-track", "at-risk", "on-track", "done", "dropped")


class GoalProgress(Strict):
    """Where one of the plan's goals stands this quarter."""

    id: Text = Field(description="The goal's id in the plan.")
    value: Measure | None = Field(
        None,
        description='The metric\'s value now, as the plan writes it: "92.9%", 24, "6 h".',
    )
    confidence: Confidence = Field(description="on-track, at-risk, off-track, done or dropped.")
    note: str | None = Field(None, description="What moved it, or what is in the way.")


class InitiativeProgress(Strict):
    """Where one of the plan's initiatives stands this quarter."""

    id: Text = Field(description="The initiative's id in the plan.")
    status: InitiativeStatus = Field(
        description="planned, delivered, on-track, delayed or cut (as in the OP2)."
    )
    note: str | None = Field(None, description="What was delivered, or why it slipped.")


class Decision(Strict):
    """Something the team decided to stop, start or adjust this quarter."""

    decision: DecisionKind = Field(description="stop, start or adjust.")
    what: Text = Field(description="What is stopped, started or adjusted.")
    why: Text = Field(description="Why.")
    about: list[Text] = Field(
        default_factory=empty_list,
        description="The ids of the goals and initiatives the decision concerns.",
    )


class Checkin(DocumentBase):
    """Check-in: a quarter's progress against the team's current plan."""

    kind: Literal["checkin"] = Field(description="Always checkin.")
    plan: Text = Field(
        description="The path of the plan reported on (the OP2, or the OP1 before an OP2 "
        "exists), relative to this file."
    )
    quarter: Quarter = Field(description="The quarter reported on: Q1, Q2, Q3 or Q4.")
    date: dt.date = Field(description="The date of the check-in (YYYY-MM-DD).")
    final: bool = Field(
        False,
        description="Whether this is the year-end check-in, whose values are the year's results.",
    )
    goals: list[GoalProgress] = Field(
        default_factory=empty_list, description="Each goal of the plan, by id."
    )
    initiatives: list[InitiativeProgress] = Field(
        default_factory=empty_list, description="Each initiative of the plan, by id."
    )
    decisions: list[Decision] = Field(
        default_factory=empty_list, description="What the team stops, starts or adjusts."
    )
    overcommitted: bool = Field(
        False, description="Whether the team has taken on more than it can deliver."
    )
