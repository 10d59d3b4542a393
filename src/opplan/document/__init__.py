"""Read an opplan document: frontmatter, validated model and parsed body."""

from opplan.document.body import Block, Body, Section, parse_body
from opplan.document.loader import Document, load, load_text

__all__ = ["Block", "Body", "Document", "Section", "load", "load_text", "parse_body"]
