"""The README's "Start a plan" walk-through works as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# Installing is what the test environment already did.
SETUP = ("python3 -m venv", ". .venv/bin/activate", "pip install")


def _walkthrough_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Start a plan\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", re.sub(r"(?m)^   ", "", section), re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.strip() and not line.startswith(SETUP)]


def test_the_walkthrough_runs_word_for_word(tmp_path: Path) -> None:
    commands = _walkthrough_commands()
    assert commands[0] == "mkdir ../planning && cd ../planning"
    assert any(c.startswith("opplan new op1") for c in commands)
    checkout = tmp_path / "opplan"
    checkout.mkdir()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    script = "set -e\n" + "\n".join(commands) + "\n"
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=checkout,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    plan = tmp_path / "planning/plans/2027/payments-platform/op1.md"
    assert plan.read_text().startswith("---\nkind: op1\ntitle: Payments Platform OP1 2027\n")
    assert (tmp_path / "planning/plans/2027/payments-platform/op2.md").exists()
    assert (tmp_path / "planning/.github/workflows/opplan.yml").exists()
