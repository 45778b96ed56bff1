"""Text from data never controls the terminal through the app (issue 10, part 1).

The archive and bookmarks here hold hostile text in every field, as a version that stored
text as it came would have written them (`tests.hostile.make_legacy`). Every screen a user
can reach is rendered by Pilot, and what the compositor would send (each segment of each
line, toasts included) holds no escape sequence, C1 control or bidi override, and no
link or other markup made of data. Then the real thing: the app in tmux, whose pane title
an OSC 0 in a title would change.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from textual import events
from textual.pilot import Pilot

from store import Archive, Bookmarks
from tests.hostile import NASTY, TITLE, control_in, hostile_line, make_legacy
from tests.ssh_support import Tmux
from tests.tui.conftest import sample_items
from tui.app import PressroomApp
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.note_prompt import NotePrompt
from tui.screens.people import PeopleScreen
from tui.screens.reader import ReaderScreen
from tui.session import Session, Settings

ROOT = Path(__file__).resolve().parents[2]
SPEECH = "Speech by the CSTO Secretary General Imangali Tasmagambetov"


def hostile_files(folder: Path, text: str = NASTY) -> tuple[Path, Path]:
    """An archive of the sample items and a bookmarks file, `text` in every field."""
    path = folder / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(sample_items())
        first = archive.ids()[0]
    make_legacy(path, text)
    marks = Bookmarks.open(folder / "bookmarks.json")
    marks.add(first, note="placeholder")
    marks.add("missing-item")
    # a bookmarks file written by hand or by an older version: notes and ids as they came
    raw = (folder / "bookmarks.json").read_text(encoding="utf-8")
    raw = raw.replace('"placeholder"', _json_string(text))
    raw = raw.replace('"missing-item"', _json_string("missing" + text))
    (folder / "bookmarks.json").write_text(raw, encoding="utf-8")
    return path, folder / "bookmarks.json"


def _json_string(text: str) -> str:
    return json.dumps(text)


def app_on(folder: Path, *, problem: str = "") -> tuple[PressroomApp, Archive]:
    archive = Archive.open(folder / "archive.sqlite3", readonly=True)
    marks = None if problem else Bookmarks.open(folder / "bookmarks.json")
    settings_ = Settings(low_bandwidth=True, mouse=False, served=False)
    return PressroomApp(Session(archive, marks, problem, settings_)), archive


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    hostile_files(tmp_path)
    return tmp_path


def drawn(pilot: Pilot) -> Iterator[tuple[str, object]]:
    """Every (text, style) segment of the screen as the compositor would send it."""
    for strip in pilot.app.screen._compositor.render_strips():
        for segment in strip:
            yield segment.text, segment.style


def assert_inert(pilot: Pilot, where: str) -> str:
    """The screen's text, after checking no segment holds a control or data markup."""
    lines = []
    for strip in pilot.app.screen._compositor.render_strips():
        line = ""
        for segment in strip:
            found = control_in(segment.text)
            assert found is None, f"{where}: {found} drawn in {segment.text!r}"
            style = segment.style
            assert style is None or not style.link, f"{where}: a link made of data: {style}"
            line += segment.text
        lines.append(line)
    return "\n".join(lines)


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def tour(pilot: Pilot, text: str) -> None:
    """Every screen with data, in the order a user meets them, each checked."""
    await settle(pilot)
    assert_inert(pilot, "events")
    pilot.app.post_message(events.Paste("summit " + text))  # a query pasted into the box
    await settle(pilot)
    shown = assert_inert(pilot, "events, searched")
    assert "summit" in pilot.app.screen.query_one("#search").value
    assert "summit" in shown
    await pilot.press("ctrl+l", "escape", "enter")  # the whole list again, open the newest
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)
    assert_inert(pilot, "reader")
    await pilot.press("slash")
    pilot.app.post_message(events.Paste(text))  # find in text, pasted
    await settle(pilot)
    assert_inert(pilot, "reader, finding")
    await pilot.press("escape", "B")  # close find; bookmark with a note: the note prompt
    await settle(pilot)
    assert isinstance(pilot.app.screen, NotePrompt)
    assert_inert(pilot, "note prompt")
    await pilot.press("escape", "q", "escape", "p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PeopleScreen)
    assert_inert(pilot, "people")
    await pilot.press("escape", "m")  # from the filter box to the list, then Bookmarks
    await settle(pilot)
    assert isinstance(pilot.app.screen, BookmarksScreen)
    assert_inert(pilot, "bookmarks")
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, NotePrompt)
    assert_inert(pilot, "bookmarks, note prompt")
    await pilot.press("escape")


async def test_every_screen_of_a_hostile_archive_draws_no_control(hostile_folder: Path) -> None:
    app, archive = app_on(hostile_folder)
    with archive:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            shown = assert_inert(pilot, "events")
            assert "Minsk talks" in shown and "[bold]b[/bold]" in shown  # markup shows as text
            await tour(pilot, NASTY)


async def test_the_reader_shows_the_text_around_the_sequences(hostile_folder: Path) -> None:
    app, archive = app_on(hostile_folder)
    with archive:
        async with app.run_test(size=(120, 60), notifications=True) as pilot:
            rows = archive.rows(archive.columns.order)
            index = next(i for i, row in enumerate(rows) if row.title.startswith(SPEECH))
            app.open_reader(archive.columns.order, index)
            await settle(pilot)
            shown = assert_inert(pilot, "reader")
            assert "Minsk talks" in shown and "gnp.exe" in shown
            assert "click" in shown  # the OSC 8 link's text, without the link
            assert "[bold]b[/bold]" in shown and "Imangali Tasmagambetov" in shown


async def test_a_toast_carrying_data_draws_it_as_plain_text(hostile_folder: Path) -> None:
    """Bookmarks unavailable: the toast names the problem, here hostile, and markup."""
    app, archive = app_on(hostile_folder, problem=f"cannot read /srv/{NASTY}/bookmarks.json")
    with archive:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            shown = assert_inert(pilot, "toast")
            assert "Bookmarks unavailable" in shown
            app.notify(f"[link=https://evil.example]{TITLE}x[/link] [bold")  # would not parse
            await settle(pilot)
            assert "[link=https://evil.example]x[/link] [bold" in assert_inert(pilot, "toast")


async def test_a_month_typed_at_the_jump_prompt_shows_as_typed(hostile_folder: Path) -> None:
    app, archive = app_on(hostile_folder)
    with archive:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("escape", "t")
            pilot.app.post_message(events.Paste(f"[/]{TITLE}2019-13"))
            await pilot.press("enter")
            await settle(pilot)
            assert "not a month: '[/]2019-13'" in assert_inert(pilot, "jump")


@settings(max_examples=3, deadline=None, phases=[p for p in Phase if p != Phase.explain],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_line)
def test_any_hostile_text_in_every_field_draws_no_control(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """A few generated strings through the whole tour (an app each: a few seconds)."""
    folder = tmp_path_factory.mktemp("hostile")
    hostile_files(folder, text)

    async def run() -> None:
        app, archive = app_on(folder)
        with archive:
            async with app.run_test(size=(100, 30), notifications=True) as pilot:
                await tour(pilot, text)

    asyncio.run(run())


# -- a real terminal ---------------------------------------------------------------------


class Terminal(Tmux):
    """tmux as the user's terminal: what the app made it do shows in its state."""

    async def option(self, name: str, value: str) -> None:
        await self._run("set-option", "-g", name, value)

    async def pane_title(self) -> str:
        return (await self._run("display-message", "-p", "#{pane_title}")).strip()

    async def buffers(self) -> str:
        """tmux's paste buffers: where an OSC 52 clipboard write lands."""
        return (await self._run("list-buffers")).strip()


@pytest.mark.skipif(not shutil.which("tmux"), reason="needs tmux")
async def test_browsing_a_hostile_archive_in_tmux_leaves_the_title_and_clipboard_alone(
    hostile_folder: Path,
) -> None:
    """tmux obeys OSC 0/2 (the pane title) and, with set-clipboard on, OSC 52 (a paste
    buffer), as a user's terminal would: after every screen, neither has changed."""
    tmux = Terminal(hostile_folder / "tmux.sock")
    await tmux.start("env TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh", 120, 40)
    try:
        await tmux.option("set-clipboard", "on")
        await tmux.option("allow-rename", "on")
        before = await tmux.pane_title()
        await tmux.keys(f"cd {ROOT} && {sys.executable} -m tui --no-mouse --low-bandwidth"
                        f" --archive {hostile_folder / 'archive.sqlite3'}"
                        f" --bookmarks {hostile_folder / 'bookmarks.json'}; echo app-ended",
                        "Enter")
        await tmux.wait_for("39 items")
        # Tab, not Escape: a terminal's Escape followed fast by a key reads as alt+key
        for keys, shows in ((["Tab", "Enter"], "line 1/"), (["m"], "bookmarks"),
                            (["p"], "Items")):
            await tmux.keys(*keys)
            await tmux.wait_for(shows)
        await tmux.keys("C-q")
        await tmux.wait_for("app-ended")
        after = await tmux.pane_title()
        assert after == before and "PWNED" not in after
        assert await tmux.buffers() == ""
    finally:
        await tmux.kill()
