"""The roll-up: an org's view of its teams' plans for a cycle, written by `opplan rollup`.

It is its own kind, not an OP1 of the org: it carries every team's asks and
risks, so the OP1 rules (one or two asks, a 6-page narrative of prose) would
reject it; a leader who writes an OP1 from it writes that as an OP1.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from opplan.kinds import PlanName
from opplan.schemas.common import DocumentBase, Number, Status, Strict, Text, empty_list


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


class Rollup(DocumentBase):
    """Roll-up: an org's teams' plans for one cycle, in one document."""

    kind: Literal["rollup"] = Field(description="Always rollup.")
    plans: list[RolledUpPlan] = Field(
        default_factory=empty_list, description="The team plans rolled up, one per team."
    )
    totals: Totals | None = Field(None, description="Sums over the plans.")
    currency: str = Field("USD", description="The currency of budget amounts.")
