"""A document made ready for every writer: composed, parsed by pandoc and sanitized."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opplan.config.model import Config
from opplan.document import Document
from opplan.fileio import read_regular
from opplan.render import ast, citations, gfm, pandoc
from opplan.render.ast import Node
from opplan.render.compose import Composed, compose, kind_label
from opplan.render.errors import RenderError
from opplan.render.sanitize import MAX_IMAGE_SIZE, Sanitizer
from opplan.schemas import DocumentBase
from opplan.workspace.discovery import root_of


@dataclass(frozen=True)
class Prepared:
    """A document's safe AST, its model, its root folder and the warnings on the way."""

    doc: Document
    composed: Composed
    tree: dict[str, Any]
    root: Path
    warnings: tuple[str, ...]
    files: tuple[Path, ...] = ()  # what typesetting may read (images, and what SVGs use)
    consulted: tuple[Path, ...] = ()  # every local file looked for (images, a check-in's plan)

    @property
    def model(self) -> DocumentBase:
        return self.composed.model

    @property
    def name(self) -> str:
        return self.doc.path

    @property
    def header(self) -> str:
        """The running header: team, kind and cycle, status."""
        model = self.model
        label = f"{kind_label(model.kind)} {model.cycle}"
        return f"{model.team} · {label} · {model.status.capitalize()}"

    @property
    def draft(self) -> bool:
        return self.model.status == "draft"


def prepare(doc: Document, config: Config) -> Prepared:
    """Compose the document, parse it with pandoc and make it safe to typeset."""
    composed = compose(doc, config)
    path = Path(doc.path)
    root = root_of(path, config)
    sanitizer = Sanitizer(folder=path.resolve().parent, root=root)
    sources = citations.bibliography(config)
    try:
        parsed = pandoc.parse(composed.markdown, doc.path, citations=bool(sources))
    except RecursionError:  # pandoc's JSON is nested deeper than Python reads
        parsed = None
    if parsed is None or _depth(parsed["blocks"]) > MAX_DEPTH:
        raise RenderError(
            f"the body nests spans, emphasis, links or quotes more than {MAX_DEPTH} deep; "
            "flatten it"
        )
    tree = gfm.as_github(parsed)
    if sources is not None:
        tree = citations.cited(tree, sources, doc.path)
    tree = sanitizer(tree)
    return Prepared(
        doc,
        composed,
        tree,
        root,
        (*composed.context.warnings, *sanitizer.warnings),
        tuple(sanitizer.files),
        tuple(dict.fromkeys([*composed.context.reads, *sanitizer.consulted])),
    )


# The writers walk pandoc's tree recursively; lint caps block nesting already, and
# this caps the inline nesting (`[[[x]{.a}]{.a}]{.a}`) that only pandoc parses.
MAX_DEPTH = 100


def _depth(blocks: list[Any]) -> int:
    """How deeply pandoc's elements nest, counted without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(blocks, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            depth += "t" in value
            deepest = max(deepest, depth)
            stack.extend((child, depth) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth) for child in value)
    return deepest


def embed_images(tree: dict[str, Any]) -> dict[str, Any]:
    """Images as data URIs, so that sandboxed pandoc reads no file (docx, HTML)."""

    def visit(node: Node) -> Node:
        if node["t"] == "Image" and not node["c"][2][0].startswith("data:"):
            path = Path(node["c"][2][0])
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            data = base64.b64encode(read_regular(path, MAX_IMAGE_SIZE)).decode("ascii")
            node["c"][2][0] = f"data:{kind};base64,{data}"
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def rooted_images(tree: dict[str, Any], root: Path) -> dict[str, Any]:
    """Image paths relative to the typst root ("/plans/chart.png")."""

    def visit(node: Node) -> Node:
        if node["t"] == "Image":
            node["c"][2][0] = "/" + Path(node["c"][2][0]).relative_to(root).as_posix()
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}
