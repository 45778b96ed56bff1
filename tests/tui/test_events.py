"""The Events screen as a user drives it: the archive by date, live search, list keys."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from store import Archive
from tests.tui.conftest import AppFactory, item_ids_by_title
from tui.screens.events import EventsScreen
from tui.screens.jump import JumpScreen, NotAMonth, parse_month
from tui.widgets.event_list import PAGE, EventList, Listing
from tui.widgets.search_box import SearchBox
from tui.widgets.timeline import Timeline, monthly_counts, monthly_counts_at


async def settle(pilot: Pilot) -> None:
    """Let running searches finish and the screen repaint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def visible_lines(pilot: Pilot) -> list[str]:
    events = pilot.app.screen.query_one(EventList)
    return [events.render_line(y).text for y in range(events.scrollable_content_region.height)]


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#status").render())


def cursor_line(pilot: Pilot) -> str:
    return next(line for line in visible_lines(pilot) if line.startswith(">"))


# -- the archive by date ---------------------------------------------------------------------


async def test_the_newest_items_come_first_under_their_month(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        lines = visible_lines(pilot)
        assert lines[0].startswith("─ December 2024 · 3 items")
        assert lines[1].startswith("> 2024-12-05 N")
        assert "Voitolovsky" in lines[1]
        assert lines[4].startswith("─ November 2024 · 2 items")
        assert status(pilot).startswith("39 items")


async def test_each_row_shows_date_kind_marker_and_title(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        lines = visible_lines(pilot)
        speech = next(line for line in lines if "II Minsk Conference" in line)
        assert speech.startswith("  2024-10-31 S   Speech by the CSTO Secretary General")
        interview = next(line for line in lines if "open to dialogue" in line)
        # participants follow the title when there is room
        assert interview.startswith("  2024-11-15 I   Imangali Tasmagambetov: the CSTO is open")
        assert "Anna Petrova" in interview


async def test_undated_items_come_last_under_their_own_heading(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "G")
        lines = visible_lines(pilot)
        assert any(line.startswith("─ Undated · 2 items") for line in lines)
        assert cursor_line(pilot).startswith("> undated    ")


def record_row_reads(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[int, str]]:
    """Each `archive.rows` call from now on: (rows asked for, thread that asked)."""
    reads: list[tuple[int, str]] = []
    original = archive.rows

    def recording_rows(rowids):  # type: ignore[no-untyped-def]
        reads.append((len(rowids), threading.current_thread().name))
        return original(rowids)

    monkeypatch.setattr(archive, "rows", recording_rows)
    return reads


async def test_the_list_fetches_only_the_rows_it_draws(
    make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = record_row_reads(archive, monkeypatch)
    async with make_app().run_test(size=(80, 24)) as pilot:
        events = pilot.app.screen.query_one(EventList)
        # a listing as long as a 1M-item archive mounts without touching its rows
        huge = np.tile(archive.columns.order, 30_000)[:1_000_000]
        events.forget_rows()
        reads.clear()
        events.show(Listing.build(archive.columns, huge))
        await pilot.pause()
        assert events.virtual_size.height >= 1_000_000
        assert 0 < sum(count for count, _ in reads) <= 2 * PAGE


async def test_a_new_search_result_paints_without_reading_the_archive_on_the_event_loop(
    make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = record_row_reads(archive, monkeypatch)
    async with make_app().run_test(size=(80, 24)) as pilot:
        reads.clear()
        await pilot.press(*"tasmagambetov")
        await settle(pilot)
        top = visible_lines(pilot)[0]
        assert "Tasmagambetov" in top or "Тасмагамбетов" in top
        assert reads and threading.main_thread().name not in {name for _, name in reads}


async def test_a_search_typed_over_stops_after_its_match_and_reads_no_rows(
    make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = record_row_reads(archive, monkeypatch)
    release, first_searching = threading.Event(), threading.Event()
    match = archive.match

    def slow_first_match(query, *args, **kwargs):  # type: ignore[no-untyped-def]
        if query == "tas":  # the user types on while this one is still searching
            first_searching.set()
            release.wait(5)
        return match(query, *args, **kwargs)

    monkeypatch.setattr(archive, "match", slow_first_match)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"tas")
        assert first_searching.wait(5)
        await pilot.press(*"magambetov")
        for _ in range(100):  # the newer searches run meanwhile, and the last one shows
            if status(pilot).startswith("11 matches for 'tasmagambetov'"):
                break
            await pilot.pause(0.05)
        reads.clear()
        release.set()
        await settle(pilot)
        assert reads == []  # the overtaken search read nothing after its match
        assert status(pilot).startswith("11 matches for 'tasmagambetov'")


async def test_the_scrollbar_follows_the_length_of_each_result(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        events = pilot.app.screen.query_one(EventList)
        assert events.show_vertical_scrollbar  # 39 items under their months: over a screen
        await pilot.press(*"kind:news")
        await settle(pilot)
        news_lines = events.line_count
        assert news_lines > events.scrollable_content_region.height
        assert events.vertical_scrollbar.window_virtual_size == news_lines
        await pilot.press(*" dushanbe")
        await settle(pilot)
        assert not events.show_vertical_scrollbar  # a few matches fit
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert events.show_vertical_scrollbar
        assert events.vertical_scrollbar.window_virtual_size == events.line_count > news_lines
        await pilot.press("tab", "G")
        assert events.scroll_y == events.line_count - events.scrollable_content_region.height


async def test_the_timeline_spans_the_first_and_last_year(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        line = str(pilot.app.screen.query_one(Timeline).render())
        assert line.startswith("2019 ") and line.endswith(" 2024")
        assert "█" in line


async def test_the_timeline_of_a_search_counts_its_matches_by_month(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"tasmagambetov")
        await settle(pilot)
        timeline = pilot.app.screen.query_one(Timeline)
        listing = pilot.app.screen.query_one(EventList).listing
        months = archive.columns.months(listing.rowids)  # ranked rows, one gather each
        dated = months[months >= 0]
        assert timeline.first == dated.min()
        assert timeline.counts.tolist() == np.bincount(dated - dated.min()).tolist()
        assert listing.months.tolist() == months.tolist()  # for `t`, gathered when asked


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(chosen=st.sets(st.integers(0, 38)))
def test_any_matches_are_counted_by_month_as_their_rows_are(
    archive: Archive, chosen: set[int]
) -> None:
    columns = archive.columns  # 39 items, two of them undated
    positions = np.array(sorted(chosen), dtype=np.int64)
    expected_first, expected = monthly_counts(columns.month_in_order[positions])
    first, counts = monthly_counts_at(columns, positions)  # a search's matches
    assert (first, counts.tolist()) == (expected_first, expected.tolist())
    rowids = columns.order[positions]  # the same items listed by date, under headings
    first, counts = Listing.build(columns, rowids).timeline
    assert (first, counts.tolist()) == (expected_first, expected.tolist())
    first, counts = Listing.build(columns, rowids[::-1].copy()).timeline  # any order
    assert (first, counts.tolist()) == (expected_first, expected.tolist())


async def test_a_filter_half_typed_lists_the_whole_archive_as_no_query_does(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        timeline = pilot.app.screen.query_one(Timeline)
        whole = visible_lines(pilot), timeline.first, timeline.counts.tolist()
        await pilot.press(*"kind:")  # no kind yet: every item
        await settle(pilot)
        assert (visible_lines(pilot), timeline.first, timeline.counts.tolist()) == whole
        assert status(pilot).startswith("39 items")


# -- searching -------------------------------------------------------------------------------


async def test_the_search_box_has_focus_at_start(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        assert isinstance(pilot.app.focused, SearchBox)


async def test_typing_filters_the_list_and_counts_matches(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"tasmagambetov")
        await settle(pilot)
        assert status(pilot).startswith("11 matches for 'tasmagambetov'")
        lines = [line for line in visible_lines(pilot) if line.strip()]
        assert len(lines) == 11
        assert all(not line.startswith("─") for line in lines)  # ranked: no month headings


async def test_a_cyrillic_query_finds_the_latin_spelling(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Войтоловский")
        await settle(pilot)
        text = "\n".join(visible_lines(pilot))
        assert "Voitolovsky" in text and "Voytolovskiy" in text and "Войтоловским" in text


async def test_a_filter_only_query_keeps_date_order_and_headings(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"kind:speech")
        await settle(pilot)
        lines = visible_lines(pilot)
        assert lines[0].startswith("─ October 2024 · 1 item")
        assert lines[1].startswith("> 2024-10-31 S")
        assert status(pilot).startswith("5 items · kind:speech")


async def test_matched_characters_are_styled_in_the_row(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"dushanbe")
        await settle(pilot)
        strip = pilot.app.screen.query_one(EventList).render_line(0)
        styled = "".join(
            segment.text for segment in strip
            if segment.style and segment.style.bold and segment.style.underline
        )
        assert styled.casefold() == "dushanbe"


async def test_rows_drawn_again_follow_a_new_theme(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"dushanbe")
        await settle(pilot)
        events = pilot.app.screen.query_one(EventList)
        before = [segment.style for segment in events.render_line(1)]
        pilot.app.theme = "textual-light" if pilot.app.theme != "textual-light" else "nord"
        await pilot.pause()
        after = [segment.style for segment in events.render_line(1)]
        assert after != before
        assert [segment.style for segment in events.render_line(1)] == after


async def test_a_query_that_cannot_be_read_says_why_in_one_line(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"after:notadate")
        await settle(pilot)
        assert "!" in status(pilot)
        assert pilot.app.is_running


async def test_a_stale_search_result_is_dropped(make_app: AppFactory, archive: Archive) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zas")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        shown = list(screen.event_list.listing.rowids)
        assert len(shown) > 1
        stale = Listing.build(archive.columns, archive.columns.order[:1])
        screen._apply(screen._sequence - 1, stale, "", False)
        await pilot.pause()
        assert list(screen.event_list.listing.rowids) == shown


async def test_up_and_down_move_the_list_while_typing(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zas")
        await settle(pilot)
        await pilot.press("down", "down", "up")
        assert isinstance(pilot.app.focused, SearchBox)
        assert pilot.app.screen.query_one(EventList).cursor == 1


async def test_enter_opens_the_top_hit_when_the_user_did_not_move(
    make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    opened: list[tuple[list[int], int, frozenset[str]]] = []
    monkeypatch.setattr(
        app, "open_reader", lambda rowids, index, terms=frozenset(): opened.append(
            (list(rowids), index, terms))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"dushanbe")
        await settle(pilot)
        await pilot.press("enter")
        (rowids, index, terms), = opened
        assert index == 0 and terms
        assert archive.get_by_rowid(rowids[index]).title.endswith("to Dushanbe")


async def test_enter_opens_the_highlighted_row(
    make_app: AppFactory, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    opened: list[tuple[np.ndarray, int]] = []
    monkeypatch.setattr(
        app, "open_reader", lambda rowids, index, terms=frozenset(): opened.append(
            (rowids, index))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "j", "j", "enter")
        rowids, index = opened[0]
        assert index == 2
        assert archive.get_by_rowid(rowids[index]).date == "2024-12-02"


async def test_escape_goes_to_the_list_keeping_the_query(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zas")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(pilot.app.focused, EventList)
        assert pilot.app.screen.query_one(SearchBox).value == "zas"


async def test_escape_in_the_list_clears_the_query(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zas")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert pilot.app.screen.query_one(SearchBox).value == ""
        assert status(pilot).startswith("39 items")


async def test_slash_goes_back_to_the_search_box(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        assert isinstance(pilot.app.focused, EventList)
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, SearchBox)


async def test_a_query_longer_than_the_box_keeps_its_end_in_view(make_app: AppFactory) -> None:
    query = "secretary general " * 6  # 108 characters in a box 74 wide
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*query.replace(" ", "_"))  # one key each, typed as the user does
        await settle(pilot)
        box = pilot.app.screen.query_one(SearchBox)
        shown = box.render_line(0).text
        assert shown.rstrip().endswith("general_secretary_general_")
        assert "secretary_general_" * 4 in shown
        await pilot.press("home")
        assert box.render_line(0).text.startswith("secretary_general_")


async def test_letter_keys_type_into_the_search_box(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"pmbte/")
        assert pilot.app.screen.query_one(SearchBox).value == "pmbte/"
        assert pilot.app.current_mode == "events"
        assert len(pilot.app.screen_stack) == 1


# -- list keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "date"),
    [
        (("j",), "2024-12-03"),
        (("down", "down"), "2024-12-02"),
        (("j", "j", "k"), "2024-12-03"),
        (("j", "up"), "2024-12-05"),
        (("G",), "undated"),
        (("end",), "undated"),
        (("G", "g"), "2024-12-05"),
        (("end", "home"), "2024-12-05"),
        (("pagedown",), "2024-05-08"),
        (("pageup",), "2024-12-05"),
    ],
)
async def test_list_keys_move_the_cursor(
    make_app: AppFactory, keys: tuple[str, ...], date: str
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", *keys)
        assert cursor_line(pilot).startswith(f"> {date}")


async def test_b_marks_the_row_with_a_star_and_saves_the_bookmark(
    make_app: AppFactory, archive: Archive, bookmarks
) -> None:  # type: ignore[no-untyped-def]
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "j", "b")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2024-12-03 N * ")
        assert bookmarks.ids() == {item_ids_by_title(archive)[
            "27th meeting of the Coordination Council on Illegal Migration"]}
        await pilot.press("b")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2024-12-03 N   ")
        assert bookmarks.ids() == set()


async def test_in_bookmarks_lists_what_was_just_bookmarked(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "j", "j", "b", "slash", *"in:bookmarks")
        await settle(pilot)
        assert status(pilot).startswith("1 item · in:bookmarks")


async def test_bookmarks_unavailable_is_said_and_the_app_still_opens(
    make_app: AppFactory,
) -> None:
    app = make_app(bookmarks_problem="bookmarks.json: not valid JSON")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "bookmarks unavailable" in status(pilot)
        await pilot.press("tab", "b")
        await pilot.pause()
        assert "* " not in cursor_line(pilot)[:20]


# -- jumping to a month ----------------------------------------------------------------------


async def test_t_jumps_to_the_month_typed(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t")
        assert isinstance(pilot.app.screen, JumpScreen)
        await pilot.press(*"March 2019", "enter")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2019-03-27")


async def test_a_month_without_items_jumps_to_the_nearest_older(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t", *"2024-08", "enter")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2024-07-12")


async def test_a_bad_month_is_explained_and_the_prompt_stays(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t", *"someday", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, JumpScreen)
        assert "not a month" in str(pilot.app.screen.query_one("#jump-error").render())
        await pilot.press("ctrl+c")
        assert isinstance(pilot.app.screen, EventsScreen)


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("2019-03", 2019, 3),
        ("2019-3", 2019, 3),
        ("03.2019", 2019, 3),
        ("March 2019", 2019, 3),
        ("mar 2019", 2019, 3),
        ("2019 March", 2019, 3),
        ("март 2019", 2019, 3),
        ("2019", 2019, 12),
        ("2019-03-15", 2019, 3),
    ],
)
def test_the_jump_prompt_reads_months_as_people_write_them(
    text: str, year: int, month: int
) -> None:
    assert parse_month(text) == year * 12 + month - 1


@pytest.mark.parametrize("text", ["", "someday", "2019-13", "March", "March April 2019"])
def test_the_jump_prompt_refuses_what_is_not_a_month(text: str) -> None:
    with pytest.raises(NotAMonth):
        parse_month(text)


async def test_a_phrase_search_counts_every_match_and_mentions_no_candidate_limit(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(120, 24)) as pilot:
        await pilot.press(*'"secretary general"')
        await settle(pilot)
        count = len(pilot.app.session.archive.match('"secretary general"'))
        assert status(pilot).startswith(f"{count:,} match")
        assert "newest" not in status(pilot) and "checked" not in status(pilot)
