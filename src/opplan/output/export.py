"""Print the rows of `opplan export` as CSV (spreadsheets) or JSON (goal trackers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from opplan.collab.export import Row
from opplan.output import dump_json


def as_csv(found: Sequence[Row]) -> str:
    if not found:
        return ""
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(found[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {key: "" if value is None else value for key, value in row.items()} for row in found
    )
    return stream.getvalue()


def as_json(found: Sequence[Row]) -> str:
    return dump_json(list(found))
