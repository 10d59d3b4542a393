"""Broken and hostile documents made from the real examples, and the check each must pass.

Shared by `test_fuzz.py` (a few thousand examples in every test run) and
`bench/fuzz_bench.py` (a longer run with figures). A document is mutated
byte-wise (tokens that mean something to YAML, Markdown or the decoder,
inserted, deleted, repeated) or by lines (frontmatter lines moved, repeated,
indented, wrapped in flow brackets, given anchors and aliases; body lines
nested in lists and quotes). Whatever comes out, `check` requires a report
whose JSON output parses, with every problem at a real line, and the
round-trip reader either reads the document or fails with a DocumentError.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from hypothesis import strategies as st

from opplan.config.model import Lint
from opplan.document import load_text
from opplan.errors import DocumentError
from opplan.lint.engine import lint
from opplan.output.lint import json as json_format

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.md"))
SOURCES = [path.read_bytes() for path in EXAMPLES]

TOKENS = [
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"<<: ",
    b"<<: *a\n",
    b"!t ",
    b"!!omap ",
    b"!!python/object/apply:os.system ",
    b"- ",
    b"? ",
    b": ",
    b"#",
    b"> ",
    b"\t",
    b"---\n",
    b"...\n",
    b"\x00",
    b"\r",
    b"\r\n",
    b"\xff",
    b"\xe2\x80\xa8",
    "\U0001f4a5".encode(),
    b"TBD",
    b"[x]",
    b"|\n",
    b">-\n",
    b"\n",
    b"  ",
    b"```\n",
    b"<!--",
    b"-->",
    b"![i](/etc/passwd)",
    b"![i](x.svg)",
    b"\\",
    b'"',
    b"'",
    b"%YAML 1.1\n",
    b"1e309",
    b"2027-02-30",
    b"0x1F",
    b"~",
    b"null",
    b"kind: op1\n",
    b"kind: ",
    b"# Risks\n",
    b"1. ",
    b"* ",
    b"<div>",
    b"|a|b|\n",
    b"&b [*a, *a, *a, *a]\n",
    b"x: &a [a, a, a, a]\n",
    b"[" * 40,
    b"- " * 30,
    b"> " * 60,
]

_OFFSET = st.floats(0, 1, allow_nan=False)
_BYTE_EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "repeat"]),
    _OFFSET,
    st.integers(1, 64),
    st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8),
)


def _apply_byte_edit(data: bytes, edit: tuple[str, float, int, bytes]) -> bytes:
    kind, offset, length, token = edit
    at = int(offset * len(data))
    if kind == "insert":
        return data[:at] + token + data[at:]
    if kind == "delete":
        return data[:at] + data[at + length :]
    if kind == "replace":
        return data[:at] + token + data[at + len(token) :]
    return data[:at] + data[at : at + length] * 3 + data[at:]


@st.composite
def byte_mutants(draw: st.DrawFn) -> bytes:
    """An example document with a few byte-level edits."""
    data = draw(st.sampled_from(SOURCES))
    for edit in draw(st.lists(_BYTE_EDIT, min_size=1, max_size=6)):
        data = _apply_byte_edit(data, edit)
    return data


_LINE_EDITS = [
    "delete",
    "repeat",
    "swap",
    "indent",
    "dedent",
    "flow",
    "anchor",
    "alias",
    "merge",
    "tag",
    "nest",
    "quote",
    "list",
    "deep-list",
]


def _edit_line(lines: list[str], kind: str, index: int, count: int) -> list[str]:
    line = lines[index]
    key, sep, value = line.partition(": ")
    if kind == "delete":
        return lines[:index] + lines[index + 1 :]
    if kind == "repeat":
        return lines[:index] + [line] * count + lines[index:]
    if kind == "swap" and index + 1 < len(lines):
        return [*lines[:index], lines[index + 1], line, *lines[index + 2 :]]
    if kind == "indent":
        line = " " * count + line
    elif kind == "dedent":
        line = line.lstrip()
    elif kind == "flow" and sep:
        line = f"{key}: {'[' * count}{value}{']' * count}"
    elif kind == "anchor" and sep:
        line = f"{key}: &a {value}"
    elif kind == "alias" and sep:
        line = f"{key}: *a"
    elif kind == "merge":
        line = f"{' ' * (len(line) - len(line.lstrip()))}<<: *a"
    elif kind == "tag" and sep:
        line = f"{key}: !t [{value}]"
    elif kind == "nest" and sep:
        line = f"{key}:\n" + "".join(f"{' ' * (2 * depth + 2)}k:\n" for depth in range(count))
    elif kind == "quote":
        line = "> " * count + line
    elif kind == "list":
        line = "  " * count + "- " + line
    elif kind == "deep-list":
        line = "".join("  " * depth + "- item\n" for depth in range(count)) + line
    return [*lines[:index], line, *lines[index + 1 :]]


@st.composite
def line_mutants(draw: st.DrawFn) -> bytes:
    """An example document with frontmatter and body lines moved, repeated and reshaped."""
    lines = draw(st.sampled_from(SOURCES)).decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(_LINE_EDITS))
        # the frontmatter (the first 80 lines or so) more often than the body
        index = draw(st.integers(0, min(80, len(lines) - 1)) | st.integers(0, len(lines) - 1))
        lines = _edit_line(lines, kind, index, draw(st.integers(1, 120)))
    return "\n".join(lines).encode("utf-8")


def check(data: bytes, folder: Path, *, round_trip: bool = True) -> int:
    """Lint `data` as a file and (`round_trip`) read it with the round-trip reader, as
    render and diff do; returns the number of problems.

    Any exception other than a DocumentError from the reader fails: that is what
    the command line reports as an internal error.
    """
    path = folder / "plan.md"
    path.write_bytes(data)
    report = lint([path], Lint(cache=False), root=folder, jobs=1)
    payload = json.loads(json_format.render(report))
    lines = data.count(b"\n") + data.count(b"\r") + 2
    for problem in payload["problems"]:
        assert 1 <= problem["line"] <= lines, problem
        assert problem["column"] >= 1, problem
        assert "\n" not in problem["message"], problem
    if not round_trip:
        return len(payload["problems"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return len(payload["problems"])
    with contextlib.suppress(DocumentError):
        load_text(str(path), text)
    return len(payload["problems"])
