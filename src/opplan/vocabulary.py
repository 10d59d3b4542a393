"""The fixed words that documents, the configuration and the rules share.

A plan's status, a check-in's quarter and a goal's confidence are allowed values
of the schemas and of `opplan.toml` alike (a phase asks for a plan at a status,
a check-in of a quarter; `[checkins]` scores each confidence). They are written
here once, without pydantic, so that reading the configuration does not import
the schemas. So are the placeholder markers: what `opplan new` writes beside a
value the author must fill in is one of those `unresolved-marker` reports.
"""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["draft", "review", "approved", "superseded"]
Quarter = Literal["Q1", "Q2", "Q3", "Q4"]
Confidence = Literal["on-track", "at-risk", "off-track", "done", "dropped"]

STATUSES: tuple[str, ...] = get_args(Status)
QUARTERS: tuple[str, ...] = get_args(Quarter)
CONFIDENCES: tuple[str, ...] = get_args(Confidence)

FILL_IN = "TODO"  # the marker `opplan new` writes beside a value to fill in
MARKERS: tuple[str, ...] = ("TBD", FILL_IN, "???")  # what `unresolved-marker` reports
