"""Bulk reads collect garbage rarely, and leave the collector as they found it."""

from __future__ import annotations

import gc

import pytest

from conftest import EXAMPLES
from opplan.config import Config
from opplan.gc_tuning import YOUNG_THRESHOLD, fewer_collections, shared_with_workers
from opplan.lint.engine import lint


def test_fewer_collections_inside_and_the_thresholds_restored_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (max(before[0], YOUNG_THRESHOLD), *before[1:])
        raise RuntimeError
    assert gc.get_threshold() == before


def test_objects_frozen_for_workers_are_collectable_again_after() -> None:
    with shared_with_workers():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_parallel_lint_leaves_the_collector_as_it_was() -> None:
    before = gc.get_threshold()
    paths = sorted(EXAMPLES.glob("*.md")) * 30  # enough files for worker processes
    report = lint(paths, Config(root=EXAMPLES).lint, jobs=2)
    assert report.checked == {str(path) for path in paths}
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
