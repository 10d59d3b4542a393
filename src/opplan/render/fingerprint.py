"""The fingerprint opplan leaves in every docx and PDF it renders, read by `opplan review import`.

- Three properties: `opplan-source` (the plan's path in its repository),
  `opplan-blob` (the git blob ID of the file's bytes as rendered) and
  `opplan-commit` (the repository's HEAD then, when there is one). A docx holds
  them as custom document properties (docProps/custom.xml, written by pandoc
  from the AST's metadata); a PDF as keywords (`opplan-source=plans/op1.md`),
  which annotating a PDF and saving it keep. A review packet's PDF has the
  three for each of its documents, in the packet's order.
- Bookmarks, which Word and LibreOffice keep through editing and saving:
  `opplanL<line>` at the start of each paragraph, heading and list item, naming
  the source line it starts on, and `opplanT_<table>_<row>` in the first cell of
  each row of a frontmatter table (`asks`, `goals`, ...), naming the list item.
  Paragraphs are found in the source by their first words, in order; what cannot
  be found (text a template wrote) gets no bookmark.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import subprocess
from pathlib import Path
from typing import Any

from opplan.render import ast, tables
from opplan.render.ast import Node
from opplan.render.prepare import Prepared

SOURCE, BLOB, COMMIT = "opplan-source", "opplan-blob", "opplan-commit"
LINE_MARK, ROW_MARK = "opplanL", "opplanT_"
FIRST_WORDS = 6
DELETED = "deletion"  # a redline's deleted text is not in the source
TITLE_FIELDS = {"opplan-title": "title", "opplan-subtitle": "team", "opplan-byline": "owners"}


def blob_id(data: bytes) -> str:
    """The ID git gives a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def words(text: str) -> list[str]:
    """Lower-case words without punctuation: how text is compared with its source."""
    return re.findall(r"\w+", text.lower())


def properties(prepared: Prepared) -> dict[str, str]:
    """The document's source, blob and (in a git repository) commit, by property name."""
    props = {
        SOURCE: _source(Path(prepared.doc.path), prepared.root),
        BLOB: blob_id(prepared.doc.text.encode("utf-8")),
    }
    commit = _head(prepared.root)
    if commit:
        props[COMMIT] = commit
    return props


def keywords(props: dict[str, str]) -> tuple[str, ...]:
    """The properties as PDF keywords."""
    return tuple(f"{key}={value}" for key, value in props.items())


_KEYWORD = re.compile(rf"(?:^|,\s*)({SOURCE}|{BLOB}|{COMMIT})=(.*?)(?=,\s*opplan-|$)")


def from_keywords(text: str) -> list[dict[str, str]]:
    """The properties among a PDF's keywords, one set per document in it, in order: one
    for a plan's PDF, one per plan for a review packet, none if opplan did not render it."""
    found: list[dict[str, str]] = []
    for match in _KEYWORD.finditer(text):
        if match[1] == SOURCE or not found:
            found.append({})
        found[-1][match[1]] = match[2].strip()
    return found


def anchored(prepared: Prepared) -> Prepared:
    """The document with its fingerprint: properties in the metadata, bookmarks in place."""
    doc = prepared.doc
    meta = dict(prepared.tree.get("meta", {}))
    for key, value in properties(prepared).items():
        meta[key] = {"t": "MetaString", "c": value}
    lines = doc.text.split("\n")
    finder = _LineFinder([words(line) for line in lines], doc.body.first_line)
    blocks = _bookmarked(prepared.tree["blocks"], finder, doc)
    blocks = _rows_bookmarked(blocks, prepared)
    return dataclasses.replace(prepared, tree={**prepared.tree, "meta": meta, "blocks": blocks})


def _source(path: Path, root: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else path.name


def _head(root: Path) -> str | None:
    if not (root / ".git").exists():
        return None
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.decode().strip() or None


class _LineFinder:
    """Source lines by the first words of a paragraph, searched onwards from the last."""

    def __init__(self, lines: list[list[str]], first_line: int) -> None:
        self.lines = lines
        self.cursor = first_line - 1
        self.used: set[int] = set()

    def find(self, text: list[str]) -> int | None:
        wanted = text[:FIRST_WORDS]
        if not wanted:
            return None
        order = [*range(self.cursor, len(self.lines)), *range(self.cursor)]
        for index in order:
            if _contains(self.lines[index], wanted) and index + 1 not in self.used:
                self.cursor = index
                self.used.add(index + 1)
                return int(index) + 1
        return None


def _contains(line: list[str], wanted: list[str]) -> bool:
    size = len(wanted)
    return any(line[at : at + size] == wanted for at in range(len(line) - size + 1))


def visible_text(inlines: Any) -> str:
    """The text of inlines without a redline's deleted words."""
    kept = ast.walk(
        inlines,
        lambda node: None if node["t"] == "Span" and DELETED in node["c"][0][1] else node,
    )
    return ast.text(kept)


def _bookmarked(blocks: list[Node], finder: _LineFinder, doc: Any) -> list[Node]:
    """A bookmark at the start of every paragraph, heading and list item found in the source."""

    def mark(inlines: list[Node], line: int | None) -> list[Node]:
        if line is None:
            return inlines
        return [{"t": "Span", "c": [[f"{LINE_MARK}{line}", [], []], []]}, *inlines]

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict) or not isinstance(node.get("t"), str):
            return node
        kind = node["t"]
        if kind == "Table":
            return node  # frontmatter tables are bookmarked by row
        if kind == "Div" and node["c"][0][0] in TITLE_FIELDS:
            line = doc.line_of(TITLE_FIELDS[node["c"][0][0]])
            return {"t": "Div", "c": [node["c"][0], _first_text(node["c"][1], line)]}
        if kind in ("Para", "Plain"):
            return {"t": kind, "c": mark(node["c"], finder.find(words(visible_text(node["c"]))))}
        if kind == "Header":
            line = finder.find(words(visible_text(node["c"][2])))
            return {"t": kind, "c": [node["c"][0], node["c"][1], mark(node["c"][2], line)]}
        return {key: visit(value) for key, value in node.items()}

    result: list[Node] = visit(blocks)
    return result


def _first_text(blocks: list[Node], line: int) -> list[Node]:
    span = {"t": "Span", "c": [[f"{LINE_MARK}{line}", [], []], []]}
    return [
        {"t": b["t"], "c": [span, *b["c"]]} if i == 0 and b["t"] in ("Para", "Plain") else b
        for i, b in enumerate(blocks)
    ]


def _rows_bookmarked(blocks: list[Node], prepared: Prepared) -> list[Node]:
    """A bookmark in the first cell of each row of a frontmatter table, naming its item."""
    model = prepared.model
    headers = {}
    for name in tables.names(model.kind):
        table = tables.build(model, name, prepared.composed.context)
        if table is not None:
            headers[tuple(" ".join(h.split()) for h in table.header)] = name

    def visit(node: Node) -> Node:
        if node["t"] != "Table":
            return node
        head_rows = node["c"][3][1]
        header = (
            tuple(" ".join(ast.text(cell[4]).split()) for cell in head_rows[0][1])
            if head_rows
            else ()
        )
        name = headers.get(header)
        if name is None:
            return node
        index = 0
        for body in node["c"][4]:
            for row in body[3]:
                if not "".join(visible_text(cell[4]) for cell in row[1]).strip():
                    continue  # a row the redline shows as deleted
                first = row[1][0][4]
                span = {"t": "Span", "c": [[f"{ROW_MARK}{name}_{index}", [], []], []]}
                if first and first[0]["t"] in ("Plain", "Para"):
                    first[0] = {"t": first[0]["t"], "c": [span, *first[0]["c"]]}
                else:
                    row[1][0][4] = [{"t": "Plain", "c": [span]}, *first]
                index += 1
        return node

    result: list[Node] = ast.walk(blocks, visit)
    return result
