"""Documents opplan did not write: tests/corpus/*.md and every finding in expected.yaml.

Each document reproduces forms seen in real PR/FAQs and narratives (headings in
many forms, press releases without a heading, newswire datelines, GitHub
Markdown). expected.yaml maps each document to the complete list of findings
of an `opplan lint` run on it, each as [line, column, rule, a part of the
message, level]: none for a complete document, and each real defect found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from opplan.config.model import Lint
from opplan.lint.engine import lint

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, list[list[Any]]] = yaml.safe_load(
    (CORPUS / "expected.yaml").read_text(encoding="utf-8")
)


def test_every_document_has_expectations() -> None:
    assert sorted(EXPECTED) == sorted(path.name for path in CORPUS.glob("*.md"))
    assert len(EXPECTED) >= 22


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_document(name: str) -> None:
    report = lint([CORPUS / name], Lint(), jobs=1)
    found = sorted(report.problems, key=lambda p: (p.line, p.column, p.rule, p.message))
    wanted = EXPECTED[name]
    got = [(p.line, p.column, p.rule, p.level) for p in found]
    assert got == [(w[0], w[1], w[2], w[4]) for w in wanted], [p.message for p in found]
    for problem, want in zip(found, wanted, strict=True):
        assert want[3] in problem.message, problem.message
