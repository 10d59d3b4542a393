"""Quick fixes for a finding: the suggested key or value, a suppression comment, a section.

Each fix is a list of edits, as (line, start, end, new text) in 0-based lines and
characters of the document's text, that the server turns into a workspace edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from opplan.document import Document, Section


class Edit(NamedTuple):
    line: int
    start: int
    end: int
    text: str


class Fix(NamedTuple):
    title: str
    edits: list[Edit]
    preferred: bool = False


_QUOTED = re.compile(r"'((?:[^'\\]|\\.)+)'")
_SUGGESTED = re.compile(r"did you mean '([^']+)'\??")
_MISSING_SECTION = re.compile(r"^missing section '(.+)'; add a '(#+) ")
_MISSING_KEY = re.compile(r"^missing required key '([\w-]+)'$")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")
_FRONTMATTER_COMMENT = re.compile(r"#\s*opplan:\s*disable\s*=\s*([\w\s,-]*)")
_NEXT_LINE_COMMENT = re.compile(r"<!--\s*opplan:\s*disable-next-line\s*=\s*([^>]*?)\s*-->")


def replacement(line_text: str, row: int, column: int, message: str) -> Fix | None:
    """The "did you mean" fix: the quoted name or value replaced by the nearest valid one."""
    suggested = _SUGGESTED.search(message)
    old = _QUOTED.search(message)
    if suggested is None or old is None:
        return None
    wrong, new = old.group(1), suggested.group(1)
    start = line_text.find(wrong, column)
    if start < 0 or wrong == new:
        return None
    return Fix(f"Change '{wrong}' to '{new}'", [Edit(row, start, start + len(wrong), new)], True)


def suppression(lines: Sequence[str], row: int, rule: str, body_first_row: int) -> Fix:
    """A comment that silences `rule` at line `row`, in the frontmatter or in the body."""
    if row < body_first_row:
        return _frontmatter_suppression(lines, row, rule)
    title = f"Disable '{rule}' for this line"
    above = row - 1
    previous = lines[above] if above >= body_first_row else ""
    existing = _NEXT_LINE_COMMENT.search(previous)
    if existing is not None:
        end = existing.end(1)
        return Fix(title, [Edit(above, end, end, f",{rule}")])
    comment = f"<!-- opplan: disable-next-line={rule} -->"
    if not previous.strip() or previous.lstrip().startswith(("#", "<!--", "```", "~~~", "|")):
        return Fix(title, [Edit(row, 0, 0, f"{comment}\n")])
    # Inside a paragraph: a comment line would split it, so the comment ends the line before.
    return Fix(title, [Edit(above, len(previous), len(previous), f" {comment}")])


def _frontmatter_suppression(lines: Sequence[str], row: int, rule: str) -> Fix:
    title = f"Disable '{rule}' here"
    target = _block_scalar_key(lines, row)
    text = lines[target]
    existing = _FRONTMATTER_COMMENT.search(text)
    if existing is not None:
        end = existing.start(1) + len(existing.group(1).rstrip())
        return Fix(title, [Edit(target, end, end, f",{rule}")])
    end = len(text.rstrip())
    return Fix(title, [Edit(target, end, len(text), f"  # opplan: disable={rule}")])


def _block_scalar_key(lines: Sequence[str], row: int) -> int:
    """The line of the key whose block scalar (`|` or `>`) holds line `row`, else `row`.

    A comment inside a block scalar would be part of its text; on the key's line, it
    covers the whole block.
    """
    indent = len(lines[row]) - len(lines[row].lstrip())
    for above in range(row - 1, 0, -1):
        text = lines[above]
        if not text.strip():
            continue
        if len(text) - len(text.lstrip()) < indent:
            return above if _BLOCK_SCALAR.search(text) else row
    return row


def missing_section(doc: Document, message: str, options: Mapping[str, Any]) -> Fix | None:
    """The heading of a missing required section, placed before the next required one."""
    match = _MISSING_SECTION.match(message)
    if match is None:
        return None
    from opplan.lint.rules import required_sections  # noqa: PLC0415

    title, marks = match.group(1), match.group(2)
    required = required_sections.titles(doc, options)
    later = required[required.index(title) + 1 :] if title in required else []
    following = (_section(doc, other, options) for other in later)
    before = next((section for section in following if section is not None), None)
    heading = f"{'#' * before.level if before else marks} {title}"
    if before is None:
        row = len(doc.text.rstrip("\n").split("\n"))
        return Fix(f"Add the '{title}' section", [Edit(row, 0, 0, f"\n{heading}\n")], True)
    return Fix(f"Add the '{title}' section", [Edit(before.line - 1, 0, 0, f"{heading}\n\n")], True)


def _section(doc: Document, title: str, options: Mapping[str, Any]) -> Section | None:
    """The section that counts for a required title, found as `required-sections` finds it."""
    return doc.outline.find(title)


def missing_key(lines: Sequence[str], message: str, closing_row: int) -> Fix | None:
    """A top-level key the schema requires, added at the end of the frontmatter."""
    match = _MISSING_KEY.match(message)
    if match is None or not 0 < closing_row < len(lines):
        return None
    key = match.group(1)
    return Fix(f"Add the '{key}' key", [Edit(closing_row, 0, 0, f"{key}: \n")])


def for_finding(
    doc: Document | None,
    lines: Sequence[str],
    problem: tuple[int, int, str, str],
    section_options: Mapping[str, Any],
) -> Iterator[Fix]:
    """The fixes for one finding (0-based row and column, rule ID, message), best first.

    `section_options` are the `required-sections` rule's options for the document.
    """
    row, column, rule, message = problem
    if row >= len(lines):
        return
    fix = replacement(lines[row], row, column, message)
    if fix is not None:
        yield fix
    if doc is None:
        return
    closing = doc.body.first_line - 2  # the row of the closing '---'
    if rule == "required-sections":
        fix = missing_section(doc, message, section_options)
        if fix is not None:
            yield fix
    if rule == "schema":
        fix = missing_key(lines, message, closing)
        if fix is not None:
            yield fix
    from opplan.lint.rules import RULES  # noqa: PLC0415

    # A finding on the opening '---' (a missing key) has no line a comment can take.
    if rule in RULES and row > 0:
        yield suppression(lines, row, rule, closing + 1)
