"""Render a new document's skeleton from its Jinja template, and check it before it is written."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from ruamel.yaml import YAML

from opplan import kinds
from opplan.config.model import Config
from opplan.document import load_text
from opplan.errors import DocumentError, UsageError
from opplan.scaffold.values import Values

LAUNCH_MONTH, LAUNCH_DAY = 9, 1
NEW_VERSION = "0.1"


def template_name(kind: str, variant: str) -> str:
    """The template a kind (and a PR/FAQ variant) starts from."""
    name = kinds.get(kind).template_for_new(variant)
    if name is None:
        raise UsageError(f"opplan new does not start a {kind}")
    return name


def yaml_scalar(value: object) -> str:
    """`value` written as one YAML scalar, quoted only when it has to be."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 1_000_000
    stream = io.StringIO()
    yaml.dump({"v": value}, stream)
    text = stream.getvalue().removeprefix("v: ").rstrip("\n")
    # Double quotes, like the rest of the templates, where quotes are needed.
    return json.dumps(value, ensure_ascii=False) if text.startswith("'") else text


def context(values: Values, config: Config, variant: str, today: dt.date) -> dict[str, Any]:
    """Everything a `new/` template can use."""
    launch = dt.date(values.cycle, LAUNCH_MONTH, LAUNCH_DAY)
    return {
        "kind": values.kind,
        "team": values.team,
        "title": values.title,
        "cycle": values.cycle,
        "owners": list(values.owners),
        "org": values.org,
        "quarter": values.quarter,
        "final": values.final,
        "variant": variant,
        "today": today.isoformat(),
        "version": NEW_VERSION,
        "currency": config.new.currency,
        "city": config.new.city,
        "launch_date": launch.isoformat(),
        "dateline_date": f"{launch:%B} {launch.day}, {launch.year}",
        "yaml": yaml_scalar,
    }


def checked(text: str, template: str, kind: str) -> str:
    """The rendered text, if it is a document of `kind` that passes the schema.

    `template` names the template file in the message: the template is what to fix.
    """
    try:
        doc = load_text(template, text)
    except DocumentError as err:
        raise _broken(template, err.line, err.message) from None
    if doc.kind != kind:
        raise _broken(template, 1, f"its kind is {doc.kind!r}, not {kind!r}")
    if doc.schema_findings:
        first = doc.schema_findings[0]
        raise _broken(template, first.line, f"it fails the schema: {first.message}")
    return text


def _broken(template: str, line: int, what: str) -> UsageError:
    return UsageError(
        f"{template}: the document this template makes is not valid "
        f"(line {line} of the document: {what}); fix the template"
    )
