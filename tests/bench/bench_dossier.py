"""The dossier of the most frequent person: how long `Archive.dossier` takes (budget 150 ms at 1M).

    python -m tests.bench.bench_dossier [--sizes 100000,1000000] [--seed 1] [--reuse]

On the synthetic archive `bench_search` builds (/work/bench-data). The most frequent person
(the CSTO Secretary General, in about a third of the items) is the worst case: the dossier
reads every appearance of theirs and every appearance in the items they share. Timed as the
app runs it, in a thread (the event loop never waits); the first run is cold, the median of
the next five warm. `--reuse` takes the newest archive of that size whatever code built it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.bench_search import archive_for

BUDGET_MS = 150.0
PAGE = 500
"""Item ids the screen asks for (`tui.screens.dossier.ITEMS_SHOWN`)."""


def _timed(archive, key: str) -> float:
    took: list[float] = []

    def run() -> None:
        start = time.perf_counter()
        archive.dossier(key=key, item_limit=PAGE)
        took.append((time.perf_counter() - start) * 1000)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return took[0]


def _write_arrays(path: Path) -> None:
    """Give an archive built before the appearance arrays existed the ones an import now
    writes (`store.index.appearances`), and say what that costs an import."""
    import sqlite3

    from store.index.appearances import Appearances

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if conn.execute("SELECT 1 FROM columns WHERE name = 'appearances.stamp'").fetchone():
            return
        start = time.perf_counter()
        arrays = Appearances.build(conn)
        conn.execute("BEGIN IMMEDIATE")
        arrays.save(conn)
        conn.execute("COMMIT")
        print(f"  wrote the appearance arrays ({len(arrays.item):,} appearances) as an import"
              f" does: {time.perf_counter() - start:.1f} s", flush=True)
    finally:
        conn.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.bench_dossier", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sizes", default="100000", help="comma-separated, default 100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="newest archive, any code")
    args = parser.parse_args(argv)
    from store import Archive

    failed = False
    for n in (int(s) for s in args.sizes.split(",")):
        path, _ = archive_for(n, args.seed, reuse=args.reuse)
        _write_arrays(path)
        with Archive.open(path, readonly=True) as archive:
            top = archive.people(limit=1, with_items=False)[0]
            cold = _timed(archive, top.key)
            warm = statistics.median(_timed(archive, top.key) for _ in range(5))
            dossier = archive.dossier(key=top.key, item_limit=PAGE)
        print(
            f"{n:>9,} items: dossier of {top.name} ({top.count:,} items,"
            f" {len(dossier.met_with)} contacts shown): cold {cold:,.0f} ms (the session's"
            f" first: reads the appearance arrays),"
            f" warm median {warm:,.0f} ms (budget {BUDGET_MS:.0f} ms at 1M)",
            flush=True,
        )
        failed |= n >= 1_000_000 and warm > BUDGET_MS
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
