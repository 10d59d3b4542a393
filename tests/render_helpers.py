"""Helpers for the render tests: render a document, read outputs back."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pypdf

from conftest import EXAMPLES
from opplan import config, document
from opplan.commands import rollup
from opplan.config.model import Config
from opplan.render.document import Rendered, render
from plan_factory import write_plans

ROLLUP_TEAMS = 5
ROLLUP_ORG = "Commerce Engineering"


def settings(root: Path, toml: str = "") -> Config:
    """The configuration of a repository at `root`, with `toml` as its opplan.toml."""
    (root / ".git").mkdir(exist_ok=True)  # the repository root: nothing outside is read
    (root / "opplan.toml").write_text(toml, encoding="utf-8")
    return config.load(start=root)


def rendered(path: Path, conf: Config, formats: tuple[str, ...] = ("pdf",)) -> Rendered:
    return render(document.load(path), conf, formats)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def word(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def secret() -> str:
    """A line of /etc/passwd that must never appear in an output."""
    return Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


def make_rollup(root: Path) -> Path:
    """A roll-up of the examples and generated team plans, written in `root`."""
    settings(root)
    write_plans(root / "plans" / "teams", ROLLUP_TEAMS, org=ROLLUP_ORG)
    shutil.copytree(EXAMPLES, root / "plans" / "payments")
    output = root / "rollup.md"
    rollup.run(
        [root / "plans"],
        org=ROLLUP_ORG,
        output=output,
        cycle=2027,  # the examples also hold the next year's OP1
        today=dt.date(2026, 11, 2),
        config_file=root / "opplan.toml",
    )
    return output
