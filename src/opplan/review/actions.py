"""Remarks as `review_actions` entries of an OP2, added without touching the rest of the file.

The new entries are YAML written by ruamel.yaml and inserted as lines after the
last existing entry (or as a new `review_actions` key at the end of the
frontmatter): every other byte of the file stays as it was. An entry whose
action is already there is not added again, so an import can be repeated.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from opplan.document.loader import Document, load_text
from opplan.errors import UsageError
from opplan.fileio import write_atomic
from opplan.review.remark import Placed

KEY = "review_actions"


def entries(placed: Sequence[Placed], source: str) -> list[dict[str, str]]:
    """One open action per remark, owned by its reviewer, saying where it applies."""
    found = []
    for item in placed:
        where = (
            f"{source}:{item.line}, {item.field or item.section}"
            if item.line
            else f"{source}, unplaced"
        )
        found.append(
            {
                "action": f"{item.remark.message} ({where})",
                "owner": item.remark.author,
                "status": "open",
            }
        )
    return found


def as_yaml(new: Sequence[dict[str, str]], indent: int = 2) -> str:
    """Entries as a YAML block sequence, its dashes `indent` spaces in."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=indent + 2, offset=indent)
    out = io.StringIO()
    yaml.dump([dict(entry) for entry in new], out)
    return out.getvalue()


def add(doc: Document, new: Sequence[dict[str, str]]) -> tuple[str, int]:
    """The OP2's text with the entries not already there added; how many were added."""
    if doc.kind != "op2":
        raise UsageError(
            f"{doc.path} is a {doc.kind}, not an OP2; --into takes the OP2 that revises the plan"
        )
    existing = doc.meta.get(KEY)
    known = {str(e.get("action")) for e in existing or [] if hasattr(e, "get")}
    fresh = [entry for entry in new if entry["action"] not in known]
    if not fresh:
        return doc.text, 0
    lines = doc.text.split("\n")
    closing = _closing_line(lines)
    if isinstance(existing, CommentedSeq) and existing and existing.fa.flow_style() is not True:
        first = lines[doc.line_of(KEY, 0) - 1]
        indent = len(first) - len(first.lstrip(" "))  # where the items' dashes are
        at = _after_last_item(doc, lines, closing)
        block = as_yaml(fresh, indent).rstrip("\n").split("\n")
    elif KEY in doc.meta:
        at = doc.line_of(KEY) - 1  # `review_actions: []` or an empty key: write it anew
        block = [f"{KEY}:", *as_yaml(fresh).rstrip("\n").split("\n")]
        lines[at : at + 1] = []
    else:
        at = closing
        block = [f"{KEY}:", *as_yaml(fresh).rstrip("\n").split("\n")]
    text = "\n".join([*lines[:at], *block, *lines[at:]])
    checked = load_text(doc.path, text)
    if checked.model is None:
        reason = checked.schema_findings[0].message if checked.schema_findings else "invalid"
        raise UsageError(f"{doc.path}: the new review actions would not fit the OP2 ({reason})")
    return text, len(fresh)


def _closing_line(lines: list[str]) -> int:
    """The index of the frontmatter's closing '---' line."""
    return next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))


def _after_last_item(doc: Document, lines: list[str], closing: int) -> int:
    """The line index just after the last entry (before blank lines and comments after it)."""
    start = doc.line_of(KEY) - 1
    later = [doc.line_of(str(key)) - 1 for key in doc.meta if doc.line_of(str(key)) - 1 > start]
    end = min(later) if later else closing
    while end - 1 > start and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return end


def write(path: Path, text: str) -> None:
    write_atomic(path, text)
