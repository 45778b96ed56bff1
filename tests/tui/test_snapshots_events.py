"""What the Events screen looks like, pinned as snapshots at 80×24, 120×40 and with NO_COLOR."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import AppFactory


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
class TestEventsSnapshots:
    def test_the_archive_by_date_with_month_headings(
        self, snap_compare, make_app: AppFactory, size: tuple[int, int]
    ) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=_settle)

    def test_a_search_highlights_matches_and_counts_them(
        self, snap_compare, make_app: AppFactory, size: tuple[int, int]
    ) -> None:
        async def search(pilot: Pilot) -> None:
            await pilot.press(*"voytolovskiy")
            await _settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=search)

    def test_help_lists_keys_and_search_syntax(
        self, snap_compare, make_app: AppFactory, size: tuple[int, int]
    ) -> None:
        async def help_screen(pilot: Pilot) -> None:
            await _settle(pilot)
            await pilot.press("f1")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=help_screen)


def test_no_color_shows_state_by_symbols(
    snap_compare, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def mark_and_search(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("escape", "j", "b")
        await pilot.press("slash", *"kind:speech")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=mark_and_search)


def test_unavailable_bookmarks_are_said_in_the_status_line(
    snap_compare, make_app: AppFactory
) -> None:
    app = make_app(bookmarks_problem="bookmarks.json: not JSON (line 1)")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
