"""`opplan lint --format sarif` writes logs that the SARIF 2.1.0 schema accepts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import Result

from conftest import example

Cli = Callable[..., Result]
SCHEMA = json.loads((Path(__file__).parent / "data/sarif-schema-2.1.0.json").read_text())
FLAWED = example().replace("cycle: 2027\n", 'cycle: "2027"\n', 1)


def _errors(log: Any) -> list[str]:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(log)]


def _lint(cli: Cli, *paths: str | Path) -> Any:
    result = cli("lint", "--format", "sarif", "--no-cache", *paths)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def _uris(log: Any) -> list[dict[str, str]]:
    return [
        result["locations"][0]["physicalLocation"]["artifactLocation"]
        for result in log["runs"][0]["results"]
    ]


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("plans/op1.md", "plans/op1.md"),
        ("my plans/op 1.md", "my%20plans/op%201.md"),
        ("plans/équipe/op1.md", "plans/%C3%A9quipe/op1.md"),
        ("plans/50%/a#b?.md", "plans/50%25/a%23b%3F.md"),
        ("plans/a:b.md", "plans/a%3Ab.md"),  # a colon would read as a URI scheme
    ],
)
def test_uris_are_percent_encoded_and_relative_to_srcroot(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, uri: str
) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_text(FLAWED)
    monkeypatch.chdir(tmp_path)
    for given in (name, path):  # as typed, and absolute
        log = _lint(cli, given)
        assert _errors(log) == []
        assert _uris(log) == [{"uri": uri, "uriBaseId": "%SRCROOT%"}]
        base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        assert base == tmp_path.as_uri() + "/"


def test_a_file_outside_the_current_folder_is_an_absolute_file_uri(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "other place" / "op1.md"
    path.parent.mkdir()
    path.write_text(FLAWED)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    for given in (path, Path("../other place/op1.md")):
        log = _lint(cli, given)
        assert _errors(log) == []
        assert _uris(log) == [{"uri": path.as_uri()}]
        assert "%20" in path.as_uri()


def test_the_schema_check_can_fail() -> None:
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "opplan"}}, "results": []}]}
    assert _errors(log) == []
    location = {"artifactLocation": {"uri": "my plans/op1.md"}}
    log["runs"][0]["results"] = [  # type: ignore[index]
        {"message": {"text": "x"}, "locations": [{"physicalLocation": location}]}
    ]
    assert any("is not a 'uri-reference'" in error for error in _errors(log))


def test_the_driver_names_no_page_that_does_not_exist(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "op1.md"
    path.write_text(FLAWED)
    driver = _lint(cli, path)["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver  # opplan has no published home page to point at
    assert driver["name"] == "opplan" and driver["rules"]
