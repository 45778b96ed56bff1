"""Bookmark add/remove latency with 10,000 bookmarks: ours against stock TinyDB, same run.

Run: python -m tests.bench.bench_bookmarks [--bookmarks 10000] [--ops 200]
Files go to /work/bench-data/bookmarks/ (outside git). Budget: add/remove p95 <= 30 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import Query, TinyDB

from store import Bookmarks
from store.bookmarks.storage import SafeJSONStorage

DATA = Path("/work/bench-data/bookmarks")
BUDGET_MS = 30.0


def seed_records(count: int) -> dict[str, dict]:
    """Bookmarks like a long-time user's: ids like the archive's, notes of a sentence."""
    return {
        str(n): {
            "item_id": f"2024-10-31-statement-by-the-secretary-general-{n:06d}",
            "note": f"Quote paragraph {n % 9 + 1} in the quarterly report; check the figures.",
            "tags": ["csto", "speech"] if n % 3 == 0 else [],
            "created": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}T10:00:00+00:00",
            "position": n * 7 % 5000,
        }
        for n in range(1, count + 1)
    }


def timed(action: Callable[[int], object], count: int) -> list[float]:
    times = []
    for n in range(count):
        start = time.perf_counter()
        action(n)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    flag = "ok" if p95 <= BUDGET_MS else "OVER BUDGET"
    print(f"  {name:44} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   {1000 / p50:6.0f} ops/s  {flag}")
    return p50, p95


def bench_ours(path: Path, records: dict[str, dict], ops: int) -> dict[str, float]:
    storage = SafeJSONStorage(path)
    with storage.transaction():
        storage.write({"bookmarks": records})
    size = path.stat().st_size / 1e6
    print(f"pressroom (atomic replace + fsync + file lock), {len(records):,} bookmarks, "
          f"{size:.1f} MB")
    marks = Bookmarks.open(path)
    results = {}
    _, results["add"] = summary("add a new bookmark", timed(lambda n: marks.add(f"new-{n}"), ops))
    _, results["re-add"] = summary(
        "add again with a new note",
        timed(lambda n: marks.add(f"new-{n}", note=f"edited {n}"), ops),
    )
    _, results["position"] = summary(
        "set_position", timed(lambda n: marks.set_position(f"new-{n}", n + 1), ops)
    )
    _, results["remove"] = summary("remove", timed(lambda n: marks.remove(f"new-{n}"), ops))
    summary("get (reads the file to see others' changes)",
            timed(lambda n: marks.get(f"2024-10-31-statement-by-the-secretary-general-{n + 1:06d}"),
                  ops))
    other = Bookmarks.open(path)

    def after_another_session(n: int) -> None:
        other.add(f"other-{n}")  # not timed below: only `marks` is
        start = time.perf_counter()
        marks.add(f"mine-{n}")
        cold.append((time.perf_counter() - start) * 1000)

    cold: list[float] = []
    for n in range(ops // 2):
        after_another_session(n)
    _, results["add after another session"] = summary(
        "add right after another session's write", cold
    )
    return results


def bench_stock(path: Path, records: dict[str, dict], ops: int) -> dict[str, float]:
    path.write_text("")
    with TinyDB(path) as db:  # stock JSONStorage: in-place rewrite, no lock
        db.storage.write({"bookmarks": records})
    print(f"stock TinyDB (JSONStorage, in-place rewrite, no lock), {len(records):,} bookmarks")
    results = {}
    with TinyDB(path) as db:
        table = db.table("bookmarks")
        mark = Query()

        def add(n: int) -> None:
            doc = {"item_id": f"new-{n}", "note": "", "tags": [], "created": "", "position": 0}
            table.upsert(doc, mark.item_id == f"new-{n}")

        _, results["add"] = summary("add (upsert by item_id)", timed(add, ops))
        _, results["remove"] = summary(
            "remove", timed(lambda n: table.remove(mark.item_id == f"new-{n}"), ops)
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bookmarks", type=int, default=10_000)
    parser.add_argument("--ops", type=int, default=200)
    args = parser.parse_args()
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    records = seed_records(args.bookmarks)
    ours = bench_ours(DATA / "bookmarks.json", records, args.ops)
    print()
    stock = bench_stock(DATA / "stock.json", seed_records(args.bookmarks), args.ops)
    print()
    for op in ("add", "remove"):
        print(f"p95 {op}: pressroom {ours[op]:.1f} ms vs stock TinyDB {stock[op]:.1f} ms "
              f"= {ours[op] / stock[op]:.2f}x")
    worst = max(ours[op] for op in ("add", "remove"))
    print(f"budget: add/remove p95 <= {BUDGET_MS:.0f} ms -> "
          f"{'met' if worst <= BUDGET_MS else 'MISSED'} ({worst:.1f} ms)")


if __name__ == "__main__":
    main()
