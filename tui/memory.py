"""Giving memory back to the host after a search, so hundreds of sessions fit on one.

A query at 10^6 items allocates dense arrays of a few megabytes each (scores per item,
the matches in date order) and frees them when the next result replaces them. glibc's
allocator keeps freed blocks of that size in the process's heap for reuse: measured over a
mix of ten queries at 1M items, a session's private memory grew from 38 to 113 MB though
only ~30 MB were alive, where `malloc_trim` brought it back to what is alive (~1-2 ms a
call). Only the process knows when a result has replaced the last one, so the app asks —
once the user pauses (`IDLE_SECONDS`): trimmed between keystrokes, the next search pays
for faulting its arrays' pages in again (measured: +2.5 ms p50 a keystroke at 100k).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache

M_ARENA_MAX = -8
"""glibc's mallopt parameter for the number of heaps ("arenas") threads allocate from."""
IDLE_SECONDS = 1.0
"""How long after the last result the freed memory goes back: typing is never slowed."""


@cache
def _libc() -> ctypes.CDLL | None:
    try:  # the C library the interpreter is linked with (find_library would run ldconfig)
        return ctypes.CDLL(None)
    except OSError:
        return None


def one_heap_for_all_threads() -> None:
    """Let every thread allocate from the main heap (glibc only; before threads start).

    Each search runs in a worker thread, and glibc gives threads heaps of their own: what
    they free there stays fragmented beyond `malloc_trim`'s reach. Measured over the
    typing mix at 1M items, a session kept 88 MB after trimming with per-thread heaps and
    42 MB with one; the app has one event loop and a worker or two, so they never wait
    on each other's allocations for long.
    """
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is not None:
        mallopt(M_ARENA_MAX, 1)


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None (another C library: nothing to do)."""
    trim: Callable[[int], int] | None = getattr(_libc(), "malloc_trim", None)
    return trim


def give_back_freed_memory() -> None:
    """Return the heap's free pages to the operating system (glibc only)."""
    trim = _trim()
    if trim is not None:
        trim(0)
