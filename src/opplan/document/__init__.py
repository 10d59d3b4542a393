"""Read an opplan document: frontmatter, validated model and parsed body."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opplan.document.body import Block, Body, Section, parse_body
    from opplan.document.loader import Document, load, load_text

# Imported on first use, so that importing a light submodule (such as
# `opplan.document.body` for a constant) does not load YAML, Markdown and the schemas.
_HOMES = {
    "Block": "body",
    "Body": "body",
    "Section": "body",
    "parse_body": "body",
    "Document": "loader",
    "load": "loader",
    "load_text": "loader",
}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'opplan.document' has no attribute {name!r}")
    return getattr(import_module(f"opplan.document.{_HOMES[name]}"), name)


__all__ = ["Block", "Body", "Document", "Section", "load", "load_text", "parse_body"]
