"""How close the lint page estimate comes to the typeset count, per kind and geometry.

    python bench/estimate_bench.py [--per-kind N] [--seed S] [--cache DIR]

Generates the lint bench corpus (`generate.py`: N documents of each kind,
2,500-3,500 words), typesets each document with `opplan.render.exact` on two
page geometries (the default: letter, 1 in margins, 11 pt; and A4, 0.75 in
margins, 10 pt) and prints the error of the estimate's narrative pages against
the exact count: mean, median, 95th percentile of the absolute error, the worst
case and the share within 0.5 pages. The target (README, "Page estimate"):
within 0.5 pages for at least 95% of the documents on both geometries.
`--cache` keeps the exact counts between runs (typesetting is the slow part).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from opplan import config, document, pages
from opplan.config.model import Page
from opplan.render.exact import exact_pages

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

GEOMETRIES = {
    "letter, 1 in, 11 pt": Page(),
    "A4, 0.75 in, 10 pt": Page(paper="a4", margin=0.75, font_size=10),
}
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def summary(errors: list[float], over: int) -> str:
    absolute = sorted(abs(error) for error in errors)
    p95 = absolute[min(len(absolute) - 1, round(0.95 * (len(absolute) - 1)))]
    within = sum(error <= 0.5 for error in absolute) / len(absolute)
    return (
        f"{len(errors):4d} docs  mean {statistics.mean(errors):+.2f}  "
        f"median {statistics.median(errors):+.2f}  p95 |err| {p95:.2f}  "
        f"worst {absolute[-1]:.2f}  within 0.5: {within:4.0%}  over 6 pages: {over}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=40, help="documents of each kind")
    parser.add_argument("--seed", type=int, default=2027, help="the corpus generator's seed")
    parser.add_argument("--cache", type=Path, help="a folder to keep exact counts in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / ".git").mkdir()
        cache = (args.cache or root / "cache").resolve()
        (root / "opplan.toml").write_text(f'[render]\ncache_dir = "{cache}"\n', encoding="utf-8")
        settings = config.load(start=root)
        generate(root / "corpus", args.per_kind, args.seed)
        docs = [document.load(path) for path in sorted((root / "corpus").rglob("*.md"))]
        examples = [document.load(path) for path in sorted(EXAMPLES.glob("*.md"))]
        failed = False
        for name, page in GEOMETRIES.items():
            start = time.perf_counter()
            errors: dict[str, list[float]] = defaultdict(list)
            over: dict[str, int] = defaultdict(int)
            for doc in docs:
                exact = exact_pages(doc, page, settings).narrative
                errors[doc.kind].append(pages.estimate(doc.body, page).narrative - exact)
                over[doc.kind] += exact > 6
            every = [error for kind in errors.values() for error in kind]
            print(f"\n{name}  (typeset in {time.perf_counter() - start:.0f} s)")
            for kind, kind_errors in errors.items():
                print(f"  {kind:6} {summary(kind_errors, over[kind])}")
            print(f"  {'all':6} {summary(every, sum(over.values()))}")
            failed = failed or sum(abs(e) <= 0.5 for e in every) < 0.95 * len(every)
            for doc in examples:
                est = pages.estimate(doc.body, page).narrative
                exact = exact_pages(doc, page, settings).narrative
                print(f"  {Path(doc.path).name:28} estimate {est:4.1f}  exact {exact:4.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
