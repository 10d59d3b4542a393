"""Local templates and the [new] configuration."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from opplan import document
from opplan.resources import templates_dir

Cli = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]

GUIDANCE = "[Our own tenets guidance: see the handbook, chapter 3.]"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_local_template_wins_over_the_built_in_one(cli: Cli, write: Write) -> None:
    builtin = (templates_dir() / "new/_plan-sections.md.j2").read_text()
    write("opplan.toml", "")
    write("templates/new/_plan-sections.md.j2", builtin.replace(builtin.split("\n")[2], GUIDANCE))
    result = cli("new", "op1", "--team", "Ops", "--cycle", "2027")
    assert result.exit_code == 0, result.output
    assert "from the local template templates/new/_plan-sections.md.j2" not in result.stdout
    text = Path("plans/2027/ops/op1.md").read_text()
    assert f"# Tenets\n\n{GUIDANCE}\n" in text
    listing = cli("templates").stdout
    assert re.search(r"^new/_plan-sections\.md\.j2 +local +\S+/templates/new/_plan", listing, re.M)
    assert re.search(r"^new/op1\.md\.j2 +built-in +\S+/new/op1\.md\.j2$", listing, re.M)


def test_a_local_top_level_template_is_named_in_the_message(cli: Cli, write: Write) -> None:
    builtin = (templates_dir() / "new/op1.md.j2").read_text()
    write("opplan.toml", '[templates]\nfolder = "tpl"\n')
    write("tpl/new/op1.md.j2", builtin.replace("# Introduction", "# Introduction\n\nOur intro."))
    result = cli("new", "op1", "--team", "Ops", "--cycle", "2027")
    assert "(op1 from the local template tpl/new/op1.md.j2)" in result.stdout
    assert "\n# Introduction\n\nOur intro.\n" in Path("plans/2027/ops/op1.md").read_text()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("---\nkind: op1\n{{ team }\n---\n", "tpl/new/op1.md.j2:3: template syntax error"),
        (
            "---\nkind: op1\ntitle: {{ teem }}\n---\n",
            "tpl/new/op1.md.j2:3: template error: 'teem' is undefined",
        ),
        (
            "---\nkind: op1\ntitle: {{ title }}\n---\n",
            "tpl/new/op1.md.j2: the document this template makes is not valid "
            "(line 1 of the document: it fails the schema: missing required key",
        ),
        (
            "---\nkind: op1\ntitle: [x\n---\n",
            "tpl/new/op1.md.j2: the document this template makes is not valid "
            "(line 3 of the document: invalid YAML",
        ),
        (
            "---\nkind: op2\ntitle: x\n---\n",
            "(line 1 of the document: its kind is 'op2', not 'op1'); fix the template",
        ),
    ],
)
def test_template_mistakes_are_one_line_and_write_nothing(
    cli: Cli, write: Write, template: str, message: str
) -> None:
    write("opplan.toml", '[templates]\nfolder = "tpl"\n')
    write("tpl/new/op1.md.j2", template)
    result = cli("new", "op1", "--team", "Ops")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert not Path("plans").exists()


def test_templates_copy_makes_a_local_override(cli: Cli, tmp_path: Path) -> None:
    Path("opplan.toml").write_text("")
    result = cli("templates", "--copy", "new/prfaq-full.md.j2")
    assert result.exit_code == 0
    copied = tmp_path / "templates/new/prfaq-full.md.j2"
    assert copied.read_text() == (templates_dir() / "new/prfaq-full.md.j2").read_text()
    again = cli("templates", "--copy", "new/prfaq-full.md.j2")
    assert again.exit_code == 1 and "already exists" in again.stderr
    unknown = cli("templates", "--copy", "new/op3.md.j2")
    assert (
        unknown.exit_code == 2
        and "unknown template 'new/op3.md.j2'; did you mean 'new/op1.md.j2'?" in unknown.stderr
    )


def test_path_convention_and_defaults_come_from_the_configuration(cli: Cli, write: Write) -> None:
    write(
        "opplan.toml",
        '[new]\ncycle = 2030\norg = "Retail"\ncity = "Lisbon"\nvariant = "pr-only"\n'
        '[new.paths]\nprfaq = "docs/{team}/{cycle}-{title}.md"\n',
    )
    result = cli("new", "prfaq", "--team", "Ops", "--title", "Fast Refunds")
    assert result.exit_code == 0, result.output
    doc = document.load(Path("docs/ops/2030-fast-refunds.md"))
    assert (doc.meta["org"], doc.meta["variant"], doc.meta["launch"]["city"]) == (
        "Retail",
        "pr-only",
        "Lisbon",
    )
    assert "\nLISBON, September 1, 2030 — " in doc.text


def test_the_configuration_is_found_from_a_subfolder(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("opplan.toml", "")
    write("docs/notes.txt", "")
    monkeypatch.chdir("docs")
    result = cli("new", "op1", "--team", "Ops", "--cycle", "2027")
    assert result.stdout.startswith(f"created {Path('..').resolve() / 'plans/2027/ops/op1.md'} ")
    assert (Path("..") / "plans/2027/ops/op1.md").exists() and not Path("plans").exists()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[new.paths]\nop1 = "plans/{cycle}/{teem}.md"\n',
            "opplan.toml:2: new > paths > op1: unknown field 'teem' in 'plans/{cycle}/{teem}.md'; "
            "use one of cycle, team, kind, title, quarter; did you mean 'team'?",
        ),
        (
            '[new.paths]\nop1 = "../{team}/op1.md"\n',
            "must be a relative path inside the repository",
        ),
        (
            '[new.paths]\nop1 = "/plans/{team}/op1.md"\n',
            "must be a relative path inside the repository",
        ),
        ('[new.paths]\nop1 = "plans/{team}/op1.txt"\n', "must end in .md"),
        (
            '[new]\nvariant = "long"\n',
            "opplan.toml:2: new > variant: 'long' is not allowed; "
            "use one of full, pr-only, faq-only",
        ),
        ("[new]\ncyle = 2030\n", "opplan.toml:2: unknown key 'cyle' in new; did you mean 'cycle'?"),
    ],
)
def test_bad_new_settings_are_config_errors(
    cli: Cli, write: Write, toml: str, message: str
) -> None:
    write("opplan.toml", toml)
    result = cli("new", "op1", "--team", "Ops")
    assert result.exit_code == 2
    assert message in result.stderr, result.stderr


def test_lint_finds_no_schema_problem_in_any_new_document_with_odd_values(cli: Cli) -> None:
    for kind, extra in (("op1", []), ("op2", []), ("prfaq", ["--title", "A: B #1"])):
        assert cli("new", kind, "--team", "R&D: Core", "--org", "'quoted'", *extra).exit_code == 0
    report = json.loads(cli("lint", "plans", "--format", "json").stdout)
    assert report["summary"]["files"] == 3
    assert [p for p in report["problems"] if p["level"] == "error"] == []
