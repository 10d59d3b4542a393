"""`opplan schema KIND`: print a document kind's JSON Schema."""

from __future__ import annotations

import sys

from opplan import schemas
from opplan.errors import ExitCode, UsageError
from opplan.output import dump_json
from opplan.schemas.export import DEFAULT_DRAFT, json_schema


def run(kind: str, draft: str = DEFAULT_DRAFT) -> ExitCode:
    try:
        document = json_schema(kind, draft)
    except schemas.UnknownKind as err:
        raise UsageError(str(err)) from None
    sys.stdout.write(dump_json(document))
    return ExitCode.OK
