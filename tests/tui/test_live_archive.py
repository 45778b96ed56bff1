"""An archive that moves under its readers: an import in another process reaches an open
session as a notice, and `r` shows the new items without losing the user's place."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store import Archive, Bookmarks, archive_file
from tests.tui.conftest import AppFactory, sample_items
from tui.app import PressroomApp
from tui.session import Session, Settings
from tui.widgets.event_list import EventList

ROOT = Path(__file__).resolve().parents[2]


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#status").render())


def new_items(folder: Path, count: int, *, date: str = "2025-03-{n:02d}",
              title: str = "Fresh statement {n} on Minsk") -> Path:
    """A JSONL file of `count` items no archive has yet, dated as given."""
    path = folder / f"new-{count}-{time.monotonic_ns()}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(1, count + 1):
            out.write(json.dumps({
                "date": date.format(n=n), "kind": "statement",
                "title": title.format(n=n), "body": f"Paragraph about Minsk number {n}.",
                "participants": [], "language": "en", "source": "test",
            }) + "\n")
    return path


def import_elsewhere(archive_path: Path, jsonl: Path) -> None:
    """`pressroom import` in a process of its own, as a colleague or a cron sync would."""
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli.main", "import", str(jsonl), "--archive",
         str(archive_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr


async def wait_for(pilot: Pilot, condition, seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds} s; status: {status(pilot)!r}")
        await pilot.pause(0.1)


def cursor_title(pilot: Pilot) -> str:
    row = pilot.app.screen.query_one(EventList).current_row()
    assert row is not None
    return row.title


async def test_an_import_in_another_process_is_announced_and_nothing_moves(
    make_app: AppFactory, archive: Archive, tmp_path: Path
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "j", "j", "j")
        before = cursor_title(pilot)
        events = pilot.app.screen.query_one(EventList)
        lines_before = len(events.listing)
        import_elsewhere(archive.path, new_items(tmp_path, 12))
        await wait_for(pilot, lambda: "12 new items · r to show" in status(pilot))
        assert status(pilot).startswith("39 items")
        assert len(events.listing) == lines_before and cursor_title(pilot) == before


async def test_r_shows_the_new_items_and_the_cursor_stays_on_its_item(
    make_app: AppFactory, archive: Archive, tmp_path: Path
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "j", "j", "j")
        before = cursor_title(pilot)
        events = pilot.app.screen.query_one(EventList)
        line_on_screen = events.listing.line_of(events.cursor) - int(events.scroll_y)
        import_elsewhere(archive.path, new_items(tmp_path, 3))
        await wait_for(pilot, lambda: "3 new items" in status(pilot))
        await pilot.press("r")
        await wait_for(pilot, lambda: status(pilot).startswith("42 items"))
        assert "new item" not in status(pilot)
        assert cursor_title(pilot) == before
        assert events.listing.line_of(events.cursor) - int(events.scroll_y) == line_on_screen
        await pilot.press("g")
        assert cursor_title(pilot) == "Fresh statement 3 on Minsk"
        assert pilot.app.session.archive.last_rowid == archive.last_rowid + 3


async def test_while_typing_the_notice_names_ctrl_r_which_works_in_the_box(
    make_app: AppFactory, archive: Archive, tmp_path: Path
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        import_elsewhere(archive.path, new_items(tmp_path, 2))
        await wait_for(pilot, lambda: "2 new items · ctrl+r to show" in status(pilot))
        await pilot.press("tab")
        assert "2 new items · r to show" in status(pilot)
        await pilot.press("slash", "ctrl+r")
        await wait_for(pilot, lambda: status(pilot).startswith("41 items"))
        assert pilot.app.screen.query_one("#search").value == ""


async def test_r_refreshes_the_current_search_and_its_timeline(
    make_app: AppFactory, archive: Archive, tmp_path: Path
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press(*"minsk")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        found = len(pilot.app.screen.query_one(EventList).listing)
        await pilot.press("tab")
        before = cursor_title(pilot)
        import_elsewhere(archive.path, new_items(tmp_path, 2))
        await wait_for(pilot, lambda: "2 new items" in status(pilot))
        await pilot.press("r")
        await wait_for(pilot, lambda: status(pilot).startswith(f"{found + 2} matches"))
        assert cursor_title(pilot) == before
        timeline = pilot.app.screen.query_one("#timeline")
        assert "2025" in str(timeline.render())


async def test_the_reader_is_not_refreshed_under_the_user(
    make_app: AppFactory, archive: Archive, tmp_path: Path
) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "enter")
        reader = pilot.app.screen
        shown = reader.item.title  # type: ignore[attr-defined]
        import_elsewhere(archive.path, new_items(tmp_path, 1))
        await pilot.pause(4)
        assert pilot.app.screen is reader and reader.item.title == shown  # type: ignore[attr-defined]
        await pilot.press("q")
        await wait_for(pilot, lambda: "1 new item · r to show" in status(pilot))


async def test_two_sessions_on_one_archive_both_hear_of_an_import(
    tmp_path: Path, archive: Archive
) -> None:
    def session() -> PressroomApp:
        opened = Archive.open(archive.path, readonly=True)
        marks = Bookmarks.open(tmp_path / f"marks-{time.monotonic_ns()}.json")
        return PressroomApp(Session(opened, marks, "", Settings(low_bandwidth=True,
                                                                 mouse=False)))

    first, second = session(), session()
    async with first.run_test(size=(80, 24)) as one, second.run_test(size=(80, 24)) as two:
        import_elsewhere(archive.path, new_items(tmp_path, 5))
        await wait_for(one, lambda: "5 new items" in status(one))
        await wait_for(two, lambda: "5 new items" in status(two))


def snapshot_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A WAL-mode archive with no `-wal`/`-shm` beside it, in a folder this reader may not
    write: what `store.archive_file` reads as a snapshot (`immutable=1`), as a served
    session may have to. Writing the folder is pretended away, as root writes any folder."""
    path = tmp_path / "served" / "archive.sqlite3"
    path.parent.mkdir()
    with Archive.open(path) as writer:
        writer.import_items(sample_items())
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()  # the last connection: SQLite removes -wal and -shm, the file stays WAL
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    real = archive_file._can_create_in
    monkeypatch.setattr(archive_file, "_can_create_in",
                        lambda folder: False if folder == path.parent else real(folder))
    header = archive_file.examine(path)
    assert "immutable=1" in archive_file.reader_uri(path, header)
    return path


async def test_a_served_session_reading_a_snapshot_sees_an_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = snapshot_archive(tmp_path, monkeypatch)
    served = Archive.open(path, readonly=True)
    marks = Bookmarks.open(tmp_path / "key-bookmarks.json")
    app = PressroomApp(Session(served, marks, "", Settings(low_bandwidth=True, mouse=False,
                                                            served=True)))
    async with app.run_test(size=(80, 24)) as pilot:
        assert status(pilot).startswith("39 items")
        import_elsewhere(path, new_items(tmp_path, 4))
        await wait_for(pilot, lambda: "4 new items" in status(pilot))
        await pilot.press("tab", "r")
        await wait_for(pilot, lambda: status(pilot).startswith("43 items"))
        assert app.session.archive.readonly
        await pilot.press("g")
        assert cursor_title(pilot) == "Fresh statement 4 on Minsk"


async def test_a_read_only_session_on_an_archive_at_rest_sees_an_import(
    tmp_path: Path,
) -> None:
    """The everyday case: the archive is closed by its last writer (out of WAL mode), the
    app reads it read-only (`mode=ro`), and a sync or import runs beside it."""
    path = tmp_path / "rest" / "archive.sqlite3"
    path.parent.mkdir()
    with Archive.open(path) as writer:
        writer.import_items(sample_items())
    assert not Path(f"{path}-wal").exists()
    reader = Archive.open(path, readonly=True)
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    app = PressroomApp(Session(reader, marks, "", Settings(low_bandwidth=True, mouse=False)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "G")
        before = cursor_title(pilot)
        import_elsewhere(path, new_items(tmp_path, 2))
        await wait_for(pilot, lambda: "2 new items" in status(pilot))
        await pilot.press("r")
        await wait_for(pilot, lambda: status(pilot).startswith("41 items"))
        assert cursor_title(pilot) == before
        await pilot.press("g")
        assert cursor_title(pilot) == "Fresh statement 2 on Minsk"
    reader.close()
