"""A document's metadata for every output: title, authors (its owners), subject,
keywords and date, as docx core properties and as typst's `set document`.

The date is the document's own `date`, so a rendered file says when the plan was
written, not when it was rendered, and two renders of one document match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from opplan.render.compose import kind_label
from opplan.render.pdf import string
from opplan.schemas import DocumentBase


@dataclass(frozen=True)
class Metadata:
    """What a PDF reader or a word processor shows as the document's properties."""

    title: str
    subject: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    date: dt.date | None

    def core_xml(self) -> bytes:
        """The docx part `docProps/core.xml`."""
        stamp = ""
        if self.date is not None:
            when = f"{self.date.isoformat()}T00:00:00Z"
            stamp = (
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
            )
        text = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self.title)}</dc:title>"
            f"<dc:subject>{escape(self.subject)}</dc:subject>"
            f"<dc:creator>{escape('; '.join(self.authors))}</dc:creator>"
            f"<cp:keywords>{escape(', '.join(self.keywords))}</cp:keywords>"
            f"<cp:lastModifiedBy>{escape(self.authors[0] if self.authors else '')}"
            f"</cp:lastModifiedBy>{stamp}</cp:coreProperties>"
        )
        return text.encode("utf-8")

    def typst(self) -> str:
        """typst's `set document` rule, which becomes the PDF's metadata."""
        date = (
            f"datetime(year: {self.date.year}, month: {self.date.month}, day: {self.date.day})"
            if self.date
            else "auto"
        )
        return (
            f"#set document(title: {string(self.title)}, author: {_array(self.authors)}, "
            f"description: {string(self.subject)}, keywords: {_array(self.keywords)}, "
            f"date: {date})"
        )


def _array(items: tuple[str, ...]) -> str:
    return "(" + "".join(f"{string(item)}, " for item in items) + ")"


def of(model: DocumentBase) -> Metadata:
    """The metadata of a document, from its frontmatter."""
    label = f"{kind_label(model.kind)} {model.cycle}"
    subject = " · ".join(dict.fromkeys(part for part in (label, model.team, model.org) if part))
    keywords = (kind_label(model.kind), str(model.cycle), model.team, model.org, model.status)
    return Metadata(
        title=model.title,
        subject=subject,
        authors=tuple(model.owners),
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
        date=model.date,
    )


def of_packet(title: str, models: Sequence[DocumentBase]) -> Metadata:
    """The metadata of a packet: every document's owners and teams."""
    teams = dict.fromkeys(model.team for model in models)
    return Metadata(
        title=title,
        subject=f"{len(models)} documents: " + "; ".join(model.title for model in models),
        authors=tuple(dict.fromkeys(owner for model in models for owner in model.owners)),
        keywords=("review packet", *teams),
        date=max((model.date for model in models if model.date), default=None),
    )
