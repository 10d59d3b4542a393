"""Split a document into its YAML frontmatter and Markdown body, and parse the frontmatter.

The frontmatter is parsed with ruamel.yaml in round-trip mode: comments and key
order survive, so commands can edit it, and every key and list item keeps its
position, so problems are reported at their line. All lines here are 1-based
lines of the whole file.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from opplan.document.yaml_errors import explain, one_line
from opplan.errors import DocumentError

_DELIMITER = "---"
_CLOSERS = ("---", "...")


class Split(NamedTuple):
    """A document's two parts and where they start in the file."""

    frontmatter: str
    body: str
    frontmatter_line: int  # the file line of the frontmatter's first line
    body_line: int  # the file line of the body's first line


def decode(path: str, data: bytes) -> str:
    """The file's text, with line endings made `\\n`; binary and non-UTF-8 files are refused."""
    if b"\x00" in data[:8192]:
        raise DocumentError(path, _not_text(data), rule="input", fatal=True)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise DocumentError(
            path,
            f"the file is not UTF-8 (byte 0x{data[err.start]:02x}); save it as UTF-8",
            rule="input",
            line=line,
            column=column,
            fatal=True,
        ) from None
    return normalize_newlines(text)


def _not_text(data: bytes) -> str:
    """What a file with NUL bytes is, and what to do about it."""
    head = data[:512]
    even, odd = any(head[0::2]), any(head[1::2])
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 4 and even != odd):
        return "the file is UTF-16, not UTF-8; save it as UTF-8"
    if head.startswith(b"PK\x03\x04"):
        return (
            "this is a ZIP archive (such as a Word .docx), not a Markdown document; "
            "convert it to Markdown first (e.g. pandoc FILE -t gfm -o FILE.md)"
        )
    return "this is a binary file, not a Markdown document; pass only .md plan files"


def normalize_newlines(text: str) -> str:
    """`\r\n` and `\r` as `\n`, as Markdown parsers read them, so that lines count alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_frontmatter(text: str) -> bool:
    """Whether the text opens with a frontmatter delimiter."""
    first = text.split("\n", 1)[0]
    return first.rstrip() == _DELIMITER


def split(path: str, text: str) -> Split:
    """Cut the text at its frontmatter delimiters."""
    lines = text.split("\n")
    if not has_frontmatter(text):
        raise DocumentError(
            path,
            "no YAML frontmatter; a plan starts with a '---' line, its keys, and another '---'",
            rule="frontmatter",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            return Split(
                frontmatter="\n".join(lines[1:index]) + "\n",
                body="\n".join(lines[index + 1 :]),
                frontmatter_line=2,
                body_line=index + 2,
            )
    raise DocumentError(
        path,
        "the frontmatter opened here is never closed; add a '---' line after its last key",
        rule="frontmatter",
    )


class _Constructor(RoundTripConstructor):
    """The round-trip constructor, reading a date that is not in the calendar
    (`2028-02-31`) as text, so that the schema reports it at its key with the
    other problems, instead of the whole frontmatter failing to load."""

    def construct_impossible_date(self, node: Any, values: Any = None) -> object:
        try:
            return self.construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_impossible_date)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def parse(path: str, parts: Split) -> CommentedMap:
    """The frontmatter as a round-trip mapping, or a DocumentError at YAML's own position."""
    try:
        data = _yaml().load(parts.frontmatter)
    except MarkedYAMLError as err:
        line, column, what = explain(err, parts.frontmatter)
        raise DocumentError(
            path,
            f"invalid YAML: {what}",
            rule="yaml",
            line=parts.frontmatter_line + line,
            column=column,
        ) from None
    except YAMLError as err:
        raise DocumentError(
            path, f"invalid YAML: {one_line(str(err))}", rule="yaml", line=parts.frontmatter_line
        ) from None
    except Exception as err:  # ruamel.yaml fails on some inputs with non-YAML errors
        raise DocumentError(
            path,
            f"invalid YAML: {one_line(str(err)) or type(err).__name__}",
            rule="yaml",
            line=parts.frontmatter_line,
        ) from None
    if not isinstance(data, CommentedMap):
        found = "empty" if data is None else "a list" if isinstance(data, list) else "text"
        raise DocumentError(
            path,
            f"the frontmatter is {found}; it must be a mapping of keys such as 'kind: op1'",
            rule="frontmatter",
        )
    return data
