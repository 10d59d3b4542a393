"""Fuzzing: no broken or hostile document makes opplan fail with an internal error.

The documents are the examples, mutated (see `fuzzing.py`), and the reproducers
of every crash found so far, as explicit examples. A longer run with figures is
`bench/fuzz_bench.py`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzzing import byte_mutants, check, line_mutants

REPRODUCERS = [
    b"---\nkind: op1\nx: !t [a]\n---\n",
    b"---\nkind: op1\nx: !!python/object/apply:os.system [a]\n---\n",
    b"---\nkind: op1\nx: !!omap [a: 1]\n---\n",
    b"---\nkind: prfaq\nbase: &A {x: 1}\n<<: *A\n---\n",
    b"---\nkind: op1\npartners:\n  - <<: {team: 1}\n---\n",
    b"---\nkind: op1\nx: &m {a: '[b]'}\ny: [{<<: *m}]\n---\n",
    b"---\nkind: op1\nx: " + b"[" * 700 + b"]" * 700 + b"\n---\n",
    b"---\nkind: op1\na: &A 1\nb: &A 2\n---\n",
    b"---\nkind: op1\n"
    + b"a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n".encode() for n in range(1, 10))
    + b"---\n",
    b"---\nkind: op1\n---\n" + b"".join(b"  " * n + b"- item\n" for n in range(60)),
    b"---\nkind: op1\n---\n" + b"> " * 3000 + b"x\n",
    b"---\n<<: {kind: nope}\n---\n",
    b"---\nkind: op1\n---\n\x00",
    b"\xef\xbb\xbf---\r\nkind: op1\r\n---\r\n# Risks\r",
]

# About 2,000 examples in all: under a minute on an idle machine. Linting takes about
# 10 ms an example; reading the frontmatter round-trip (as render and diff do) 30 ms,
# so only the line mutants, which reshape the frontmatter, are read that way too.
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=1500, deadline=None, suppress_health_check=_HEALTH)
@given(data=byte_mutants())
def test_byte_mutants_end_as_findings(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:  # hypothesis reuses a test's tmp_path
        check(data, Path(folder), round_trip=False)


@settings(max_examples=500, deadline=None, suppress_health_check=_HEALTH)
@given(data=line_mutants())
def test_line_mutants_end_as_findings(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check(data, Path(folder))


@pytest.mark.parametrize("data", REPRODUCERS)
def test_every_reproducer_ends_as_findings(data: bytes, tmp_path: Path) -> None:
    check(data, tmp_path)
