"""The Bookmarks screen as a user drives it: list, open, remove and undo, notes, export."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from store import Archive, Bookmark, Bookmarks
from tests.tui.conftest import AppFactory, item_ids_by_title
from tui.screens.bookmarks import (
    BookmarkList,
    BookmarksScreen,
    MarkdownPage,
    write_new_file,
)
from tui.screens.note_prompt import NotePrompt
from tui.screens.reader import ReaderScreen

SPEECH = "Speech by the CSTO Secretary General Imangali Tasmagambetov"


def id_of(archive: Archive, title_start: str) -> str:
    titles = item_ids_by_title(archive)
    return titles[next(t for t in titles if t.startswith(title_start))]


async def open_bookmarks(pilot: Pilot) -> BookmarksScreen:
    await pilot.press("escape")  # leave the Events search box, so `m` is a key
    await pilot.press("m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BookmarksScreen)
    return screen


def rows(pilot: Pilot) -> list[str]:
    view = pilot.app.screen.query_one(BookmarkList)
    lines = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
    return [line for line in lines if line.strip()]


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#bookmarks-status").render())


async def test_bookmarks_are_listed_newest_first_with_date_title_and_note(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    bookmarks.add(id_of(archive, "Statement on the International Day"), note="older")
    bookmarks.add(id_of(archive, SPEECH), note="quote for Monday")
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        lines = rows(pilot)
        assert len(lines) == 2
        assert lines[0].startswith("> 2024-10-31 Speech by the CSTO Secretary General")
        assert lines[0].rstrip().endswith("quote for Monday")
        assert "Statement on the International Day of Peacekeepers" in lines[1]
        assert status(pilot) == "2 bookmarks"


async def test_an_id_not_in_this_archive_is_shown_as_such(
    make_app: AppFactory, bookmarks: Bookmarks
) -> None:
    bookmarks.add("20990101-deadbeef", note="from another archive")
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_bookmarks(pilot)
        assert "not in this archive: 20990101-deadbeef" in rows(pilot)[0]
        assert "1 not in this archive" in status(pilot)
        await pilot.press("enter")  # nothing to open
        assert isinstance(pilot.app.screen, BookmarksScreen)


async def test_enter_opens_the_reader_and_brackets_walk_the_bookmarks(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    bookmarks.add(id_of(archive, "Statement on the International Day"))
    bookmarks.add(id_of(archive, SPEECH))
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.item is not None and reader.item.title.startswith(SPEECH)
        await pilot.press("right_square_bracket")
        assert reader.item.title.startswith("Statement on the International Day")
        await pilot.press("q")
        assert isinstance(pilot.app.screen, BookmarksScreen)


async def test_d_removes_and_u_brings_it_back_as_it_was_in_its_place(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    marks = [
        Bookmark(id_of(archive, "Statement on the International Day"), "newest",
                 created="2024-03-01T09:00:00+00:00"),
        Bookmark(speech, "keep this", ("quote",), "2024-02-01T09:00:00+00:00", 1234),
        Bookmark(id_of(archive, "Peacekeeping forces completed"), "oldest",
                 created="2024-01-01T09:00:00+00:00"),
    ]
    for mark in marks:
        bookmarks.restore(mark)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_bookmarks(pilot)
        before = rows(pilot)
        await pilot.press("j", "d")
        assert bookmarks.get(speech) is None
        assert len(rows(pilot)) == 2
        assert "u restores 1 removed" in status(pilot)
        await pilot.press("u")
        await pilot.pause()
        # the same created time, note, tags and reading position, so the same place
        assert bookmarks.list() == marks
        after = rows(pilot)
        assert [row[2:] for row in after] == [row[2:] for row in before]
        assert after[1].startswith("> ")  # the cursor is on the bookmark that came back


async def test_removing_here_clears_the_marker_in_the_events_list(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    bookmarks.add(id_of(archive, SPEECH))
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("d", "e")
        await pilot.pause()
        events = pilot.app.screen.query_one("#events")
        assert events.marked == set()


async def test_n_edits_the_note(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    bookmarks.add(speech, note="draft")
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, NotePrompt)
        await pilot.press("ctrl+u", *"final", "enter")  # ctrl+u clears the line
        await pilot.pause()
        assert bookmarks.get(speech).note == "final"
        assert rows(pilot)[0].rstrip().endswith("final")


async def test_x_writes_markdown_in_the_folder_the_app_was_started_in_and_names_it_short(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks, isolated_data_dir: Path,
    started_in: Path,
) -> None:
    bookmarks.add(id_of(archive, SPEECH), note="quote for Monday")
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("x", "x")
        await pilot.pause()
        written = sorted(started_in.glob("bookmarks-*.md"))
        assert len(written) == 2  # a second export in the same second is a new file
        text = written[0].read_text(encoding="utf-8")
        assert f"## {SPEECH}" in text
        assert "> quote for Monday" in text
        assert list(isolated_data_dir.rglob("*.md")) == []
        # the name as the user would type it here, not the full path
        shown = status(pilot).rpartition(" · exported to ")[2]
        assert shown in {path.name for path in written}
        assert [n.message for n in pilot.app._notifications][-1] == f"Exported to {shown}"


async def test_an_export_that_cannot_be_written_says_why_in_one_toast(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks, started_in: Path,
) -> None:
    bookmarks.add(id_of(archive, SPEECH))
    app = make_app()
    started_in.rmdir()  # the folder the app was started in is gone
    async with app.run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("x")
        await pilot.pause()
        (toast,) = [n for n in pilot.app._notifications if n.severity == "error"]
        assert toast.message.startswith("Could not write in ") and "started-in" in toast.message
        assert "exported" not in status(pilot)


def test_an_export_never_replaces_a_file_already_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "bookmarks-1.md").write_text("the user's own file")
    path = write_new_file(tmp_path, "bookmarks-1", "# Bookmarks")
    assert path == tmp_path / "bookmarks-1-2.md"
    assert (tmp_path / "bookmarks-1.md").read_text() == "the user's own file"


async def test_a_served_session_shows_the_markdown_instead_of_writing_it(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks, isolated_data_dir: Path,
    started_in: Path,
) -> None:
    bookmarks.add(id_of(archive, SPEECH), note="quote for Monday")
    async with make_app(served=True).run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("x")
        await pilot.pause()
        page = pilot.app.screen
        assert isinstance(page, MarkdownPage)
        assert "> quote for Monday" in page.markdown
        assert list(isolated_data_dir.rglob("bookmarks-*.md")) == []
        assert list(started_in.iterdir()) == []  # nor in the server's working folder
        await pilot.press("q")
        assert isinstance(pilot.app.screen, BookmarksScreen)


async def test_unavailable_bookmarks_are_explained_in_one_line_with_the_repair_command(
    make_app: AppFactory,
) -> None:
    problem = "bookmarks.json: not valid JSON (line 1)"
    async with make_app(bookmarks_problem=problem).run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        shown = str(pilot.app.screen.query_one("#bookmarks-problem").render())
        assert problem in shown
        assert "pressroom bookmarks repair" in shown
        await pilot.press("d", "x", "u")  # nothing to do, and nothing breaks
        assert isinstance(pilot.app.screen, BookmarksScreen)
