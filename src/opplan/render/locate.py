"""Where a failing render step breaks: the first block that makes it fail, and its line.

typst's Python binding reports no position, and pandoc's writers none either, so
when a step (typesetting, writing docx or HTML) fails on a document, the step is
run again on growing prefixes of the document's blocks (a binary search: a few
more runs, and only on failure) to find the first block it fails on, and then
inside that block if it is a list, a quote or a div. That block's Markdown line
is found by its text: an image by its file name, code by its first line, prose
by its first letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from opplan.errors import DocumentError
from opplan.render import ast
from opplan.render.ast import Node
from opplan.render.errors import RenderError
from opplan.render.prepare import Prepared
from opplan.render.sanitize import snippet

T = TypeVar("T")
PROBES = (24, 12, 6)  # letters of a block's text looked for, longest first


def located(step: Callable[[Prepared], T], prepared: Prepared) -> T:
    """`step` on the document; if it fails, a DocumentError at the line it fails on."""
    try:
        return step(prepared)
    except RenderError as err:
        raise at_line(err, prepared, step) from None


def at_line(err: RenderError, prepared: Prepared, step: Callable[[Prepared], object]) -> Exception:
    """The error as a DocumentError at the failing block's line, or as it was."""

    def fails(blocks: list[Node]) -> bool:
        try:
            step(replace(prepared, tree={**prepared.tree, "blocks": blocks}))
        except RenderError:
            return True
        return False

    block = culprit(prepared.tree["blocks"], fails)
    if block is None:
        return err  # the template or the tool, not the document's text
    line, shown = source_line(prepared, block)
    message = f"{err.cause}, at {shown!r}; change or remove it"
    return DocumentError(prepared.name, message, rule="render", line=line)


def culprit(blocks: list[Node], fails: Callable[[list[Node]], bool]) -> Node | None:
    """The innermost block that makes `fails` true, looking into lists, quotes and divs."""
    index = first_failing(len(blocks), lambda count: fails(blocks[:count]))
    if index is None:
        return None
    block = blocks[index]
    inside = _container(block)
    if inside is None:
        return block
    children, rebuild = inside

    def fails_inside(part: list[Node]) -> bool:
        return fails([*blocks[:index], rebuild(part)])

    return culprit(children, fails_inside) or block


def _container(block: Node) -> tuple[list[Node], Callable[[list[Node]], Node]] | None:
    """The blocks a block holds (a list's items as divs), and how to rebuild it from some."""
    kind, content = block["t"], block.get("c", [])
    if kind == "BlockQuote":
        return content, lambda part: {"t": kind, "c": part}
    if kind == "Div":
        return content[1], lambda part: {"t": kind, "c": [content[0], part]}
    if kind in ("BulletList", "OrderedList"):
        items = content if kind == "BulletList" else content[1]
        divs = [{"t": "Div", "c": [ast.EMPTY_ATTR, item]} for item in items]

        def rebuild(part: list[Node]) -> Node:
            kept = [div["c"][1] for div in part]
            return {"t": kind, "c": kept if kind == "BulletList" else [content[0], kept]}

        return divs, rebuild
    return None


def first_failing(count: int, fails: Callable[[int], bool]) -> int | None:
    """The index of the block whose addition makes the first blocks fail, if any.

    All `count` blocks fail (that is why we look); if none at all fail too, the
    cause is not in the blocks.
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
                return body.first_line + offset, snippet(text)
    return body.first_line, snippet(ast.text([block]) or block["t"])


def _probes(block: Node) -> Iterator[Callable[[str], bool]]:
    """Tests of a Markdown line that match the block, most telling first."""
    for image in ast.find([block], "Image"):
        yield _containing(Path(image["c"][2][0]).name)
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


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)
