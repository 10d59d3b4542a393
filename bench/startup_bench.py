"""Time opplan's start-up against a bare Python, and a cold lint against markdownlint-cli2.

    python bench/startup_bench.py [--runs R] [--plans N] [--skip-markdownlint]

Every figure is measured in this run, on this machine, side by side:

1. `python -c pass` (a bare interpreter start), `opplan lint one.md` served
   from the cache, `opplan lint --no-cache one.md`, and a bare Python
   importing only the libraries an uncached run needs (`LIBRARIES`, then the
   same but pydantic), interleaved, R runs each (median wall and CPU time).
   Targets: cached at most 8 times a bare start, uncached at most 15 times;
   the libraries alone have no target, they show the floor the stack sets.
2. N plans of about 3,000 words (`bench/generate.py`), linted cold by
   `opplan lint --no-cache` and by markdownlint-cli2 with its default rules,
   alternately. Target: opplan at least 3 times faster. markdownlint-cli2 is
   installed from npm into a temporary folder (needs npm and the network).

opplan's modules are compiled to bytecode first, as pip does when it
installs a wheel: an editable install run with PYTHONDONTWRITEBYTECODE set
would otherwise compile every module again in every run.

Prints the figures and whether each target is met; exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

ONE = Path(__file__).parents[1] / "examples" / "op1-payments-platform.md"
OPPLAN = Path(sys.executable).with_name("opplan")  # the installed entry point, as users run it


TOOL = "markdownlint-cli2"

# What an uncached `opplan lint one.md` cannot do without: the schema models'
# base class, the Markdown parser and both YAML readers (libyaml through PyYAML
# for speed, ruamel.yaml for the positioned mapping). Timed alone, they show how
# much of the start-up is the stack's before any of opplan's own code runs.
LIBRARIES = "pydantic.main, markdown_it.main, ruamel.yaml.comments, yaml"
PARSERS = LIBRARIES.removeprefix("pydantic.main, ")  # the same without pydantic


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def interleaved(
    commands: dict[str, list[str]], runs: int, cwd: Path, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """The median wall and CPU seconds of each command, run in turn `runs` times."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(timed(command, cwd, env))
    return {
        name: (
            statistics.median(wall for wall, _ in times),
            statistics.median(cpu for _, cpu in times),
        )
        for name, times in results.items()
    }


def verdict(ratio: float, limit: float, *, at_most: bool) -> str:
    met = ratio <= limit if at_most else ratio >= limit
    return f"{'met' if met else 'MISSED'} (target {'at most' if at_most else 'at least'} {limit}x)"


def startup(runs: int, work: Path, env: dict[str, str]) -> bool:
    import opplan  # noqa: PLC0415 - the package the entry point runs

    compileall.compile_dir(Path(opplan.__file__).parent, quiet=1)
    shutil.copy(ONE, work / ONE.name)
    timed([str(OPPLAN), "lint", ONE.name], work, env)  # fills the cache
    medians = interleaved(
        {
            "python -c pass": [sys.executable, "-c", "pass"],
            "opplan lint one.md (cached)": [str(OPPLAN), "lint", ONE.name],
            "opplan lint --no-cache one.md": [str(OPPLAN), "lint", "--no-cache", ONE.name],
            "importing the libraries alone": [sys.executable, "-c", f"import {LIBRARIES}"],
            "... all but pydantic": [sys.executable, "-c", f"import {PARSERS}"],
        },
        runs,
        work,
        env,
    )
    bare = medians["python -c pass"][0]
    print(f"start-up, median of {runs} interleaved runs (wall, CPU):")
    ok = True
    for (name, (wall, cpu)), limit in zip(medians.items(), (None, 8, 15, None, None), strict=True):
        line = f"  {name:32} {wall * 1000:7.0f} ms wall {cpu * 1000:7.0f} ms CPU"
        if name != "python -c pass":
            ratio = wall / bare
            line += f"   {ratio:5.1f}x bare"
            if limit is not None:
                line += f": {verdict(ratio, limit, at_most=True)}"
                ok = ok and ratio <= limit
        print(line)
    print(f"  (the libraries: {LIBRARIES}, which an uncached run imports before reading a byte)")
    return ok


def markdownlint(prefix: Path) -> Path:
    """markdownlint-cli2 installed into `prefix` from npm."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to install markdownlint-cli2; install Node.js and npm")
    subprocess.run(
        [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), TOOL],
        check=True,
        capture_output=True,
    )
    return prefix / "node_modules" / ".bin" / "markdownlint-cli2"


def corpus_race(plans: int, runs: int, work: Path, env: dict[str, str]) -> bool:
    corpus = work / "corpus"
    written = generate(corpus, -(-plans // 3), 2027)
    words = sum(len(path.read_text().split()) for path in corpus.rglob("*.md")) // written
    tool = markdownlint(work / "npm")
    medians = interleaved(
        {
            "opplan lint --no-cache": [str(OPPLAN), "lint", "--no-cache", "."],
            "markdownlint-cli2 (default rules)": [str(tool), "**/*.md"],
        },
        runs,
        corpus,
        env,
    )
    print(f"\n{written} plans of {words} words on average, cold, median of {runs} runs:")
    for name, (wall, cpu) in medians.items():
        print(f"  {name:34} {wall:6.2f} s wall {cpu:6.2f} s CPU")
    ratio = medians["markdownlint-cli2 (default rules)"][0] / medians["opplan lint --no-cache"][0]
    print(f"  opplan is {ratio:.1f}x faster: {verdict(ratio, 3, at_most=False)}")
    return ratio >= 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each start-up case")
    parser.add_argument("--corpus-runs", type=int, default=3, help="runs of each corpus case")
    parser.add_argument("--plans", type=int, default=1000, help="plans in the corpus")
    parser.add_argument("--skip-markdownlint", action="store_true", help="only the start-up")
    args = parser.parse_args()
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}\n")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "OPPLAN_CACHE_DIR": str(work / "cache")}
        ok = startup(args.runs, work, env)
        if not args.skip_markdownlint:
            ok = corpus_race(args.plans, args.corpus_runs, work, env) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
