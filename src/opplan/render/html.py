"""HTML: pandoc's HTML of the body in the `render/document.html.j2` page (styles inline)."""

from __future__ import annotations

from opplan import templating
from opplan.config.model import Config
from opplan.render import chart_image, layout, marks, pandoc
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
        draft=prepared.draft,
        body=body,
        page=config.page,
    )
    return page.encode("utf-8")
