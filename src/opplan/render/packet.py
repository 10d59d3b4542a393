"""A review packet: several documents in one PDF, after a cover page that lists them.

The cover gives each document's title, owners, the packet page it starts on,
narrative pages and reading minutes (exact, from the typesetting) and the total
reading time, in the order given. Each document keeps its own running header
and DRAFT marks; its footers give both its own page and the packet's ("Payments
Platform OP1 2027 · page 3 of 9 · packet page 14 of 208"), and the PDF's
bookmarks have one entry per document with its headings below.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from opplan import pages
from opplan.config.model import Config
from opplan.render import fingerprint, metadata, pdf
from opplan.render.locate import located
from opplan.render.prepare import Prepared
from opplan.render.typeset import typeset, typst_document


def _metadata(title: str, documents: Sequence[Prepared]) -> metadata.Metadata:
    """The packet's metadata, its keywords ending with each document's fingerprint in
    order: `opplan review import --plan` finds a plan's pages by it (and the bookmarks)."""
    found = metadata.of_packet(title, [prepared.model for prepared in documents])
    marks = [word for p in documents for word in fingerprint.keywords(fingerprint.properties(p))]
    return replace(found, keywords=(*found.keywords, *marks))


def minutes(narrative: float, config: Config) -> float:
    return pages.reading_minutes(narrative, config.render.minutes_per_page)


def render(documents: Sequence[Prepared], config: Config, title: str = "Review packet") -> bytes:
    """The packet's PDF."""
    root = Path(os.path.commonpath([str(prepared.root) for prepared in documents]))
    counts = [
        located(lambda p: typeset(p, config, config.page, export=False), prepared)[1]
        for prepared in documents
    ]
    rows = [
        {
            "title": pdf.string(prepared.model.title),
            "owners": pdf.string(", ".join(prepared.model.owners)),
            "pages": pdf.string(f"{count.narrative:.1f}"),
            "minutes": pdf.string(f"{minutes(count.narrative, config):.0f}"),
        }
        for prepared, count in zip(documents, counts, strict=True)
    ]
    total = sum(minutes(count.narrative, config) for count in counts)
    parts = [
        typst_document(prepared, config, index, root) for index, prepared in enumerate(documents, 1)
    ]
    text = pdf.source(
        config,
        config.page,
        parts,
        "render/packet.typ.j2",
        title=pdf.string(title),
        subtitle=pdf.string(f"{len(documents)} documents · {dt.date.today().isoformat()}"),
        rows=rows,
        total_minutes=pdf.string(f"{total:.0f}"),
        packet=True,
        metadata=_metadata(title, documents).typst(),
    )
    files = [path for prepared in documents for path in prepared.files]
    data, _ = pdf.typeset(config, text, root, "the packet", files=files)
    return data or b""
