"""Render one document to the formats asked for, all in memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from opplan import pages
from opplan.config.model import Config
from opplan.document import Document
from opplan.pages import PageCount
from opplan.render import docx, exact, fingerprint, glyphs, html, redline_docx
from opplan.render.locate import located
from opplan.render.prepare import Prepared, prepare
from opplan.render.redline import Redline
from opplan.render.typeset import typeset

FORMATS = ("pdf", "docx", "html")
Writer = Callable[[Prepared, Config], bytes]
WRITERS: dict[str, Writer] = {"docx": docx.render, "html": html.render}


@dataclass(frozen=True)
class Rendered:
    """A document's outputs by format, its pages (exact when typeset) and warnings."""

    path: str
    title: str
    owners: tuple[str, ...]
    outputs: dict[str, bytes]
    pages: PageCount
    warnings: tuple[str, ...]


def render(
    doc: Document, config: Config, formats: Sequence[str], since: Redline | None = None
) -> Rendered:
    """Every output of `doc` in `formats` (redlined `since` an older version); nothing is
    written here."""
    prepared = prepare(doc, config)
    marked = since.marked(prepared) if since else None
    outputs: dict[str, bytes] = {}
    counted: PageCount | None = None
    for fmt in formats:
        item = marked.for_format(fmt) if marked else prepared
        if fmt == "pdf":
            data, counted = located(lambda p: typeset(p, config, config.page), item)
            if not marked:  # a redline's pages are not the document's
                # with every file the count read, as `exact.exact_pages` stores it
                counted = counted._replace(files=tuple(map(str, prepared.consulted)))
                exact.store(config, exact.cache_key(doc, config.page, config), counted)
            outputs["pdf"] = data or b""
        else:
            outputs[fmt] = located(_writer(fmt, config), item)
    if marked and "docx" in outputs:
        outputs["docx"] = redline_docx.finish(outputs["docx"])
    if counted is None:
        key = exact.cache_key(doc, config.page, config)
        counted = exact.load_cached(config, key) or pages.estimate(doc.body, config.page)
    model = prepared.model
    warnings = prepared.warnings
    if "pdf" in formats and (gaps := glyphs.missing(prepared, config)):
        warnings += (gaps,)
    return Rendered(doc.path, model.title, tuple(model.owners), outputs, counted, warnings)


def _writer(fmt: str, config: Config) -> Callable[[Prepared], bytes]:
    write = WRITERS[fmt]
    if fmt == "docx":  # every docx carries the fingerprint that `opplan review import` reads
        return lambda prepared: write(fingerprint.anchored(prepared), config)
    return lambda prepared: write(prepared, config)
