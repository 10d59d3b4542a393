from __future__ import annotations

import pytest

from opplan.document import frontmatter, load_text
from opplan.errors import DocumentError


def test_split_reports_where_each_part_starts() -> None:
    parts = frontmatter.split("a.md", "---\nkind: op1\ntitle: x\n---\n# Intro\n")
    assert parts.frontmatter == "kind: op1\ntitle: x\n"
    assert parts.body == "# Intro\n"
    assert (parts.frontmatter_line, parts.body_line) == (2, 5)


def test_split_accepts_yaml_document_end_marker() -> None:
    parts = frontmatter.split("a.md", "---\nkind: op1\n...\nbody")
    assert parts.body == "body"
    assert parts.body_line == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Just Markdown\n", "no YAML frontmatter"),
        ("", "no YAML frontmatter"),
        ("---\nkind: op1\n# Intro\n", "never closed"),
    ],
)
def test_split_refuses_documents_without_frontmatter(text: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        frontmatter.split("a.md", text)
    assert message in caught.value.message
    assert (caught.value.rule, caught.value.line, caught.value.fatal) == ("frontmatter", 1, False)


def test_decode_normalises_line_endings_and_byte_order_mark() -> None:
    assert frontmatter.decode("a.md", b"\xef\xbb\xbf---\r\nkind: op1\r\n") == "---\nkind: op1\n"


def test_decode_names_the_line_and_column_of_a_non_utf8_byte() -> None:
    with pytest.raises(DocumentError) as caught:
        frontmatter.decode("a.md", b"---\nteam: Caf\xe9\n")
    err = caught.value
    assert (err.line, err.column, err.rule, err.fatal) == (2, 10, "input", True)
    assert "not UTF-8 (byte 0xe9)" in err.message


def test_decode_refuses_binary_files() -> None:
    with pytest.raises(DocumentError) as caught:
        frontmatter.decode("a.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary file" in caught.value.message
    assert caught.value.fatal


def _parse(text: str) -> object:
    return frontmatter.parse("a.md", frontmatter.split("a.md", text))


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        # YAML's own position, counted in the whole file
        ("---\nkind: op1\ntitle: a: b\n---\n", 3, 9, "mapping values are not allowed here"),
        ("---\nkind: op1\nowners: [a,\n---\n", 4, 1, "expected the node content"),
        ("---\nkind: op1\nkind: op2\n---\n", 3, 1, 'found duplicate key "kind"'),
        ("---\ntitle: *anchor\n---\n", 2, 8, "found undefined alias"),
    ],
)
def test_parse_reports_invalid_yaml_at_its_position(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        _parse(text)
    err = caught.value
    assert (err.rule, err.line, err.column) == ("yaml", line, column)
    assert message in err.message
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("text", "found"),
    [("---\n---\n", "empty"), ("---\n- a\n- b\n---\n", "a list"), ("---\nhello\n---\n", "text")],
)
def test_parse_refuses_frontmatter_that_is_not_a_mapping(text: str, found: str) -> None:
    with pytest.raises(DocumentError) as caught:
        _parse(text)
    assert f"the frontmatter is {found}" in caught.value.message
    assert caught.value.rule == "frontmatter"


def test_parse_keeps_comments_and_key_order_for_round_trips() -> None:
    data = _parse("---\nzeta: 1  # last\nalpha: 2\n---\n")
    assert list(data) == ["zeta", "alpha"]  # type: ignore[call-overload]
    assert "# last" in str(data.ca.items["zeta"])  # type: ignore[attr-defined]


def test_carriage_returns_count_as_line_breaks_everywhere() -> None:
    doc = load_text("a.md", "---\rkind: op1\r---\r# Intro\r\rText.\r")
    assert doc.body.first_line == 4
    assert [(s.title, s.line) for s in doc.body.sections] == [("Intro", 4)]
