"""A team's OP2 and two quarterly check-ins against it (tests/data/checkin-identity/), to copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from git_helpers import Repo

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


def identity_year(root: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository at `root`: the 2027 OP2 committed in January, the Q1 check-in in
    April, and no other check-in; the current folder is its root."""
    made = Repo(root, monkeypatch)
    made.write("identity/op2.md", text("op2.md"))
    made.commit("Identity OP2", "2027-01-14")
    made.write("identity/checkin-q1.md", text("checkin-q1.md"))
    made.commit("Identity Q1 check-in", "2027-04-09")
    monkeypatch.chdir(made.root)
    return made
