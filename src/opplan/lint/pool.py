"""The workers: many files are checked by a pool of forked processes.

Below `PARALLEL_FROM` files, or where processes cannot be forked, the files
are checked one after the other in this process. The pool is forked after
`warm_up` has imported and built what checking needs, so that no worker
imports it again, and the work is handed to the workers by inheritance rather
than pickled.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from opplan.gc_tuning import shared_with_workers

PARALLEL_FROM = 40  # files to check before a pool of workers pays for itself

Task = TypeVar("Task")
Result = TypeVar("Result")

_WORK: Callable[[Any], Any] | None = None  # what forked workers run


def map_tasks(
    tasks: Sequence[Task],
    work: Callable[[Task], Result],
    *,
    jobs: int,
    warm_up: Callable[[], None],
    in_worker: Callable[[Task], Result],
    received: Callable[[Result], Result],
) -> Iterator[Result]:
    """`work` on each task, in order; by up to `jobs` workers (0: one per CPU).

    Workers run `in_worker` instead, whose result is sent back pickled and
    passed through `received` in this process.
    """
    workers = min(jobs or os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2) or 1)
    if workers <= 1 or not _can_fork():
        yield from (work(task) for task in tasks)
        return
    import multiprocessing  # noqa: PLC0415 - only for many files

    global _WORK  # noqa: PLW0603 - handed to forked workers without pickling
    _WORK = in_worker
    warm_up()  # once, here, rather than once in each worker
    context = multiprocessing.get_context("fork")
    with shared_with_workers(), context.Pool(workers) as pool:
        chunks = max(1, len(tasks) // (workers * 8))
        for result in pool.imap(_run, tasks, chunksize=chunks):
            yield received(result)


def _run(task: Any) -> Any:
    assert _WORK is not None
    return _WORK(task)


def _can_fork() -> bool:
    import multiprocessing  # noqa: PLC0415

    return "fork" in multiprocessing.get_all_start_methods()
