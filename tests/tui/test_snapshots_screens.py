"""What the Reader, People and Bookmarks screens look like, pinned at 80×24, 120×40, NO_COLOR."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from store import Archive, Bookmarks
from tests.tui.conftest import AppFactory, item_ids_by_title

SPEECH = "Speech by the CSTO Secretary General Imangali Tasmagambetov"


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _id_of(archive: Archive, title_start: str) -> str:
    titles = item_ids_by_title(archive)
    return titles[next(t for t in titles if t.startswith(title_start))]


def _read(archive: Archive, title_start: str, query: str = "", keys: tuple[str, ...] = ()):
    async def run(pilot: Pilot) -> None:
        await _settle(pilot)
        rows = archive.rows(archive.columns.order)
        index = next(i for i, row in enumerate(rows) if row.title.startswith(title_start))
        terms = archive.match(query).terms if query else frozenset()
        pilot.app.open_reader(archive.columns.order, index, terms)
        await pilot.pause()
        await pilot.press(*keys)
        await _settle(pilot)

    return run


def _mode(key: str, *typed: str):
    async def run(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("escape", key)
        await _settle(pilot)
        if typed:
            await pilot.press(*typed)
            await _settle(pilot)

    return run


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
class TestScreenSnapshots:
    def test_the_reader_shows_header_and_highlighted_search_words(
        self, snap_compare, make_app: AppFactory, archive: Archive, size: tuple[int, int]
    ) -> None:
        run = _read(archive, "Secretary General met with Fyodor", "voitolovsky")
        assert snap_compare(make_app(), terminal_size=size, run_before=run)

    def test_the_reader_finds_text_with_a_counter(
        self, snap_compare, make_app: AppFactory, archive: Archive, size: tuple[int, int]
    ) -> None:
        run = _read(archive, SPEECH, keys=("slash", *"security", "enter", "n"))
        assert snap_compare(make_app(), terminal_size=size, run_before=run)

    def test_people_with_roles_counts_and_sparklines(
        self, snap_compare, make_app: AppFactory, size: tuple[int, int]
    ) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=_mode("p"))

    def test_people_filtered_by_a_cyrillic_name(
        self, snap_compare, make_app: AppFactory, size: tuple[int, int]
    ) -> None:
        run = _mode("p", *"Войтоловский")
        assert snap_compare(make_app(), terminal_size=size, run_before=run)

    def test_bookmarks_with_notes_and_an_unknown_id(
        self, snap_compare, make_app: AppFactory, archive: Archive, bookmarks: Bookmarks,
        size: tuple[int, int],
    ) -> None:
        bookmarks.add("20990101-deadbeef")
        bookmarks.add(_id_of(archive, "Statement on the International Day"))
        bookmarks.add(_id_of(archive, SPEECH), note="quote for Monday's brief")
        assert snap_compare(make_app(), terminal_size=size, run_before=_mode("m"))

    def test_the_note_prompt(
        self, snap_compare, make_app: AppFactory, archive: Archive, size: tuple[int, int]
    ) -> None:
        run = _read(archive, SPEECH, keys=("B", *"for the report"))
        assert snap_compare(make_app(), terminal_size=size, run_before=run)


def test_no_color_reader_shows_matches_and_bookmark_by_text(
    snap_compare, make_app: AppFactory, archive: Archive, bookmarks: Bookmarks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    bookmarks.add(_id_of(archive, SPEECH))
    run = _read(archive, SPEECH, "collective", keys=("slash", *"security", "enter"))
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_no_color_people_and_bookmarks_keep_the_cursor_marker(
    snap_compare, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_mode("p", "down"))


def test_unavailable_bookmarks_screen_says_why_and_how_to_repair(
    snap_compare, make_app: AppFactory
) -> None:
    app = make_app(bookmarks_problem="bookmarks.json: not valid JSON (line 3)")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mode("m"))
