"""`opplan schema` and `opplan lint` agree: what the exported schema rejects, lint rejects.

Every example and test fixture whose frontmatter lint accepts validates against
the schema in both drafts, read the way an editor reads YAML (dates are text),
with the `jsonschema` library and with the `check-jsonschema` command.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, OP1_FRONTMATTER, ROOT, document
from opplan import kinds
from opplan.document import load_text
from opplan.document.frontmatter import split
from opplan.errors import DocumentError
from opplan.schemas.export import DRAFTS, json_schema

FIXTURES = sorted(
    [
        *EXAMPLES.glob("*.md"),
        *(ROOT / "tests" / "rules").rglob("*.md"),
        *(ROOT / "tests" / "cross_cases").rglob("*.md"),
    ]
)
VALIDATORS = {"draft-07": jsonschema.Draft7Validator, "2020-12": jsonschema.Draft202012Validator}


def _as_editors_see_it(value: Any) -> Any:
    """YAML data as JSON: editors' YAML 1.2 parsers read an unquoted date as text."""
    if isinstance(value, dict):
        return {str(key): _as_editors_see_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_editors_see_it(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _frontmatter(path: str, text: str) -> Any:
    return _as_editors_see_it(YAML(typ="safe", pure=True).load(split(path, text).frontmatter))


@functools.cache
def _validator(kind: str, draft: str) -> jsonschema.protocols.Validator:
    schema = json_schema(kind, draft)
    return VALIDATORS[draft](schema, format_checker=jsonschema.FormatChecker())


def _schema_errors(kind: str, data: Any, draft: str) -> list[str]:
    return [error.message for error in _validator(kind, draft).iter_errors(data)]


@pytest.mark.parametrize("draft", sorted(DRAFTS))
@pytest.mark.parametrize("kind", ["op1", "op2", "prfaq", "rollup"])
def test_the_schema_is_valid_under_its_draft(kind: str, draft: str) -> None:
    schema = json_schema(kind, draft)
    assert schema["$schema"] == DRAFTS[draft]
    VALIDATORS[draft].check_schema(schema)
    text = json.dumps(schema)
    assert ("$defs" in text) == (draft == "2020-12")


def _accepted_fixtures() -> list[Any]:
    cases = []
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        try:
            doc = load_text(str(path), text)
        except DocumentError:
            continue  # a fixture that is unreadable on purpose
        if doc.model is not None:
            cases.append(pytest.param(path, id=str(path.relative_to(ROOT))))
    return cases


ACCEPTED = _accepted_fixtures()


def test_most_fixtures_have_valid_frontmatter() -> None:
    assert len(ACCEPTED) >= 40  # the agreement test below has material


@pytest.mark.parametrize("draft", sorted(DRAFTS))
@pytest.mark.parametrize("path", ACCEPTED)
def test_what_lint_accepts_the_schema_accepts(path: Path, draft: str) -> None:
    text = path.read_text(encoding="utf-8")
    doc = load_text(str(path), text)
    assert _schema_errors(doc.kind, _frontmatter(str(path), text), draft) == []


def test_check_jsonschema_accepts_the_examples(tmp_path: Path) -> None:
    """The README's editor set-up: check-jsonschema with the exported schema."""
    for kind in sorted(kinds.KINDS.keys() - {"rollup"}):
        schema = tmp_path / f"{kind}.schema.json"
        schema.write_text(json.dumps(json_schema(kind)))
        instances = []
        for path in EXAMPLES.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            if f"\nkind: {kind}\n" in text:
                instance = tmp_path / f"{path.stem}.yaml"
                instance.write_text(split(str(path), text).frontmatter)
                instances.append(instance)
        assert instances, kind
        command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema)]
        done = subprocess.run(
            [*command, *map(str, instances)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        # ... and it can fail: a quoted number.
        bad, quoted = re.subn(
            r"\ncycle: (\d+)\n", r'\ncycle: "\1"\n', instances[0].read_text(), count=1
        )
        assert quoted == 1
        instances[0].write_text(bad)
        done = subprocess.run(
            [*command, str(instances[0])], capture_output=True, text=True, check=False
        )
        assert done.returncode == 1 and "is not of type 'integer'" in done.stdout


# Values YAML reads as another type than the key needs: lint and the schema both refuse them.
WRONG_TYPES = [
    ('cycle: "2027"', "cycle: 2027", "cycle: expected a whole number, got '2027'; write the"),
    ("cycle: true", "cycle: 2027", "cycle: expected a whole number, got True"),
    ('headcount: "40"', "headcount: 40", "expected a number, got '40'; write the number without"),
    ("headcount: -4", "headcount: 40", "headcount: must be at least 0, got -4"),
    (
        "version: 1.3",
        "",
        'version: expected text, got 1.3; put it in quotes as written, e.g. "1.3"',
    ),
    ("version: 2", "", 'version: expected text, got 2; put it in quotes: "2"'),
    ("owners: [Dana Reyes, 7]", "owners: [Dana Reyes]", "owners item 2: expected text, got 7"),
    ("status: 1", "status: draft", "status: 1 is not allowed"),
]


@pytest.mark.parametrize("draft", sorted(DRAFTS))
@pytest.mark.parametrize(("wrong", "right", "message"), WRONG_TYPES)
def test_lint_refuses_what_the_schema_refuses(
    wrong: str, right: str, message: str, draft: str
) -> None:
    frontmatter = OP1_FRONTMATTER.replace(right, wrong) if right else OP1_FRONTMATTER + wrong + "\n"
    assert wrong in frontmatter
    text = document(frontmatter)
    doc = load_text("plan.md", text)
    assert doc.model is None
    assert any(message in finding.message for finding in doc.schema_findings), doc.schema_findings
    assert _schema_errors("op1", _frontmatter("plan.md", text), draft)
    # The same document with the right value passes both.
    fixed = load_text("plan.md", document(OP1_FRONTMATTER))
    assert fixed.model is not None
    assert _schema_errors("op1", _frontmatter("plan.md", document(OP1_FRONTMATTER)), draft) == []
