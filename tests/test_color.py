"""Coloured text: on a terminal or with FORCE_COLOR, never with NO_COLOR."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import example
from opplan.output import colour

Cli = Callable[..., Result]
ESC = "\x1b["


@pytest.mark.parametrize(
    ("force", "no", "terminal", "coloured"),
    [
        (None, None, False, False),
        (None, None, True, True),
        ("1", None, False, True),
        ("true", None, False, True),
        ("3", None, False, True),
        ("", None, False, False),  # set but empty: as if unset
        ("0", None, False, False),
        ("false", None, False, False),
        ("1", "1", False, False),  # NO_COLOR wins
        (None, "1", True, False),
        (None, "", True, True),
    ],
)
def test_colour_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    force: str | None,
    no: str | None,
    terminal: bool,
    coloured: bool,
) -> None:
    for name, value in (("FORCE_COLOR", force), ("NO_COLOR", no)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert colour(terminal=terminal) is coloured


def test_force_color_colours_lint_output_in_a_pipe(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "op1.md"
    path.write_text(example().replace("cycle: 2027\n", 'cycle: "2027"\n', 1))
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = cli("lint", "--no-cache", path).stdout
    assert ESC not in plain and "[schema]" in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("lint", "--no-cache", path).stdout
    assert ESC in coloured and "[schema]" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in cli("lint", "--no-cache", path).stdout
    # Formats meant for machines are never coloured.
    monkeypatch.delenv("NO_COLOR")
    assert ESC not in cli("lint", "--no-cache", "--format", "json", path).stdout
