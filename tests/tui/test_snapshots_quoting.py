"""What quoting looks like: a selection in the reader, clippings in Bookmarks (80×24, 120×40,
NO_COLOR)."""

from __future__ import annotations

import pytest

from store import Archive, Bookmarks
from tests.tui.conftest import AppFactory
from tests.tui.test_snapshots_screens import SPEECH, _id_of, _mode, _read


def _clippings(archive: Archive, bookmarks: Bookmarks) -> None:
    speech = _id_of(archive, SPEECH)
    item = archive.get(speech)
    bookmarks.add(speech, note="main speech", tags=["report-kz-2024"])
    bookmarks.clip(speech, 5, 6, "\n\n".join(item.body[5:7]), note="peacekeeping #brief")
    bookmarks.clip(speech, 1, 1, item.body[1])
    statement = _id_of(archive, "Statement on the International Day")
    bookmarks.clip(statement, 0, 0, archive.get(statement).body[0], tags=["report-kz-2024"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
class TestQuotingSnapshots:
    def test_the_reader_marks_selected_paragraphs_and_the_cursor(
        self, snap_compare, make_app: AppFactory, archive: Archive, size: tuple[int, int]
    ) -> None:
        run = _read(archive, SPEECH, keys=("j", "j", "v", "j", "j"))
        assert snap_compare(make_app(), terminal_size=size, run_before=run)

    def test_bookmarks_show_clippings_under_their_items(
        self, snap_compare, make_app: AppFactory, archive: Archive, bookmarks: Bookmarks,
        size: tuple[int, int],
    ) -> None:
        _clippings(archive, bookmarks)
        assert snap_compare(make_app(), terminal_size=size, run_before=_mode("m"))


def test_no_color_selection_is_visible_by_its_margin_marks(
    snap_compare, make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    run = _read(archive, SPEECH, keys=("v", "j"))
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_no_color_clippings_in_bookmarks(
    snap_compare, make_app: AppFactory, archive: Archive, bookmarks: Bookmarks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _clippings(archive, bookmarks)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_mode("m", "j"))
