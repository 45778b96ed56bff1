"""Watchlists on Events: W saves the query, the "watch:" line says what is new, w manages
them, and opening one shows its items with the new ones marked and counts them as seen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from store import Archive, Bookmarks, Item
from tests.tui.conftest import AppFactory
from tui.screens.note_prompt import NotePrompt
from tui.screens.watchlists import WatchlistsScreen
from tui.widgets.event_list import EventList


def statement(n: int, title: str, date: str | None = "2019-05-01") -> Item:
    return Item(id=f"new-{n}", date=date, kind="statement", title=title,
                body=("A paragraph.",), language="en", source="test")


def watch_text(pilot: Pilot) -> str:
    line = pilot.app.screen.query_one("#watch")
    return str(line.render()) if line.display else ""


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#status").render())


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def visible_lines(pilot: Pilot) -> list[str]:
    events = pilot.app.screen.query_one(EventList)
    return [events.render_line(y).text for y in range(events.scrollable_content_region.height)]


async def test_no_watch_line_without_watchlists(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert watch_text(pilot) == ""


async def test_W_saves_the_query_under_a_name_and_nothing_is_new_yet(
    make_app: AppFactory, bookmarks: Bookmarks, archive: Archive
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press(*"minsk")
        await settle(pilot)
        await pilot.press("tab", "W")
        assert isinstance(pilot.app.screen, NotePrompt)
        await pilot.press("ctrl+u", *"Minsk talks", "enter")
        await settle(pilot)
        (kept,) = bookmarks.watchlists()
        assert (kept.name, kept.query, kept.seen_until) == ("Minsk talks", "minsk",
                                                             archive.last_rowid)
        assert watch_text(pilot).startswith("watch: Minsk talks 0 new")


async def test_the_watch_line_counts_what_is_new_at_start(
    make_app: AppFactory, bookmarks: Bookmarks, archive: Archive
) -> None:
    bookmarks.watch("Minsk", "minsk", seen_until=archive.last_rowid)
    bookmarks.watch("speeches", "kind:speech", seen_until=archive.last_rowid)
    archive.import_items([statement(1, "Minsk talks"), statement(2, "Minsk summit"),
                          statement(3, "Nothing about it")])
    async with make_app().run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert watch_text(pilot) == "watch: Minsk 2 new · speeches 0 new · w lists them"


async def test_opening_a_watchlist_marks_its_new_items_and_counts_them_seen(
    make_app: AppFactory, bookmarks: Bookmarks, archive: Archive, tmp_path: Path
) -> None:
    bookmarks.watch("Minsk", "minsk", seen_until=archive.last_rowid)
    archive.import_items([statement(1, "Minsk talks"), statement(2, "Minsk summit")])
    async with make_app().run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "w")
        assert isinstance(pilot.app.screen, WatchlistsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen.query_one("#search").value == "minsk"
        lines = visible_lines(pilot)
        marked = [line for line in lines if line[1:2] == "+"]
        assert len(marked) == 2 and all("Minsk" in line for line in marked)
        assert not any(line[1:2] == "+" for line in lines if "Minsk talks" not in line
                       and "Minsk summit" not in line)
        assert watch_text(pilot).startswith("watch: Minsk 0 new")
    # another day, another session: seen stays seen
    assert Bookmarks.open(bookmarks.path).watchlist("Minsk").seen_until == archive.last_rowid


async def test_W_with_no_query_lists_the_watchlists_and_d_removes_one(
    make_app: AppFactory, bookmarks: Bookmarks
) -> None:
    bookmarks.watch("Minsk", "minsk")
    bookmarks.watch("speeches", "kind:speech")
    async with make_app().run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "W")
        screen = pilot.app.screen
        assert isinstance(screen, WatchlistsScreen)
        await pilot.press("d")
        assert [w.name for w in bookmarks.watchlists()] == ["speeches"]
        await pilot.press("escape")
        await settle(pilot)
        assert watch_text(pilot).startswith("watch: speeches")


async def test_r_recounts_the_watch_line(
    make_app: AppFactory, bookmarks: Bookmarks, archive: Archive, tmp_path: Path
) -> None:
    from tests.tui.test_live_archive import import_elsewhere, new_items, wait_for

    bookmarks.watch("Minsk", "minsk", seen_until=archive.last_rowid)
    async with make_app().run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert watch_text(pilot).startswith("watch: Minsk 0 new")
        import_elsewhere(archive.path, new_items(tmp_path, 3))
        await wait_for(pilot, lambda: "3 new items" in status(pilot))
        assert watch_text(pilot).startswith("watch: Minsk 0 new")  # nothing moves before r
        await pilot.press("tab", "r")
        await wait_for(pilot, lambda: watch_text(pilot).startswith("watch: Minsk 3 new"))


async def test_opening_the_watchlist_of_the_query_shown_marks_its_new_items_too(
    make_app: AppFactory, bookmarks: Bookmarks, archive: Archive
) -> None:
    bookmarks.watch("Minsk", "minsk", seen_until=archive.last_rowid)
    archive.import_items([statement(1, "Minsk talks")])
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press(*"minsk")
        await settle(pilot)
        assert not any(line[1:2] == "+" for line in visible_lines(pilot))
        await pilot.press("tab", "w", "enter")
        await settle(pilot)
        assert next(line for line in visible_lines(pilot) if line[1:2] == "+").find(
            "Minsk talks") > 0
