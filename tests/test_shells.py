"""Completion in the real fish and zsh, with the scripts `opplan --show-completion` prints.

fish and zsh come from the system's packages (.ci/run installs them), hence `external`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from opplan.lint.rules import RULES

pytestmark = pytest.mark.external
BIN = Path(sys.executable).parent
# zsh runs completion functions only inside its line editor: stand-ins for the two
# functions the script calls, which print what zsh would offer.
ZSH_STUBS = 'compdef() { :; }; _arguments() { print -l -- "$@"; }'


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"needs {name}: apt-get install {name}")
    return found


def _run(shell: str, script: str, tmp_path: Path) -> str:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
    }
    completion = tmp_path / f"opplan.{shell}"
    completion.write_text(
        subprocess.run(
            ["opplan", "--show-completion", shell],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    done = subprocess.run(
        [_shell(shell), "-c", f"source {completion}; {script}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("opplan lint --format s", ["sarif"]),
        ("opplan rules weasel", ["weasel-words"]),
        ("opplan lint --for", ["--format"]),
        ("opplan render x --to pdf,", ["pdf,docx", "pdf,html"]),
        # Some rules' summaries are longer than a terminal line: no wrapped part of
        # one may show up as a candidate.
        ("opplan rules ", sorted(RULES)),
    ],
)
def test_fish_completes(tmp_path: Path, line: str, expected: list[str]) -> None:
    out = _run("fish", f'complete -C "{line}"', tmp_path)
    assert sorted(row.split("\t")[0] for row in out.splitlines()) == sorted(expected)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("opplan rules weasel", ['*: :(("weasel-words":"The narrative uses data, not adjectives']),
        ("opplan lint --format s", ['*: :(("sarif":"SARIF 2.1.0, for code scanning"))']),
        ("opplan lint --for", ['*: :(("--format":"Output format\\: auto (github under GitHub']),
    ],
)
def test_zsh_completes(tmp_path: Path, words: str, expected: list[str]) -> None:
    count = len(words.split())
    script = f"{ZSH_STUBS}; words=({words}); CURRENT={count}; _opplan_completion"
    out = _run("zsh", script, tmp_path).splitlines()
    assert len(out) == len(expected) and all(
        row.startswith(start) for row, start in zip(out, expected, strict=True)
    ), out
