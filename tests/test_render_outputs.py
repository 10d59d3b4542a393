"""The examples rendered to PDF, docx and HTML, read back with pypdf and python-docx."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from conftest import EXAMPLES
from opplan import document, pages
from opplan.render.document import Rendered
from render_helpers import pdf_pages, rendered, settings, word

FORMATS = ("pdf", "docx", "html")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    root = tmp_path_factory.mktemp("repo")
    conf = settings(root)
    out = {}
    for path in sorted(EXAMPLES.glob("*.md")):
        copy = root / path.name
        shutil.copy(path, copy)
        out[path.stem] = rendered(copy, conf, FORMATS)
    return out


def test_pdf_has_the_title_a_table_cell_and_exact_counts(examples: dict[str, Rendered]) -> None:
    op1 = examples["op1-payments-platform"]
    texts = pdf_pages(op1.outputs["pdf"])
    assert "Payments Platform OP1 2027" in texts[0]
    assert "Priya Raman" in texts[0]
    # A cell of the risks table, built from the frontmatter, in the appendix.
    assert any("Ramp by card range" in text for text in texts[-3:])
    assert op1.pages.exact
    assert op1.pages.total == len(texts)
    assert 1 < op1.pages.narrative < op1.pages.total


@pytest.mark.parametrize(
    "name", ["op1-payments-platform", "op2-payments-platform", "prfaq-instant-payouts"]
)
def test_narrative_ends_on_the_page_before_the_appendix(
    examples: dict[str, Rendered], name: str
) -> None:
    result = examples[name]
    texts = pdf_pages(result.outputs["pdf"])
    appendix_page = next(
        i for i, text in enumerate(texts, 1) if re.search(r"^Appendix$", text, re.M)
    )
    assert math.ceil(result.pages.narrative) == appendix_page - 1
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text


def test_pdf_header_has_team_cycle_and_status(examples: dict[str, Rendered]) -> None:
    for text in pdf_pages(examples["prfaq-instant-payouts"].outputs["pdf"]):
        assert "Payments Platform · PR/FAQ 2027 · Review" in text
        assert "DRAFT" not in text


def test_press_release_pages_of_a_prfaq(examples: dict[str, Rendered]) -> None:
    prfaq = examples["prfaq-instant-payouts"].pages
    assert prfaq.press_release is not None
    assert 0.3 < prfaq.press_release < prfaq.narrative
    assert examples["op1-payments-platform"].pages.press_release is None


def test_docx_styles_tables_header_and_footer(examples: dict[str, Rendered]) -> None:
    doc = word(examples["op1-payments-platform"].outputs["docx"])
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Payments Platform OP1 2027"] == "Title"
    assert styles["Introduction"] == "Heading 1"
    assert styles["Authorization rate by cause"] == "Heading 2"
    assert styles["Why is the authorization target 94.0% and not higher?"] == "Heading 3"
    assert "Body Text" in styles.values()
    section = doc.sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert section.left_margin.inches == 1
    assert section.header.paragraphs[0].text.startswith("Payments Platform · OP1 2027 · Approved")
    assert "DRAFT" not in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert (
        "Page " in section.footer.paragraphs[0].text and " of " in section.footer.paragraphs[0].text
    )
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    risks = next(t for t in doc.tables if t.rows[0].cells[0].text == "Risk")
    assert risks.style.name == "Table"
    assert [c.text for c in risks.rows[0].cells] == [
        "Risk",
        "Likelihood",
        "Impact",
        "Mitigation",
        "Owner",
    ]
    assert risks.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert risks.rows[1].cells[4].text == "Sam Patel"


def test_docx_table_style_has_a_header_row(examples: dict[str, Rendered]) -> None:
    doc = word(examples["op1-payments-platform"].outputs["docx"])
    style = doc.styles["Table"].element
    first_row = [s for s in style.findall(qn("w:tblStylePr")) if s.get(qn("w:type")) == "firstRow"]
    assert first_row and first_row[0].find(f"{qn('w:rPr')}/{qn('w:b')}") is not None


def test_tracks_side_by_side(examples: dict[str, Rendered]) -> None:
    doc = word(examples["op1-payments-platform"].outputs["docx"])
    tracks = next(t for t in doc.tables if t.rows[0].cells[1].text == "Same resources")
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in tracks.rows}
    assert rows["Headcount"] == ["40", "52"]
    assert rows["Budget"] == ["$3,100,000", "$4,300,000"]
    assert rows["Initiatives"][0].startswith("SR-1: Route each card payment")
    assert rows["Initiatives"][1].startswith("MI-1: Instant payouts")


def test_html_is_one_page_with_the_tables(examples: dict[str, Rendered]) -> None:
    page = examples["op2-payments-platform"].outputs["html"].decode()
    assert page.startswith("<!DOCTYPE html>")
    assert "<th>Allocated</th>" in page
    assert "opplan-mark" not in page


def test_render_without_pdf_gives_the_estimate(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    copy = tmp_path / "op1.md"
    shutil.copy(EXAMPLES / "op1-payments-platform.md", copy)
    result = rendered(copy, conf, ("docx",))
    assert not result.pages.exact
    assert result.pages == pages.estimate(document.load(copy).body, conf.page)
