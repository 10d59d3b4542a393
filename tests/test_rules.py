"""Every rule against its cases: tests/rules/<rule-id>/*.md and the problems in expected.yaml.

expected.yaml maps each document of the folder to the problems the rule must
report in it, each as [line, column, a part of the message] with an optional
fourth item, the level; or to a mapping with `options` (the rule's options for
that case) and `problems`. A document with no problems lists none: [].
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from opplan.config.model import Lint, RuleConfig
from opplan.document import load_text
from opplan.lint.check import check_document
from opplan.lint.rule import DocumentRule
from opplan.lint.rules import RULES

CASES = Path(__file__).parent / "rules"


def _cases() -> list[Any]:
    found = []
    for folder in sorted(CASES.iterdir()):
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        for name, spec in expected.items():
            found.append(pytest.param(folder.name, name, spec, id=f"{folder.name}/{name}"))
    return found


@pytest.mark.parametrize(("rule_id", "name", "spec"), _cases())
@pytest.mark.parametrize("fast", [True, False], ids=["fast-yaml", "round-trip-yaml"])
def test_rule_case(rule_id: str, name: str, spec: Any, fast: bool) -> None:
    options = spec.get("options", {}) if isinstance(spec, dict) else {}
    wanted = spec.get("problems", []) if isinstance(spec, dict) else spec
    path = CASES / rule_id / name
    doc = load_text(str(path), path.read_text(encoding="utf-8"), fast=fast)
    settings = Lint(rules={rule_id: RuleConfig(**options)})
    found = sorted(p for p in check_document(doc, settings) if p.rule == rule_id)
    assert [(p.line, p.column) for p in found] == [(w[0], w[1]) for w in wanted], found
    for problem, want in zip(found, wanted, strict=True):
        assert want[2] in problem.message
        if len(want) > 3:
            assert problem.level == want[3]


def test_every_rule_has_cases_and_documentation() -> None:
    folders = {folder.name for folder in CASES.iterdir()}
    # The cross-document rules have their cases in tests/cross_cases.
    assert folders == {rule.ID for rule in RULES.values() if isinstance(rule, DocumentRule)}
    for rule in RULES.values():
        doc = rule.__doc__ or ""
        assert "Passing" in doc and "Failing" in doc, rule.ID
