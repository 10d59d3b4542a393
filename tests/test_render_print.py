"""Print quality, read back from every rendered output of the examples, a roll-up
and a packet: no text errors, tables that never hyphenate, metadata, bookmarks."""

from __future__ import annotations

import base64
import io
import itertools
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.run import Run
from fontTools.ttLib import TTFont

from conftest import EXAMPLES
from opplan import config, document
from opplan.render import packet
from opplan.render.document import Rendered
from opplan.render.prepare import prepare
from render_helpers import make_rollup, pdf_pages, rendered, settings, word

FORMATS = ("pdf", "docx", "html")
# An option whose two hyphens became a dash: "\u2013kind" where "--kind" was meant.
MANGLED_OPTION = re.compile(r"(?:^|[\s(\[\"'])[\u2013\u2014][a-z]")
LINE_END_HYPHEN = re.compile(r"(\w+)-\n(\w+)")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """The examples and a roll-up, each in every format."""
    root = tmp_path_factory.mktemp("repo")
    rollup = make_rollup(root)
    conf = settings(root)
    paths = [rollup, *(root / "plans" / "payments" / p.name for p in EXAMPLES.glob("*.md"))]
    return {path.stem: rendered(path, conf, FORMATS) for path in sorted(paths)}


@pytest.fixture(scope="module")
def packet_pdf(outputs: dict[str, Rendered]) -> bytes:
    paths = [Path(result.path) for result in outputs.values()]
    conf = config.load(start=paths[0].parent)
    return packet.render([prepare(document.load(path), conf) for path in paths], conf)


def text_of(fmt: str, data: bytes) -> str:
    """The text a reader sees, line by line."""
    if fmt == "pdf":
        return unicodedata.normalize("NFKC", "\n".join(pdf_pages(data)))
    if fmt == "docx":
        doc = word(data)
        lines = [p.text for p in doc.paragraphs]
        lines += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        for section in doc.sections:
            lines += [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]
        return "\n".join(lines)
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.parts)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def text_errors(text: str) -> list[str]:
    """Dash-mangled options and title-block fields printed twice in a row."""
    errors = [f"mangled option {m.group()!r}" for m in MANGLED_OPTION.finditer(text)]
    for line in text.splitlines():
        fields = [field.strip() for field in line.split(" · ")]
        errors += [
            f"repeated field {a!r} in {line!r}"
            for a, b in itertools.pairwise(fields)
            if a and a == b
        ]
    return errors


def test_the_scan_finds_the_errors_it_looks_for() -> None:
    assert text_errors("one kind (\u2013kind chooses)") == ["mangled option '(\u2013k'"]
    assert text_errors("Commerce Engineering · Commerce Engineering · Roll-up 2027")
    assert not text_errors("2026\u20132027 · Payments Platform · Commerce Engineering (--kind)")


def test_no_output_has_a_text_error(outputs: dict[str, Rendered], packet_pdf: bytes) -> None:
    found = {
        f"{name}.{fmt}": errors
        for name, result in outputs.items()
        for fmt, data in result.outputs.items()
        if (errors := text_errors(text_of(fmt, data)))
    }
    if errors := text_errors(text_of("pdf", packet_pdf)):
        found["packet.pdf"] = errors
    assert not found
    rollup = text_of("pdf", outputs["rollup"].outputs["pdf"])
    assert "(--kind chooses one kind)" in " ".join(rollup.split())


def test_no_table_cell_or_heading_hyphenates(outputs: dict[str, Rendered]) -> None:
    """A line that ends in a hyphen inside a table cell or a heading is a hyphenated word
    when the two halves make a word of the cell or the heading."""
    for name, result in outputs.items():
        doc = word(result.outputs["docx"])
        cells = {
            w
            for table in doc.tables
            for row in table.rows
            for cell in row.cells
            for w in re.findall(r"\w+", cell.text)
        }
        body = {
            w
            for p in doc.paragraphs
            if p.style is None or not p.style.name.startswith(("Heading", "Title"))
            for w in re.findall(r"\w+", p.text)
        }
        headings = {
            w
            for p in doc.paragraphs
            if p.style is not None and p.style.name.startswith(("Heading", "Title"))
            for w in re.findall(r"\w+", p.text)
        }
        text = text_of("pdf", result.outputs["pdf"])
        only_there = (cells - body) | headings
        broken = [f"{a}-{b}" for a, b in LINE_END_HYPHEN.findall(text) if a + b in only_there]
        assert not broken, f"{name}: {broken}"
        assert len(cells) > 30  # the check read real tables


def test_every_pdf_carries_its_metadata(outputs: dict[str, Rendered], packet_pdf: bytes) -> None:
    for name, result in outputs.items():
        model = document.load(Path(result.path)).model
        assert model is not None
        info = pypdf.PdfReader(io.BytesIO(result.outputs["pdf"])).metadata
        assert info is not None, name
        assert info.title == model.title
        assert info.author == ", ".join(model.owners)
        assert model.team in (info.subject or "")
        assert model.team in (info.get("/Keywords") or "")
    info = pypdf.PdfReader(io.BytesIO(packet_pdf)).metadata
    assert info is not None and info.title == "Review packet"
    documents = len(list(EXAMPLES.glob("*.md"))) + 1  # and the roll-up
    assert "Priya Raman" in (info.author or "") and f"{documents} documents" in (info.subject or "")


def test_docx_core_properties_come_from_the_frontmatter(outputs: dict[str, Rendered]) -> None:
    for result in outputs.values():
        model = document.load(Path(result.path)).model
        assert model is not None and model.date is not None
        properties = word(result.outputs["docx"]).core_properties
        assert properties.title == model.title
        assert properties.author == "; ".join(model.owners)
        assert model.team in properties.subject
        assert properties.created is not None and properties.created.date() == model.date
        assert properties.modified is not None and properties.modified.date() == model.date


def runs(cells: list[_Cell]) -> list[Run]:
    return [run for cell in cells for p in cell.paragraphs for run in p.runs]


def test_docx_tables_carry_their_look_as_direct_formatting(outputs: dict[str, Rendered]) -> None:
    """Bold header, 9.5 pt text and rows kept whole, on the runs and rows themselves:
    LibreOffice ignores a table style's conditional formatting."""
    doc = word(outputs["rollup"].outputs["docx"])
    assert len(doc.tables) >= 5
    for table in doc.tables:
        assert all(run.bold for run in runs(table.rows[0].cells))
        every = [run for row in table.rows for run in runs(row.cells)]
        assert {run.font.size.pt if run.font.size else None for run in every} == {9.5}
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None


def test_docx_footer_fields_are_at_the_footers_size(outputs: dict[str, Rendered]) -> None:
    doc = word(outputs["op1-payments-platform"].outputs["docx"])
    footer = doc.sections[0].footer.paragraphs[0]._p
    sizes = [node.get(qn("w:val")) for node in footer.iter(qn("w:sz"))]
    fields = list(footer.iter(qn("w:fldSimple")))
    assert len(fields) == 2 and set(sizes) == {"18"} and len(sizes) == 4


def test_a_packet_has_one_bookmark_per_document_with_its_sections_below(
    outputs: dict[str, Rendered], packet_pdf: bytes
) -> None:
    reader = pypdf.PdfReader(io.BytesIO(packet_pdf))
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    models = [document.load(Path(result.path)).model for result in outputs.values()]
    assert titles == [model.title for model in models if model is not None]
    nested = [item for item in outline if isinstance(item, list)]
    assert len(nested) == len(titles) and all(len(children) >= 4 for children in nested)
    assert "Summary" in [child.title for child in nested[-1] if not isinstance(child, list)]
    texts = pdf_pages(packet_pdf)
    starts = [
        reader.get_destination_page_number(item) + 1
        for item in outline
        if not isinstance(item, list)
    ]
    cover = texts[0]
    for title, start, result in zip(titles, starts, outputs.values(), strict=True):
        own = len(pdf_pages(result.outputs["pdf"]))
        first = " ".join(texts[start - 1].split())
        assert f"{title} · page 1 of {own} · packet page {start} of {len(texts)}" in first
        row = next(line for line in cover.splitlines() if title in line)
        assert str(start) in row.split()


def test_html_prints_on_the_pdfs_page_in_the_pdfs_fonts(outputs: dict[str, Rendered]) -> None:
    result = outputs["op1-payments-platform"]
    page = settings(Path(result.path).parents[2]).page
    html = result.outputs["html"].decode("utf-8")
    size = "A4" if page.paper == "a4" else "letter"
    assert f"size: {size};" in html and f"margin: {page.margin}in;" in html
    assert '@top-left { content: "Payments Platform · OP1 2027 · Approved"' in html
    assert 'counter(page) " of " counter(pages)' in html
    faces = re.findall(
        r'font-family: "([^"]+)"; font-weight: (\w+); font-style: (\w+); '
        r"src: url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)",
        html,
    )
    assert [(family, weight, style) for family, weight, style, _ in faces] == [
        ("Libertinus Serif", "normal", "normal"),
        ("Libertinus Serif", "bold", "normal"),
        ("Libertinus Serif", "normal", "italic"),
        ("Libertinus Serif", "bold", "italic"),
        ("DejaVu Sans Mono", "normal", "normal"),
    ]
    visible = {ch for ch in text_of("html", result.outputs["html"]) if not ch.isspace()}
    for family, *_, data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff" and family in font["name"].getDebugName(1)
        assert visible <= {chr(code) for code in font.getBestCmap()}
    assert len(html) < 400_000  # subset to the page's characters, not whole fonts
