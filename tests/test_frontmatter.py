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
        # at the line where the author slipped, counted in the whole file
        ("---\nkind: op1\ntitle: a: b\n---\n", 3, 8, "the value holds ': '"),
        ("---\nkind: op1\nowners: [a,\n---\n", 3, 9, "the '[' opened here is never closed"),
        ("---\nkind: op1\nkind: op2\n---\n", 3, 1, "the key 'kind' appears twice; keep one"),
        ("---\ntitle: *anchor\n---\n", 2, 8, "'*' starts a YAML alias; put the whole value"),
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


def _yaml_error(text: str, *, fast: bool) -> tuple[int | None, int | None, str]:
    with pytest.raises(DocumentError) as caught:
        load_text("a.md", text, fast=fast)
    err = caught.value
    assert err.rule == "yaml" and "\n" not in str(err)
    return err.line, err.column, err.message


HEAD = "---\nkind: prfaq\ntitle: Instant Payouts\nteam: Payments\n"
TAIL = "cycle: 2027\nstatus: draft\nowners: [Dana Reyes]\n---\n# Press release\n"


@pytest.mark.parametrize(
    ("lines", "line", "column", "message"),
    [
        (
            "design: [design doc](https://example.com/design)\n",
            5,
            9,
            "a value that starts with '[' is read as a YAML list; put the whole value in quotes, "
            'like "[design doc](https://example.com/design)"',
        ),
        (
            "links:\n  - [runbook](https://example.com/runbook)\n",
            6,
            5,
            "a value that starts with '[' is read as a YAML list",
        ),
        ("launch: {city: Seattle} in spring\n", 5, 9, "is read as a YAML mapping"),
        ('product: "Instant Payouts\n', 5, 10, 'the quote " opened here is never closed'),
        ("product: 'Instant Payouts\n", 5, 10, "the quote ' opened here is never closed"),
        ("reviewers: [Ana, Bo\n", 5, 12, "the '[' opened here is never closed on its line"),
        ("reviewers:\n\t- Ana\n", 6, 1, "a tab character; YAML is indented with spaces"),
        ("product: Payouts\n  variant: full\n", 6, 3, "indented deeper than the key above it"),
        ("reviewers:\n  - Ana\n - Bo\n", 7, 2, "indentation does not match the lines above"),
        ("reviewer: @ana\n", 5, 11, "'@' cannot start a YAML value; put the whole value in"),
        ("product: `payouts`\n", 5, 10, "'`' cannot start a YAML value"),
        ('product: "Instant" Payouts\n', 5, 10, "text follows the closing quote"),
        ("product: Payouts: instant\n", 5, 10, "the value holds ': ', which YAML reads as a key"),
        ("product: - instant\n", 5, 10, "'- ' here would start a list inside the line"),
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["fast-yaml", "round-trip-yaml"])
def test_yaml_errors_point_at_the_cause_with_both_readers(
    lines: str, line: int, column: int, message: str, fast: bool
) -> None:
    found = _yaml_error(HEAD + lines + TAIL, fast=fast)
    assert found[:2] == (line, column)
    assert found[2].startswith("invalid YAML: ") and message in found[2]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2028-02-31", "date: 2028-02-31 is not a date: February 2028 has 29 days"),
        ("2027-02-29", "date: 2027-02-29 is not a date: February 2027 has 28 days"),
        ("2027-13-01", "date: 2027-13-01 is not a date: there is no month 13"),
        ("2027-04-31", "date: 2027-04-31 is not a date: April 2027 has 30 days"),
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["fast-yaml", "round-trip-yaml"])
def test_an_impossible_date_is_a_schema_error_at_its_line(
    value: str, message: str, fast: bool
) -> None:
    doc = load_text("a.md", HEAD + f"date: {value}\n" + TAIL, fast=fast)
    assert [(f.line, f.column, f.message) for f in doc.schema_findings] == [(5, 1, message)]


def test_an_impossible_date_in_the_teams_own_data_is_kept_as_text() -> None:
    doc = load_text("a.md", HEAD + "extra: {kickoff: 2027-02-30}\n" + TAIL)
    assert doc.model is not None and doc.model.extra == {"kickoff": "2027-02-30"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Plan\n".encode("utf-16"), "the file is UTF-16, not UTF-8; save it as UTF-8"),
        ("---\nkind: op1\n".encode("utf-16-le"), "the file is UTF-16, not UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "this is a ZIP archive (such as a Word"),
    ],
)
def test_decode_names_what_a_file_that_is_not_text_is(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        frontmatter.decode("a.md", data)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize("fast", [True, False], ids=["fast-yaml", "round-trip-yaml"])
def test_a_yaml_error_is_at_the_same_place_with_a_byte_order_mark_and_crlf(fast: bool) -> None:
    text = HEAD + "design: [doc](https://example.com)\n" + TAIL
    plain = _yaml_error(text, fast=fast)
    windows = frontmatter.decode("a.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert _yaml_error(windows, fast=fast) == plain == (5, 9, plain[2])
