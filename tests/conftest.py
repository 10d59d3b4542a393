"""Shared test helpers: small valid documents to start from, and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from opplan.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

OP1_FRONTMATTER = """\
kind: op1
title: Payments Platform OP1 2027
team: Payments Platform
cycle: 2027
status: draft
owners: [Dana Reyes]
tracks:
  same_resources:
    headcount: 40
  more_investment:
    headcount: 46
"""

BODY = """\
# Introduction

We run the payment rails for 1,200 merchants.

# Appendix

Data tables.
"""


def example(name: str = "op1-payments-platform.md") -> str:
    """The text of an example document: complete, and clean under every lint rule."""
    return (EXAMPLES / name).read_text(encoding="utf-8")


def document(frontmatter: str = OP1_FRONTMATTER, body: str = BODY) -> str:
    """A document's full text from its frontmatter and body."""
    return f"---\n{frontmatter}---\n{body}"


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path: text (str) or raw bytes."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the opplan CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def _run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(arg) for arg in args])

    return _run


@pytest.fixture(autouse=True)
def _cache_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep lint's result cache out of the working tree during tests."""
    monkeypatch.setenv("OPPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
