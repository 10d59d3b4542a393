"""Say where frontmatter stopped being YAML, and why, in the author's terms.

ruamel.yaml reports where its parser gave up, which is often not where the
author went wrong: an unclosed quote is reported at the end of the frontmatter,
a Markdown link written as a value (`link: [design doc](https://x)`) as a
"block end" after its `]`. Here the common slips are recognised from the
parser's own marks and the line's text, and each gets the line where it was
made, the column where its value starts, and what to write instead. Anything
else keeps YAML's own message and position.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ruamel.yaml.error import MarkedYAMLError

# `key: value` or `- value` (a list item), with the column where the value starts.
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(?:\s+|$)")
_ITEM = re.compile(r"^\s*(?:-\s+)+")
_DUPLICATE = re.compile(r'found duplicate key "(.*?)" with value')
_STARTERS = {
    "@": "'@' cannot start a YAML value",
    "`": "'`' cannot start a YAML value",
    "%": "'%' cannot start a YAML value",
    "*": "'*' starts a YAML alias",
    "&": "'&' starts a YAML anchor",
    "!": "'!' starts a YAML tag",
    "|": "'|' starts a block of text",
    ">": "'>' starts a folded block of text",
}
_QUOTE = "put the whole value in quotes"


class Cause(NamedTuple):
    """Where (0-based line of the frontmatter, 1-based column) and what went wrong."""

    line: int
    column: int
    message: str


def explain(err: MarkedYAMLError, text: str) -> Cause:
    """The line, column and message for a YAML error in the frontmatter `text`."""
    problem = one_line(err.problem or err.context or "the YAML cannot be read")
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line, mark.column + 1) if mark else (0, 1)
    lines = text.split("\n")
    context = err.context or ""
    opened = err.context_mark
    if opened is not None and "while scanning a quoted scalar" in context:
        quote = _at(lines, opened.line, opened.column)
        return Cause(
            opened.line,
            opened.column + 1,
            f"the quote {quote} opened here is never closed; end the value with {quote}",
        )
    if opened is not None and "while parsing a flow" in context and opened.line < line:
        at: tuple[int, int] | None = (opened.line, opened.column)
    else:
        at = _unclosed(lines) if "stream end" in problem else None
    if at is not None:
        bracket = _at(lines, *at)
        return Cause(
            at[0],
            at[1] + 1,
            f"the {bracket!r} opened here is never closed on its line; close it, "
            f"or, if the value is text that starts with {bracket!r}, {_QUOTE}",
        )
    source = lines[line] if 0 <= line < len(lines) else ""
    start = _value_start(source)
    value = source[start:].rstrip()
    first = value[:1] or "\n"  # a character no check below looks for
    duplicate = _DUPLICATE.search(problem)
    if duplicate:
        return Cause(line, column, f"the key {duplicate.group(1)!r} appears twice; keep one")
    if "\t" in problem or (source[column - 1 : column] == "\t"):
        return Cause(line, column, "a tab character; YAML is indented with spaces, not tabs")
    if first in _STARTERS and start < column <= len(source) + 1:
        what = _STARTERS[first]
        return Cause(line, start + 1, f"{what}; {_QUOTE}, like {_quoted(value)}")
    if first in "[{" and "expected <block end>" in problem:
        kind = "list" if first == "[" else "mapping"
        return Cause(
            line,
            start + 1,
            f"a value that starts with {first!r} is read as a YAML {kind}; "
            f"{_QUOTE}, like {_quoted(value)}",
        )
    if first in "'\"" and "expected <block end>" in problem:
        return Cause(line, start + 1, f"text follows the closing quote; {_QUOTE}")
    if "mapping values are not allowed" in problem:
        key_colon = source.find(":")
        if start and column - 1 > key_colon:
            return Cause(
                line, start + 1, f"the value holds ': ', which YAML reads as a key; {_QUOTE}"
            )
        indent = len(source) - len(source.lstrip()) + 1
        return Cause(line, indent, "this line is indented deeper than the key above it; line it up")
    if "sequence entries are not allowed" in problem:
        return Cause(line, start + 1, f"'- ' here would start a list inside the line; {_QUOTE}")
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        what = "this line's indentation does not match the lines above it; line it up"
        return Cause(line, column, what)
    return Cause(line, column, problem)


def _unclosed(lines: list[str]) -> tuple[int, int] | None:
    """The last '[' or '{' that no bracket closes (quotes are not told apart)."""
    opened: list[tuple[int, int]] = []
    for number, text in enumerate(lines):
        for column, char in enumerate(text):
            if char in "[{":
                opened.append((number, column))
            elif char in "]}" and opened:
                opened.pop()
    return opened[-1] if opened else None


def _value_start(source: str) -> int:
    """The 0-based column where the line's value starts (0 when it has no key or dash)."""
    match = _KEY_VALUE.match(source) or _ITEM.match(source)
    return match.end() if match else 0


def _at(lines: list[str], line: int, column: int) -> str:
    text = lines[line] if 0 <= line < len(lines) else ""
    return text[column : column + 1] or "?"


def _quoted(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'


def one_line(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())
