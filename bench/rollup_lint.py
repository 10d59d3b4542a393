"""Bench: roll-up and cross-document lint of 1,000 generated team plans.

Target: each at most 5 s on 2 cores. Run from the repository's top folder:

    python bench/rollup_lint.py [COUNT]

It prints the time to load the plans, to run the cross-document rules over
them, to lint them fully (what `opplan lint` does) and to write the roll-up
(what `opplan rollup` does, loading included).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from opplan.collab.corpus import load_documents  # noqa: E402
from opplan.commands import rollup  # noqa: E402
from opplan.config import Config  # noqa: E402
from opplan.lint.corpus import check_corpus  # noqa: E402
from opplan.lint.engine import lint  # noqa: E402
from plan_factory import write_plans  # noqa: E402


def timed(label: str, action: object) -> object:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<40} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    settings = Config(root=ROOT)
    with tempfile.TemporaryDirectory() as folder:
        plans = Path(folder) / "plans"
        write_plans(plans, count)
        print(f"{count} generated team plans")
        docs = timed("load", lambda: load_documents([plans], settings.lint))
        problems = timed(
            "cross-document rules (loaded plans)",
            lambda: list(check_corpus(docs, settings.lint)),  # type: ignore[arg-type]
        )
        report = timed("opplan lint (load and every rule)", lambda: lint([plans], settings.lint))
        output = Path(folder) / "rollup.md"
        timed(
            "opplan rollup (load and write)",
            lambda: rollup.run(
                [plans], org="Commerce Engineering", output=output, today=dt.date(2026, 10, 1)
            ),
        )
        print(f"cross-document problems: {len(problems)}; lint problems: {len(report.problems)}")  # type: ignore[arg-type,attr-defined]


if __name__ == "__main__":
    main()
