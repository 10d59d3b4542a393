"""Redlines: a document rendered with its changes since a git revision or another file.

Both versions are composed and parsed the same way (`prepare`), the changes are
found once on the pandoc AST (`redline_diff`), a summary that counts them per
section goes after the title block, and each output format lowers the marks its
own way (`redline_marks`): tracked changes in docx, coloured underlines, strike
-throughs and change bars in PDF and HTML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opplan.collab import git
from opplan.config.model import Config
from opplan.document import frontmatter
from opplan.document.loader import load_text, read_bytes
from opplan.errors import UsageError
from opplan.render import pandoc, redline_diff, redline_marks, tables
from opplan.render.prepare import Prepared, prepare

SUMMARY_ID = "opplan-redline-summary"
TITLE_IDS = ("opplan-title", "opplan-subtitle", "opplan-byline")
COLUMNS = ("inserted", "deleted", "moved")


@dataclass(frozen=True)
class Redline:
    """The older version of a document that a redline compares with."""

    label: str  # the revision or file as the user named it
    old: Prepared
    author: str
    date: str  # ISO 8601, UTC

    def marked(self, prepared: Prepared) -> Marked:
        """The new version with the changes since the old one marked, once for every format."""
        blocks = redline_diff.marked(self.old.tree["blocks"], prepared.tree["blocks"])
        counts = redline_marks.tally(blocks)
        summary = _summary(self.label, counts, prepared.name)
        at = next(
            (
                index
                for index, block in enumerate(blocks)
                if not (block["t"] == "Div" and block["c"][0][0] in TITLE_IDS)
            ),
            len(blocks),
        )
        return Marked(self, prepared, [*blocks[:at], summary, *blocks[at:]], counts)


@dataclass(frozen=True)
class Marked:
    """A document with its redline marks, ready to lower for each output format."""

    redline: Redline
    prepared: Prepared
    blocks: list[Any]
    counts: dict[str, Counter[str]]

    def for_format(self, fmt: str) -> Prepared:
        if fmt == "docx":
            blocks = redline_marks.for_docx(self.blocks, self.redline.author, self.redline.date)
        elif fmt == "html":
            blocks = redline_marks.for_html(self.blocks)
        else:
            blocks = redline_marks.for_typst(self.blocks)
        return dataclasses.replace(self.prepared, tree={**self.prepared.tree, "blocks": blocks})


def load(path: Path, revision: str, config: Config) -> Redline:
    """The version of `path` at `revision` (a git revision, or the path of another file)."""
    other = Path(revision)
    if other.is_file():
        text = frontmatter.decode(revision, read_bytes(other))
    else:
        text = _at_revision(path, revision)
    old = load_text(f"{path} at {revision}", text, config.lint.appendix_titles)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Redline(revision, prepare(old, config), f"opplan (since {revision})", now)


def _at_revision(path: Path, revision: str) -> str:
    root = git.toplevel(path.resolve().parent)
    commit = git.resolve(root, revision)
    if commit is None:
        raise git.unknown_revision(root, revision)
    relative = path.resolve().relative_to(root).as_posix()
    if not git.has_path(root, commit, relative):
        raise UsageError(
            f"{path} is not in revision {revision!r}; name a revision that has it "
            "(git log -- FILE), or another file"
        )
    return frontmatter.decode(f"{relative} at {revision}", git.read(root, commit, relative))


def _summary(label: str, counts: dict[str, Counter[str]], what: str) -> dict[str, Any]:
    """A paragraph with the totals and a table of the changes per section."""
    total: Counter[str] = sum(counts.values(), Counter())
    since = tables.escape(label)
    if not counts:
        markdown = f"**No changes since {since}.**\n"
    else:
        figures = ", ".join(_count(total[column], column) for column in COLUMNS if total[column])
        rows = [
            "| " + " | ".join([tables.escape(name), *(str(found[c]) for c in COLUMNS)]) + " |"
            for name, found in counts.items()
        ]
        markdown = "\n".join(
            [
                f"**Changes since {since}:** {figures}.",
                "",
                "| Section | Inserted | Deleted | Moved |",
                "|-----------------------|---:|---:|---:|",
                *rows,
                "",
            ]
        )
    blocks = pandoc.parse(markdown, what)["blocks"]
    return {"t": "Div", "c": [[SUMMARY_ID, [], []], blocks]}


def _count(number: int, column: str) -> str:
    noun = {"inserted": "insertion", "deleted": "deletion", "moved": "move"}[column]
    return f"{number} {noun}{'' if number == 1 else 's'}"


def finish_docx(data: bytes) -> bytes:
    """The docx with every tracked change's `w:id` unique, as Word expects, and the
    paragraph marks of wholly inserted or deleted paragraphs tracked too, so that
    accepting or rejecting a paragraph leaves no empty one behind."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = _tracked_xml(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


PARAGRAPH = re.compile(r"<w:p>(.*?)</w:p>", re.S)
CHANGE = re.compile(r'<w:(ins|del) w:id="\d+"( w:author="[^"]*" w:date="[^"]*")>')
NOT_TEXT = re.compile(r"<w:pPr>.*?</w:pPr>|<w:bookmark(?:Start|End)\b[^>]*/>", re.S)


def _tracked_xml(xml: str) -> str:
    def paragraph(found: re.Match[str]) -> str:
        inner = found.group(1)
        rest = NOT_TEXT.sub("", inner)
        kinds = set(re.findall(r"<w:(ins|del) w:id", rest))
        outside = re.sub(r"<w:(ins|del) w:id.*?</w:\1>", "", rest, flags=re.S)
        if len(kinds) != 1 or "<w:r>" in outside or "<w:r " in outside:
            return found.group(0)
        change = CHANGE.search(rest)
        assert change is not None
        mark = f'<w:rPr><w:{change.group(1)} w:id="0"{change.group(2)} /></w:rPr>'
        if "<w:pPr />" in inner:
            inner = inner.replace("<w:pPr />", f"<w:pPr>{mark}</w:pPr>", 1)
        elif "<w:pPr>" in inner:
            inner = inner.replace("</w:pPr>", mark + "</w:pPr>", 1)
        else:
            inner = f"<w:pPr>{mark}</w:pPr>{inner}"
        return f"<w:p>{inner}</w:p>"

    xml = PARAGRAPH.sub(paragraph, xml)
    counter = iter(range(90000, 10**9))
    return re.sub(
        r'<w:(ins|del) w:id="\d+"', lambda m: f'<w:{m.group(1)} w:id="{next(counter)}"', xml
    )
