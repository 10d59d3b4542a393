"""A document kind's frontmatter schema as JSON Schema, for editors and other validators.

Draft-07 is the default: the validators in editors today (ajv in
remark-lint-frontmatter-schema, yaml-language-server) know it, and 2020-12
tools read it too. `--draft 2020-12` gives pydantic's native form. Both say
the same things: pydantic only puts its definitions under `$defs`, which
draft-07 spells `definitions`.
"""

from __future__ import annotations

from typing import Any

from opplan import schemas
from opplan.names import unknown

DRAFTS = {
    "draft-07": "http://json-schema.org/draft-07/schema#",
    "2020-12": "https://json-schema.org/draft/2020-12/schema",
}
DEFAULT_DRAFT = "draft-07"


def json_schema(kind: str, draft: str = DEFAULT_DRAFT) -> dict[str, Any]:
    """The JSON Schema of `kind`'s frontmatter, in the given draft."""
    if draft not in DRAFTS:
        raise unknown("JSON Schema draft", draft, tuple(DRAFTS))
    model = schemas.get(kind)
    if draft == "2020-12":
        return {"$schema": DRAFTS[draft], **model.model_json_schema()}
    document = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = document.pop("$defs", None)
    result = {"$schema": DRAFTS[draft], **_draft_07(document)}
    if definitions:
        result["definitions"] = _draft_07(definitions)
    return result


def _draft_07(node: Any) -> Any:
    """Draft-07 ignores a `$ref`'s sibling keywords: keep them by moving the `$ref` into allOf."""
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _draft_07(value) for key, value in node.items()}
    if "$ref" in result and len(result) > 1:
        result["allOf"] = [{"$ref": result.pop("$ref")}]
    return result
