"""Real temporary git repositories for the collaboration tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

IDENTITY = {
    "GIT_AUTHOR_NAME": "Plan Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Plan Author",
    "GIT_COMMITTER_EMAIL": "author@example.com",
    "GIT_CONFIG_GLOBAL": "/dev/null",  # no user settings leak in, none are needed
    "GIT_CONFIG_NOSYSTEM": "1",
}


class Repo:
    """A git repository in a temporary folder, committing with a fixed identity and dates."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self._monkeypatch = monkeypatch
        for name, value in IDENTITY.items():
            monkeypatch.setenv(name, value)
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, path: str, text: str) -> Path:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        return file

    def commit(self, message: str, date: str) -> str:
        """Commit everything at an ISO date; returns the commit's ID."""
        self._monkeypatch.setenv("GIT_AUTHOR_DATE", f"{date}T12:00:00+00:00")
        self._monkeypatch.setenv("GIT_COMMITTER_DATE", f"{date}T12:00:00+00:00")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")
