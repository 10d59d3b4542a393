"""Building blocks shared by every document kind's schema.

The schema checks shape only: types, required keys and allowed values. How many
assumptions, asks or risks a plan has, and whether a goal is SMART, are lint
rules, so that teams can configure them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt

from opplan.vocabulary import Status

Level = Literal["low", "medium", "high"]


def empty_list() -> list[Any]:
    """A new empty list: the default of list fields.

    Not `default_factory=empty_list`: pydantic inspects a factory's signature when it
    builds a model, and inspecting a builtin's takes a tokenizer run each time,
    which adds up to a noticeable part of `opplan lint one.md`.
    """
    return []


# Types are strict, like the JSON Schema editors check against: `cycle: "2027"` or
# `headcount: "40"` is an error (with a hint), not quietly a number, and
# `version: 1.10` must be quoted, since YAML would read it as the number 1.1.
Text = Annotated[str, Field(min_length=1)]
Number = Annotated[StrictInt, Field(ge=0)] | Annotated[StrictFloat, Field(ge=0)]
Measure = StrictInt | StrictFloat | str


class Strict(BaseModel):
    """A mapping of known keys. Keys it does not know are left out of the model and
    checked by `document.validation`: a typo of a known key is an error, the
    authors' own keys are kept in the file and reported at a configurable level."""

    model_config = ConfigDict(
        extra="ignore",
        frozen=True,
        defer_build=True,
        json_schema_extra={"additionalProperties": True},
    )


class DocumentBase(Strict):
    """Keys every opplan document has."""

    kind: str = Field(description="The document kind: op1, op2 or prfaq.")
    title: Text = Field(description="The document's title, as printed on its first page.")
    team: Text = Field(description="The team that owns the document.")
    org: str | None = Field(None, description="The organisation the team belongs to.")
    cycle: StrictInt = Field(
        ge=2000, le=2200, description="The planning year the document is for, e.g. 2027."
    )
    status: Status = Field(
        description="Where the document stands: draft, review, approved or superseded."
    )
    owners: list[Text] = Field(
        min_length=1, description="The people accountable for the document (one or more)."
    )
    reviewers: list[Text] = Field(
        default_factory=empty_list, description="The people who review and decide on it."
    )
    version: str | None = Field(
        None, description='The author\'s version label, as text: version: "1.2".'
    )
    date: dt.date | None = Field(
        None, description="The date of this version (YYYY-MM-DD), printed on the title block."
    )
    extra: dict[Any, Any] | None = Field(
        None,
        description="The team's own keys and values (a mapping), kept as they are and never "
        "checked. Other unknown keys are allowed too, but lint reports them.",
    )
