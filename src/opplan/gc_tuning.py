"""Garbage collection while many documents are read.

Reading a document allocates thousands of small objects, and the frontmatter
of every document is kept until the cross-document rules have run. With
Python's default thresholds the collector walks all of them again and again:
a third of the time of linting 1,000 plans went to collections that found
nothing. Documents make no reference cycles to speak of, so collecting rarely
costs little memory.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000  # allocations between collections of the youngest generation


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage rarely inside the block (and in processes forked in it)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def shared_with_workers() -> Iterator[None]:
    """Leave the objects that exist now out of collections, while forked workers run.

    A worker's collections would otherwise touch every object it inherited,
    and copy the memory pages that hold them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
