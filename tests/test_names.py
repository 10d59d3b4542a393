"""One "did you mean" for every name a user types, and one error for an unknown one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import Result

from opplan.errors import UsageError
from opplan.names import choose, did_you_mean, nearest, typo_of, unknown_message
from opplan.output import FORMATS

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("jsn", ("text", "json"), "json"),
        ("markdwn", ("text", "json", "markdown"), "markdown"),
        ("zzz", ("text", "json"), None),
        ("", ("text",), None),
        ("op3", ("op1", "op2", "prfaq"), "op1"),  # the first on a tie
    ],
)
def test_nearest(word: str, choices: tuple[str, ...], expected: str | None) -> None:
    assert nearest(word, choices) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("reviewer", "reviewers"),
        ("Reviewers", "reviewers"),
        ("reveiwers", "reviewers"),
        ("if-late", "if_late"),
        ("tags", None),  # near enough for `nearest`, but an author's own key
    ],
)
def test_typo_of_is_stricter_than_nearest(word: str, expected: str | None) -> None:
    assert typo_of(word, ("reviewers", "if_late", "tracks")) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "unknown format 'jsn'; use one of text, json; did you mean 'json'?"),
        ({"where": " in the marker"}, "unknown format 'jsn' in the marker; use one of text, json;"),
        ({"lister": "opplan formats"}, "unknown format 'jsn'; did you mean 'json'?"),
    ],
)
def test_unknown_message(kwargs: dict[str, str], message: str) -> None:
    assert unknown_message("format", "jsn", ("text", "json"), **kwargs).startswith(message)


def test_a_name_too_far_from_any_gets_the_lister_or_the_list() -> None:
    assert unknown_message("rule", "zzz", ("asks-count",), lister="opplan rules") == (
        "unknown rule 'zzz'; 'opplan rules' lists them"
    )
    assert unknown_message("format", "zzz", ("text",)) == "unknown format 'zzz'; use one of text"
    assert did_you_mean("zzz", ("text",), "; fix it") == "; fix it"


def test_choose_returns_the_entry_or_raises_the_unknown_message() -> None:
    assert choose("table", "asks", {"goals": 1, "asks": 2}) == 2
    with pytest.raises(UsageError) as caught:
        choose("table", "ask", {"goals": 1, "asks": 2})
    assert str(caught.value) == "unknown table 'ask'; use one of goals, asks; did you mean 'asks'?"


COMMANDS = {
    "lint": ["lint", "--format", "jsn", "."],
    "diff": ["diff", "--format", "jsn"],
    "status": ["status", "--format", "jsn", "."],
    "export": ["export", "goals", ".", "--format", "jsn"],
    "review import": ["review", "import", "x.docx", "--format", "jsn"],
}


@pytest.mark.parametrize("command", sorted(FORMATS))
def test_an_unknown_format_is_the_same_error_for_every_command(cli: Cli, command: str) -> None:
    result = cli(*COMMANDS[command])
    listed = ", ".join(FORMATS[command])
    assert result.exit_code == 2
    assert result.stderr == (
        f"opplan: error: unknown format 'jsn'; use one of {listed}; did you mean 'json'?\n"
    )


def test_render_to_names_an_unknown_format_the_same_way(cli: Cli) -> None:
    result = cli("render", ".", "--to", "pdf,htm")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: error: unknown format 'htm'; use one of pdf, docx, html; did you mean 'html'?\n"
    )
