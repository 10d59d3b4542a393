"""Direct formatting on docx tables.

The reference document's table style says 9.5 pt text, a bold shaded header row
and rules between rows, but partly as conditional formatting ("first row"),
which LibreOffice ignores: tables came out at 11 pt with a plain header, and
words broke mid-word in narrow columns. So every table here also carries the
look directly: text size and bold header on the runs, shading on the header
cells, borders and cell margins on the table, rows that do not split across
pages, header rows repeated, and no automatic hyphenation in cells. Word and
LibreOffice both show direct formatting.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TABLE_SIZE = "19"  # half-points: 9.5 pt, as the reference's table style
TABLE_POINTS = 9.5
CHAR = 0.5  # an average character of Calibri, in ems
LINE_PITCH = 1.25  # from one line of table text to the next, in ems
TALL = 0.8  # a row taller than this share of the page's text may split
ACCENT = "1F3A5F"
RULE = "C8CDD3"
HEADER_FILL = "E6EBF1"

# The order the schema gives the children of each property element; Word refuses
# a document whose properties are out of order.
# fmt: off
RUN_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)
PARAGRAPH_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
TABLE_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)
CELL_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
# fmt: on


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def formatted_tables(xml: bytes, text_height: float) -> bytes:
    """`word/document.xml` with every table's look set as direct formatting.

    `text_height` is the page's text height in points: a row that would be taller
    may split across pages (Word cuts off an unsplittable row taller than a page).
    """
    text = xml.decode("utf-8")
    head = text[: text.find(">", text.find("<w:document")) + 1]
    for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', head):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(xml)
    for table in root.iter(w("tbl")):
        _format_table(table, text_height)
    out: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return out


def _format_table(table: ET.Element, text_height: float) -> None:
    properties = _child(table, "tblPr", ("tblPr",))
    borders = _child(properties, "tblBorders", TABLE_ORDER)
    borders.clear()
    for side, size, color in (
        ("top", "6", ACCENT),
        ("bottom", "6", ACCENT),
        ("insideH", "2", RULE),
    ):
        _set(ET.SubElement(borders, w(side)), val="single", sz=size, space="0", color=color)
    margins = _child(properties, "tblCellMar", TABLE_ORDER)
    margins.clear()
    for side, width in (("top", "20"), ("left", "80"), ("bottom", "20"), ("right", "80")):
        _set(ET.SubElement(margins, w(side)), w=width, type="dxa")
    columns = [int(col.get(w("w"), "0")) for col in table.iter(w("gridCol"))]
    for row in table.findall(w("tr")):  # this table's rows, not a nested table's
        row_properties = _child(row, "trPr", ("tblPrEx", "trPr"))
        if _height(row, columns) < TALL * text_height:
            _child(row_properties, "cantSplit", ())
        header = row_properties.find(w("tblHeader")) is not None
        for cell in row.findall(w("tc")):
            _format_cell(cell, header)


def _height(row: ET.Element, columns: list[int]) -> float:
    """About how tall the row sets, in points, from its text and column widths."""
    tallest = 0.0
    for cell, width in zip(row.findall(w("tc")), columns, strict=False):
        per_line = max(width / 20 / (TABLE_POINTS * CHAR), 1.0)  # twips to characters
        lines = sum(
            max(1, -(-len("".join(t.text or "" for t in p.iter(w("t")))) // int(per_line)))
            for p in cell.findall(w("p"))
        )
        tallest = max(tallest, lines * TABLE_POINTS * LINE_PITCH)
    return tallest


def _format_cell(cell: ET.Element, header: bool) -> None:
    if header:
        cell_properties = _child(cell, "tcPr", ("tcPr",))
        borders = _child(cell_properties, "tcBorders", CELL_ORDER)
        borders.clear()
        _set(ET.SubElement(borders, w("bottom")), val="single", sz="6", space="0", color=ACCENT)
        _set(
            _child(cell_properties, "shd", CELL_ORDER), val="clear", color="auto", fill=HEADER_FILL
        )
        _set(_child(cell_properties, "vAlign", CELL_ORDER), val="bottom")
    for paragraph in cell.findall(w("p")):
        paragraph_properties = _child(paragraph, "pPr", ("pPr",))
        _child(paragraph_properties, "suppressAutoHyphens", PARAGRAPH_ORDER)
        for run in paragraph.iter(w("r")):
            run_properties = _child(run, "rPr", ("rPr",))
            if header:
                _child(run_properties, "b", RUN_ORDER)
                _child(run_properties, "bCs", RUN_ORDER)
            _set(_child(run_properties, "sz", RUN_ORDER), val=TABLE_SIZE)
            _set(_child(run_properties, "szCs", RUN_ORDER), val=TABLE_SIZE)


def _child(parent: ET.Element, tag: str, order: Sequence[str]) -> ET.Element:
    """`parent`'s child `tag`, made where the schema's `order` puts it if missing."""
    found = parent.find(w(tag))
    if found is not None:
        return found
    element = ET.Element(w(tag))
    rank = order.index(tag) if tag in order else len(order)
    position = 0
    for index, child in enumerate(parent):
        name = child.tag.rsplit("}", 1)[-1]
        if name in order and order.index(name) < rank:
            position = index + 1
    parent.insert(position, element)
    return element


def _set(element: ET.Element, **values: str) -> ET.Element:
    for key, value in values.items():
        element.set(w(key), value)
    return element
