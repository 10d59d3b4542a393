"""The wheel carries the templates, so a non-editable install finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_ships_templates_and_type_marker(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("opplan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"opplan/templates/{path.relative_to(ROOT / 'templates').as_posix()}"
        for path in (ROOT / "templates").rglob("*")
        if path.is_file()
    }
    assert shipped and shipped <= names
    assert {"opplan/py.typed", "opplan/cli.py"} <= names
    assert not any(name.startswith(("tests/", "examples/")) for name in names)
