"""The fixed words that documents and the configuration share.

A plan's status, a check-in's quarter and a goal's confidence are allowed values
of the schemas and of `opplan.toml` alike (a phase asks for a plan at a status,
a check-in of a quarter; `[checkins]` scores each confidence). They are written
here once, without pydantic, so that reading the configuration does not import
the schemas.
"""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["draft", "review", "approved", "superseded"]
Quarter = Literal["Q1", "Q2", "Q3", "Q4"]
Confidence = Literal["on-track", "at-risk", "off-track", "done", "dropped"]

STATUSES: tuple[str, ...] = get_args(Status)
QUARTERS: tuple[str, ...] = get_args(Quarter)
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
