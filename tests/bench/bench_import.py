"""Import speed: JSONL into a fresh archive, against the floor of parsing and storing raw lines.

    python -m tests.bench.bench_import [--items 100000] [--sizes 100000,1000000] [--seed 1]

For each size the synthetic archive (`tests.bench.synth`) is generated once and cached under
/work/bench-data/. Each size is measured in a fresh child process, so peak RSS is the
import's own. In that same process, after the import, the floor is measured: a bare
`json.loads` of every line, then a plain `executemany` INSERT of the raw lines into an empty
SQLite table (same pragmas as the archive) — what any import costs on this machine. The
budget (DESIGN.md) is ≥ 5,000 items/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.bench.synth import VERSION as SYNTH_VERSION
from tests.bench.synth import write_archive

BENCH_DATA = Path(os.environ.get("PRESSROOM_BENCH_DATA", "/work/bench-data"))
BUDGET_ITEMS_PER_S = 5_000


def synthetic_archive(n: int, seed: int = 1) -> tuple[Path, Path]:
    """The cached JSONL and truth file for `n` items, generated when missing."""
    jsonl = BENCH_DATA / f"synth-{n}-seed{seed}-v{SYNTH_VERSION}.jsonl"
    truth = BENCH_DATA / f"synth-{n}-seed{seed}-v{SYNTH_VERSION}.truth.json"
    if not (jsonl.exists() and truth.exists()):
        print(f"generating {n:,} items -> {jsonl}", file=sys.stderr, flush=True)
        written = write_archive(n, jsonl, truth, seed)
        print(f"  {written.bytes / 1e6:,.0f} MB in {written.seconds:.0f} s", file=sys.stderr)
    return jsonl, truth


@dataclass(frozen=True)
class Measured:
    """One size, measured in one child process."""

    items: int
    added: int
    jsonl_mb: float
    import_s: float
    archive_mb: float
    rss_start_mb: float
    rss_peak_mb: float
    parse_s: float
    """`Archive.parse_files` alone (store.ingest.sources + Item.from_dict), no SQLite."""
    json_s: float
    insert_s: float

    @property
    def floor_s(self) -> float:
        return self.json_s + self.insert_s


def rss_mb() -> float:
    """This process's resident memory now (MB); the benchmarks' one way to read it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


def measure(jsonl: Path, archive_path: Path) -> Measured:
    """Import `jsonl` into a new archive at `archive_path`, then measure the floor."""
    from store import Archive

    for leftover in _archive_files(archive_path):
        leftover.unlink()
    rss_start = rss_mb()
    start = time.perf_counter()
    with Archive.open(archive_path) as archive:
        report = archive.import_file(jsonl)
    import_s = time.perf_counter() - start
    rss_peak = _peak_rss_mb()
    archive_mb = sum(p.stat().st_size for p in _archive_files(archive_path)) / 1e6

    start = time.perf_counter()
    parsed = sum(1 for _ in Archive.parse_files([jsonl]))
    parse_s = time.perf_counter() - start
    assert parsed == report.added + report.unchanged

    start = time.perf_counter()
    for line in _lines(jsonl):
        json.loads(line)
    json_s = time.perf_counter() - start

    floor_path = archive_path.with_name(archive_path.name + ".floor")
    for leftover in _archive_files(floor_path):
        leftover.unlink()
    conn = sqlite3.connect(floor_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE raw(line TEXT)")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO raw(line) VALUES (?)", ((line.decode("utf-8"),) for line in _lines(jsonl))
    )
    conn.execute("COMMIT")
    insert_s = time.perf_counter() - start
    conn.close()
    for leftover in _archive_files(floor_path):
        leftover.unlink()

    return Measured(
        items=parsed,
        added=report.added,
        jsonl_mb=jsonl.stat().st_size / 1e6,
        import_s=import_s,
        archive_mb=archive_mb,
        rss_start_mb=rss_start,
        rss_peak_mb=rss_peak,
        parse_s=parse_s,
        json_s=json_s,
        insert_s=insert_s,
    )


def _archive_files(path: Path) -> list[Path]:
    candidates = (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"))
    return [p for p in candidates if p.exists()]


def measure_in_child(jsonl: Path, archive_path: Path) -> Measured:
    """Run `measure` in a fresh interpreter, so its peak RSS is this import's alone."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_import", "--child", str(jsonl),
         str(archive_path)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return Measured(**json.loads(done.stdout.strip().splitlines()[-1]))


def report(m: Measured) -> str:
    rate = m.items / m.import_s
    verdict = "meets" if rate >= BUDGET_ITEMS_PER_S else "MISSES"
    floor_rate = m.items / m.floor_s
    return "\n".join(
        [
            f"{m.items:,} items, JSONL {m.jsonl_mb:,.0f} MB ({m.added:,} added)",
            f"  import       {m.import_s:8.1f} s  {rate:10,.0f} items/s"
            f"   ({verdict} the {BUDGET_ITEMS_PER_S:,} items/s budget)",
            f"  archive file {m.archive_mb:8.0f} MB  ({m.archive_mb / m.jsonl_mb:.2f}× the JSONL)",
            f"  RSS          {m.rss_start_mb:8.0f} MB at start, {m.rss_peak_mb:.0f} MB peak",
            f"  parse only   {m.parse_s:8.1f} s  {m.items / m.parse_s:10,.0f} items/s"
            "   (store.ingest.sources → Item, no SQLite)",
            f"  floor        {m.floor_s:8.1f} s  {floor_rate:10,.0f} items/s"
            f"   (json.loads {m.json_s:.1f} s + raw INSERT {m.insert_s:.1f} s)",
            f"  import / floor = {m.import_s / m.floor_s:.1f}×",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.bench_import", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--items", type=int, default=100_000, help="one size (default 100k)")
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 100000,1000000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("JSONL", "ARCHIVE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        measured = measure(Path(args.child[0]), Path(args.child[1]))
        print(json.dumps(asdict(measured)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.items]
    print(f"import benchmark, {os.cpu_count()} cores, sizes {', '.join(f'{n:,}' for n in sizes)}")
    failed = False
    for n in sizes:
        jsonl, _truth = synthetic_archive(n, args.seed)
        archive_path = BENCH_DATA / f"bench-import-{n}.sqlite3"
        measured = measure_in_child(jsonl, archive_path)
        print(report(measured), flush=True)
        failed |= measured.items / measured.import_s < BUDGET_ITEMS_PER_S
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
