"""Table column widths from the content, for every writer.

A pipe table's widths come from the lengths of its dashes, which say little about
what is in the cells: a name column gets too narrow and wraps ("Payments Plat- /
form"), a long text column too wide. Here each column gets the widths a browser's
automatic table layout would give it: at least its longest word (so no word is
broken inside a cell), and the room left shared by how long its lines would be
unbroken. The widths are estimated from character counts in ems, which is close
enough for fractions of the text width; they become the table's column
specifications, which pandoc writes as typst column widths, docx grid columns
and HTML `<col>` widths.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from opplan.config.model import Page
from opplan.pages import PAPER_INCHES
from opplan.render import ast
from opplan.render.ast import Node


class Metrics(NamedTuple):
    """How wide table text sets in one writer, in ems of its table text."""

    size: float  # the table text's size, relative to the body text
    char: float  # an average character
    code_char: float  # a monospaced character
    padding: float  # a cell's padding, left and right together


# typst: Libertinus Serif at 0.84 of the body size (style.typ.j2).
TYPST = Metrics(size=0.84, char=0.5, code_char=0.6, padding=0.8)
# docx: 9.5 pt Calibri in Word, or Carlito (the same widths) in LibreOffice, with a
# margin for a wider stand-in where neither is installed.
DOCX = Metrics(size=9.5 / 11, char=0.55, code_char=0.62, padding=1.1)
HEADER = 1.08  # bold header text is a little wider
NAME_WORDS = 3  # an item of a comma-separated list this short is a name
LINE_PITCH = 1.45  # ems from one line of table text to the next
TALL = 0.8  # a row taller than this share of the page may break
SHORT = 12.0  # ems: a column whose longest cell is this short does not wrap
# Where a line may break inside a word: after a slash, or a hyphen before a letter
# (not inside a date or a number, where the line breakers keep the word whole).
BREAK_AFTER = re.compile(r"(?<=/)|(?<=-)(?=[^\W\d_])")


def fitted(tree: dict[str, Any], page: Page, metrics: Metrics = TYPST) -> dict[str, Any]:
    """The AST with every table's column widths set from its content."""
    inches = PAPER_INCHES[page.paper][0] - 2 * page.margin
    available = inches * 72 / (page.font_size * metrics.size)

    def visit(node: Node) -> Node:
        if node["t"] == "Table":
            node["c"][2] = _colspecs(node, available, metrics)
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def widths(columns: list[tuple[float, float]], available: float) -> list[float]:
    """Each column's share of the width, from its (narrowest, widest) content in ems.

    A column of short cells (names, IDs, statuses, dates, amounts) is kept unbroken
    when the table has room for that.
    """
    highs = [max(low, high) for low, high in columns]
    lows = [high if high <= SHORT else low for (low, _), high in zip(columns, highs, strict=True)]
    if sum(lows) >= available:
        lows = [low for low, _ in columns]
    if sum(highs) <= available:
        chosen = highs  # everything fits unbroken: share the room by content
    elif sum(lows) < available:
        spare = (available - sum(lows)) / (sum(highs) - sum(lows))
        chosen = [low + (high - low) * spare for low, high in zip(lows, highs, strict=True)]
    else:
        chosen = lows  # even the longest words do not fit: keep their proportions
    total = sum(chosen) or 1.0
    return [round(width / total, 4) for width in chosen]


def _colspecs(table: Node, available: float, metrics: Metrics) -> list[Any]:
    specs: list[Any] = table["c"][2]
    columns = [(0.0, 0.0)] * len(specs)
    head, bodies, foot = table["c"][3], table["c"][4], table["c"][5]
    rows = [(row, HEADER) for row in head[1]]
    for body in bodies:
        rows += [(row, 1.0) for row in (*body[2], *body[3])]
    rows += [(row, 1.0) for row in foot[1]]
    for row, scale in rows:
        column = 0
        for cell in row[1]:
            span = cell[3]
            if span == 1 and column < len(columns):
                low, high = _measure(cell[4], scale, metrics)
                if scale == HEADER:  # a header may take two lines
                    high = max(low, high / 2)
                old_low, old_high = columns[column]
                columns[column] = (max(old_low, low), max(old_high, high))
            column += span
    pad = metrics.padding
    shares = widths([(low + pad, high + pad) for low, high in columns], available)
    return [
        [spec[0], {"t": "ColWidth", "c": share}] for spec, share in zip(specs, shares, strict=True)
    ]


def _measure(blocks: list[Any], scale: float, metrics: Metrics) -> tuple[float, float]:
    """The cell's longest word and longest unbroken line, in ems."""
    words: list[float] = [0.0]
    lines: list[float] = [0.0]

    def add(text: str, char: float) -> None:
        for index, part in enumerate(re.split(r"(\s+)", text)):
            if index % 2:
                words.append(0.0)
                lines[-1] += char * scale
                continue
            pieces = BREAK_AFTER.split(part)
            for number, piece in enumerate(pieces):
                if number:
                    words.append(0.0)
                words[-1] += len(piece) * char * scale
            lines[-1] += len(part) * char * scale

    def visit(node: Node) -> Node:
        kind = node["t"]
        if kind == "Str":
            add(node["c"], metrics.char)
        elif kind == "Code":
            add(node["c"][1], metrics.code_char)
        elif kind in ("Space", "SoftBreak"):
            add(" ", metrics.char)
        elif kind in ("LineBreak", "Para", "Plain"):
            lines.append(0.0)
            words.append(0.0)
        return node

    ast.walk(blocks, visit)
    return max(*words, _longest_item(ast.text(blocks), metrics.char * scale)), max(lines)


def _longest_item(text: str, char: float) -> float:
    """The longest item of a list of names ("Wei Zhang, Rafael Ortiz"), which is best
    kept on one line; 0 when the text is not such a list."""
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or any(len(item.split()) > NAME_WORDS for item in items):
        return 0.0
    return max(len(item) + 1 for item in items) * char


def tall_rows_breakable(
    tree: dict[str, Any], page: Page, metrics: Metrics = TYPST
) -> dict[str, Any]:
    """Rows too tall to keep whole on a page allowed to break (typst cells keep rows
    whole otherwise, and a row taller than a page would run off it)."""
    inches = PAPER_INCHES[page.paper]
    em = page.font_size * metrics.size / 72  # inches
    width, height = (inches[0] - 2 * page.margin) / em, (inches[1] - 2 * page.margin) / em

    def visit(node: Node) -> Node:
        if node["t"] != "Table":
            return node
        shares = [spec[1].get("c", 0.0) for spec in node["c"][2]]
        for body in node["c"][4]:
            for row in body[3]:
                lines = max(
                    (
                        _lines(
                            cell[4], sum(shares[i : i + cell[3]]) * width - metrics.padding, metrics
                        )
                        for i, cell in _placed(row)
                    ),
                    default=0.0,
                )
                if lines * LINE_PITCH > TALL * height:
                    for cell in row[1]:
                        cell[0] = [
                            cell[0][0],
                            cell[0][1],
                            [*cell[0][2], ["typst:breakable", "true"]],
                        ]
        return node

    return {**tree, "blocks": ast.walk(tree["blocks"], visit)}


def _placed(row: list[Any]) -> Iterator[tuple[int, Any]]:
    column = 0
    for cell in row[1]:
        yield column, cell
        column += cell[3]


def _lines(blocks: list[Any], width: float, metrics: Metrics) -> float:
    """About how many lines a cell's text takes in a column `width` ems wide."""
    paragraphs = [ast.text(block.get("c", [])) for block in blocks if isinstance(block, dict)]
    return sum(max(1.0, len(text) * metrics.char / max(width, 1.0)) for text in paragraphs if text)
