"""Shell completion (bash, zsh, fish) and the `-h` alias, run through the real `opplan` script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from opplan.cli import app
from opplan.collab.export import TABLES
from opplan.lint.rules import RULES
from opplan.output import FORMATS

BIN = Path(sys.executable).parent
OPPLAN = str(BIN / "opplan")


def _env(**extra: str) -> dict[str, str]:
    path = f"{BIN}{os.pathsep}{os.environ['PATH']}"
    # Take the shell from `--show-completion SHELL` rather than from the parent processes.
    return {
        **os.environ,
        "PATH": path,
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        **extra,
    }


def _complete(shell: str, line: str, *, process: bool = False) -> list[str]:
    """The candidates opplan gives a shell for the last word of `line`, by the shell's protocol.

    In this process through click's runner, or (`process`) by the real `opplan` script.
    """
    env = {"_OPPLAN_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(line.split(" ")) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    if process:
        done = subprocess.run([OPPLAN], env=_env(**env), capture_output=True, text=True, check=True)
        out = done.stdout
    else:
        result = CliRunner().invoke(app, [], env={**env, "COLUMNS": "100000"}, prog_name="opplan")
        assert result.exit_code == 0, result.output
        out = result.stdout
    if shell == "zsh":  # _arguments '*: :(("value":"help"\n"value" ...))'
        return re.findall(r'(?:\(\(|\n)"((?:[^"\\]|\\.)*)"', out)
    return [line.split("\t")[0] for line in out.splitlines() if line]


LINES = [
    ("opplan li", ["lint"]),
    ("opplan lint --for", ["--format"]),
    ("opplan lint --format s", ["sarif"]),
    ("opplan lint -f ", list(FORMATS["lint"])),
    ("opplan rules weasel", ["weasel-words"]),
    ("opplan rules ", sorted(RULES)),
    ("opplan new p", ["prfaq"]),
    ("opplan new prfaq --variant p", ["pr-only"]),
    ("opplan new checkin --quarter ", ["Q1", "Q2", "Q3", "Q4"]),
    ("opplan schema ", ["checkin", "op1", "op2", "prfaq", "rollup"]),
    ("opplan render x --to pdf,", ["pdf,docx", "pdf,html"]),
    ("opplan export ", list(TABLES)),
    ("opplan export risks --format c", ["csv"]),
    ("opplan diff --format m", ["markdown"]),
    ("opplan rollup --kind ", ["op1", "op2"]),
    ("opplan templates --copy new/op1", ["new/op1.md.j2"]),
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(("line", "expected"), LINES)
def test_completion_candidates(shell: str, line: str, expected: list[str]) -> None:
    found = _complete(shell, line)
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_each_candidate_is_one_line_however_long_its_help(shell: str) -> None:
    # --format's help is longer than a terminal line; typer would wrap it.
    assert _complete(shell, "opplan lint --for", process=True) == ["--format"]


def test_bash_completes_through_the_installed_script() -> None:
    """The script `--show-completion bash` prints, sourced into a real bash."""
    script = subprocess.run(
        [OPPLAN, "--show-completion", "bash"],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "complete" in script and "_OPPLAN_COMPLETE" in script
    driver = (
        f"{script}\n"
        "COMP_WORDS=(opplan lint --format s); COMP_CWORD=3\n"
        "_opplan_completion opplan\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    bash = shutil.which("bash")
    assert bash is not None
    done = subprocess.run(
        [bash, "-c", driver], env=_env(), capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == ["sarif"], done.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_each_shells_script(shell: str) -> None:
    done = subprocess.run(
        [OPPLAN, "--show-completion", shell],
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"complete_{shell}" in done.stdout


def _commands() -> list[str]:
    return sorted(command.name or command.callback.__name__ for command in app.registered_commands)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", ["", *_commands()])
def test_h_is_help_everywhere(command: str) -> None:
    args = [command] if command else []
    short = CliRunner().invoke(app, [*args, "-h"])
    long = CliRunner().invoke(app, [*args, "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "-h, --help" in short.stdout
