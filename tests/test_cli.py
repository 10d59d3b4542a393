from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, OP1_FRONTMATTER, document, example
from opplan import __version__
from opplan.commands import schema as schema_command

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"opplan {__version__}\n")


def test_help_explains_each_command(cli: Cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "lint" in result.stdout and "Check plan documents" in result.stdout
    assert "schema" in result.stdout and "JSON Schema" in result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "opplan", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"opplan {__version__}\n")


def test_examples_lint_clean(cli: Cli) -> None:
    result = cli("lint", EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith(
        f"{len(list(EXAMPLES.glob('*.md')))} files checked: no problems\n"
    )


def test_text_output_lines_and_summary(cli: Cli, write: Write) -> None:
    text = example().replace("status: approved", "status: done")
    bad = write("plan.md", text.replace("currency: USD", "asumptions: []"))
    result = cli("lint", bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad}:7:1: error status: 'done' is not allowed; "
        "use one of draft, review, approved, superseded [schema]",
        f"{bad}:26:1: error unknown key 'asumptions'; did you mean 'assumptions'? [schema]",
        "",
        "2 errors, 0 warnings in 1 of 1 file",
    ]


def test_json_output_shape(cli: Cli, write: Write) -> None:
    good = write("a/good.md", example())
    bad = write("a/bad.md", example().replace("cycle: 2027", "cycle: soon"))
    result = cli("lint", bad.parent, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload == {
        "problems": [
            {
                "path": str(bad),
                "line": 6,
                "column": 1,
                "level": "error",
                "rule": "schema",
                "message": "cycle: expected a whole number, got 'soon'",
            }
        ],
        "summary": {"files": 2, "errors": 1, "warnings": 0},
    }
    assert good.exists()


def test_folders_are_searched_for_plans_only(cli: Cli, write: Write) -> None:
    write("plans/2027/payments/op1.md", example())
    write("plans/README.md", "# How we plan\n")
    write("plans/site/page.md", "---\nlayout: page\n---\nNot a plan.\n")
    write("plans/site/hugo.md", "---\nkind: page\n---\nNot a plan either.\n")
    write("plans/.hidden/op1.md", "---\nkind: op1\n---\n")
    typo = write("plans/2027/risk/op1.md", "---\nkind: opl\n---\n")
    result = cli("lint", typo.parents[2])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{typo}:2:7: error unknown document kind 'opl'; "
        "use one of op1, op2, prfaq, checkin, rollup; "
        "did you mean 'op1'? [kind]",
        "",
        "1 error, 0 warnings in 1 of 2 files",
    ]


@pytest.mark.parametrize(
    ("content", "code", "expected"),
    [
        (
            "# Plan\n",
            1,
            ":1:1: error no YAML frontmatter; a plan starts with a '---' line, "
            "its keys, and another '---' [frontmatter]",
        ),
        (
            "---\nkind: op1\n\n# Plan\n",
            1,
            ":1:1: error the frontmatter opened here is never "
            "closed; add a '---' line after its last key [frontmatter]",
        ),
        ("---\nkind: op1\ntitle: [a\n---\n", 1, ":3:8: error invalid YAML: the '[' opened"),
        (
            "---\n- op1\n---\n",
            1,
            ":1:1: error the frontmatter is a list; it must be a mapping "
            "of keys such as 'kind: op1' [frontmatter]",
        ),
        (
            "---\ntitle: x\n---\n",
            1,
            ":1:1: error the frontmatter has no 'kind' key; "
            "add one of: op1, op2, prfaq, checkin, rollup [kind]",
        ),
        (
            "---\nkind: 7\n---\n",
            1,
            ":2:7: error unknown document kind 7; "
            "use one of op1, op2, prfaq, checkin, rollup [kind]",
        ),
        (
            b"---\nkind: op1\nteam: Caf\xe9\n---\n",
            2,
            ":3:10: error the file is not UTF-8 (byte 0xe9); save it as UTF-8 [input]",
        ),
        (
            b"\x00\x01\x02binary",
            2,
            ":1:1: error this is a binary file, not a Markdown "
            "document; pass only .md plan files [input]",
        ),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(
    cli: Cli, write: Write, content: str | bytes, code: int, expected: str
) -> None:
    path = write("plan.md", content)
    result = cli("lint", path)
    assert result.exit_code == code
    first, blank, summary = result.stdout.splitlines()
    assert first.startswith(f"{path}{expected}")
    assert (blank, summary) == ("", "1 error, 0 warnings in 1 of 1 file")
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_file_is_an_input_failure(cli: Cli, tmp_path: Path) -> None:
    result = cli("lint", tmp_path / "nope.md")
    assert result.exit_code == 2
    assert result.stdout.startswith(
        f"{tmp_path / 'nope.md'}:1:1: error no such file; check the path [input]\n"
    )


def test_folder_without_plans_is_an_input_failure(cli: Cli, write: Write) -> None:
    readme = write("docs/README.md", "# Docs\n")
    result = cli("lint", readme.parent)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{readme.parent}:1:1: error no plan documents here")


def test_other_files_are_still_linted_when_one_cannot_be_read(cli: Cli, write: Write) -> None:
    good = write("good.md", example())
    result = cli("lint", good, good.parent / "missing.md")
    assert result.exit_code == 2
    assert "missing.md:1:1: error no such file" in result.stdout
    assert "1 error, 0 warnings in 1 of 2 files" in result.stdout


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("lint", EXAMPLES, "--format", "jsn")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: error: unknown format 'jsn'; use one of auto, text, json, sarif, github; "
        "did you mean 'json'?\n"
    )
    assert result.stdout == ""


def test_lint_without_paths_searches_the_current_folder(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write("team/op1.md", document(OP1_FRONTMATTER.replace("cycle: 2027", "cycle: x")))
    monkeypatch.chdir(plan.parents[1])
    result = cli("lint")
    assert result.exit_code == 1
    assert result.stdout.startswith("team/op1.md:5:1: error cycle:")


@pytest.mark.parametrize("kind", ["op1", "op2", "prfaq", "rollup"])
def test_schema_prints_json_schema_with_descriptions(cli: Cli, kind: str) -> None:
    result = cli("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["kind"]["const"] == kind
    # The authors' own keys are allowed (lint reports them), and `extra` holds any mapping.
    assert schema["additionalProperties"] is True
    assert all(d["additionalProperties"] is True for d in schema.get("$defs", {}).values())
    assert {"type": "object", "additionalProperties": True} in schema["properties"]["extra"][
        "anyOf"
    ]
    undocumented = [
        f"{name}.{field}"
        for name, model in [("", schema), *schema.get("$defs", {}).items()]
        for field, spec in model.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undocumented == []


def test_schema_of_unknown_kind(cli: Cli) -> None:
    result = cli("schema", "op3")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: error: unknown document kind 'op3'; use one of op1, op2, prfaq, checkin, rollup; "
        "did you mean 'op1'?\n"
    )


def test_a_bug_is_one_line_without_a_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kind: str, draft: str) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(schema_command, "run", broken)
    result = cli("schema", "op1")
    assert result.exit_code == 2
    assert result.stderr == (
        "opplan: internal error: RuntimeError: boom; this is a bug in opplan "
        "(set OPPLAN_DEBUG=1 to see where it happened)\n"
    )
