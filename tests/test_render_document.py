"""Rendering a small document: draft marks, page geometry, table markers, errors."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from conftest import OP1_FRONTMATTER, document
from opplan import document as documents
from opplan.errors import DocumentError
from opplan.render.compose import compose
from opplan.render.document import render
from render_helpers import pdf_pages, rendered, settings, word

ASKS = """\
asks:
  - kind: headcount
    amount: 4
    what: Four engineers for the ledger | migration
    by: 2027-02-01
"""

BODY = """\
# Introduction

We run the payment rails for 1,200 merchants.

<!-- opplan:table asks -->

# Appendix

Data tables.
"""


def write_doc(root: Path, frontmatter: str = OP1_FRONTMATTER + ASKS, body: str = BODY) -> Path:
    path = root / "plan.md"
    path.write_text(document(frontmatter, body), encoding="utf-8")
    return path


def test_a_draft_is_marked_and_uses_the_page_geometry(tmp_path: Path) -> None:
    conf = settings(tmp_path, '[page]\npaper = "a4"\nmargin = 0.75\n')
    result = rendered(write_doc(tmp_path), conf, ("pdf", "docx"))
    pdf = pypdf.PdfReader(io.BytesIO(result.outputs["pdf"]))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "DRAFT" in pdf.pages[0].extract_text()
    section = word(result.outputs["docx"]).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.top_margin.inches == 0.75
    assert "DRAFT" in section.header.paragraphs[0].text
    assert section.header.paragraphs[0].text.startswith("Payments Platform · OP1 2027 · Draft")


def test_a_marker_places_a_table_in_the_narrative(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    result = rendered(write_doc(tmp_path), conf, ("pdf", "docx"))
    texts = pdf_pages(result.outputs["pdf"])
    assert "Four engineers for the ledger | migration" in texts[0]
    assert "Resource asks" not in "".join(texts)  # not repeated in the appendix
    table = word(result.outputs["docx"]).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Ask", "Amount", "What", "By", "If late"]
    assert table.rows[1].cells[2].text == "Four engineers for the ledger | migration"
    assert "opplan:table" not in "".join(texts)


def test_tables_go_to_an_appendix_that_opplan_adds(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = write_doc(tmp_path, body="# Introduction\n\nShort.\n")
    markdown = compose(documents.load(path), conf).markdown
    assert "# Appendix" in markdown and "## Resource asks" in markdown
    assert (
        markdown.index("Short.") < markdown.index("# Appendix") < markdown.index("## Resource asks")
    )


def test_appendix_tables_can_be_turned_off(tmp_path: Path) -> None:
    conf = settings(tmp_path, "[render]\nappendix_tables = false\n")
    markdown = compose(
        documents.load(write_doc(tmp_path, body="# Intro\n\nText.\n")), conf
    ).markdown
    assert "Resource asks" not in markdown and "# Appendix" not in markdown


def test_an_unknown_table_is_an_error_at_its_line(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = write_doc(tmp_path, body="# Intro\n\n<!-- opplan:table aks -->\n")
    with pytest.raises(DocumentError) as caught:
        render(documents.load(path), conf, ("pdf",))
    line = OP1_FRONTMATTER.count("\n") + ASKS.count("\n") + 2 + 3
    assert f"plan.md:{line}:1:" in str(caught.value)
    assert "did you mean 'asks'?" in str(caught.value)


def test_a_document_with_schema_problems_is_not_rendered(tmp_path: Path) -> None:
    conf = settings(tmp_path)
    path = write_doc(
        tmp_path, frontmatter=OP1_FRONTMATTER.replace("status: draft", "status: drafty")
    )
    with pytest.raises(
        DocumentError, match=r"plan\.md:6:1: status: 'drafty' is not allowed.*run 'opplan lint'"
    ):
        render(documents.load(path), conf, ("pdf",))


def test_an_author_cannot_forge_the_appendix_mark(tmp_path: Path) -> None:
    conf = settings(tmp_path, "[render]\nappendix_tables = false\n")
    text = "More text. " * 400
    plain = rendered(write_doc(tmp_path, body=f"# Intro\n\n{text}\n"), conf).pages
    forged = f"# Intro\n\n::: {{#opplan-appendix .opplan-mark}}\n:::\n\n{text}\n"
    result = rendered(write_doc(tmp_path, body=forged), conf).pages
    assert plain.total == 2
    assert result.narrative == pytest.approx(plain.narrative, abs=0.05)
    assert result.narrative > 1
