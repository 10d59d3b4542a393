"""`opplan schema KIND`: print a document kind's JSON Schema."""

from __future__ import annotations

import json
import sys

from opplan import schemas
from opplan.errors import ExitCode, UsageError


def run(kind: str) -> ExitCode:
    try:
        model = schemas.get(kind)
    except schemas.UnknownKind as err:
        raise UsageError(str(err)) from None
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"opplan:{kind}",
        **model.model_json_schema(),
    }
    sys.stdout.write(json.dumps(document, indent=2) + "\n")
    return ExitCode.OK
