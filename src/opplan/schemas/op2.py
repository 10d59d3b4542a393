"""The OP2: the revised operating plan, written after the OP1 review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from opplan.schemas.common import Number, Strict, Text, empty_list
from opplan.schemas.op1 import Initiative, PlanFields, Tracks

InitiativeStatus = Literal["planned", "delivered", "on-track", "delayed", "cut"]


class TrackedInitiative(Initiative):
    """An initiative with the status reported at each quarterly check-in."""

    status: InitiativeStatus = Field(
        "planned", description="planned, delivered, on-track, delayed or cut."
    )


class TopDownInitiative(TrackedInitiative):
    """An initiative added by leadership after the OP1 review."""

    sponsor: str | None = Field(None, description="The leader who asked for it.")


class ReviewAction(Strict):
    """An action item from the OP1 review."""

    action: Text = Field(description="What the review asked for.")
    owner: Text = Field(description="Who owns it.")
    status: Literal["open", "done", "dropped"] = Field(description="open, done or dropped.")
    outcome: str | None = Field(None, description="What came of it.")


class Allocation(Strict):
    """The resources actually granted."""

    headcount: Number = Field(description="The headcount granted.")
    budget: Number | None = Field(None, description="The budget granted.")


class Op2(PlanFields):
    """OP2: the revised plan, with the review's actions and the resources granted."""

    kind: Literal["op2"] = Field(description="Always op2.")
    op1: Text = Field(description="The path of the OP1 this plan revises, relative to this file.")
    tracks: Tracks[TrackedInitiative] = Field(
        description="The planning tracks, with initiative statuses."
    )
    review_actions: list[ReviewAction] = Field(
        default_factory=empty_list, description="The action items from the OP1 review."
    )
    allocated: Allocation | None = Field(
        None, description="The headcount and budget granted against the asks."
    )
    top_down: list[TopDownInitiative] = Field(
        default_factory=empty_list, description="Initiatives added by leadership."
    )
