"""Make a document's AST safe to typeset: nothing from outside the repository gets in.

A plan can come from any contributor's pull request, and CI renders it, so the
body is untrusted input:

- raw HTML, LaTeX, typst or Office XML (```` ```{=typst} ````, `<div>`, `\\input`)
  is shown as code text, with a warning; HTML comments are dropped quietly, and
  `<br>` is a line break, as GitHub shows it;
- images must be files inside the root (the repository), links resolved; remote
  images, paths that leave the root (through `..`, an absolute path or a link),
  missing files and SVGs that refer to any file (see `svg.py`) are left out,
  with a warning;
- attributes that pandoc's typst writer passes through as typst code (`typst:*`)
  are dropped, with a warning, and image sizes must be plain lengths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from opplan.fileio import is_regular, read_regular
from opplan.render import ast, svg
from opplan.render.ast import Node

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg"}
LENGTH = re.compile(r"\d+(\.\d+)?(%|in|cm|mm|pt|px|em)?")
KEPT_KEYS = {"custom-style", "width", "height"}
SNIPPET = 60
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # GitHub tables' line breaks
MAX_IMAGE_SIZE = 50_000_000  # bytes


@dataclass
class Sanitizer:
    """Checks one document, collecting a warning for everything it changes."""

    folder: Path  # the document's folder: relative image paths start there
    root: Path  # nothing outside it is read
    warnings: list[str] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # what typesetting reads: images, and theirs
    consulted: list[Path] = field(default_factory=list)  # every local image looked for

    def __call__(self, tree: dict[str, Any]) -> dict[str, Any]:
        return {**tree, "blocks": ast.walk(tree["blocks"], self.visit)}

    def visit(self, node: Node) -> Node | list[Node] | None:
        kind = node["t"]
        if kind in ("RawBlock", "RawInline"):
            return self.raw(node)
        attributes = ast.attr(node)
        if attributes is not None:
            attributes[2] = [pair for pair in attributes[2] if self.keep(pair)]
        if kind == "Image":
            return self.image(node)
        if kind == "Figure" and not ast.find(node["c"][2], "Image"):
            body: list[Node] = node["c"][2]
            return body  # its image was left out: no caption for the note that says so
        return node

    def raw(self, node: Node) -> Node | None:
        fmt, content = node["c"]
        if fmt == "html" and re.fullmatch(r"\s*<!--.*-->\s*", content, re.DOTALL):
            return None
        if fmt == "html" and node["t"] == "RawInline" and LINE_BREAK.fullmatch(content):
            return {"t": "LineBreak"}
        self.warn(f"raw {fmt} {snippet(content)!r} is shown as text, not run")
        block = node["t"] == "RawBlock"
        return ast.code_block(content) if block else ast.code(content)

    def keep(self, pair: list[str]) -> bool:
        key, value = pair
        if key not in KEPT_KEYS or (key in ("width", "height") and not LENGTH.fullmatch(value)):
            self.warn(f"attribute {key}={snippet(value)!r} is ignored")
            return False
        return True

    def image(self, node: Node) -> Node:
        source = node["c"][2][0]
        path, problem = self.resolve(source)
        if path is None:
            self.warn(f"image {snippet(source)!r} is left out: {problem}")
            alt = ast.text(node["c"][1]).strip()
            return ast.emph_text(f"[image left out{': ' + alt if alt else ''}]")
        self.images.append(path)
        self.files.append(path)
        node["c"][2][0] = str(path)
        return node

    def resolve(self, source: str) -> tuple[Path | None, str]:
        """The image file inside the root, or None and why not."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", source) or source.startswith("//"):
            return None, "only image files in the repository are used, nothing is fetched"
        path = (self.folder / source).resolve()
        self.consulted.append(path)  # present or not, the result depends on it
        if not path.is_relative_to(self.root):
            return None, f"it is outside the repository ({self.root})"
        if path.suffix.lower() not in IMAGE_TYPES:
            return None, f"use one of {', '.join(sorted(IMAGE_TYPES))}"
        if not is_regular(path):
            return None, "no such file"
        if path.stat().st_size > MAX_IMAGE_SIZE:
            return None, f"it is larger than {MAX_IMAGE_SIZE:,} bytes"
        if path.suffix.lower() == ".svg":
            problem = self.svg_files(path)
            if problem:
                return None, f"{problem}; an SVG may refer only to images in the repository"
        return path, ""

    def svg_files(self, path: Path) -> str:
        """Check the files an SVG refers to, and keep them to typeset; or say why not."""
        try:
            references = svg.references(read_regular(path, MAX_IMAGE_SIZE))
        except svg.Refused as err:
            return str(err)
        except OSError as err:
            return f"it cannot be read ({err})"
        files = []
        for reference in references:
            target = (path.parent / unquote(reference.split("#", 1)[0])).resolve()
            self.consulted.append(target)
            if not target.is_relative_to(self.root):
                return f"it refers to {reference[:60]!r}, outside the repository"
            if target.suffix.lower() not in IMAGE_TYPES - {".svg"} or not is_regular(target):
                return f"it refers to {reference[:60]!r}, which is no image file here"
            files.append(target)
        self.files += files
        return ""

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def snippet(text: str) -> str:
    """`text` on one line, cut to SNIPPET characters: how messages quote a document."""
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"
