"""Fixtures both TUI test suites use: a tmp archive of the sample items, tmp bookmarks, an app.

Everything lives in pytest's tmp dirs, and the user data folder is redirected there too, so
no test reads or writes the real `~/.local/share/pressroom`.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store import Archive, Bookmarks, Item
from tui.app import PressroomApp
from tui.session import Session, Settings

SAMPLE = Path(__file__).parent / "data" / "sample.jsonl"
"""39 items from 2019 to 2024 (and two undated): news, speeches with many paragraphs,
statements, interviews; Cyrillic items; Voitolovsky and Tasmagambetov in several spellings."""


def sample_items() -> list[Item]:
    with SAMPLE.open(encoding="utf-8") as lines:
        return [Item.from_dict(json.loads(line)) for line in lines if line.strip()]


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder (exports, default files) at a tmp dir."""
    data = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture(autouse=True)
def started_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the app is started in, where `x` on Bookmarks writes: a tmp dir, so no
    test writes into the checkout."""
    folder = tmp_path / "started-in"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture(autouse=True)
def unfreeze_after_each_app() -> Iterator[None]:
    """The app hides what it holds after warm-up from the garbage collector (`gc.freeze`);
    hand it back after each test, so apps of earlier tests can be collected."""
    yield
    gc.unfreeze()


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.sqlite3") as opened:
        opened.import_items(sample_items())
        yield opened


@pytest.fixture
def bookmarks(tmp_path: Path) -> Bookmarks:
    return Bookmarks.open(tmp_path / "bookmarks.json")


AppFactory = Callable[..., PressroomApp]


@pytest.fixture
def make_app(archive: Archive, bookmarks: Bookmarks) -> AppFactory:
    """Build an app on the sample archive: `make_app()`, `make_app(bookmarks_problem="...")`.

    Cursor blink and animations are off by default (`low_bandwidth=True`) so snapshots are
    stable; pass `low_bandwidth=False` to test the default.
    """

    def build(
        *, low_bandwidth: bool = True, served: bool = False, bookmarks_problem: str = ""
    ) -> PressroomApp:
        settings = Settings(low_bandwidth=low_bandwidth, mouse=False, served=served)
        marks = None if bookmarks_problem else bookmarks
        return PressroomApp(Session(archive, marks, bookmarks_problem, settings))

    return build


def item_ids_by_title(archive: Archive) -> dict[str, str]:
    """Title → id for the sample archive, so tests name items the way a user sees them."""
    return {row.title: row.item_id for row in archive.rows(archive.columns.order)}
