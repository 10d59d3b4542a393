"""Charts in each format: drawn in place by typst in the PDF, images in docx and HTML.

Compose leaves a mark (`opplan-chart-NAME`) where a chart goes; each writer
replaces it before it handles the other marks. The images are typeset by typst
too (`render/chart-image.typ.j2`, a page as wide as the text), so a chart looks
the same in every format: PNG for docx (Word shows it everywhere), SVG for HTML.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Literal

import typst

from opplan import templating
from opplan.config.model import Config
from opplan.pages import PAPER_INCHES
from opplan.render import ast, charts, fileroot
from opplan.render.ast import Node
from opplan.render.compose import MARK_CLASS
from opplan.render.errors import RenderError
from opplan.render.pdf import font_paths, string
from opplan.render.prepare import Prepared

PREFIX = "opplan-chart-"
PPI = 220
Target = Literal["typst", "docx", "html"]
IMAGE_FORMATS: dict[str, Literal["png", "svg"]] = {"docx": "png", "html": "svg"}
# The chart is set in the body font of the document it goes in: docx's Calibri
# (Carlito has its metrics and shape, and ships in templates/render/fonts),
# HTML's Libertinus Serif, as in the PDF.
BODY_FONTS = {"png": "Carlito", "svg": "Libertinus Serif"}
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def drawn(prepared: Prepared, config: Config, target: Target) -> dict[str, Any]:
    """The document's AST with each chart mark replaced by the chart for `target`."""

    def visit(node: Node) -> Node | None:
        name = _chart_name(node)
        if name is None:
            return node
        chart = charts.build(prepared.model, name)
        if chart is None:
            return None
        if target == "typst":
            return ast.raw_block("typst", chart.typst)
        return _figure(chart, prepared, config, IMAGE_FORMATS[target])

    return {**prepared.tree, "blocks": ast.walk(prepared.tree["blocks"], visit)}


def _chart_name(node: Node) -> str | None:
    if node["t"] != "Div":
        return None
    identifier, classes, _ = node["c"][0]
    if MARK_CLASS not in classes or not identifier.startswith(PREFIX):
        return None
    return str(identifier).removeprefix(PREFIX)


def text_width(config: Config) -> float:
    """The width of the text on the page, in inches."""
    return PAPER_INCHES[config.page.paper][0] - 2 * config.page.margin


def image(chart: charts.Drawing, config: Config, root: Path, fmt: Literal["png", "svg"]) -> bytes:
    """The chart alone, typeset to a PNG or SVG image as wide as the text."""
    source = templating.render(
        config,
        "render/chart-image.typ.j2",
        page=config.page,
        width=round(text_width(config), 3),
        chart=chart.typst,
        font=string(BODY_FONTS[fmt]),
    )
    try:
        # The stub ties the input's type to the font paths' type; both are fine here.
        with fileroot.staged(root, ()) as nothing:  # a chart reads no file
            data = typst.compile(  # type: ignore[misc]
                source.encode("utf-8"),
                root=str(nothing),
                font_paths=font_paths(config),
                ignore_system_fonts=True,
                format=fmt,
                ppi=PPI if fmt == "png" else None,
            )
    except typst.TypstError as err:
        raise RenderError(f"typst failed on the chart {chart.title!r}: {err.message}") from None
    if not isinstance(data, bytes):  # one page, or typst split the chart
        raise RenderError(f"the chart {chart.title!r} did not fit on one image")
    return data


def _figure(
    chart: charts.Drawing, prepared: Prepared, config: Config, fmt: Literal["png", "svg"]
) -> Node:
    data = base64.b64encode(image(chart, config, prepared.root, fmt)).decode("ascii")
    width = f"{text_width(config):.2f}in" if fmt == "png" else "100%"
    attributes = ["", ["opplan-chart"], [["width", width]]]
    alt = [{"t": "Str", "c": f"{chart.title}. {chart.note}"}]
    target = [f"data:{MEDIA_TYPES[fmt]};base64,{data}", chart.title]
    return {"t": "Para", "c": [{"t": "Image", "c": [attributes, alt, target]}]}
