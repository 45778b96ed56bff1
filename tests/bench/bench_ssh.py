"""Sessions over `serve --ssh`: first frame for one session alone and for N at once.

Run: python -m tests.bench.bench_ssh [--sessions 8] [--rounds 3] [--archive PATH]
Prints first-frame p50/p95 (connect + key login + PTY + app start, until the status line
shows), alone and concurrent, and their ratio; the server's RSS. Files go to
/work/bench-data/ssh/ (outside git). The issue's goal: 8 sessions all draw within a few
seconds on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import statistics
import time
from pathlib import Path

from tests.ssh_support import RemoteScreen, new_key, running_server, write_authorized_keys
from tui.sshd.config import ServeConfig
from tui.sshd.startups import MaxStartups

DATA = Path("/work/bench-data/ssh")
CTRL_Q = b"\x11"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def first_frame(port: int, key, ready: str) -> float:
    started = time.perf_counter()
    remote = await RemoteScreen.open(port, key, columns=100, rows=30)
    await remote.wait_for(ready, deadline=120)
    elapsed = time.perf_counter() - started
    remote.type(CTRL_Q)
    await remote.exit_status()
    await remote.close()
    return elapsed


async def main(sessions: int, rounds: int, archive: Path | None) -> None:
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True)
    if archive is None:
        from store import Archive
        from store.paths import sample_files

        archive = DATA / "archive.sqlite3"
        opened = Archive.open(archive)
        opened.import_files(sample_files())
        opened.close()
    key = new_key()
    config = ServeConfig(archive=archive, data_dir=DATA / "data", port=0,
                         authorized_keys=write_authorized_keys(DATA / "keys", key),
                         max_sessions=sessions, per_address=sessions,
                         # N logins at once from one address, which a flood may not have
                         max_startups=MaxStartups.parse(str(sessions)),
                         per_address_startups=sessions)
    async with running_server(config) as server:
        await first_frame(server.port, key, " items")  # warm the page cache
        alone = [await first_frame(server.port, key, " items") for _ in range(rounds)]
        together: list[float] = []
        for _ in range(rounds):
            together += await asyncio.gather(
                *(first_frame(server.port, key, " items") for _ in range(sessions)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"archive: {archive}")
    print(f"1 session alone:    p50 {statistics.median(alone):.2f} s  "
          f"p95 {percentile(alone, 0.95):.2f} s  ({rounds} runs)")
    print(f"{sessions} sessions at once: p50 {statistics.median(together):.2f} s  "
          f"p95 {percentile(together, 0.95):.2f} s  max {max(together):.2f} s  "
          f"({rounds} rounds)")
    ratio = percentile(together, 0.95) / statistics.median(alone)
    print(f"ratio p95 together / p50 alone: {ratio:.1f}x")
    print(f"server and clients (this process) max RSS: {rss:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--archive", type=Path)
    options = parser.parse_args()
    asyncio.run(main(options.sessions, options.rounds, options.archive))
