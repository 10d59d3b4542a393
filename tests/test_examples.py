"""The bundled examples are complete: each one uses every key its kind has."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import EXAMPLES
from opplan.document import load
from opplan.document.validation import inner_model

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.md"))


def unused_keys(model: type[BaseModel], data: object, where: str = "") -> list[str]:
    """Keys of `model` (and of the models inside it) that the data never sets."""
    items = data if isinstance(data, list) else [data]
    unused = []
    for name, field in model.model_fields.items():
        present = [item[name] for item in items if isinstance(item, dict) and name in item]
        if not present:
            unused.append(f"{where}{name}")
            continue
        inner = inner_model(field.annotation)
        if inner is not None:
            values = [
                v for value in present for v in (value if isinstance(value, list) else [value])
            ]
            unused += unused_keys(inner, values, f"{where}{name}.")
    return unused


def test_there_is_one_example_of_each_kind() -> None:
    kinds = sorted(load(path).kind for path in EXAMPLE_FILES)
    assert kinds == ["op1", "op2", "prfaq"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: Path(path).name)
def test_examples_use_every_key_of_their_kind(path: Path) -> None:
    doc = load(path)
    assert doc.model is not None, doc.schema_findings
    # `extra` is a team's own data, not an opplan key to show (the README shows it).
    assert unused_keys(type(doc.model), doc.meta) in ([], ["extra"])


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: Path(path).name)
def test_examples_have_a_narrative_and_an_appendix(path: Path) -> None:
    doc = load(path)
    assert doc.body.narrative_words > 1500
    assert doc.body.appendix
