"""Lint and render the corpus of documents opplan did not write (tests/corpus).

    python bench/corpus_bench.py [--corpus DIR] [--no-render]

Lints each document on its own, as `opplan lint FILE` does, and prints per
rule how many findings it made (errors and warnings) and on how many
documents; then renders each document to PDF in memory and prints how many
rendered and which failed, with the reason. The corpus's complete documents
should make no findings; its defects one each (tests/corpus/expected.yaml).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from opplan import config, document
from opplan.errors import OpplanError
from opplan.lint.engine import lint
from opplan.render.document import render

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def lint_counts(paths: list[Path]) -> None:
    settings = config.load(None, CORPUS).lint
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    documents: defaultdict[str, set[str]] = defaultdict(set)
    started = time.perf_counter()
    for path in paths:
        for problem in lint([path], settings, jobs=1).problems:
            (errors if problem.level == "error" else warnings)[problem.rule] += 1
            documents[problem.rule].add(path.name)
    elapsed = time.perf_counter() - started
    print(f"lint: {len(paths)} documents in {elapsed:.1f} s")
    print(f"{'rule':<24} {'errors':>6} {'warnings':>8} {'documents':>9}")
    for rule in sorted(documents):
        print(f"{rule:<24} {errors[rule]:>6} {warnings[rule]:>8} {len(documents[rule]):>9}")
    clean = len(paths) - len(set().union(*documents.values()) if documents else set())
    print(f"{'(clean documents)':<24} {clean:>25}")


def render_counts(paths: list[Path]) -> None:
    conf = config.load(None, CORPUS)
    failed: list[tuple[str, str]] = []
    started = time.perf_counter()
    for path in paths:
        try:
            doc = document.load(path, conf.lint.appendix_titles)
            render(doc, conf, ["pdf"])
        except OpplanError as err:
            failed.append((path.name, str(err).splitlines()[0][:160]))
    elapsed = time.perf_counter() - started
    print(
        f"\nrender (pdf): {len(paths) - len(failed)} rendered, {len(failed)} failed, "
        f"in {elapsed:.1f} s"
    )
    for name, reason in failed:
        print(f"  failed {name}: {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-render", action="store_true", help="lint only")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.md"))
    lint_counts(paths)
    if not args.no_render:
        render_counts(paths)


if __name__ == "__main__":
    main()
