"""Reviewers' comments and tracked changes in a docx, with the bookmarks they sit under.

A word processor keeps a comment's text in `word/comments.xml` and marks the
text it is about in `word/document.xml` with `w:commentRangeStart` and
`w:commentRangeEnd` (or only a `w:commentReference`). Tracked changes are
`w:ins` and `w:del` elements with an author. Each remark is tied to the
paragraph it starts in, and that paragraph to the opplan bookmark in it (see
`render/fingerprint.py`); a table cell also gives its column's heading.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from opplan.errors import UsageError
from opplan.render import fingerprint
from opplan.review.remark import Remark

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROPERTIES = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
OPPLAN_AUTHOR = "opplan ("  # the redline's own changes, not a reviewer's
MARKS = (fingerprint.LINE_MARK, fingerprint.ROW_MARK)


@dataclass
class _Paragraph:
    text: str = ""
    mark: str | None = None
    row_mark: str | None = None
    column: str | None = None


@dataclass
class _Reading:
    paragraphs: list[_Paragraph] = field(default_factory=list)
    starts: dict[str, int] = field(default_factory=dict)  # comment id -> paragraph
    anchors: dict[str, str] = field(default_factory=dict)  # comment id -> text it is about
    open_ids: set[str] = field(default_factory=set)
    pending: set[str] = field(default_factory=set)  # started between paragraphs
    changes: list[tuple[str, str, str, int]] = field(default_factory=list)
    adjoining: bool = False  # no unchanged text since the last tracked change


def properties(zipped: zipfile.ZipFile) -> dict[str, str]:
    """The docx's custom document properties, by name."""
    try:
        root = ET.fromstring(zipped.read("docProps/custom.xml"))
    except KeyError:
        return {}
    return {
        prop.get("name", ""): "".join(prop.itertext()).strip()
        for prop in root.iter(f"{PROPERTIES}property")
    }


def open_docx(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        zipped = zipfile.ZipFile(io.BytesIO(data))
        zipped.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise UsageError(f"{name} is not a Word document (docx); save it as .docx") from None
    return zipped


def remarks(zipped: zipfile.ZipFile, name: str) -> list[Remark]:
    """Every comment and every reviewer's tracked change, in document order."""
    try:
        document = ET.fromstring(zipped.read("word/document.xml"))
        comments = _comments(zipped)
    except ET.ParseError as err:
        raise UsageError(f"{name} has broken XML ({err}); open and save it again") from None
    reading = _Reading()
    body = document.find(f"{W}body")
    for element in [] if body is None else list(body):
        _block(element, reading, None)
    found: list[tuple[int, Remark]] = []
    for ident, (author, text) in comments.items():
        index = reading.starts.get(ident)
        paragraph = reading.paragraphs[index] if index is not None else _Paragraph()
        found.append(
            (
                -1 if index is None else index,
                _remark("comment", author, text, reading.anchors.get(ident, ""), paragraph),
            )
        )
    for kind, author, text, index in reading.changes:
        found.append((index, _remark(kind, author, text, text, reading.paragraphs[index])))
    found.sort(key=lambda pair: pair[0])
    return [remark for _, remark in found]


def _remark(kind: str, author: str, text: str, anchor: str, paragraph: _Paragraph) -> Remark:
    return Remark(
        kind=kind,
        author=author or "unknown reviewer",
        text=" ".join(text.split()),
        anchor=" ".join(anchor.split()),
        paragraph=" ".join(paragraph.text.split()),
        mark=paragraph.row_mark or paragraph.mark,
        column=paragraph.column,
    )


def _comments(zipped: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    try:
        root = ET.fromstring(zipped.read("word/comments.xml"))
    except KeyError:
        return {}
    found = {}
    for comment in root.iter(f"{W}comment"):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in comment.iter(f"{W}p")]
        text = " ".join(part for part in paragraphs if part.strip())
        found[comment.get(f"{W}id", "")] = (comment.get(f"{W}author", ""), text)
    return found


def _block(
    element: ET.Element, reading: _Reading, cell: tuple[str | None, str | None] | None
) -> None:
    """Read a body element; `cell` is (row mark, column heading) inside a table."""
    if element.tag == f"{W}p":
        _paragraph(element, reading, cell)
    elif element.tag == f"{W}commentRangeStart":
        reading.pending.add(element.get(f"{W}id", ""))
        reading.open_ids.add(element.get(f"{W}id", ""))
    elif element.tag == f"{W}tbl":
        _table(element, reading)
    else:
        for child in element:
            _block(child, reading, cell)


def _table(table: ET.Element, reading: _Reading) -> None:
    rows = table.findall(f"{W}tr")
    header = [_text(cell) for cell in rows[0].findall(f"{W}tc")] if rows else []
    for row in rows:
        row_mark = next((name for name in _bookmarks(row) if name.startswith(MARKS[1])), None)
        for column, cell in enumerate(row.findall(f"{W}tc")):
            heading = header[column] if column < len(header) else None
            for child in cell:
                _block(child, reading, (row_mark, heading))


def _paragraph(
    element: ET.Element, reading: _Reading, cell: tuple[str | None, str | None] | None
) -> None:
    index = len(reading.paragraphs)
    paragraph = _Paragraph()
    if cell is not None:
        paragraph.row_mark, paragraph.column = cell
    reading.paragraphs.append(paragraph)
    for ident in reading.pending:
        reading.starts.setdefault(ident, index)
    reading.pending.clear()
    reading.adjoining = False
    texts: list[str] = []
    for node, changed in _walk(element, None):
        tag = node.tag
        if tag == f"{W}bookmarkStart":
            name = node.get(f"{W}name", "")
            if name.startswith(MARKS[0]) and paragraph.mark is None:
                paragraph.mark = name
        elif tag in (f"{W}commentRangeStart", f"{W}commentReference"):
            ident = node.get(f"{W}id", "")
            reading.starts.setdefault(ident, index)
            if tag == f"{W}commentRangeStart":
                reading.open_ids.add(ident)
        elif tag == f"{W}commentRangeEnd":
            reading.open_ids.discard(node.get(f"{W}id", ""))
        elif tag in (f"{W}t", f"{W}delText") and node.text:
            if tag == f"{W}t":
                texts.append(node.text)
            if changed is None:
                reading.adjoining = False
            for ident in reading.open_ids:
                reading.anchors[ident] = reading.anchors.get(ident, "") + node.text
        elif tag in (f"{W}ins", f"{W}del") and changed is node:
            author = node.get(f"{W}author", "")
            if not author.startswith(OPPLAN_AUTHOR):
                kind = "insertion" if tag == f"{W}ins" else "deletion"
                _add_change(reading, (kind, author, _text(node, strip=False), index))
    paragraph.text = "".join(texts)


def _add_change(reading: _Reading, change: tuple[str, str, str, int]) -> None:
    """A tracked change, joined to the one before when it continues it (Word splits an
    edit into one change per run of formatting)."""
    last = reading.changes[-1] if reading.changes else None
    if reading.adjoining and last and (last[0], last[1], last[3]) == (*change[:2], change[3]):
        reading.changes[-1] = (last[0], last[1], f"{last[2]}{change[2]}", last[3])
    else:
        reading.changes.append(change)
    reading.adjoining = True


def _walk(
    element: ET.Element, changed: ET.Element | None
) -> Iterator[tuple[ET.Element, ET.Element | None]]:
    """Every element inside, in document order, with the tracked change it is in."""
    for child in element:
        inside = child if child.tag in (f"{W}ins", f"{W}del") and changed is None else changed
        yield child, inside
        yield from _walk(child, inside)


def _bookmarks(element: ET.Element) -> list[str]:
    return [node.get(f"{W}name", "") for node in element.iter(f"{W}bookmarkStart")]


def _text(element: ET.Element, *, strip: bool = True) -> str:
    text = "".join(
        node.text or "" for node in element.iter() if node.tag in (f"{W}t", f"{W}delText")
    )
    return text.strip() if strip else text
