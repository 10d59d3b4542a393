"""A team's OP2 and two quarterly check-ins against it (tests/data/checkin-identity/), to copy."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "checkin-identity"
FILES = ("op2.md", "checkin-q1.md", "checkin-q2.md")


def text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def copy(folder: Path, *names: str) -> Path:
    """The named files (default: all) copied into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or FILES:
        shutil.copy(DATA / name, folder / name)
    return folder
