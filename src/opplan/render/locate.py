"""Where a failing render step breaks: the first block that makes it fail, and its line.

typst's Python binding reports no position, and pandoc's writers none either, so
when a step (typesetting, writing docx or HTML) fails on a document, the step is
run again on growing prefixes of the document's top-level blocks (a binary
search: a few more runs, and only on failure) to find the first block it fails
on. That block's Markdown line is found by its text: an image by its file name,
code by its first line, prose by its first letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from opplan.errors import DocumentError
from opplan.render import ast
from opplan.render.ast import Node
from opplan.render.errors import RenderError
from opplan.render.prepare import Prepared

T = TypeVar("T")
SNIPPET = 60
PROBES = (24, 12, 6)  # letters of a block's text looked for, longest first


def located(step: Callable[[Prepared], T], prepared: Prepared) -> T:
    """`step` on the document; if it fails, a DocumentError at the line it fails on."""
    try:
        return step(prepared)
    except RenderError as err:
        raise at_line(err, prepared, step) from None


def at_line(err: RenderError, prepared: Prepared, step: Callable[[Prepared], object]) -> Exception:
    """The error as a DocumentError at the failing block's line, or as it was."""
    blocks = prepared.tree["blocks"]

    def fails(count: int) -> bool:
        part = replace(prepared, tree={**prepared.tree, "blocks": blocks[:count]})
        try:
            step(part)
        except RenderError:
            return True
        return False

    index = first_failing(len(blocks), fails)
    if index is None:
        return err  # the template or the tool, not the document's text
    line, shown = source_line(prepared, blocks[index])
    message = f"{err.cause}, at {shown!r}; change or remove it"
    return DocumentError(prepared.name, message, rule="render", line=line)


def first_failing(count: int, fails: Callable[[int], bool]) -> int | None:
    """The index of the block whose addition makes the first `n` blocks fail, if any.

    The whole document fails (that is why we are here); if no blocks at all fail too,
    the cause is not in the blocks.
    """
    if fails(0):
        return None
    good, bad = 0, count  # the first `good` blocks pass, the first `bad` fail
    while bad - good > 1:
        middle = (good + bad) // 2
        if fails(middle):
            bad = middle
        else:
            good = middle
    return bad - 1


def source_line(prepared: Prepared, block: Node) -> tuple[int, str]:
    """The block's first file line, and the text to show for it."""
    body = prepared.doc.body
    for probe in _probes(block):
        for offset, text in enumerate(body.lines):
            if probe(text):
                return body.first_line + offset, _snippet(text)
    return body.first_line, _snippet(ast.text([block]) or block["t"])


def _probes(block: Node) -> Iterator[Callable[[str], bool]]:
    """Tests of a Markdown line that match the block, most telling first."""
    for source in _images(block):
        yield _containing(Path(source).name)
    if block["t"] == "CodeBlock":
        first = next((line.strip() for line in block["c"][1].splitlines() if line.strip()), "")
        if first:
            yield _containing(first)
    letters = _letters(ast.text([block]))
    for size in PROBES:
        if len(letters) >= size or (letters and size == PROBES[-1]):
            yield _containing_letters(letters[:size])


def _containing(needle: str) -> Callable[[str], bool]:
    return lambda line: needle in line


def _containing_letters(needle: str) -> Callable[[str], bool]:
    return lambda line: needle in _letters(line)


def _images(block: Node) -> list[str]:
    found: list[str] = []

    def visit(node: Node) -> Node:
        if node["t"] == "Image":
            found.append(str(node["c"][2][0]))
        return node

    ast.walk([block], visit)
    return found


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _snippet(text: Any) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"
