"""HTML: pandoc's HTML of the body in the `render/document.html.j2` page: styles,
images and the PDF's fonts (`render/web_fonts.py`) inline, and a print stylesheet
with the PDF's page size, margins, header and footer."""

from __future__ import annotations

from opplan import templating
from opplan.config.model import Config
from opplan.render import chart_image, layout, marks, pandoc, web_fonts
from opplan.render.pdf import font_paths
from opplan.render.prepare import Prepared, embed_images


def render(prepared: Prepared, config: Config) -> bytes:
    tree = layout.fitted(chart_image.drawn(prepared, config, "html"), config.page)
    tree = embed_images(marks.dropped(tree))
    body = pandoc.write(tree, "html5", prepared.name).decode("utf-8")
    page = templating.render(
        config,
        "render/document.html.j2",
        title=prepared.model.title,
        header=prepared.header,
        header_css=css_string(prepared.header),
        fonts=web_fonts.font_faces(body + prepared.header, font_paths(config)),
        draft=prepared.draft,
        body=body,
        page=config.page,
    )
    return page.encode("utf-8")


def css_string(text: str) -> str:
    """Plain text as the inside of a double-quoted CSS string, safe in a <style>."""
    return "".join(f"\\{ord(ch):x} " if ch in '"\\<>&' or ch < " " else ch for ch in text)
