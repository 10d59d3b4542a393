"""Remarks placed in the plan: a source line, its section, and a frontmatter field for a cell.

A remark is placed in the revision that was rendered (its bookmarks name that
revision's lines), then moved to the file as it is now: lines in unchanged
stretches move with difflib's alignment, others are found again by their words.
A remark that is placed nowhere keeps `line=None` and a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from opplan.document import Document
from opplan.render import fingerprint
from opplan.render.fingerprint import words
from opplan.review.remark import Placed, Remark

REFINE_WORDS = 3  # words of a remark's text that pick its line within a paragraph


def place(remarks: Sequence[Remark], rendered: Document, current: Document) -> list[Placed]:
    """Each remark at its line of `current`, found through the revision that was rendered."""
    moved = _line_map(rendered.text, current.text)
    placed = []
    for remark in remarks:
        line, field = _in_rendered(remark, rendered)
        if line is not None:
            line = moved.get(line)
        if line is None:
            line = _search(remark, current)
            field = None if line is None else field
        if line is None:
            reason = (
                "no line of the plan holds its text" if remark.paragraph else "it is on no text"
            )
            placed.append(Placed(remark, None, reason=reason))
            continue
        placed.append(Placed(remark, line, _section(current, line), field or _field(current, line)))
    return placed


def _line_map(old: str, new: str) -> dict[int, int]:
    """Old line -> new line, for the lines that did not change."""
    before, after = old.split("\n"), new.split("\n")
    if before == after:
        return {n: n for n in range(1, len(after) + 1)}
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    mapping: dict[int, int] = {}
    for i, j, size in matcher.get_matching_blocks():
        mapping |= {i + k + 1: j + k + 1 for k in range(size)}
    return mapping


def _in_rendered(remark: Remark, doc: Document) -> tuple[int | None, str | None]:
    mark = remark.mark or ""
    if mark.startswith(fingerprint.ROW_MARK):
        return _row(mark.removeprefix(fingerprint.ROW_MARK), remark, doc)
    if mark.startswith(fingerprint.LINE_MARK):
        start = int(mark.removeprefix(fingerprint.LINE_MARK) or 0)
        return (_refined(start, remark.anchor, doc) if start else None), None
    return _search(remark, doc), None


def _refined(start: int, anchor: str, doc: Document) -> int:
    """The line of the paragraph starting at `start` that holds the remark's first words."""
    wanted = words(anchor)[:REFINE_WORDS]
    lines = doc.text.split("\n")
    index = start - 1
    while wanted and index < len(lines) and lines[index].strip():
        if _holds(words(lines[index]), wanted):
            return index + 1
        index += 1
    return start


def _holds(line: list[str], wanted: list[str]) -> bool:
    size = len(wanted)
    return any(line[at : at + size] == wanted for at in range(len(line) - size + 1))


def _search(remark: Remark, doc: Document) -> int | None:
    """The first line holding the first words of the remark's text, or of its paragraph."""
    lines = [words(line) for line in doc.text.split("\n")]
    for text in (remark.anchor, remark.paragraph):
        wanted = words(text)[: fingerprint.FIRST_WORDS]
        if len(wanted) < 2:
            continue
        for number, line in enumerate(lines, 1):
            if _holds(line, wanted):
                return number
    return None


def _row(name_index: str, remark: Remark, doc: Document) -> tuple[int | None, str | None]:
    """A table row's frontmatter item, and the field of the cell's column."""
    name, _, index_text = name_index.rpartition("_")
    index = int(index_text) if index_text.isdigit() else -1
    items = doc.meta.get(name)
    if not isinstance(items, CommentedSeq) or not 0 <= index < len(items):
        return (doc.line_of(name) if name in doc.meta else None), name or None
    item = items[index]
    key = _column_key(item, remark.column or "", remark.anchor or remark.paragraph)
    if key is None:
        return doc.line_of(name, index), f"{name}[{index}]"
    return doc.line_of(name, index, key), f"{name}[{index}].{key}"


def _column_key(item: object, column: str, cell: str) -> str | None:
    if not isinstance(item, CommentedMap):
        return None
    heading = words(column)
    for key in item:
        if words(str(key).replace("_", " ")) == heading:
            return str(key)
    wanted = words(cell)[:REFINE_WORDS]
    for key, value in item.items():
        if wanted and _holds(words(str(value)), wanted):
            return str(key)
    return None


def _section(doc: Document, line: int) -> str:
    if line < doc.body.first_line:
        return "frontmatter"
    title = ""
    for section in doc.body.sections:
        if section.line <= line and section.level:
            title = section.title
    return title or "before the first heading"


def _field(doc: Document, line: int) -> str | None:
    """The top-level frontmatter key a line belongs to."""
    if line >= doc.body.first_line:
        return None
    found = None
    for key in doc.meta:
        if doc.line_of(str(key)) <= line:
            found = str(key)
    return found
