"""The packages form layers: no package imports a package that imports it back.

Imports inside functions count too: a deferred import is still a dependency. Imports
for type checking only (under `if TYPE_CHECKING:`) do not: they never run.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "opplan"
KNOWN: set[tuple[str, str]] = set()  # pairs allowed to import each other: none


def _imports() -> dict[str, set[str]]:
    """For each subpackage, the other subpackages it imports."""
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2:
            continue  # a top-level module, not a package
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(child)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
            for statement in node.body
            for child in ast.walk(statement)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                split = [*name.split("."), ""]
                if split[0] == "opplan" and split[1] in packages and split[1] != parts[0]:
                    found[parts[0]].add(split[1])
    return found


def test_no_two_packages_import_each_other() -> None:
    imports = _imports()
    both = {
        (first, second)
        for first, targets in imports.items()
        for second in targets
        if first < second and first in imports.get(second, set())
    }
    assert both <= KNOWN


def test_lint_and_collab_share_the_workspace_and_import_neither() -> None:
    imports = _imports()
    assert "collab" not in imports["lint"] and "lint" not in imports["collab"]
    assert {"lint", "collab", "render"}.isdisjoint(imports["workspace"])
    assert "workspace" in imports["lint"] and "workspace" in imports["collab"]
