"""Render the examples, a roll-up and a 30-document packet to PNG pages, to look at.

    python bench/print_pages.py [OUT] [--resolution 60] [--libreoffice]

Writes OUT/pdf (the PDFs, docx and packet), OUT/png (every page as a PNG made by
pdftoppm, from poppler-utils) and, with --libreoffice, OUT/libreoffice (each docx
converted to PDF by LibreOffice, and its pages as PNGs), then prints each file's
pages and the time each step took. OUT defaults to build/print-pages. Open the
PNGs side by side to review tables, headings, footers and the packet's cover.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402
from opplan.commands import render, rollup  # noqa: E402
from plan_factory import write_plans  # noqa: E402

PACKET_DOCUMENTS = 30


@contextlib.contextmanager
def step(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"{label:<44} {time.perf_counter() - start:6.1f} s")


def program(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"print_pages: {name} is not installed; install {package}")
    return found


def pages(pdf: Path, folder: Path, resolution: int) -> int:
    """The PDF's pages as PNGs in `folder`; how many."""
    folder.mkdir(parents=True, exist_ok=True)
    pdftoppm = program("pdftoppm", "poppler-utils")
    subprocess.run([pdftoppm, "-png", "-r", str(resolution), pdf, folder / pdf.stem], check=True)
    return len(list(folder.glob(f"{pdf.stem}-*.png")))


def corpus(repo: Path) -> tuple[list[Path], Path, list[Path]]:
    """The examples, a roll-up of them and ten team plans, and 30 generated documents."""
    (repo / ".git").mkdir(parents=True)
    (repo / "opplan.toml").write_text("", encoding="utf-8")
    examples = repo / "plans" / "payments"
    shutil.copytree(ROOT / "examples", examples)
    write_plans(repo / "plans" / "teams", 10, org="Commerce Engineering")
    made = repo / "rollup.md"
    with contextlib.redirect_stderr(io.StringIO()):
        rollup.run(
            [repo / "plans"],
            org="Commerce Engineering",
            output=made,
            today=dt.date(2026, 11, 2),
            config_file=repo / "opplan.toml",
        )
    generate(repo / "generated", PACKET_DOCUMENTS // 3, seed=2027)
    packet = sorted((repo / "generated").rglob("*.md"))[:PACKET_DOCUMENTS]
    return sorted(examples.glob("*.md")), made, packet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "build" / "print-pages")
    parser.add_argument("--resolution", type=int, default=60, help="pixels per inch")
    parser.add_argument("--libreoffice", action="store_true", help="also convert each docx")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory() as temporary:
        repo = Path(temporary)
        with step("write the roll-up and the packet's documents"):
            examples, made, packet = corpus(repo)
        config = repo / "opplan.toml"
        with step("render the examples and the roll-up"), contextlib.redirect_stdout(io.StringIO()):
            code = render.run(
                [*examples, made], to="pdf,docx", output_dir=out / "pdf", config_file=config
            )
        with (
            step(f"render a {len(packet)}-document packet"),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            code |= render.run(packet, packet_file=out / "pdf" / "packet.pdf", config_file=config)
        if code:
            sys.exit(f"print_pages: rendering failed (exit code {code})")
    with step("PNG pages (pdftoppm)"):
        counted = {
            pdf.name: pages(pdf, out / "png", args.resolution)
            for pdf in (out / "pdf").glob("*.pdf")
        }
    if args.libreoffice:
        soffice = program("soffice", "libreoffice-writer-nogui")
        converted = out / "libreoffice"
        with step("docx to PDF and PNG (LibreOffice)"):
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(converted)]
                + [str(path) for path in sorted((out / "pdf").glob("*.docx"))],
                check=True,
                capture_output=True,
            )
            for pdf in sorted(converted.glob("*.pdf")):
                counted[f"{pdf.name} (LibreOffice)"] = pages(pdf, converted, args.resolution)
    for name, count in sorted(counted.items()):
        print(f"{name:<44} {count:4d} pages")
    print(f"PNG pages in {out}")


if __name__ == "__main__":
    main()
