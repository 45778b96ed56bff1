"""How fast the app starts and answers typing, and how much memory it holds (issue 5 budgets).

    python -m tests.bench.bench_tui [--sizes 100000,1000000] [--runs 5]

For each archive size (synthetic, from `tests.bench.synth`, imported once and cached in
/work/bench-data/): start → first frame with the newest rows visible, in fresh processes
(p50 of `--runs`), beside a bare Textual app started the same way in the same run, so the
result is also a ratio; keystroke → repainted list in the search box, p50/p95 over every
prefix of a query mix, timed inside the app (query changed → last list line drawn) with the
search it waited for, beside a bare Textual Input echoing into a Static, timed the same way;
RSS of the app after its first frame and the background warm-up.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("PRESSROOM_BENCH_DATA", "/work/bench-data"))
BUDGET_SEARCH_P95_MS = {100_000: 20.0, 1_000_000: 60.0}
FRAME_MS = 1000 / 60
QUERIES = ["voitolovsky", "Тасмагамбетов", "security council", "kind:speech minsk", "zas"]
"""Names in Latin and Cyrillic, title words, a filter: typed one character at a time."""


def archive_for(size: int) -> Path:
    """A cached archive of `size` synthetic items (generated and imported on first use)."""
    from store import Archive
    from tests.bench.bench_search import with_index_file

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"tui-{size}.sqlite3"
    if path.exists():
        with_index_file(path)
        return path
    jsonl = DATA / f"synth-{size}.jsonl"
    if not jsonl.exists():
        subprocess.run(
            [sys.executable, "-m", "tests.bench.synth", "--items", str(size), "--out", str(jsonl)],
            check=True,
        )
    started = time.perf_counter()
    with Archive.open(path.with_suffix(".partial")) as archive:
        report = archive.import_file(jsonl)
    path.with_suffix(".partial").rename(path)
    print(f"  imported {report.added:,} items in {time.perf_counter() - started:.1f} s")
    with_index_file(path)  # the one the import wrote went by the partial name
    return path


# -- child processes: one start each -------------------------------------------------------------


def child_bare(started: float) -> None:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("ready")

    async def probe(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        print(json.dumps({"first_frame": time.time() - started}), flush=True)
        pilot.app.exit()

    Bare().run(headless=True, size=(80, 24), auto_pilot=probe)


def child_app(started: float, archive_path: str) -> None:
    import resource

    from store import Archive, Bookmarks
    from tui.app import PressroomApp
    from tui.session import Session, Settings
    from tui.widgets.event_list import EventList

    archive = Archive.open(archive_path, readonly=True)
    bookmarks = Bookmarks.open(Path(archive_path).with_suffix(".bookmarks.json"))
    newest = archive.rows(archive.columns.order[:1])[0].title
    result: dict[str, float] = {}

    async def probe(pilot) -> None:  # type: ignore[no-untyped-def]
        events = pilot.app.screen.query_one(EventList)
        while newest[:30] not in events.render_line(1).text:
            await pilot.pause()
        result["first_frame"] = time.time() - started
        # The warm-up worker starts after the first refresh; wait until it has loaded the
        # first letters (the postings cache fills), then for it to finish.
        deadline = time.time() + 10
        while not archive._index._cached_bytes and time.time() < deadline:
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pilot.app.exit()

    app = PressroomApp(Session(archive, bookmarks, "", Settings(low_bandwidth=True)))
    app.run(headless=True, size=(80, 24), auto_pilot=probe)
    print(json.dumps(result), flush=True)


def spawn(*args: str) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_tui", "--child", *args, "--started",
         repr(started)],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# -- in-process: typing --------------------------------------------------------------------------


class _Clock:
    """Timestamps taken inside the app: when the query changed, and when lines were drawn."""

    def __init__(self) -> None:
        self.changed = 0.0
        self.painted = 0.0
        self.searches: list[float] = []

    def latency_ms(self) -> float:
        return (self.painted - self.changed) * 1000


async def typing_latency(archive_path: Path) -> tuple[list[float], list[float], float]:
    """(keystroke → list repainted, the search inside it) in ms, for every prefix typed,
    and the process's RSS in MB after the typing (the app's caches full of real searches).

    Measured inside the app, not around Pilot's calls (whose own waits are ~100 ms and
    vary): from the moment the search box posts the changed query to the last line of the
    event list drawn after the result arrived; the search is `Archive.match` as the app's
    worker thread ran it.
    """
    from store import Archive
    from tests.bench.bench_import import rss_mb
    from tui.app import PressroomApp
    from tui.screens.events import EventsScreen
    from tui.session import Session, Settings
    from tui.widgets.event_list import EventList

    clock = _Clock()
    applied = [False]
    changed, apply, render_line = (
        EventsScreen._start_search, EventsScreen._apply, EventList.render_line
    )
    match = Archive.match

    def on_changed(self, query, **kwargs):  # type: ignore[no-untyped-def]
        clock.changed, applied[0] = time.perf_counter(), False
        return changed(self, query, **kwargs)

    def on_apply(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = apply(self, *args, **kwargs)
        applied[0] = True
        return result

    def on_render_line(self, y):  # type: ignore[no-untyped-def]
        line = render_line(self, y)
        if applied[0]:
            clock.painted = time.perf_counter()
        return line

    def timed_match(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = match(self, *args, **kwargs)
        clock.searches.append((time.perf_counter() - started) * 1000)
        return result

    EventsScreen._start_search = on_changed  # type: ignore[method-assign]
    EventsScreen._apply = on_apply  # type: ignore[method-assign]
    EventList.render_line = on_render_line  # type: ignore[method-assign]
    Archive.match = timed_match  # type: ignore[method-assign]
    archive = Archive.open(archive_path, readonly=True)
    archive.warm()
    app = PressroomApp(Session(archive, None, "benchmark", Settings()))
    repaint: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        for query in QUERIES:
            for char in query:
                await pilot.press(char if char != " " else "space")
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                repaint.append(clock.latency_ms())
            await pilot.press("escape", "escape", "slash")
            await pilot.app.workers.wait_for_complete()
        rss = rss_mb()
    searches = clock.searches[-len(repaint):]
    return repaint, searches, rss


async def bare_typing_latency() -> list[float]:
    """The same keystrokes on a bare Textual app echoing an Input into a Static: the floor,
    measured the same way (query changed → echo drawn)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    clock = _Clock()

    class Echo(Static):
        def render(self):  # type: ignore[no-untyped-def]
            clock.painted = time.perf_counter()
            return super().render()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()
            yield Echo(id="echo")

        def on_input_changed(self, event: Input.Changed) -> None:
            clock.changed = time.perf_counter()
            self.query_one("#echo", Echo).update(event.value)

    times: list[float] = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        for query in QUERIES:
            for char in query:
                await pilot.press(char if char != " " else "space")
                await pilot.pause()
                times.append(clock.latency_ms())
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs="*")
    parser.add_argument("--started", type=float)
    parser.add_argument(
        "--without-index-file", action="store_true",
        help="also measure with the index file put aside (sessions search from memory)",
    )
    args = parser.parse_args()
    from tui.cli.launch import set_frame_rate

    set_frame_rate(low_bandwidth=False)  # as `pressroom` starts, before Textual loads
    if args.child is not None:
        if args.child[0] == "bare":
            child_bare(args.started)
        else:
            child_app(args.started, args.child[1])
        return

    for size in (int(s) for s in args.sizes.split(",")):
        print(f"{size:,} items")
        path = archive_for(size)
        measure(path, size, args.runs)
        if args.without_index_file:
            from store.index.mapped import index_path

            aside = path.with_name(path.name + ".aside")
            index_path(path).rename(aside)
            try:
                print(f"{size:,} items, without the index file (searching from memory)")
                measure(path, size, args.runs)
            finally:
                aside.rename(index_path(path))


def measure(path: Path, size: int, runs: int) -> None:
    import asyncio

    bare = [spawn("bare")["first_frame"] for _ in range(runs)]
    started = [spawn("app", str(path)) for _ in range(runs)]
    first = [r["first_frame"] for r in started]
    app_p50, bare_p50 = statistics.median(first), statistics.median(bare)
    print(f"  start → first frame: p50 {app_p50:.3f} s (bare Textual app {bare_p50:.3f} s,"
          f" ratio {app_p50 / bare_p50:.2f}x; max {max(first):.3f} s)")
    print(f"  RSS after first frame and warm-up: {max(r['rss_mb'] for r in started):.0f} MB")
    repaint, searches, rss_typed = asyncio.run(typing_latency(path))
    floor = asyncio.run(bare_typing_latency())
    budget = BUDGET_SEARCH_P95_MS.get(size, 60.0) + FRAME_MS
    print(f"  keystroke → list repainted (inside the app): p50 {pct(repaint, .5):.1f} ms,"
          f" p95 {pct(repaint, .95):.1f} ms, max {max(repaint):.1f} ms over"
          f" {len(repaint)} keystrokes; budget search p95 + one frame = {budget:.0f} ms ->"
          f" {'met' if pct(repaint, .95) <= budget else 'MISSED'}")
    print(f"    of which the search in the worker: p50 {pct(searches, .5):.1f} ms,"
          f" p95 {pct(searches, .95):.1f} ms")
    print(f"  bare Textual Input echoed into a Static, same keys: p50 {pct(floor, .5):.1f}"
          f" ms, p95 {pct(floor, .95):.1f} ms")
    print(f"  RSS after the typing (this process: the app and its search caches):"
          f" {rss_typed:.0f} MB")



if __name__ == "__main__":
    main()
