"""The CI files opplan ships and writes: the workflow `opplan init` writes and action.yml.

Checked against GitHub's schemas (vendored in check-jsonschema) and, under the
`external` marker, by actionlint.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import Result

from external_tools import ROOT, actionlint

Cli = Callable[..., Result]
ACTION = ROOT / "action.yml"
WORKFLOW = ".github/workflows/opplan.yml"
VARIANTS = {
    "steps": ("--package", "opplan @ git+https://github.com/acme/opplan@v1.2.0"),
    "action": ("--action", "acme/opplan@v1.2.0"),
    "action-and-package": ("--action", "acme/opplan@v1.2.0", "--package", "opplan==1.2.0"),
}


def _load(path: Path) -> dict[str, object]:
    data = YAML(typ="safe", pure=True).load(path.read_text())
    assert isinstance(data, dict)
    return data


@pytest.fixture(params=sorted(VARIANTS))
def workflow(request: pytest.FixtureRequest, cli: Cli, tmp_path: Path) -> Path:
    result = cli("init", tmp_path, *VARIANTS[request.param])
    assert result.exit_code == 0, result.output
    return tmp_path / WORKFLOW


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_workflow_fits_githubs_workflow_schema(workflow: Path) -> None:
    done = _check_jsonschema("vendor.github-workflows", workflow)
    assert done.returncode == 0, done.stdout + done.stderr


def test_action_yml_fits_githubs_action_schema() -> None:
    done = _check_jsonschema("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_passes_only_inputs_the_action_has(cli: Cli, tmp_path: Path) -> None:
    cli("init", tmp_path, *VARIANTS["action-and-package"])
    steps = _load(tmp_path / WORKFLOW)["jobs"]["plans"]["steps"]  # type: ignore[index]
    inputs = _load(ACTION)["inputs"]
    assert isinstance(inputs, dict)
    assert set(steps[1]["with"]) <= set(inputs) and {"package", "paths", "render"} <= set(inputs)
    assert all(not spec.get("required") for spec in inputs.values())  # all have defaults


def test_the_action_lints_with_annotations_and_uploads_what_it_renders() -> None:
    steps = _load(ACTION)["runs"]["steps"]  # type: ignore[index]
    scripts = [step.get("run", "") for step in steps]
    assert any("opplan lint --format github" in script for script in scripts)
    render = next(i for i, script in enumerate(scripts) if "opplan render" in script)
    upload = steps[render + 1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert steps[render]["if"] == upload["if"] == "inputs.render == 'true'"
    assert "$RUNNER_TEMP/opplan-rendered" in scripts[render]
    assert upload["with"]["path"] == "${{ runner.temp }}/opplan-rendered/"


@pytest.mark.external
def test_actionlint_finds_nothing_in_the_workflow(workflow: Path) -> None:
    assert actionlint(workflow) == []


@pytest.mark.external
def test_actionlint_finds_nothing_in_the_actions_steps(tmp_path: Path) -> None:
    # actionlint checks workflows: run the action's steps as a reusable workflow's job,
    # whose `inputs` are the action's.
    action = _load(ACTION)
    inputs = {name: {"type": "string", "required": False} for name in action["inputs"]}  # type: ignore[attr-defined]
    steps = action["runs"]["steps"]  # type: ignore[index]
    job = {"runs-on": "ubuntu-latest", "steps": steps}
    wrapper = {"on": {"workflow_call": {"inputs": inputs}}, "jobs": {"action": job}}
    path = tmp_path / "action-as-workflow.yml"
    with path.open("w") as file:
        YAML(typ="safe", pure=True).dump(wrapper, file)
    assert actionlint(path) == []
    # The check can fail: a step that uses an input the action does not have.
    steps.append({"run": "echo ${{ inputs.nonexistent }}", "shell": "bash"})
    with path.open("w") as file:
        YAML(typ="safe", pure=True).dump(wrapper, file)
    (finding,) = actionlint(path)
    assert "nonexistent" in str(finding["message"])
