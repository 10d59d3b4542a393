"""Time and memory of `opplan lint` on hostile single inputs of up to 1 MB.

    python bench/hostile_bench.py [--size BYTES] [--runs N]

Writes one document per shape below, each about `--size` bytes (1 MB by
default), and lints each in a fresh process (`--no-cache`, JSON output),
printing the wall time and the process's peak memory (maximum resident set).
The target (README, "Security"): every input of up to 1 MB is checked in
under 2 s and 200 MB, and ends as findings or a one-line error. The shapes are
those that once took long or much memory: many unknown keys, one long body
line, long frontmatter text, long lists, aliases just under the cap, deep
nesting past the caps, and many headings, list items and placeholders.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "op1-payments-platform.md"
TARGET_SECONDS, TARGET_MB = 2.0, 200


def _fill(size: int, unit: str) -> str:
    return unit * max(1, size // len(unit))


def _example() -> tuple[str, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    return text[:end], text[end:]


def unknown_keys(size: int) -> str:
    keys = "".join(f"key{n:06d}: 1\n" for n in range(size // 12))
    return f"---\nkind: op1\n{keys}---\n"


def long_body_line(size: int) -> str:
    head, _ = _example()
    return head + "# Introduction\n\n" + _fill(size, "word ") + "\n"


def long_frontmatter_text(size: int) -> str:
    return "---\nkind: op1\ntitle: '" + _fill(size, "a") + "'\n---\n"


def long_list(size: int) -> str:
    return "---\nkind: op1\nowners:\n" + _fill(size, "  - Dana Reyes\n") + "---\n"


def aliases_under_the_cap(size: int) -> str:
    lines = ["kind: op1", "base: &b [a, b, c, d, e, f, g, h, i, j]"]
    lines += [f"k{n}: *b" for n in range(min(size // 12, 900))]
    lines += [f"f{n}: '{_fill(60, 'x')}'" for n in range(size // 70)]
    return "---\n" + "\n".join(lines) + "\n---\n"


def nested_flow(size: int) -> str:
    depth = min(size // 2, 900)
    return "---\nkind: op1\nx: " + "[" * depth + "]" * depth + "\n---\n"


def nested_body(size: int) -> str:
    head, _ = _example()
    return head + "\n" + "> " * (size // 2) + "deep\n"


def many_headings(size: int) -> str:
    head, body = _example()
    return head + body + _fill(size - len(body), "# Heading\n\nA line of text.\n\n")


def many_list_items(size: int) -> str:
    head, body = _example()
    return head + body + _fill(size - len(body), "- an item of a list\n")


def many_placeholders(size: int) -> str:
    head, body = _example()
    return head + body + _fill(size - len(body), "We do TBD for [customer] by TODO. ")


def real_document_repeated(size: int) -> str:
    head, body = _example()
    return head + body * max(1, size // len(body))


SHAPES: dict[str, Callable[[int], str]] = {
    name: shape
    for name, shape in globals().items()
    if callable(shape) and not name.startswith("_") and name[0].islower() and name != "main"
}


# The child's own peak memory: the process's high-water mark, written as it exits.
# (ru_maxrss from wait4 would count the memory of this process at the fork too.)
_CHILD = (
    "import atexit, sys\n"
    "from opplan.cli import main\n"
    "def peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        line = next(l for l in status if l.startswith('VmHWM'))\n"
    "    sys.stderr.write('\\npeak ' + line.split()[1] + '\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = ['opplan', *sys.argv[1:]]\n"
    "main()\n"
)


def measure(path: Path) -> tuple[float, float, float, int, str]:
    """Wall and CPU seconds, peak MB, exit code and first problem of linting `path`."""
    command = [sys.executable, "-c", _CHILD, "lint", "--no-cache", "--format", "json", str(path)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # the child's own CPU time
        seconds = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    try:
        problems = json.loads(stdout)["problems"]
        first = f"{problems[0]['rule']} at line {problems[0]['line']}" if problems else "clean"
    except (ValueError, KeyError):
        first = "NO JSON: " + stderr.decode(errors="replace").strip()[:60]
    if b"internal error" in stderr:
        first = "INTERNAL ERROR"
    cpu = usage.ru_utime + usage.ru_stime
    peak_kb = next(
        (int(line.split()[1]) for line in stderr.decode().splitlines() if line.startswith("peak ")),
        usage.ru_maxrss,
    )
    return seconds, cpu, peak_kb / 1024, code, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes per input")
    parser.add_argument("--runs", type=int, default=1, help="runs of each shape (the worst counts)")
    args = parser.parse_args()
    worst_seconds, worst_mb, failures = 0.0, 0.0, 0
    with tempfile.TemporaryDirectory() as folder:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"{'shape':24} {'bytes':>9} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}  exit  first")
        for name, shape in SHAPES.items():
            path = Path(folder) / f"{name}.md"
            path.write_text(shape(args.size), encoding="utf-8")
            runs = [measure(path) for _ in range(args.runs)]
            wall, cpu, peak = (max(run[column] for run in runs) for column in range(3))
            code, first = runs[-1][3], runs[-1][4]
            worst_seconds, worst_mb = max(worst_seconds, cpu), max(worst_mb, peak)
            bad = cpu >= TARGET_SECONDS or peak >= TARGET_MB or first.isupper() or "JSON" in first
            failures += bad
            size = path.stat().st_size
            mark = "  <-- over target" if bad else ""
            print(
                f"{name:24} {size:9,} {wall:7.2f} {cpu:6.2f} {peak:8.0f}  {code:4}  {first}{mark}"
            )
    print(
        f"worst: {worst_seconds:.2f} CPU s, {worst_mb:.0f} MB (target under "
        f"{TARGET_SECONDS:.0f} s and {TARGET_MB} MB; wall time matches CPU time on an idle "
        f"machine); {failures} over target"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
