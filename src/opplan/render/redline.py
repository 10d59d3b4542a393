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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opplan.config.model import Config
from opplan.document import frontmatter
from opplan.document.loader import load_text, read_bytes
from opplan.errors import DocumentError, UsageError
from opplan.render import pandoc, redline_diff, redline_marks
from opplan.render.prepare import Prepared, prepare
from opplan.render.table import escape
from opplan.workspace import git

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
    try:
        old = prepare(load_text(f"{path} at {revision}", text, config.lint.appendix_titles), config)
    except DocumentError as err:
        reason = err.message.removesuffix("; run 'opplan lint' and fix it")
        raise UsageError(
            f"cannot compare with {revision}: line {err.line} of that version: {reason}; "
            "name a revision whose frontmatter is valid"
        ) from None
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Redline(revision, old, f"opplan (since {revision})", now)


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
    since = escape(label)
    if not counts:
        markdown = f"**No changes since {since}.**\n"
    else:
        figures = ", ".join(_count(total[column], column) for column in COLUMNS if total[column])
        rows = [
            "| " + " | ".join([escape(name), *(str(found[c]) for c in COLUMNS)]) + " |"
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
