"""A longer fuzzing run than the test suite's, with its figures.

    python bench/fuzz_bench.py [--examples N] [--seed S]

Runs the strategies of `tests/fuzzing.py` (byte-wise and line-wise mutants of
the example documents; every mutant is linted and read by the round-trip
reader) for N examples each, 5,000 by default, and prints for each: the
examples run, the time, the slowest single input, the largest input, and the
process's peak memory. Any internal error stops the run with hypothesis's
smallest failing document, and the script exits 1.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzzing import byte_mutants, check, line_mutants


@dataclass
class Figures:
    examples: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    largest: int = 0
    problems: int = 0


def run(strategy: st.SearchStrategy[bytes], examples: int, chosen_seed: int) -> Figures:
    figures = Figures()
    folder = Path(tempfile.mkdtemp(prefix="opplan-fuzz-"))

    @seed(chosen_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=strategy)
    def one(data: bytes) -> None:
        start = time.perf_counter()
        figures.problems += check(data, folder)
        spent = time.perf_counter() - start
        figures.examples += 1
        figures.seconds += spent
        figures.slowest = max(figures.slowest, spent)
        figures.largest = max(figures.largest, len(data))

    one()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per strategy")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis's seed")
    args = parser.parse_args()
    header = f"{'strategy':14} {'examples':>8} {'seconds':>8} {'per input':>10} {'slowest':>8}"
    print(f"{header}  largest")
    total = Figures()
    for name, strategy in (("byte mutants", byte_mutants()), ("line mutants", line_mutants())):
        try:
            figures = run(strategy, args.examples, args.seed)
        except Exception as err:
            print(f"{name}: FAILED: {type(err).__name__}: {err}")
            return 1
        print(
            f"{name:14} {figures.examples:8,} {figures.seconds:8.1f} "
            f"{1000 * figures.seconds / max(figures.examples, 1):8.1f}ms "
            f"{1000 * figures.slowest:6.0f}ms  {figures.largest:,} bytes"
        )
        total.examples += figures.examples
        total.seconds += figures.seconds
        total.problems += figures.problems
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{total.examples:,} documents, {total.problems:,} problems reported, no internal "
        f"error; {total.seconds:.1f} s checking; peak memory {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
