"""The registry of output formats: every command's formats, its help and the README agree."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan.output import FORMATS, default_format, formatter

Cli = Callable[..., Result]
README = Path(__file__).parents[1] / "README.md"


def _readme_formats() -> dict[str, list[str]]:
    section = README.read_text().split("### Output formats of every command", 1)[1]
    rows = re.findall(r"^\| `opplan ([a-z ]+)` \| (.+) \|$", section, re.MULTILINE)
    return {command: re.findall(r"`([a-z]+)`(?: \(default\))?:", cells) for command, cells in rows}


def test_the_readme_lists_every_command_s_formats_from_the_registry() -> None:
    assert _readme_formats() == {command: list(formats) for command, formats in FORMATS.items()}


@pytest.mark.parametrize(("command", "name"), [(c, n) for c in FORMATS for n in FORMATS[c]])
def test_every_registered_format_can_be_loaded(command: str, name: str) -> None:
    assert callable(formatter(command, name))


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["lint"], "lint"),
        (["diff"], "diff"),
        (["status"], "status"),
        (["export"], "export"),
        (["review", "import"], "review import"),
    ],
)
def test_help_lists_the_registered_formats_and_the_default(
    cli: Cli, args: list[str], command: str
) -> None:
    text = " ".join(cli(*args, "--help").stdout.split())
    for name, fmt in FORMATS[command].items():
        assert f"{name} ({' '.join(fmt.help.split())})" in text
    assert f"[default: {default_format(command)}]" in text
