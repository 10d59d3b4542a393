from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import Result

from conftest import example
from opplan import config
from opplan.commands import init
from opplan.config.model import Config
from opplan.scaffold.install_spec import InstallSpec

Cli = Callable[..., Result]
PACKAGE = ("--package", "opplan==0.1.0")
Write = Callable[[str, str | bytes], Path]

FILES = [
    "opplan.toml",
    "plans/README.md",
    ".github/workflows/opplan.yml",
    ".pre-commit-config.yaml",
]

EXISTING_PRECOMMIT = """\
# our hooks
repos:
-   repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.5.0
    hooks:
    -   id: trailing-whitespace  # keep this one
# end of the list

ci:
    autofix_prs: false
"""


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in root.rglob("*")
        if path.is_file()
    }


def _yaml(path: Path) -> object:
    return YAML(typ="safe", pure=True).load(path.read_text())


def test_init_writes_each_file_then_a_second_run_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    first = cli("init", tmp_path, *PACKAGE)
    assert first.exit_code == 0, first.output
    assert [line.split(" ", 1)[1] for line in first.stdout.splitlines()[:4]] == FILES
    assert sorted(_snapshot(tmp_path)) == sorted(FILES)
    before = _snapshot(tmp_path)
    second = cli("init", tmp_path, *PACKAGE)
    assert second.exit_code == 0
    assert second.stdout.splitlines() == [
        "skipped opplan.toml (it exists)",
        "skipped plans/README.md (it exists)",
        "skipped .github/workflows/opplan.yml (it exists)",
        "skipped .pre-commit-config.yaml (it already has the opplan hook)",
        "nothing to do: this folder is already set up for opplan",
    ]
    assert _snapshot(tmp_path) == before


def test_the_configuration_file_sets_every_setting_to_its_default(cli: Cli, tmp_path: Path) -> None:
    cli("init", tmp_path, *PACKAGE)
    path = tmp_path / "opplan.toml"
    loaded = config.load(start=tmp_path)
    assert loaded == Config(root=tmp_path.resolve(), source=path)
    text = path.read_text()
    for section in ("page", "lint", "templates", "new", "new.paths"):
        assert f"\n[{section}]\n" in text
    settings = [line for line in text.splitlines() if re.match(r"^\w+ = ", line)]
    assert len(settings) >= 10 and all("  # " in line for line in settings)
    assert "# cycle = 2027  # The default cycle (unset: next year)." in text


def test_the_workflow_lints_pull_requests_and_uploads_pdfs(cli: Cli, tmp_path: Path) -> None:
    cli("init", tmp_path, "--package", "git+https://example.com/opplan.git@v1")
    workflow = _yaml(tmp_path / ".github/workflows/opplan.yml")
    assert isinstance(workflow, dict) and "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    runs = [step.get("run", "") for step in steps]
    assert 'python -m pip install "git+https://example.com/opplan.git@v1"' in runs
    lint = runs.index("opplan lint --format github")
    render = next(i for i, run in enumerate(runs) if run.startswith("opplan render"))
    found = re.fullmatch(r"opplan render (\S+) --to pdf -o (\S+)", runs[render])
    assert found and found[1] == "plans"
    upload = steps[render + 1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"].rstrip("/") == found[2]
    assert lint < render


def test_the_workflow_installs_the_opplan_that_runs_init(tmp_path: Path) -> None:
    from_git = InstallSpec("opplan @ git+https://example.com/opplan.git@" + "a" * 40, "git")
    assert init.run(tmp_path, installed=from_git) == 0
    text = (tmp_path / ".github/workflows/opplan.yml").read_text()
    assert f'pip install "opplan @ git+https://example.com/opplan.git@{"a" * 40}"' in text


def test_init_from_a_local_folder_asks_for_package_and_writes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    # The tests run an editable install: a local folder, which CI cannot install.
    result = cli("init", tmp_path)
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and "runs from the local folder" in message
    assert "pass --package with what CI should install, e.g. --package '" in message
    assert message.endswith("nothing was written")
    assert list(tmp_path.iterdir()) == []
    # Once the workflow exists, what to install no longer matters.
    assert cli("init", tmp_path, "--package", "opplan").exit_code == 0
    assert cli("init", tmp_path).stdout.endswith("already set up for opplan\n")


def test_the_workflow_can_use_the_github_action(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path, "--action", "acme/opplan@v1.2.0")
    assert result.exit_code == 0, result.output
    workflow = _yaml(tmp_path / ".github/workflows/opplan.yml")
    assert isinstance(workflow, dict)
    checkout, ours = workflow["jobs"]["plans"]["steps"]
    assert checkout["uses"].startswith("actions/checkout@")
    # Without --package the action installs the opplan of its own ref.
    assert ours["uses"] == "acme/opplan@v1.2.0" and ours["with"] == {"paths": "plans"}
    other = tmp_path / "other"
    other.mkdir()
    cli("init", other, "--action", "acme/opplan@v1.2.0", "--package", "opplan==1.2.0")
    step = _yaml(other / ".github/workflows/opplan.yml")["jobs"]["plans"]["steps"][1]  # type: ignore[index]
    assert step["with"] == {"paths": "plans", "package": "opplan==1.2.0"}


def test_an_action_reference_without_a_ref_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path, "--action", "acme/opplan")
    assert result.exit_code == 2
    assert "--action 'acme/opplan' is not what a workflow step can use" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_repository_with_no_plans_yet_lints_and_renders_cleanly(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("init", tmp_path, "--package", "opplan")
    monkeypatch.chdir(tmp_path)
    notice = "opplan: notice: no plan documents yet in"
    for args in (["lint", "--format", "github"], ["lint", "plans"], ["render", "plans"]):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert result.stderr.startswith(notice) and "opplan new op1" in result.stderr
        assert "::error" not in result.stdout
    assert not (tmp_path / "build").exists()
    # A wrong path is still a wrong path.
    assert cli("lint", "plan").exit_code == 2
    assert cli("render", "plan").exit_code == 2
    # Once there is a plan, a folder without one is an error again.
    (tmp_path / "plans/op1.md").write_text(example())
    (tmp_path / "empty").mkdir()
    assert cli("lint", "empty").exit_code == 2
    assert cli("render", "empty").exit_code == 2


def test_the_hook_is_added_to_an_existing_pre_commit_file(
    cli: Cli, tmp_path: Path, write: Write
) -> None:
    path = write(".pre-commit-config.yaml", EXISTING_PRECOMMIT)
    result = cli("init", tmp_path, *PACKAGE)
    assert "added the opplan hook to .pre-commit-config.yaml" in result.stdout
    text = path.read_text()
    ours = (
        "-   repo: local\n"
        "    hooks:\n"
        "      - id: opplan-lint\n"
        "        name: opplan lint\n"
        "        entry: opplan lint\n"
        "        language: system\n"
        "        pass_filenames: false\n"
        "        files: '(\\.md|opplan\\.toml)$'\n"
    )
    # Inserted at the end of the list, indented like its items; nothing else changes.
    assert text == EXISTING_PRECOMMIT.replace("# end of the list", ours + "# end of the list")
    data = _yaml(path)
    assert isinstance(data, dict) and data["ci"] == {"autofix_prs": False}
    assert [hook["id"] for repo in data["repos"] for hook in repo["hooks"]] == [
        "trailing-whitespace",
        "opplan-lint",
    ]
    assert cli("init", tmp_path, *PACKAGE).stdout.startswith("skipped")
    assert path.read_text() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("repos:\n  - repo: [\n", ".pre-commit-config.yaml:3: invalid YAML"),
        ("- a list\n", ".pre-commit-config.yaml:1: expected a mapping with a 'repos' list"),
        ("fail_fast: true\n", ".pre-commit-config.yaml:1: no 'repos' list"),
    ],
)
def test_a_pre_commit_file_it_cannot_extend_stops_init_before_it_writes(
    cli: Cli, tmp_path: Path, write: Write, text: str, message: str
) -> None:
    write(".pre-commit-config.yaml", text)
    result = cli("init", tmp_path, *PACKAGE)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert sorted(_snapshot(tmp_path)) == [".pre-commit-config.yaml"]


def test_existing_files_are_never_clobbered(cli: Cli, tmp_path: Path, write: Write) -> None:
    write("opplan.toml", "[page]\npaper = 'a4'\n")
    write("plans/README.md", "ours\n")
    result = cli("init", tmp_path, *PACKAGE)
    assert result.exit_code == 0
    assert "skipped opplan.toml (it exists)" in result.stdout
    assert "skipped plans/README.md (it exists)" in result.stdout
    assert "created .github/workflows/opplan.yml" in result.stdout
    assert (tmp_path / "opplan.toml").read_text() == "[page]\npaper = 'a4'\n"
    assert (tmp_path / "plans/README.md").read_text() == "ours\n"


def test_init_needs_an_existing_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "nope")
    assert result.exit_code == 2 and "nope: no such folder" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "base: &b\n  repos: []\n<<: *b\n",
        "base: &b\n  repos:\n    - repo: local\n      hooks: []\n<<: *b\n",
    ],
)
def test_a_pre_commit_file_with_merged_repos_is_left_to_the_user(
    cli: Cli, tmp_path: Path, write: Write, text: str
) -> None:
    path = write(".pre-commit-config.yaml", text)
    result = cli("init", tmp_path, *PACKAGE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"opplan: error: {path}")  # no internal error
    assert "add it by hand" in result.stderr or "invalid YAML" in result.stderr
    assert result.stderr.count("\n") == 1
    assert path.read_text() == text
