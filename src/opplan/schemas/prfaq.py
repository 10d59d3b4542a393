"""The PR/FAQ: a press release and FAQ written before building ("working backwards")."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from opplan.schemas.common import DocumentBase, Strict, Text


class Launch(Strict):
    """The press release's dateline."""

    city: Text = Field(description="The city in the dateline.")
    date: dt.date = Field(description="The launch date in the dateline (YYYY-MM-DD).")


class Customer(Strict):
    """The five customer questions (checked for answers by the prfaq-customer rule)."""

    who: str | None = Field(None, description="Who is the customer?")
    problem: str | None = Field(
        None, description="What is their problem or opportunity, and how big is it?"
    )
    benefit: str | None = Field(None, description="What is the most important benefit?")
    evidence: str | None = Field(
        None, description="How do we know what they need (data, interviews)?"
    )
    experience: str | None = Field(None, description="What does their experience look like?")


class PrFaq(DocumentBase):
    """PR/FAQ: the launch press release and the FAQ that follows it."""

    kind: Literal["prfaq"] = Field(description="Always prfaq.")
    variant: Literal["full", "pr-only", "faq-only"] = Field(
        "full",
        description="full (press release and FAQ), pr-only or faq-only (a partial iteration).",
    )
    product: str | None = Field(None, description="The product's name.")
    launch: Launch | None = Field(None, description="The dateline: city and launch date.")
    customer: Customer = Field(
        default_factory=Customer, description="The answers to the five customer questions."
    )
