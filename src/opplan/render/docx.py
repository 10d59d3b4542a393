"""docx through pandoc with opplan's reference document, then per-document touches.

pandoc copies the reference document's styles, header and footer. The header's
placeholders get the document's team, cycle and status and, while it is a draft,
a red DRAFT; the page size and margins come from `[page]`; tables get their look
as direct formatting (`render/docx_format.py`) and the core properties (title,
authors, subject, dates) come from the frontmatter. These edits touch three XML
parts of the zip with the standard library, so no docx library is needed at run
time.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from opplan import templating
from opplan.config.model import Config, Page
from opplan.fileio import is_regular
from opplan.pages import PAPER_INCHES
from opplan.render import chart_image, docx_format, layout, marks, metadata, pandoc
from opplan.render.errors import RenderError
from opplan.render.metadata import Metadata
from opplan.render.prepare import Prepared, embed_images
from opplan.resources import templates_dir

REFERENCE = "render/reference.docx"
TWIPS = 1440  # per inch
PAGE_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}


def reference(config: Config) -> Path:
    """The reference docx: the repository's own, else opplan's."""
    local = templating.local_dir(config) / REFERENCE
    if not local.exists():
        return templates_dir() / REFERENCE
    resolved = templating.contained(local, config)  # pandoc copies its parts into the output
    if not is_regular(resolved):
        raise RenderError(f"{local}: the reference docx is not a regular file; replace it")
    return resolved


def render(prepared: Prepared, config: Config) -> bytes:
    tree = layout.fitted(chart_image.drawn(prepared, config, "docx"), config.page, layout.DOCX)
    tree = embed_images(marks.for_docx(tree, config.render.appendix_new_page))
    ref = reference(config)
    data = pandoc.write(tree, "docx", prepared.name, "--reference-doc", str(ref))
    mark = "DRAFT" if prepared.draft else ""
    return finish(data, prepared.header, mark, config.page, metadata.of(prepared.model))


def finish(data: bytes, header: str, mark: str, page: Page, properties: Metadata) -> bytes:
    """The docx with its header text, DRAFT mark, page geometry, tables' direct
    formatting (see render/docx_format.py) and core properties filled in."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if re.fullmatch(r"word/header\d*\.xml", item.filename):
                text = content.decode("utf-8")
                text = text.replace("{{opplan:header}}", escape(header))
                content = text.replace("{{opplan:mark}}", escape(mark)).encode("utf-8")
            elif item.filename == "word/document.xml":
                content = _geometry(content.decode("utf-8"), page).encode("utf-8")
                text_height = (PAPER_INCHES[page.paper][1] - 2 * page.margin) * 72
                content = docx_format.formatted_tables(content, text_height)
            elif item.filename == "docProps/core.xml":
                content = properties.core_xml()
            target.writestr(item, content)
    return out.getvalue()


def _geometry(xml: str, page: Page) -> str:
    width, height = PAGE_TWIPS[page.paper]
    margin = round(page.margin * TWIPS)
    distance = min(round(0.45 * TWIPS), margin // 2)
    size = f'<w:pgSz w:w="{width}" w:h="{height}" />'
    margins = (
        f'<w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}"'
        f' w:header="{distance}" w:footer="{distance}" w:gutter="0" />'
    )
    xml, sizes = re.subn(r"<w:pgSz\b[^>]*/>", size, xml)
    xml, margins_set = re.subn(r"<w:pgMar\b[^>]*/>", margins, xml)
    if not (sizes and margins_set):
        raise RenderError(
            "the reference docx has no page size or margins; rebuild it with "
            "templates/render/build_reference_docx.py"
        )
    return xml
