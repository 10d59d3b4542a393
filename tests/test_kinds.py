"""The registry of document kinds: every kind is found, named and described in one place."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan import kinds, schemas
from opplan.errors import UsageError

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]
SRC = Path(kinds.__file__).parent.parent

ROLLUP = """\
---
kind: rollup
title: Commerce plans
team: Commerce
cycle: banana
status: review
owners: [Dana Reyes]
plans: []
---

# Commerce plans
"""


def test_a_rollup_in_a_folder_is_linted_like_a_named_one(cli: Cli, write: Write) -> None:
    path = write("plans/rollup.md", ROLLUP)
    named = cli("lint", "--format", "text", "--no-cache", path)
    found = cli("lint", "--format", "text", "--no-cache", path.parent)
    assert named.exit_code == found.exit_code == 1, found.stdout
    assert f"{path}:5:" in found.stdout and "cycle" in found.stdout
    assert found.stdout == named.stdout


def test_every_kind_has_its_model_and_the_schemas_read_them() -> None:
    assert list(schemas.KINDS) == list(kinds.KINDS)
    for name, kind in kinds.KINDS.items():
        model = schemas.KINDS[name]
        assert model is kind.model()
        assert model.model_fields["kind"].annotation.__args__ == (name,)  # type: ignore[union-attr]


def test_an_unknown_kind_names_the_nearest() -> None:
    with pytest.raises(UsageError) as caught:
        kinds.get("op3")
    assert str(caught.value) == (
        "unknown document kind 'op3'; use one of op1, op2, prfaq, checkin, rollup; "
        "did you mean 'op1'?"
    )


def test_every_kind_template_exists() -> None:
    folder = SRC.parent.parent / "templates"
    for kind in kinds.KINDS.values():
        for variant in kind.variants or {"": ()}:
            template = kind.template_for_new(variant)
            assert template is None or (folder / template).is_file(), template
        assert kind.render_template is None or (folder / kind.render_template).is_file()


def _kind_lists(tree: ast.AST) -> list[int]:
    """Lines of literals (tuples, lists, sets, dict keys) naming two kinds or more."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
        else:
            continue
        values = [item.value for item in items if isinstance(item, ast.Constant)]
        if len(values) == len(items) and len(set(values) & set(kinds.NAMES)) >= 2:
            found.append(node.lineno)
    return found


def test_no_module_outside_the_registry_lists_kinds() -> None:
    """Adding a kind is one module in `kinds/`: no other module keeps its own list.

    A lint rule's `KINDS` says which kinds that rule checks, so rules may name them.
    """
    skipped = {SRC / "kinds", SRC / "lint" / "rules"}
    lists = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if not any(folder in path.parents for folder in skipped)
        if (lines := _kind_lists(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert lists == {}


RETRO_KIND = """\
from opplan.kinds.kind import Kind

KIND = Kind(
    name="retro",
    label="Retrospective",
    summary="a retrospective after a launch",
    model_path="opplan.schemas.retro.Retro",
    sections=("Progress", "Next steps"),
    new_template="new/retro.md.j2",
    new_path="plans/{cycle}/{team}/retro.md",
    new_title="{team} retrospective {cycle}",
)
"""
RETRO_MODEL = '''\
from typing import Literal

from pydantic import Field

from opplan.schemas.common import DocumentBase


class Retro(DocumentBase):
    """A retrospective."""

    kind: Literal["retro"] = Field(description="Always retro.")
    weeks: int = Field(ge=1, le=52, description="The weeks it looks back on.")
'''
RETRO_TEMPLATE = """\
---
kind: retro
title: {{ title | tojson }}
team: {{ team | tojson }}
cycle: {{ cycle }}
status: draft
owners: {{ owners | tojson }}
weeks: 6
---

# Progress

[What moved since the plan.]

# Next steps

[What comes next.]
"""


def test_adding_a_kind_is_one_module_and_its_templates(tmp_path: Path) -> None:
    """The README's recipe, followed on a copy of the source: every feature sees the new kind."""
    shutil.copytree(SRC, tmp_path / "src" / "opplan", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SRC.parent.parent / "templates", tmp_path / "templates")
    package = tmp_path / "src" / "opplan"
    (package / "kinds" / "retro.py").write_text(RETRO_KIND, encoding="utf-8")
    (package / "schemas" / "retro.py").write_text(RETRO_MODEL, encoding="utf-8")
    (tmp_path / "templates" / "new" / "retro.md.j2").write_text(RETRO_TEMPLATE, "utf-8")
    registry = package / "kinds" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    imports = "from opplan.kinds import checkin, op1, op2, prfaq, rollup\n"
    assert imports in text
    text = text.replace(imports, imports.replace("rollup", "retro, rollup"))
    registry.write_text(text.replace("rollup.KIND)", "rollup.KIND, retro.KIND)"), "utf-8")
    plans = tmp_path / "repo"
    plans.mkdir()
    (plans / "opplan.toml").write_text('[lint.kinds.retro.rules.schema]\nunknown_keys = "off"\n')

    def opplan(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
        return subprocess.run(
            [sys.executable, "-m", "opplan", *args],
            cwd=plans,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    made = opplan("new", "retro", "--team", "Payments", "--cycle", "2027")
    assert made.returncode == 0, made.stderr
    written = plans / "plans" / "2027" / "payments" / "retro.md"
    assert 'title: "Payments retrospective 2027"' in written.read_text(encoding="utf-8")
    first = opplan("lint", "--no-cache", "--format", "text", "plans")
    assert first.returncode == 0, first.stdout
    # The narrative rules check every kind people write, the new one included.
    assert "retro.md:13:1: warning unresolved placeholder" in first.stdout, first.stdout
    assert "[unresolved-marker]" in first.stdout
    written.write_text(written.read_text().replace("weeks: 6", "weeks: 0"), "utf-8")
    linted = opplan("lint", "--no-cache", "--format", "text", "plans")
    assert linted.returncode == 1 and "retro.md:8:" in linted.stdout, linted.stdout
    assert "weeks" in linted.stdout
    described = opplan("schema", "retro")
    assert described.returncode == 0 and '"weeks"' in described.stdout, described.stderr
