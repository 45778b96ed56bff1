"""How fast the app starts and answers typing, and how much memory it holds (issue 5 budgets).

    python -m tests.bench.bench_tui [--sizes 100000,1000000] [--runs 5]

For each archive size (synthetic, from `tests.bench.synth`, imported once and cached in
/work/bench-data/): start → first frame with the newest rows visible, in fresh processes
(p50 of `--runs`), beside a bare Textual app started the same way in the same run, so the
result is also a ratio; keystroke → repainted list in the search box, p50/p95 over every
prefix of a query mix, beside `archive.match` alone; RSS of the app after its first frame
and the background warm-up.
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
QUERIES = ["voitolovsky", "Тасмагамбетов", "security council", "kind:speech minsk", "zas"]
"""Names in Latin and Cyrillic, title words, a filter: typed one character at a time."""


def archive_for(size: int) -> Path:
    """A cached archive of `size` synthetic items (generated and imported on first use)."""
    from store import Archive

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"tui-{size}.sqlite3"
    if path.exists():
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
        await pilot.app.workers.wait_for_complete()  # the warm-up worker
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


async def typing_latency(archive_path: Path) -> tuple[list[float], list[float]]:
    """(keystroke → list repainted, archive.match alone) in ms, for every prefix typed."""
    from store import Archive
    from tui.app import PressroomApp
    from tui.session import Session, Settings
    from tui.widgets.event_list import EventList

    archive = Archive.open(archive_path, readonly=True)
    archive.warm()
    app = PressroomApp(Session(archive, None, "benchmark", Settings(low_bandwidth=True)))
    repaint: list[float] = []
    match_only: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        events = pilot.app.screen.query_one(EventList)
        for query in QUERIES:
            for char in query:
                t0 = time.perf_counter()
                await pilot.press(char if char != " " else "space")
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                events.render_line(0)
                repaint.append((time.perf_counter() - t0) * 1000)
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                archive.match(query[:end])
                match_only.append((time.perf_counter() - t0) * 1000)
            await pilot.press("escape", "escape", "slash")
            await pilot.app.workers.wait_for_complete()
    return repaint, match_only


async def bare_typing_latency() -> list[float]:
    """The same Pilot keystroke loop on a bare Textual app with one Input: the floor.

    Pilot's `press` waits for the app to go idle and `pause` waits a frame, so the raw
    figure above includes that; the difference to this floor is what pressroom adds.
    """
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()
            yield Static(id="echo")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one("#echo", Static).update(event.value)

    times: list[float] = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        for query in QUERIES:
            for char in query:
                t0 = time.perf_counter()
                await pilot.press(char if char != " " else "space")
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                times.append((time.perf_counter() - t0) * 1000)
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs="*")
    parser.add_argument("--started", type=float)
    args = parser.parse_args()
    if args.child is not None:
        if args.child[0] == "bare":
            child_bare(args.started)
        else:
            child_app(args.started, args.child[1])
        return

    import asyncio

    for size in (int(s) for s in args.sizes.split(",")):
        print(f"{size:,} items")
        path = archive_for(size)
        bare = [spawn("bare")["first_frame"] for _ in range(args.runs)]
        runs = [spawn("app", str(path)) for _ in range(args.runs)]
        first = [r["first_frame"] for r in runs]
        app_p50, bare_p50 = statistics.median(first), statistics.median(bare)
        print(f"  start → first frame: p50 {app_p50:.3f} s (bare Textual app {bare_p50:.3f} s,"
              f" ratio {app_p50 / bare_p50:.2f}x; max {max(first):.3f} s)")
        print(f"  RSS after first frame and warm-up: {max(r['rss_mb'] for r in runs):.0f} MB")
        repaint, match_only = asyncio.run(typing_latency(path))
        print(f"  keystroke → list repainted: p50 {pct(repaint, .5):.1f} ms,"
              f" p95 {pct(repaint, .95):.1f} ms over {len(repaint)} keystrokes"
              f" (archive.match alone: p50 {pct(match_only, .5):.1f} ms,"
              f" p95 {pct(match_only, .95):.1f} ms)")
        floor = asyncio.run(bare_typing_latency())
        print(f"  same keystrokes on a bare Textual Input: p50 {pct(floor, .5):.1f} ms,"
              f" p95 {pct(floor, .95):.1f} ms -> pressroom adds p50"
              f" {pct(repaint, .5) - pct(floor, .5):.1f} ms, p95"
              f" {pct(repaint, .95) - pct(floor, .95):.1f} ms")


if __name__ == "__main__":
    main()
