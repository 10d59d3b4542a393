"""Helpers for the render tests: render a document, read outputs back."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf

from opplan import config, document
from opplan.config.model import Config
from opplan.render.document import Rendered, render


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
