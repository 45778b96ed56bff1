"""Watchlists are as safe as bookmarks: a killed writer and parallel writers lose none."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Bookmarks
from tests.test_bookmarks_safety import _seed

ROOT = Path(__file__).resolve().parent.parent

WATCHER = """
import sys
from store.bookmarks.store import Bookmarks
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = Bookmarks.open(path)
for n in range(count):
    name = f"{tag}-{n}"
    marks.watch(name, f"minsk {n}", seen_until=n)
    print(name, flush=True)
    if n % 5 == 4:
        marks.mark_seen(f"{tag}-{n - 1}", 10_000 + n)
"""
"""Saves watchlists one after another (marking one seen now and then), printing each name
once `watch` returned."""


def _watcher(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WATCHER, str(path), tag, str(count)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_a_watchlist_writer_killed_at_any_moment_loses_no_acknowledged_watchlist(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bookmarks.json"
    _seed(path, 1500)
    rng = random.Random(24)
    acknowledged: set[str] = set()
    kills_mid_write = 0
    round_no = -1
    while round_no < 7 or (kills_mid_write == 0 and round_no < 99):
        round_no += 1
        tag = f"w{round_no}"
        child = _watcher(path, tag, 10_000)
        assert child.stdout is not None
        log: list[str] = []
        for _ in range(rng.randint(1, 5)):
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"writer died: {child.stderr.read() if child.stderr else ''}")
            log.append(line.strip())
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        log += child.stdout.read().split()
        child.wait()
        if child.stderr is not None:
            child.stderr.close()
        acknowledged |= set(log)
        kills_mid_write += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        marks = Bookmarks.open(path)
        kept = {w.name for w in marks.watchlists()}
        in_flight = f"{tag}-{len(log)}"
        assert acknowledged <= kept <= acknowledged | {in_flight}, (
            f"round {round_no}: lost {sorted(acknowledged - kept)[:5]}"
        )
        acknowledged = kept
        assert len(marks) == 1500  # the bookmarks beside them are untouched
    assert kills_mid_write > 0, "no kill landed during a write: the test proves nothing"


@pytest.mark.slow
def test_four_watchlist_writers_at_once_keep_every_watchlist(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.open(path)
    marks.add("already-there", note="a bookmark from before")
    marks.clip("already-there", 0, 0, "a clipping from before")
    writers = [_watcher(path, f"p{n}", 60) for n in range(4)]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    printed = {line for out, _ in outputs for line in out.split()}
    watchlists = {w.name: w for w in Bookmarks.open(path).watchlists()}
    assert len(watchlists) == 240 and set(watchlists) == printed
    for name, watchlist in watchlists.items():
        n = int(name.rsplit("-", 1)[1])
        marked_seen = n % 5 == 3 and n + 1 < 60
        assert watchlist.seen_until == (10_001 + n if marked_seen else n), name
        assert watchlist.query == f"minsk {n}"
    again = Bookmarks.open(path)
    assert again.ids() == {"already-there"} and len(again.clippings()) == 1
