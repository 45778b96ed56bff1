"""A read-only bookmarks file: the app opens, shows the bookmarks, and says none can be added."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from store import Archive, Bookmarks
from tests.tui.conftest import item_ids_by_title
from tests.tui.test_bookmarks_screen import SPEECH, id_of, open_bookmarks, rows
from tui.app import PressroomApp
from tui.session import Session, Settings

READ_ONLY = "is read-only, so bookmarks cannot be added, changed or removed"


def messages(pilot: Pilot) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


def read_only_file(path: Path, archive: Archive) -> tuple[Bookmarks, bytes]:
    """One bookmark, note and all, in a file of mode 0444; the bytes it holds."""
    Bookmarks.open(path).add(id_of(archive, SPEECH), note="quote for Monday")
    path.chmod(0o444)
    return Bookmarks.open(path), path.read_bytes()


def app_on(archive: Archive, marks: Bookmarks) -> PressroomApp:
    settings = Settings(low_bandwidth=True, mouse=False)
    return PressroomApp(Session(archive, marks, "", settings))


async def test_the_app_shows_read_only_bookmarks_and_says_none_can_be_changed(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "bookmarks.json"
    marks, content = read_only_file(path, archive)
    async with app_on(archive, marks).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert any(READ_ONLY in m for m in messages(pilot))
        await open_bookmarks(pilot)
        lines = rows(pilot)
        assert len(lines) == 1 and "quote for Monday" in lines[0]
        banner = str(pilot.app.screen.query_one("#bookmarks-problem").render())
        assert READ_ONLY in banner
        await pilot.press("d")  # remove: refused, said, and the bookmark still listed
        await pilot.pause()
        assert len(rows(pilot)) == 1
        assert sum(READ_ONLY in m for m in messages(pilot)) >= 2
    assert path.read_bytes() == content


async def test_bookmarking_an_item_into_a_read_only_file_is_refused_and_said(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "bookmarks.json"
    marks, content = read_only_file(path, archive)
    other = item_ids_by_title(archive)
    async with app_on(archive, marks).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # leave the search box, so `b` is a key
        await pilot.press("b")  # the newest item, not yet bookmarked
        await pilot.pause()
        assert any(m.startswith("Not changed: ") and READ_ONLY in m for m in messages(pilot))
        assert pilot.app.session.bookmarks is not None  # still shown, not "unavailable"
    assert path.read_bytes() == content
    assert Bookmarks.open(path).ids() == {other[next(t for t in other if t.startswith(SPEECH))]}
