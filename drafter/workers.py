"""One function over many inputs on every core, results in input order.

A pool of worker processes (Python's threads would share one core), each set
up once by ``start`` (e.g. with the standard, so no worker parses it twice),
then handed the inputs in small batches. Results come back in input order as
they are ready. Stopping early (the consumer breaks, or Ctrl-C in the parent)
cancels the inputs not yet started; workers ignore Ctrl-C and let the parent
decide. An exception raised in a worker is raised here.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    """The CPUs this process may run on."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return counted() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def ordered_map(
    work: Callable[[T], R],
    items: Sequence[T],
    start: Callable[..., None],
    start_args: tuple[Any, ...],
    jobs: int,
) -> Iterator[R]:
    """``work(item)`` for each item, in ``jobs`` processes each set up by ``start(*start_args)``.

    ``work`` and ``start`` must be module-level functions (they are pickled
    where processes are spawned rather than forked).
    """
    from concurrent.futures import ProcessPoolExecutor

    # Small batches: a worker left with the last big batch would keep the others idle (each item
    # is a few milliseconds of work; handing over a batch costs far less).
    chunk = max(1, min(4, len(items) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, initializer=_started, initargs=(start, start_args))
    try:
        yield from pool.map(work, items, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _started(start: Callable[..., None], args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start(*args)
