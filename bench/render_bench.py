"""Render benchmark: speed against the targets, and the page estimate against exact counts.

    python bench/render_bench.py [--documents 50]

Targets (README, "Render"): one document to docx in at most 0.5 s and to PDF in
at most 1 s; 50 documents to PDF in at most 20 s with `[render] jobs = 2`. The
corpus is the examples, each cut to a different share of its paragraphs, so the
documents run from one page to the full length.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from opplan import config, document, pages
from opplan.commands import render as command
from opplan.render.document import render
from opplan.render.exact import exact_pages

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus(folder: Path, count: int) -> list[Path]:
    """`count` documents cut from the examples: frontmatter kept, paragraphs dropped."""
    rng = random.Random(7)
    sources = sorted(EXAMPLES.glob("*.md"))
    made = []
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        keep = 0.15 + 0.85 * index / max(count - 1, 1)
        blocks = [
            block
            for block in body.split("\n\n")
            if block.lstrip().startswith("#") or rng.random() < keep
        ]
        path = folder / f"doc-{index:02d}.md"
        path.write_text(f"---\n{front}---\n" + "\n\n".join(blocks), encoding="utf-8")
        made.append(path)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".git").mkdir()
        (root / "opplan.toml").write_text("[render]\njobs = 2\n", encoding="utf-8")
        settings = config.load(start=root)
        op1 = document.load(EXAMPLES / "op1-payments-platform.md")
        render(op1, settings, ("docx", "pdf"))  # warm up: imports, fonts
        docx_s = best_of(5, lambda: render(op1, settings, ("docx",)))
        pdf_s = best_of(5, lambda: render(op1, settings, ("pdf",)))
        print(f"one document (OP1 example) to docx: {docx_s:.2f} s  (target 0.5 s)")
        print(f"one document (OP1 example) to PDF:  {pdf_s:.2f} s  (target 1 s)")

        files = corpus(root, args.documents)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # the command's summary table
            code = command.run(
                files, to="pdf", output_dir=root / "out", config_file=root / "opplan.toml"
            )
        many_s = time.perf_counter() - start
        print(f"{len(files)} documents to PDF, 2 jobs: {many_s:.1f} s  (target 20 s)")
        if code:
            return int(code)

        errors = []
        for path in files:
            doc = document.load(path)
            estimated = pages.estimate(doc.body, settings.page).narrative
            exact = exact_pages(doc, settings.page, settings).narrative  # cached by the run
            errors.append(estimated - exact)
        absolute = sorted(abs(error) for error in errors)
        within = sum(error <= 0.5 for error in absolute) / len(absolute)
        print("\nnarrative pages, estimate minus exact, over the corpus:")
        print(f"  mean {statistics.mean(errors):+.2f}  median {statistics.median(errors):+.2f}")
        print(f"  mean absolute {statistics.mean(absolute):.2f}  worst {absolute[-1]:.2f}")
        print(f"  95th percentile absolute {absolute[int(0.95 * (len(absolute) - 1))]:.2f}")
        print(f"  within 0.5 pages: {within:.0%} of {len(absolute)} documents")
        print("\nexamples:")
        for path in sorted(EXAMPLES.glob("*.md")):
            doc = document.load(path)
            est = pages.estimate(doc.body, settings.page)
            exact = exact_pages(doc, settings.page, settings)
            difference = est.narrative - exact.narrative
            print(
                f"  {path.name:28} narrative: estimate {est.narrative:4.1f}"
                f"  exact {exact.narrative:4.1f}  difference {difference:+.1f}"
                f"   total: estimate {est.total:4.1f}  exact {exact.total:.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
