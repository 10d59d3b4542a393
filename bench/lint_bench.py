"""Time `opplan lint` on a generated corpus: cold, warm (from the cache) and one file.

    python bench/lint_bench.py [--per-kind N] [--runs R] [--corpus DIR]

Each run is a fresh `opplan` process, as a user or CI runs it. Prints, for
each case, the median and the best wall time of R runs, documents per second
(at the median), the CPU time and the peak memory of the process (with its
workers). The machine's load
average is printed too: on a shared machine, other processes inflate wall times.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

OPPLAN = [sys.executable, "-m", "opplan"]


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory (KiB) of one opplan process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*OPPLAN, *args], cwd=cwd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"opplan failed ({done.returncode}): {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def best(  # noqa: PLR0917
    label: str,
    docs: int,
    runs: int,
    args: list[str],
    cwd: Path,
    env: dict[str, str],
    before: object = None,
) -> None:
    results = []
    for _ in range(runs):
        if callable(before):
            before()
        results.append(run(args, cwd, env))
    wall = statistics.median(result[0] for result in results)
    cpu = statistics.median(result[1] for result in results)
    memory = max(result[2] for result in results)
    print(
        f"{label:<28} {wall:6.2f} s wall (best {min(results)[0]:.2f})  "
        f"{docs / wall:7.0f} docs/s  {cpu:6.2f} s CPU  {memory / 1024:6.0f} MiB peak"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=334, help="documents of each kind")
    parser.add_argument("--runs", type=int, default=5, help="runs of each case (median and best)")
    parser.add_argument("--corpus", type=Path, help="an existing corpus (default: generate one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus or Path(scratch, "corpus")
        docs = (
            len(list(corpus.rglob("*.md")))
            if args.corpus
            else generate(corpus, args.per_kind, 2027)
        )
        cache = Path(scratch, "cache")
        env = {**os.environ, "OPPLAN_CACHE_DIR": str(cache)}
        one = sorted(corpus.rglob("op1.md"))[0]
        print(
            f"{docs} documents, {os.cpu_count()} CPUs, load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        best(
            "cold (no cache)",
            docs,
            args.runs,
            ["lint", "--format", "text", "--no-cache", "."],
            corpus,
            env,
        )
        best(
            "cold, one process",
            docs,
            args.runs,
            ["lint", "--format", "text", "--no-cache", "--jobs", "1", "."],
            corpus,
            env,
        )
        run(["lint", "--format", "text", "."], corpus, env)  # fill the cache
        best("warm (all cached)", docs, args.runs, ["lint", "--format", "text", "."], corpus, env)
        best(
            "one file (no cache)",
            1,
            args.runs,
            ["lint", "--format", "text", "--no-cache", str(one)],
            corpus,
            env,
        )


if __name__ == "__main__":
    main()
