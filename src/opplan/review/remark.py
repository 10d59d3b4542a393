"""A reviewer's remark as read from a reviewed file, and where it belongs in the plan."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Remark:
    """A comment, note, highlight or tracked change, and what it is attached to.

    `mark` is the opplan bookmark of the paragraph or table row it sits in (docx),
    `column` the heading of the table column; `anchor` is the text it is about and
    `paragraph` the whole paragraph, both used to find it in the source by its words.
    """

    kind: str  # comment, insertion, deletion, note, highlight
    author: str
    text: str
    anchor: str
    paragraph: str = ""
    mark: str | None = None
    column: str | None = None

    @property
    def message(self) -> str:
        """The remark as one line: the comment, or what the change does."""
        if self.kind == "insertion":
            return f"insert “{self.text}”"
        if self.kind == "deletion":
            return f"delete “{self.text}”"
        if self.kind == "highlight" and not self.text:
            return f"highlighted “{self.anchor}”"
        return self.text


@dataclass(frozen=True)
class Placed:
    """A remark and its place in the plan; `line` is None when it could not be placed."""

    remark: Remark
    line: int | None
    section: str | None = None  # a section title, or "frontmatter"
    field: str | None = None  # the frontmatter field, e.g. asks[1].amount
    reason: str = ""  # why it could not be placed
