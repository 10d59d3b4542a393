"""The bundled examples are complete: each one uses every key its kind has."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import Result

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


def test_the_2028_op1_opens_with_the_results_new_op1_from_previous_gives(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """The example OP1 for 2028 was started from the year-end check-in: its results are
    exactly what `opplan new op1 --from-previous` writes from the examples."""
    for path in EXAMPLE_FILES:
        shutil.copy(path, tmp_path / path.name)
    started = tmp_path / "started.md"
    result = cli(
        "new", "op1", "--from-previous", tmp_path / "op2-payments-platform.md", "-o", started
    )
    assert result.exit_code == 0, result.output
    written = load(EXAMPLES / "op1-payments-platform-2028.md").model
    generated = load(started).model
    assert written is not None and generated is not None
    assert written.results == generated.results  # type: ignore[attr-defined]
    assert [r.status for r in written.results] == [  # type: ignore[attr-defined]
        "hit",
        "partial",
        "hit",
        "partial",
        "missed",
        "partial",
        "hit",
    ]
    assert (
        (written.cycle, written.team)
        == (generated.cycle, generated.team)
        == (2028, "Payments Platform")
    )
