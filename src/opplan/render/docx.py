"""docx through pandoc with opplan's reference document, then per-document touches.

pandoc copies the reference document's styles, header and footer. The header's
placeholders get the document's team, cycle and status and, while it is a draft,
a red DRAFT; the page size and margins come from `[page]`. These edits are a few
string replacements in two XML parts of the zip, so no docx library is needed at
run time.
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
from opplan.render import chart_image, marks, pandoc
from opplan.render.errors import RenderError
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
    tree = chart_image.drawn(prepared, config, "docx")
    tree = embed_images(marks.for_docx(tree, config.render.appendix_new_page))
    ref = reference(config)
    data = pandoc.write(tree, "docx", prepared.name, "--reference-doc", str(ref))
    mark = "DRAFT" if prepared.draft else ""
    return finish(data, prepared.header, mark, config.page)


def finish(data: bytes, header: str, mark: str, page: Page) -> bytes:
    """The docx with its header text, DRAFT mark and page geometry filled in."""
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
