"""No placeholders are left: TBD, TODO, ???, or a bracketed `[placeholder]`.

Markers are found in frontmatter values, in frontmatter comments (the
`# TODO` that `opplan new` writes beside a sample date or number) and in the
body (code and HTML comments excepted, also inside lists); not under `extra:`,
a team's own data. A bracketed phrase counts when it holds a letter and is
none of: a link (`[text](url)`, `[text][ref]`), a reference-style link whose
label is defined (`[name]` with `[name]: url` in the document), a footnote
(`[^1]`), a task-list box (`- [ ]`, `- [x]`) or a link definition. `opplan new` writes its
skeletons with such placeholders, so that this rule shows what is left to
write: a warning while the document is a `draft`, an error once its status is
one of `error_statuses`.

Options: `markers` (TBD, TODO, ???), `brackets` (true), `error_statuses`
(review, approved).

Passing:

    # Goals

    We commit to six goals for 2027.

Failing (two markers):

    # Goals

    We commit to TBD goals for [year].
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from opplan import kinds
from opplan.document.positions import place
from opplan.lint.markdown import mask, search
from opplan.problem import Finding, Level
from opplan.vocabulary import MARKERS

if TYPE_CHECKING:
    from opplan.document import Document
    from opplan.lint.rule import Options

ID = "unresolved-marker"
LEVEL: Level = "warning"
KINDS: tuple[str, ...] = tuple(kinds.where(written=True))  # not generated roll-ups
DEFAULT: dict[str, Any] = {
    "markers": list(MARKERS),
    "brackets": True,
    "error_statuses": ["review", "approved"],
}
NEEDS_MODEL = False

_COMMENT = re.compile(r"(?:^|\s)#(.*)$")
# [phrase] not followed by ( [ or : (a link, a reference, a definition), and not a checkbox
# or a footnote.
_BRACKET = r"(?<![\]\\!])\[(?![ xX]\])(?!\^)([^\[\]\n]*[^\W\d_][^\[\]\n]*)\](?![(\[:])"
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.MULTILINE)


@cache
def _pattern(markers: tuple[str, ...], brackets: bool) -> re.Pattern[str]:
    words = [rf"(?<!\w){re.escape(m)}(?!\w)" if m[:1].isalnum() else re.escape(m) for m in markers]
    if brackets:
        words.append(_BRACKET)
    return re.compile("|".join(words) or r"(?!)")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    markers = tuple(marker for marker in options["markers"] if marker in doc.text)
    brackets = bool(options["brackets"]) and "[" in doc.text
    if not markers and not brackets:
        return
    pattern = _pattern(markers, brackets)
    status = doc.meta.get("status")
    level: Level = "error" if status in options["error_statuses"] else "warning"
    advice = (
        "replace it before the review" if level == "warning" else "a document in review has none"
    )
    lines = doc.text.split("\n")
    seen = set()
    own = _extra_lines(doc)
    for line, text in _values(doc.meta, lines, doc.frontmatter_line):
        if line in own:
            continue
        for match in pattern.finditer(text):
            place = _column(lines, line, match.group(0), doc.body.first_line - 2)
            seen.add(place)
            yield Finding(*place, f"unresolved placeholder {match.group(0)!r}; {advice}", level)
    if markers:
        words = _pattern(markers, False)
        for line in range(doc.frontmatter_line, doc.body.first_line - 1):
            if line in own:
                continue
            for column, found in _comment_markers(lines[line - 1], words):
                if (line, column) not in seen:
                    message = f"unresolved placeholder {found!r} in a comment; {advice}"
                    yield Finding(line, column, message, level)
    code = _code_lines(doc)
    body = (
        (doc.body.first_line + offset, mask(text))
        for offset, text in enumerate(doc.body.lines)
        if doc.body.first_line + offset not in code
    )
    defined = _defined_labels(doc) if brackets else set()
    for line, column, found in search(pattern, body):
        if found.startswith("[") and _label(found[1:-1]) in defined:
            continue  # a reference-style link: its definition is below
        yield Finding(line, column, f"unresolved placeholder {found!r}; {advice}", level)


def _comment_markers(text: str, words: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """Markers in a frontmatter line's comment (a `# TODO` beside a sample value)."""
    comment = _COMMENT.search(text)
    if comment is None or comment.group(1).lstrip().startswith("opplan:"):
        return
    for match in words.finditer(comment.group(1)):
        yield comment.start(1) + match.start() + 1, match.group(0)


def _code_lines(doc: Document) -> set[int]:
    """The body lines of code and raw HTML, at any depth (also inside lists and quotes)."""
    lines: set[int] = set()
    first = doc.body.first_line
    for token in doc.body.tokens:
        if token.type in ("fence", "code_block", "html_block") and token.map:
            lines.update(range(first + token.map[0], first + token.map[1]))
    return lines


def _extra_lines(doc: Document) -> range:
    """The lines of the frontmatter's `extra:`, a team's own data, which is never checked."""
    keys = list(doc.meta)
    if "extra" not in keys:
        return range(0)
    after = keys.index("extra") + 1
    end = doc.line_of(keys[after]) if after < len(keys) else doc.body.first_line - 1
    return range(doc.line_of("extra"), end)


def _defined_labels(doc: Document) -> set[str]:
    """The labels of the document's link reference definitions (`[name]: url`)."""
    text = "\n".join(doc.body.lines)
    return {_label(match.group(1)) for match in _DEFINITION.finditer(text)}


def _label(text: str) -> str:
    """A link label as CommonMark compares them: case-blind, spaces collapsed."""
    return " ".join(text.casefold().split())


def _values(
    node: object, lines: list[str], first: int, seen: set[int] | None = None
) -> Iterator[tuple[int, str]]:
    """Each text value of the frontmatter with the file line where it starts.

    A collection that aliases repeat is walked once: its text is written once.
    """
    seen = set() if seen is None else seen
    if not isinstance(node, dict | list) or id(node) in seen:
        return
    seen.add(id(node))
    keys = node.keys() if isinstance(node, dict) else range(len(node))
    for key in keys:
        value = node[key]
        if isinstance(value, str):
            found = place(node, key, value=True)
            if found is not None:
                yield first + found[0], value
        else:
            yield from _values(value, lines, first, seen)


def _column(lines: list[str], line: int, found: str, last: int) -> tuple[int, int]:
    """The line and column of `found` at or after `line` (a value may span lines)."""
    for number in range(line, max(last, line) + 1):
        column = lines[number - 1].find(found)
        if column >= 0:
            return number, column + 1
    return line, 1
