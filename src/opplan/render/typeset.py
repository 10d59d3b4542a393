"""One document typeset with typst: its PDF and its exact page counts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from opplan.config.model import Config, Page
from opplan.pages import PageCount
from opplan.render import chart_image, fingerprint, layout, marks, metadata, pdf, typst_text
from opplan.render.prepare import Prepared, rooted_images


def typst_document(prepared: Prepared, config: Config, index: int, root: Path) -> pdf.TypstDocument:
    """The document's part of a typst source, with ids made unique by `index` in a packet."""
    tree = chart_image.drawn(prepared, config, "typst")
    tree = layout.tall_rows_breakable(layout.fitted(tree, config.page), config.page)
    tree = marks.for_typst(tree, index, config.render.appendix_new_page)
    tree = typst_text.for_typst(rooted_images(tree, root))
    if index:
        tree = marks.prefix_ids(tree, f"d{index}-")
    body = pdf.markup(tree, prepared.name)
    return pdf.TypstDocument(index, prepared.header, prepared.draft, body, prepared.model.title)


def typeset(
    prepared: Prepared, config: Config, page: Page, *, export: bool = True
) -> tuple[bytes | None, PageCount]:
    """The document's PDF (when `export`) and exact page counts."""
    part = typst_document(prepared, config, 0, prepared.root)
    meta = metadata.of(prepared.model)
    if export:  # the fingerprint `opplan review import` reads back from an annotated PDF
        meta = replace(
            meta, keywords=meta.keywords + fingerprint.keywords(fingerprint.properties(prepared))
        )
    text = pdf.source(config, page, [part], metadata=meta.typst())
    data, positions = pdf.typeset(
        config, text, prepared.root, prepared.name, files=prepared.files, export=export
    )
    return data, pdf.page_count(positions["0"], page)
