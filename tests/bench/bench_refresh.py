"""What `r` costs: opening an archive afresh and warming it, as the archive follower does.

    python -m tests.bench.bench_refresh PATH [--runs N]

Prints the time of `Archive.open(readonly=True)`, of `warm()`, and the memory the fresh
archive adds while the old one is still held (the moment of the swap).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from store import Archive
from store.archive_watch import count_new, file_stamp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("archive", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    session = Archive.open(args.archive, readonly=True)
    session.warm()
    opens, warms, stamps, counts = [], [], [], []
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(args.runs):
        started = time.perf_counter()
        file_stamp(args.archive)
        stamps.append(time.perf_counter() - started)
        started = time.perf_counter()
        count_new(args.archive, session.last_rowid - 100)
        counts.append(time.perf_counter() - started)
        started = time.perf_counter()
        fresh = Archive.open(args.archive, readonly=True)
        opens.append(time.perf_counter() - started)
        started = time.perf_counter()
        fresh.warm()
        warms.append(time.perf_counter() - started)
        session = fresh
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"
    print(f"{len(session):,} items")
    print(f"stamp (2 stats, every poll): {ms(stamps)}")
    print(f"count of new items (when the stamp moved): {ms(counts)}")
    print(f"open: {ms(opens)}")
    print(f"warm: {ms(warms)}")
    print(f"open + warm: {ms([o + w for o, w in zip(opens, warms, strict=True)])}")
    print(f"peak RSS grew by {(rss_after - rss_before) / 1024:.0f} MB over {args.runs} refreshes")


if __name__ == "__main__":
    main()
