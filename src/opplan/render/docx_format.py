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
ACCENT = "1F3A5F"
RULE = "C8CDD3"
HEADER_FILL = "E6EBF1"

# The order the schema gives the children of each property element; Word refuses
# a document whose properties are out of order.
RUN_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)
PARAGRAPH_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
TABLE_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)
CELL_ORDER = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def formatted_tables(xml: bytes) -> bytes:
    """`word/document.xml` with every table's look set as direct formatting."""
    text = xml.decode("utf-8")
    head = text[: text.find(">", text.find("<w:document")) + 1]
    for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', head):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(xml)
    for table in root.iter(w("tbl")):
        _format_table(table)
    out: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return out


def _format_table(table: ET.Element) -> None:
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
    for row in table.findall(w("tr")):  # this table's rows, not a nested table's
        row_properties = _child(row, "trPr", ("tblPrEx", "trPr"))
        _child(row_properties, "cantSplit", ())
        header = row_properties.find(w("tblHeader")) is not None
        for cell in row.findall(w("tc")):
            _format_cell(cell, header)


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
