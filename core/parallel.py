"""A pool of worker processes for CPU-bound rendering (reportlab is pure Python: threads would
share one core). Workers are forked at once, while the caller is still small, so they do not
inherit its later tables; they must not touch the database (they share the parent's connection):
give them plain data, files or bytes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from django.conf import settings


def worker_count() -> int:
    """`settings.RENDER_WORKERS` (0 or 1: render in the calling process), else one per usable core."""
    configured = getattr(settings, "RENDER_WORKERS", None)
    if configured is not None:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ready() -> int:
    return os.getpid()


@contextmanager
def process_pool(workers: int | None = None) -> Iterator[Executor | None]:
    """A started pool of `workers` processes, or None when one process is all there is to use (or
    the platform cannot fork): callers then render in their own process."""
    workers = worker_count() if workers is None else workers
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        for future in [pool.submit(_ready) for _ in range(workers)]:  # fork every worker now
            future.result()
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
