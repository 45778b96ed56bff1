"""Web import speed: saved pages per second, and `sync` of unchanged sources on loopback.

    python -m tests.bench.bench_web [--copies 20] [--sources 10]

Saved pages: the fixture site's article pages copied `--copies` times (each copy its own
canonical URL, so each is a new item) into a temporary folder and imported into a fresh
archive with `Archive.import_paths`; in the same run, bare `trafilatura.extract` over the
same files is the floor (pressroom adds its date, kind and people rules and the archive
write). Budget (DESIGN.md): >= 30 pages/s.

Sync: `--sources` sources of one page each on the loopback fixture server, synced once to
fill the archive, then again with nothing changed: the second run's requests (one
conditional GET a source; the test suite proves that count with the request log) and its
time. Budget: <= 0.5 s for 10 sources.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from store import Archive
from store.ingest.web.harvest import Source
from store.ingest.web.http import Politeness
from store.ingest.web.sync import run_sources
from tests.web.site_server import SITE, start_site

BUDGET_PAGES_PER_S = 30
BUDGET_SYNC_S = 0.5


def article_pages() -> list[Path]:
    return [p for p in sorted(SITE.rglob("*.html"))
            if "index" not in p.name and "/page/" not in str(p) and "private" not in str(p)]


def bench_pages(copies: int) -> None:
    import trafilatura

    pages = article_pages()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "mirror"
        files = []
        for copy in range(copies):
            for page in pages:
                data = page.read_bytes()
                # a copy of its own: another canonical URL, another item
                data = re.sub(rb'(rel="canonical" href="[^"?#]+)', rb"\1?copy=%d" % copy, data)
                target = root / str(copy) / page.relative_to(SITE)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                files.append(target)
        started = time.perf_counter()
        for file in files:
            trafilatura.extract(file.read_bytes(), with_metadata=True)
        bare = time.perf_counter() - started
        with Archive.open(Path(folder) / "a.sqlite3") as archive:
            started = time.perf_counter()
            report = archive.import_paths([root])
            ours = time.perf_counter() - started
    n = len(files)
    print(f"saved pages: {n} pages, {report.added} items")
    print(f"  bare trafilatura.extract  {n / bare:7.1f} pages/s")
    print(f"  pressroom import          {n / ours:7.1f} pages/s"
          f"  ({ours / bare:.2f}x the bare extraction; budget >= {BUDGET_PAGES_PER_S}/s)")


def bench_sync(count: int) -> None:
    site = start_site()
    pages = article_pages()
    sources = [Source(f"source {i}", site.url("/" + str(pages[i % len(pages)].relative_to(SITE))))
               for i in range(count)]
    politeness = Politeness(per_host_interval=0.0)  # one host stands in for ten
    with tempfile.TemporaryDirectory() as folder, Archive.open(Path(folder) / "a.sqlite3") as a:
        run_sources(a, sources, politeness)
        site.log.clear()
        started = time.perf_counter()
        reports = run_sources(a, sources, politeness)
        seconds = time.perf_counter() - started
    unchanged = sum(r.unchanged for r in reports)
    print(f"sync of {count} unchanged sources: {len(site.log)} requests, {unchanged} unchanged,"
          f" {seconds:.3f} s (budget <= {BUDGET_SYNC_S} s)")
    site.server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--sources", type=int, default=10)
    args = parser.parse_args()
    bench_pages(args.copies)
    bench_sync(args.sources)


if __name__ == "__main__":
    main()
