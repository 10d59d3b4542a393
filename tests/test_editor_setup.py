"""The README's editor set-up, run as written: schema files, then remark with its
frontmatter-schema plugin over the plans (npm packages, so under `external`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from external_tools import node_modules

pytestmark = pytest.mark.external
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Editor support") : README.index("## Development")]


def _block(language: str, containing: str) -> str:
    for found in re.finditer(rf"```{language}\n(.*?)```", SECTION, re.DOTALL):
        if containing in found[1]:
            return found[1]
    raise AssertionError(f"no {language} block with {containing!r} in the README's editor section")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A planning repository set up as the README says, with the example plans."""
    (tmp_path / "node_modules").symlink_to(node_modules())
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    script = _block("sh", "opplan schema")
    subprocess.run(["bash", "-euc", script], cwd=tmp_path, env=env, check=True)
    (tmp_path / ".remarkrc.mjs").write_text(_block("js", "remarkLintFrontmatterSchema"))
    folder = tmp_path / "plans/2027/payments-platform"
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLES / "op1-payments-platform.md", folder / "op1.md")
    shutil.copy(EXAMPLES / "op2-payments-platform.md", folder / "op2.md")
    shutil.copy(EXAMPLES / "prfaq-instant-payouts.md", folder / "prfaq-instant-payouts.md")
    return tmp_path


def _remark(repo: Path) -> subprocess.CompletedProcess[str]:
    # `npx remark plans --frail --quiet`, without npx's look-ups.
    cli = str(node_modules() / "remark-cli" / "cli.js")
    command = ["node", cli, "plans", "--frail", "--quiet", "--no-stdout", "--no-color"]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


def test_remark_accepts_the_example_plans(repo: Path) -> None:
    done = _remark(repo)
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr


@pytest.mark.parametrize(
    ("name", "right", "wrong", "message"),
    [
        ("op1.md", "\ncycle: 2027\n", '\ncycle: "2027"\n', "Must be integer"),
        (
            "op1.md",
            "\n    headcount: 40\n",
            '\n    headcount: "40"\n',
            "Must match a schema in anyOf",
        ),
        ("op2.md", '\nversion: "2.1"\n', "\nversion: 2.1\n", "Must be string"),
        ("prfaq-instant-payouts.md", "\nstatus: ", "\nstatus: dratf\n#", "Must be equal to one"),
    ],
)
def test_remark_marks_what_lint_rejects(
    repo: Path, name: str, right: str, wrong: str, message: str
) -> None:
    path = repo / "plans/2027/payments-platform" / name
    text = path.read_text()
    assert right in text
    path.write_text(text.replace(right, wrong, 1))
    done = _remark(repo)
    assert done.returncode == 1
    assert name in done.stderr and message in done.stderr, done.stderr
    lint = subprocess.run(
        [sys.executable, "-m", "opplan", "lint", "--no-cache", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 1 and "[schema]" in lint.stdout
