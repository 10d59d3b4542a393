"""Build `reference.docx`, the Word styles `opplan render --to docx` uses.

Run it from the repository after changing a style, and commit the result:

    python templates/render/build_reference_docx.py

It starts from pandoc's own reference document (so every style pandoc uses
exists) and sets opplan's look: Calibri 11 pt body text, a Title and Subtitle
for the title block, headings 1-3, a table style with a shaded, bold header
row, a header with the placeholders `{{opplan:header}}` and `{{opplan:mark}}`
(filled in per document at render time) and a footer "Page X of Y" made of
PAGE and NUMPAGES fields. The page size and margins are set per document from
the `[page]` configuration, so the ones here are only defaults. It needs
python-docx (a test extra), not opplan itself.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pypandoc
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Calibri"
INK = RGBColor(0x1F, 0x29, 0x37)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x55, 0x5F, 0x6D)
DRAFT_RED = RGBColor(0xB0, 0x1E, 0x1E)
FOOTER_SIZE = 9  # pt, for the footer's words and its page-number fields alike

# style id: (size pt, bold, color, space before pt, space after pt)
PARAGRAPH_STYLES = {
    "Normal": (11, False, INK, 0, 0),
    "BodyText": (11, False, INK, 0, 6),
    "FirstParagraph": (11, False, INK, 0, 6),
    "Compact": (11, False, INK, 1, 1),
    "Title": (22, True, ACCENT, 0, 4),
    "Subtitle": (10, False, MUTED, 0, 2),
    "Heading1": (14, True, ACCENT, 14, 4),
    "Heading2": (12, True, ACCENT, 10, 3),
    "Heading3": (11, True, INK, 8, 2),
    "BlockText": (11, False, MUTED, 4, 4),
}

# The pPr children that come after w:suppressAutoHyphens in the schema.
SUPPRESS_AUTO_HYPHENS_SUCCESSORS = (
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

TABLE_STYLE = f"""
<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="Table">
  <w:name w:val="Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblInd w:w="0" w:type="dxa"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/>
      <w:bottom w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/>
      <w:insideH w:val="single" w:sz="2" w:space="0" w:color="C8CDD3"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/>
      <w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/>
      <w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr>
      <w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/></w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="E6EBF1"/>
      <w:vAlign w:val="bottom"/>
    </w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def default_reference() -> bytes:
    """pandoc's own reference.docx."""
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
        check=True,
        capture_output=True,
    ).stdout


def set_font(style: docx.styles.style.BaseStyle, size: float, bold: bool, color: RGBColor) -> None:
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is not None:
        r_pr.remove(fonts)
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = color


def set_styles(document: docx.document.Document) -> None:
    styles = document.styles
    for style_id, (size, bold, color, before, after) in PARAGRAPH_STYLES.items():
        style = next(s for s in styles if s.style_id == style_id)
        set_font(style, size, bold, color)
        paragraph = style.paragraph_format
        paragraph.space_before = Pt(before)
        paragraph.space_after = Pt(after)
        if style_id in ("Title", "Subtitle"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.widow_control = True  # no widows or orphans
        if style_id.startswith("Heading"):
            paragraph.keep_with_next = True
        if style_id.startswith("Heading") or style_id in ("Title", "Subtitle"):
            p_pr = style.element.get_or_add_pPr()
            p_pr.insert_element_before(
                OxmlElement("w:suppressAutoHyphens"), *SUPPRESS_AUTO_HYPHENS_SUCCESSORS
            )
    subtitle = next(s for s in styles if s.style_id == "Subtitle")
    numbering = subtitle.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if numbering is not None:
        numbering.getparent().remove(numbering)
    old = next(s for s in styles if s.style_id == "Table")
    old.element.getparent().replace(old.element, parse_xml(TABLE_STYLE))


def field(paragraph: docx.text.paragraph.Paragraph, instruction: str, size: float) -> None:
    """A field whose result is set at `size` points, like the words around it."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        half_points = OxmlElement(tag)
        half_points.set(qn("w:val"), str(round(size * 2)))
        properties.append(half_points)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def set_page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Inches(1))
    section.header_distance = section.footer_distance = Inches(0.45)

    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)
    left = header.add_run("{{opplan:header}}")
    left.font.size, left.font.color.rgb = Pt(9), MUTED
    header.add_run("\t")
    mark = header.add_run("{{opplan:mark}}")
    mark.font.size, mark.font.bold, mark.font.color.rgb = Pt(10), True, DRAFT_RED

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ").font.size = Pt(FOOTER_SIZE)
    field(footer, "PAGE", FOOTER_SIZE)
    footer.add_run(" of ").font.size = Pt(FOOTER_SIZE)
    field(footer, "NUMPAGES", FOOTER_SIZE)


def build() -> bytes:
    document = docx.Document(io.BytesIO(default_reference()))
    set_styles(document)
    set_page(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    (HERE / "reference.docx").write_bytes(build())
    print(f"wrote {HERE / 'reference.docx'}")
