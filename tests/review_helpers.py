"""Reviewers' work written into files the way their tools store it: docx comments and
tracked changes, PDF highlights and notes."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(frozen=True)
class Comment:
    """A comment on the words `anchor` of the first paragraph holding `paragraph`."""

    paragraph: str
    anchor: str
    text: str
    author: str
    between_paragraphs: bool = False  # the range starts before the paragraph, as for a
    # comment on whole paragraphs


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _paragraph(root: etree._Element, holding: str) -> etree._Element:
    for paragraph in root.iter(f"{W}p"):
        if holding in " ".join(_text(paragraph).split()):
            return paragraph
    raise AssertionError(f"no paragraph holds {holding!r}")


def _runs(paragraph: etree._Element, anchor: str) -> list[etree._Element]:
    """The runs that spell the anchor, split where it starts and ends (as Word does)."""
    for _ in range(2):  # split at the start, then at the end
        runs = [r for r in paragraph.iter(f"{W}r") if r.find(f"{W}t") is not None]
        texts = [_text(r) for r in runs]
        joined = "".join(texts)
        at = joined.find(anchor)
        assert at >= 0, f"no run spells {anchor!r} in {joined!r}"
        for cut in (at, at + len(anchor)):
            offset = 0
            for run, text in zip(runs, texts, strict=True):
                if offset < cut < offset + len(text):
                    _split(run, cut - offset)
                    break
                offset += len(text)
            else:
                continue
            break
    runs = [r for r in paragraph.iter(f"{W}r") if r.find(f"{W}t") is not None]
    chosen, offset = [], 0
    for run in runs:
        text = _text(run)
        if at <= offset < at + len(anchor):
            chosen.append(run)
        offset += len(text)
    return chosen


def _split(run: etree._Element, at: int) -> None:
    text = _text(run)
    second = copy.deepcopy(run)
    for element, part in ((run, text[:at]), (second, text[at:])):
        node = element.find(f"{W}t")
        node.text = part
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(second)


def with_comments(data: bytes, comments: list[Comment], changes: list[Comment] = ()) -> bytes:  # type: ignore[assignment]
    """The docx with the comments added as Word stores them (comments part, relationship,
    content type, range start and end, reference run), and each of `changes` as a tracked
    insertion of `text` after `anchor` by `author`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    document = etree.fromstring(source.read("word/document.xml"))
    part = etree.Element(f"{W}comments", nsmap={"w": W_NS})
    for ident, comment in enumerate(comments, start=100):
        paragraph = _paragraph(document, comment.paragraph)
        runs = _runs(paragraph, comment.anchor)
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": str(ident)})
        (paragraph if comment.between_paragraphs else runs[0]).addprevious(start)
        end = etree.Element(f"{W}commentRangeEnd", {f"{W}id": str(ident)})
        runs[-1].addnext(end)
        reference = etree.Element(f"{W}r")
        etree.SubElement(reference, f"{W}commentReference", {f"{W}id": str(ident)})
        end.addnext(reference)
        entry = etree.SubElement(
            part,
            f"{W}comment",
            {
                f"{W}id": str(ident),
                f"{W}author": comment.author,
                f"{W}date": "2026-09-20T10:00:00Z",
            },
        )
        paragraph = etree.SubElement(entry, f"{W}p")
        run = etree.SubElement(paragraph, f"{W}r")
        etree.SubElement(run, f"{W}t").text = comment.text
    for ident, change in enumerate(changes, start=500):
        runs = _runs(_paragraph(document, change.paragraph), change.anchor)
        insertion = etree.Element(
            f"{W}ins",
            {f"{W}id": str(ident), f"{W}author": change.author, f"{W}date": "2026-09-20T10:00:00Z"},
        )
        run = etree.SubElement(insertion, f"{W}r")
        etree.SubElement(
            run, f"{W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
        ).text = change.text
        runs[-1].addnext(insertion)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = etree.tostring(
                    document, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            elif item.filename == "word/comments.xml":
                continue
            elif item.filename == "word/_rels/document.xml.rels":
                content = _with_relationship(content)
            elif item.filename == "[Content_Types].xml":
                content = _with_content_type(content)
            target.writestr(item, content)
        target.writestr(
            "word/comments.xml",
            etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True),
        )
    return out.getvalue()


def _with_relationship(content: bytes) -> bytes:
    root = etree.fromstring(content)
    if not any(r.get("Type") == COMMENTS_TYPE for r in root):
        etree.SubElement(
            root,
            f"{{{REL_NS}}}Relationship",
            {"Id": "rIdComments", "Type": COMMENTS_TYPE, "Target": "comments.xml"},
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_content_type(content: bytes) -> bytes:
    root = etree.fromstring(content)
    if not any(o.get("PartName") == "/word/comments.xml" for o in root):
        etree.SubElement(
            root,
            f"{{{CT_NS}}}Override",
            {"PartName": "/word/comments.xml", "ContentType": COMMENTS_CONTENT},
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def libreoffice_convert(source: Path, to: str, folder: Path) -> Path:
    """`source` converted by LibreOffice (`to`: odt, or docx:"MS Word 2007 XML"), saved in
    `folder`; fails with what to install when LibreOffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    subprocess.run(
        [soffice, "--headless", "--convert-to", to, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / f"{source.stem}.{to.split(':', maxsplit=1)[0]}"
