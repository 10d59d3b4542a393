"""The bundled examples are complete: each one uses every key its kind has."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import EXAMPLES
from opplan import kinds
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


def test_every_kind_a_team_writes_has_an_example() -> None:
    found = {load(path).kind for path in EXAMPLE_FILES}
    assert found == set(kinds.KINDS) - {"rollup"}  # a roll-up is generated, not written


def test_the_example_team_has_a_year_of_checkins() -> None:
    checkins = [load(path).model for path in EXAMPLE_FILES if load(path).kind == "checkin"]
    quarters = sorted((model.cycle, model.quarter) for model in checkins)  # type: ignore[union-attr]
    assert quarters == [(2027, "Q1"), (2027, "Q2"), (2027, "Q3"), (2027, "Q4")]
    assert [model.quarter for model in checkins if model.final] == ["Q4"]  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", sorted(kinds.KINDS.keys() - {"rollup"}))
def test_the_examples_of_a_kind_use_every_key_it_has(kind: str) -> None:
    docs = [load(path) for path in EXAMPLE_FILES if load(path).kind == kind]
    assert all(doc.model is not None for doc in docs), [doc.schema_findings for doc in docs]
    unused = [set(unused_keys(type(doc.model), doc.meta)) for doc in docs]
    # `extra` is a team's own data, not an opplan key to show (the README shows it).
    assert set.intersection(*unused) <= {"extra"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: Path(path).name)
def test_examples_have_a_narrative_and_an_appendix_if_their_kind_has_one(path: Path) -> None:
    doc = load(path)
    if kinds.get(doc.kind).appendix or doc.kind == "prfaq":
        assert doc.body.narrative_words > 1500
        assert doc.body.appendix
    else:  # a check-in: a page or two of prose, no appendix
        assert 250 < doc.body.narrative_words < 1000
