"""Reader benchmark: open a 100k-word speech to first frame, and page through it.

Runs the real app headless (Pilot). In the same process it times Textual's `Markdown`
widget on the same text, once, so the result is a ratio on this machine.

    python -m tests.bench.bench_reader [--words 100000] [--runs 7] [--markdown-cap 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from store import Archive, Bookmarks, Item, Participant
from tui.cli.launch import set_frame_rate
from tui.session import Session, Settings

SENTENCES = (
    "The Collective Security Treaty Organization remains a reliable guarantor of stability "
    "in the region.",
    "Illegal migration and drug trafficking remain serious challenges for all of us.",
    "We note with concern the growing number of armed conflicts near the borders of the "
    "member states.",
    "Countering international terrorism and extremism is one of our priorities.",
    "The joint exercises of the Collective Rapid Reaction Forces confirmed the readiness "
    "of our contingents.",
    "Cooperation in the field of information security has become increasingly important.",
    "I would like to thank our Belarusian friends for their hospitality.",
    "Peacekeeping capabilities of the Organization must be developed further.",
)


def speech(words: int, seed: int = 1) -> Item:
    """A speech of about `words` words in paragraphs of 40-200 words, like real transcripts."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        target = rng.randint(40, 200)
        sentences: list[str] = []
        count = 0
        while count < target:
            sentence = rng.choice(SENTENCES)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
        total += count
    return Item(
        id=f"bench-speech-{words}",
        date="2024-10-31",
        kind="speech",
        title=f"Speech of {words:,} words by the Secretary General",
        body=tuple(paragraphs),
        participants=(Participant("Imangali Tasmagambetov", "Secretary General", "CSTO"),),
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def time_reader(session: Session, rowid: int, pages: int) -> tuple[float, list[float]]:
    """Seconds from pushing the reader to its first frame; then seconds per PgDn repaint."""
    import numpy as np

    from tui.app import PressroomApp
    from tui.screens.reader import ReaderScreen

    app = PressroomApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.open_reader(np.array([rowid], dtype=np.int64), 0)
        await pilot.pause()
        while not (isinstance(app.screen, ReaderScreen) and app.screen.view.line_count):
            await pilot.pause()
        await pilot.pause()  # the frame with the text is painted
        opened = time.perf_counter() - start
        steps = []
        for _ in range(pages):
            step = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            steps.append(time.perf_counter() - step)
    return opened, steps


async def time_quote(session: Session, rowid: int, runs: int) -> dict[str, list[float]]:
    """Seconds of event-loop work for `v`, `G` (select to the end) and `y` (copy it all,
    with citation, as OSC 52), each called as its key would, then the repaint after them."""
    import numpy as np

    from tui.app import PressroomApp
    from tui.screens.reader import ReaderScreen

    app = PressroomApp(session)
    times: dict[str, list[float]] = {"v": [], "G": [], "y": [], "repaint": []}
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_reader(np.array([rowid], dtype=np.int64), 0)
        while not (isinstance(app.screen, ReaderScreen) and app.screen.view.line_count):
            await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        for _ in range(runs):
            for key, action in (("v", screen.action_select), ("G", screen.view.action_bottom),
                                ("y", screen.action_copy_quote)):
                start = time.perf_counter()
                action()
                times[key].append(time.perf_counter() - start)
            start = time.perf_counter()
            await pilot.pause()
            times["repaint"].append(time.perf_counter() - start)
            screen.view.clear_selection()
            app.clear_notifications()
            await pilot.pause()
    return times


async def time_floor(session: Session, pages: int) -> tuple[float, list[float]]:
    """The same steps with a one-line screen: what Pilot and a repaint cost by themselves."""
    from textual.screen import Screen
    from textual.widgets import Static

    from tui.app import PressroomApp

    app = PressroomApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        screen = Screen()
        await app.push_screen(screen)
        await screen.mount(Static("one line"))
        await pilot.pause()
        await pilot.pause()
        opened = time.perf_counter() - start
        steps = []
        for _ in range(pages):
            step = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            steps.append(time.perf_counter() - step)
    return opened, steps


async def time_markdown(text: str, cap_runs: int) -> float:
    """Seconds for Textual's Markdown widget to mount the same text (run `cap_runs` times)."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown

    class MarkdownApp(App[None]):
        def compose(self) -> ComposeResult:
            yield VerticalScroll(id="page")

    best = float("inf")
    for _ in range(cap_runs):
        app = MarkdownApp()
        async with app.run_test(size=(120, 40)) as pilot:
            start = time.perf_counter()
            await app.query_one("#page").mount(Markdown(text))
            await pilot.pause()
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--markdown-cap", type=int, default=1,
                        help="times to run the (slow) Markdown comparison; 0 skips it")
    args = parser.parse_args()
    set_frame_rate(low_bandwidth=False)  # as `pressroom` starts, before Textual loads

    item = speech(args.words)
    text = "\n\n".join(item.body)
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive.open(Path(folder) / "archive.sqlite3")
        archive.import_items([item])
        rowid = int(archive.columns.order[0])
        bookmarks = Bookmarks.open(Path(folder) / "bookmarks.json")
        session = Session(archive, bookmarks, "", Settings(low_bandwidth=True, mouse=False))
        opens: list[float] = []
        steps: list[float] = []
        floor_opens: list[float] = []
        floor_steps: list[float] = []
        for _ in range(args.runs):
            opened, paged = asyncio.run(time_reader(session, rowid, args.pages))
            opens.append(opened)
            steps.extend(paged)
            opened, paged = asyncio.run(time_floor(session, args.pages))
            floor_opens.append(opened)
            floor_steps.extend(paged)
        print(f"speech: {item.words:,} words, {len(item.body):,} paragraphs, "
              f"{len(text) / 1e6:.2f} MB of text")
        print(f"reader open -> first frame: p50 {statistics.median(opens) * 1000:.0f} ms, "
              f"p95 {percentile(opens, 0.95) * 1000:.0f} ms over {args.runs} runs "
              "(budget 300 ms)")
        print(f"page down -> repaint: p50 {statistics.median(steps) * 1000:.1f} ms, "
              f"p95 {percentile(steps, 0.95) * 1000:.1f} ms over {len(steps)} pages")
        print(f"floor (a one-line screen, same Pilot steps): open p50 "
              f"{statistics.median(floor_opens) * 1000:.0f} ms, key -> repaint p50 "
              f"{statistics.median(floor_steps) * 1000:.1f} ms; reader/floor: open "
              f"{statistics.median(opens) / statistics.median(floor_opens):.1f}x, page "
              f"{statistics.median(steps) / statistics.median(floor_steps):.1f}x")
        quoting = asyncio.run(time_quote(session, rowid, args.runs))
        frame = 1000 / int(os.environ.get("TEXTUAL_FPS", "60"))
        print(f"quoting the whole speech ({len(text):,} characters), event-loop work p50 / "
              f"max over {args.runs} runs (one frame is {frame:.1f} ms): " + ", ".join(
                  f"{key} {statistics.median(v) * 1000:.2f} / {max(v) * 1000:.2f} ms"
                  for key, v in quoting.items()))
        if args.markdown_cap > 0:
            markdown = asyncio.run(time_markdown(text, args.markdown_cap))
            print(f"Textual Markdown on the same text: {markdown * 1000:.0f} ms "
                  f"-> the reader is {markdown / statistics.median(opens):.0f}x faster")
        archive.close()


if __name__ == "__main__":
    main()
