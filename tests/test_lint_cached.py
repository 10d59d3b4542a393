"""`opplan lint FILE...` answered from the cache before the command line is built:
the same output and exit code as a full run, without importing the heavy libraries."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CASE = Path(__file__).parent / "cross_cases" / "partner-surprise-not-mentioned"
HEAVY = ("typer", "pydantic", "ruamel", "markdown_it", "yaml")
SCRIPT = f"""
import sys
sys.argv = ["opplan", *sys.argv[1:]]
from opplan.launch import main
try:
    main()
except SystemExit as end:
    code = end.code
print("imported:", *sorted(name for name in {HEAVY} if name in sys.modules), file=sys.stderr)
sys.exit(code)
"""


def opplan(folder: Path, *args: str) -> tuple[int, str, list[str]]:
    """Exit code, output and which heavy libraries the run imported."""
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    imported = done.stderr.strip().splitlines()[-1].split()[1:]
    return done.returncode, done.stdout, imported


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    for name in ("op1-checkout.md", "op1-payments.md"):
        shutil.copy(CASE / name, tmp_path / name)
    return tmp_path


def test_a_cached_run_prints_what_a_full_run_prints_without_the_heavy_imports(
    plans: Path,
) -> None:
    names = ["op1-checkout.md", "op1-payments.md"]
    full = opplan(plans, "lint", "--no-cache", *names)
    assert full[0] == 1 and "[partner-surprise]" in full[1]
    first = opplan(plans, "lint", *names)
    assert first[:2] == full[:2] and "pydantic" in first[2]
    assert opplan(plans, "lint", *names) == (*full[:2], [])


def test_an_edited_configuration_or_file_runs_in_full(plans: Path) -> None:
    names = ["op1-checkout.md", "op1-payments.md"]
    opplan(plans, "lint", *names)
    (plans / "opplan.toml").write_text('[lint.rules.partner-surprise]\nlevel = "off"\n')
    code, output, imported = opplan(plans, "lint", *names)
    assert "partner-surprise" not in output and "pydantic" in imported
    assert opplan(plans, "lint", *names) == (code, output, [])
    plan = plans / "op1-payments.md"
    plan.write_text(plan.read_text() + "\nThe date is TBD.\n")
    again = opplan(plans, "lint", *names)
    assert again[:2] == opplan(plans, "lint", "--no-cache", *names)[:2]
    assert again[2] and again[1] != output


def test_a_configuration_that_turns_the_cache_off_is_honoured(plans: Path) -> None:
    (plans / "opplan.toml").write_text("[lint]\ncache = false\n")
    opplan(plans, "lint", "op1-checkout.md")
    assert "pydantic" in opplan(plans, "lint", "op1-checkout.md")[2]
    assert not (plans / ".opplan-cache").exists()
