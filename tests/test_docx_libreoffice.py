"""The docx of each example and of a roll-up, opened by a real word processor.

LibreOffice (headless) converts each docx to PDF, and the PDF is read back: the
page count is within one page of opplan's own PDF, table headers are bold, table
text is at the table size (9.5 pt) and no word is broken inside a table cell.
These tests need LibreOffice (`soffice`), a program from outside PyPI: they carry
the `external` marker, which the default `pytest` run leaves out; `.ci/run`
installs LibreOffice and runs `pytest -m external`. Without it they fail, saying
what to install.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from conftest import EXAMPLES
from opplan.render.document import Rendered
from render_helpers import make_rollup, rendered, settings, word

pytestmark = pytest.mark.external

TABLE_SIZE = 9.5
INSTALL = "install LibreOffice: apt-get install libreoffice-writer-nogui fonts-crosextra-carlito"


class Chunk:
    """One run of text LibreOffice drew: usually a line of a paragraph or a cell."""

    def __init__(self, text: str, font: str, size: float) -> None:
        self.text, self.font, self.size = text, font, size

    @property
    def bold(self) -> bool:
        return "Bold" in self.font


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(f"LibreOffice's soffice is not on PATH; {INSTALL}")
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Rendered, Path]]:
    """Each document rendered by opplan, and its docx converted to PDF by LibreOffice."""
    program = soffice()
    root = tmp_path_factory.mktemp("repo")
    rollup = make_rollup(root)
    conf = settings(root)
    paths = [rollup, *sorted((root / "plans" / "payments").glob("*.md"))]
    assert {path.name for path in paths[1:]} == {path.name for path in EXAMPLES.glob("*.md")}
    results = {path.stem: rendered(path, conf, ("pdf", "docx")) for path in paths}
    docx_dir, out = root / "docx", root / "lo"
    docx_dir.mkdir()
    for name, result in results.items():
        (docx_dir / f"{name}.docx").write_bytes(result.outputs["docx"])
    profile = (root / "lo-profile").as_uri()  # a fresh profile: no clash with a running one
    done = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *sorted(str(path) for path in docx_dir.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "HOME": str(root)},
    )
    missing = [name for name in results if not (out / f"{name}.pdf").is_file()]
    if done.returncode != 0 or missing:
        pytest.fail(f"LibreOffice did not convert {missing}: {done.stderr.strip()[-500:]}")
    return {name: (result, out / f"{name}.pdf") for name, result in results.items()}


def chunks(pdf: Path) -> list[Chunk]:
    found: list[Chunk] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            found.append(Chunk(text.strip(), name, round(size * tm[0] * cm[0], 2)))

    for page in pypdf.PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]{2,}", text))


def table_words(result: Rendered) -> tuple[set[str], set[str]]:
    """The words of the table headers, and the words found only in table cells."""
    doc = word(result.outputs["docx"])
    header = {w for table in doc.tables for cell in table.rows[0].cells for w in words(cell.text)}
    cells = {
        w for table in doc.tables for row in table.rows for c in row.cells for w in words(c.text)
    }
    body = {w for p in doc.paragraphs for w in words(p.text)}
    return header, cells - body


@pytest.mark.parametrize(
    "name", ["op1-payments-platform", "op2-payments-platform", "prfaq-instant-payouts", "rollup"]
)
def test_libreoffice_shows_the_docx_as_opplan_meant(
    converted: dict[str, tuple[Rendered, Path]], name: str
) -> None:
    result, pdf = converted[name]
    own = len(pypdf.PdfReader(pdf).pages)
    typeset = int(result.pages.total)
    assert abs(own - typeset) <= 1, f"LibreOffice: {own} pages, the PDF: {typeset}"

    drawn = chunks(pdf)
    header, only_in_tables = table_words(result)
    at_table_size = [chunk for chunk in drawn if chunk.size == TABLE_SIZE]
    bold = {w for chunk in at_table_size if chunk.bold for w in words(chunk.text)}
    plain = {w for chunk in at_table_size if not chunk.bold for w in words(chunk.text)}
    assert header <= bold, f"headers not bold at {TABLE_SIZE} pt: {sorted(header - bold)}"
    cell_words = only_in_tables - header
    assert len(cell_words) > 10 and cell_words <= plain | bold, sorted(cell_words - plain - bold)

    # A word broken across two lines of a cell: its two halves, in lines that follow.
    broken = [
        f"{before[-1]}/{after[0]}"
        for first, second in itertools.pairwise(at_table_size)
        if (before := re.findall(r"[^\W_]+", first.text))
        and (after := re.findall(r"[^\W_]+", second.text))
        and before[-1] + after[0] in only_in_tables
    ]
    assert not broken, f"words broken inside table cells: {broken}"
