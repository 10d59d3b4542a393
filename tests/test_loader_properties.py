"""Whatever text a file holds, loading it either works or raises opplan's own error."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opplan.document import load_text
from opplan.document.frontmatter import decode
from opplan.errors import DocumentError

YAMLISH = st.sampled_from(
    [
        "---",
        "...",
        "kind: op1",
        "kind: op2",
        "kind: prfaq",
        "title:",
        "- ",
        "  ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "&a",
        "*a",
        "!!",
        "|",
        ">",
        "#",
        "'",
        '"',
        "\t",
        "risks:",
        "  - risk: x",
        "?",
        "2027-01-01",
        "owners: [a]",
        "%YAML 1.2",
        "\\",
        "@",
        "`",
        "\n",
    ]
)
OPENINGS = st.sampled_from(["", "---\n", "---\nkind: op1\n", "---\nkind: prfaq\n"])
LINES = st.tuples(
    OPENINGS, st.lists(st.one_of(YAMLISH, st.text(max_size=12)), max_size=25).map("\n".join)
).map("".join)


def _load(text: str) -> None:
    try:
        doc = load_text("fuzz.md", text)
    except DocumentError as err:
        assert err.line >= 1 and err.column >= 1
        assert "\n" not in str(err)
    else:
        assert doc.kind in ("op1", "op2", "prfaq")
        for finding in doc.schema_findings:
            assert 1 <= finding.line <= text.count("\n") + 1


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_loader_raises_only_document_errors_on_yamlish_text(text: str) -> None:
    _load(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_loader_raises_only_document_errors_on_any_text(text: str) -> None:
    _load(text)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_decoding_raises_only_document_errors_on_any_bytes(data: bytes) -> None:
    try:
        text = decode("fuzz.md", data)
    except DocumentError as err:
        assert err.fatal
    else:
        _load(text)
