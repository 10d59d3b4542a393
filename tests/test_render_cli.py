"""`opplan render` from the command line: outputs, summary, packets and failures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import EXAMPLES, OP1_FRONTMATTER, document
from render_helpers import pdf_pages, word

Cli = Callable[..., Result]


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A repository holding the examples, as the current folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    for path in EXAMPLES.glob("*.md"):
        shutil.copy(path, tmp_path / "plans" / path.name)
    old = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def test_render_writes_each_format_and_a_summary(repo: Path, cli: Cli) -> None:
    result = cli(
        "render",
        "plans/op1-payments-platform.md",
        "plans/prfaq-instant-payouts.md",
        "--to",
        "pdf,docx",
        "-o",
        "out",
    )
    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in (repo / "out").iterdir())
    assert written == [
        "op1-payments-platform.docx",
        "op1-payments-platform.pdf",
        "prfaq-instant-payouts.docx",
        "prfaq-instant-payouts.pdf",
    ]
    assert "narrative pages" in result.stdout and "reading min" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "op1-payments-platform.md" in line)
    total = len(pdf_pages((repo / "out" / "op1-payments-platform.pdf").read_bytes()))
    assert f" {total} " in row and "out/op1-payments-platform.pdf, .docx" in row
    assert word((repo / "out" / "prfaq-instant-payouts.docx").read_bytes()).paragraphs[0].text == (
        "Larkspur Instant Payouts PR/FAQ"
    )


def test_default_formats_and_folder_come_from_the_configuration(repo: Path, cli: Cli) -> None:
    (repo / "opplan.toml").write_text('[render]\nformats = ["html"]\noutput_dir = "site"\n')
    result = cli("render", "plans")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (repo / "site").iterdir()) == sorted(
        f"{p.stem}.html" for p in EXAMPLES.glob("*.md")
    )
    assert "~" in result.stdout  # no PDF typeset: the pages are estimates


def test_a_failing_document_writes_nothing_and_the_others_render(repo: Path, cli: Cli) -> None:
    broken = repo / "plans" / "broken.md"
    broken.write_text(document(OP1_FRONTMATTER, "# Intro\n\n<!-- opplan:table nope -->\n"))
    result = cli(
        "render", "plans/broken.md", "plans/op1-payments-platform.md", "--to", "pdf", "-o", "out"
    )
    assert result.exit_code == 1
    assert "plans/broken.md:" in result.stderr and "unknown table 'nope'" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (repo / "out").iterdir()) == ["op1-payments-platform.pdf"]


def test_warnings_name_the_document(repo: Path, cli: Cli) -> None:
    body = "# Intro\n\n<script>alert(1)</script>\n"
    (repo / "plans" / "raw.md").write_text(document(OP1_FRONTMATTER, body))
    result = cli("render", "plans/raw.md", "--to", "html", "-o", "out")
    assert result.exit_code == 0
    assert (
        "plans/raw.md: warning: raw html '<script>alert(1)</script>' is shown as text"
        in result.stderr
    )
    page = (repo / "out" / "raw.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plans", "--to", "pfd"],
            "unknown format 'pfd'; use one of pdf, docx, html; did you mean 'pdf'?",
        ),
        (["plans", "--to", ","], "--to needs one or more of pdf, docx, html"),
        (["plans/missing.md"], "plans/missing.md:1:1: no such file"),
        (["empty"], "no plan documents in empty"),
    ],
)
def test_usage_errors_are_one_line(repo: Path, cli: Cli, args: list[str], message: str) -> None:
    (repo / "empty").mkdir()
    result = cli("render", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (repo / "build").exists()


def test_two_documents_with_one_output_name_are_refused(repo: Path, cli: Cli) -> None:
    (repo / "other").mkdir()
    shutil.copy(repo / "plans" / "op1-payments-platform.md", repo / "other")
    result = cli("render", "plans/op1-payments-platform.md", "other/op1-payments-platform.md")
    assert result.exit_code == 2
    assert "would both be written to" in result.stderr


def test_an_unknown_render_setting_names_the_nearest(repo: Path, cli: Cli) -> None:
    (repo / "opplan.toml").write_text("[render]\nformat = ['pdf']\n")
    result = cli("render", "plans")
    assert result.exit_code == 2
    assert "opplan.toml:2: unknown key 'format' in render; did you mean 'formats'?" in result.stderr


def test_packet_has_a_cover_and_every_document_in_order(repo: Path, cli: Cli) -> None:
    order = ["prfaq-instant-payouts.md", "op1-payments-platform.md"]
    result = cli("render", *(f"plans/{name}" for name in order), "--packet", "review.pdf")
    assert result.exit_code == 0, result.stderr
    pages = pdf_pages((repo / "review.pdf").read_bytes())
    cover = pages[0]
    assert cover.index("Larkspur Instant Payouts PR/FAQ") < cover.index(
        "Payments Platform OP1 2027"
    )
    assert "Tom Okafor" in cover and "Priya Raman" in cover
    assert "Total reading time" in cover
    single = cli(
        "render",
        "plans/op1-payments-platform.md",
        "plans/prfaq-instant-payouts.md",
        "--to",
        "pdf",
        "-o",
        "out",
    )
    assert single.exit_code == 0
    op1 = pdf_pages((repo / "out" / "op1-payments-platform.pdf").read_bytes())
    prfaq = pdf_pages((repo / "out" / "prfaq-instant-payouts.pdf").read_bytes())
    assert len(pages) == 1 + len(prfaq) + len(op1)
    start = 1 + len(prfaq)
    assert f"page 1 of {len(op1)} · packet page {start + 1} of {len(pages)}" in pages[start]
    assert "Payments Platform · OP1 2027 · Approved" in pages[1 + len(prfaq)]
    assert not (repo / "build").exists()  # a packet writes only the packet


def test_a_packet_with_a_broken_document_is_not_written(repo: Path, cli: Cli) -> None:
    (repo / "plans" / "bad.md").write_text("no frontmatter\n")
    result = cli(
        "render", "plans/op1-payments-platform.md", "plans/bad.md", "--packet", "review.pdf"
    )
    assert result.exit_code == 1
    assert "review.pdf not written" in result.stderr
    assert not (repo / "review.pdf").exists()
