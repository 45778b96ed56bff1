"""The People screen as a user drives it: everyone, filtered in any spelling, Enter: dossier."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.tui.conftest import AppFactory
from tui.screens.people import PeopleList, PeopleScreen
from tui.widgets.sparkline_text import BLOCKS, sparkline


async def open_people(pilot: Pilot) -> PeopleScreen:
    await pilot.press("escape")  # leave the Events search box, so `p` is a key
    await pilot.press("p")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    return screen


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(pilot: Pilot) -> list[str]:
    view = pilot.app.screen.query_one(PeopleList)
    lines = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
    return [line for line in lines if line.strip()]


async def test_p_lists_every_person_with_role_count_and_activity(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_people(pilot)
        lines = rows(pilot)
        names = [line[2:].split("  ")[0] for line in lines]
        assert "Imangali Tasmagambetov" in names
        assert "Stanislav Zas" in names
        tasmagambetov = next(line for line in lines if "Imangali Tasmagambetov" in line)
        assert "Secretary General" in tasmagambetov
        assert any(block in tasmagambetov for block in BLOCKS)
        status = str(pilot.app.screen.query_one("#people-status").render())
        assert status.endswith("people")


async def test_typing_a_cyrillic_name_finds_the_latin_person(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press(*"Войтоловский")
        await settle(pilot)
        lines = rows(pilot)
        assert lines[0].startswith("> Fyodor Voitolovsky")
        assert all("Tasmagambetov" not in line for line in lines)


async def test_a_misspelt_name_still_finds_the_person(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press(*"tasmagambetof")
        await settle(pilot)
        assert "Imangali Tasmagambetov" in rows(pilot)[0]


async def test_enter_opens_the_dossier_and_i_shows_that_persons_items_in_events(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        await pilot.press(*"zas", "enter")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "DossierScreen"
        await pilot.press("i")
        await settle(pilot)
        screen = pilot.app.screen
        assert type(screen).__name__ == "EventsScreen"
        assert screen.query_one("#search").value == 'person:"Stanislav Zas"'
        assert len(screen.query_one("#events").listing) == 4  # his items in the sample


async def test_arrows_move_the_highlight_while_typing_and_j_k_in_the_list(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        people = screen.people_list
        await pilot.press("down", "down")
        assert people.cursor == 2
        assert screen.filter_box.has_focus
        await pilot.press("escape", "k")
        assert people.cursor == 1
        await pilot.press("G")
        assert people.cursor == len(people.people) - 1
        await pilot.press("g")
        assert people.cursor == 0


async def test_escape_in_the_list_clears_the_filter(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        everyone = len(screen.people_list.people)
        await pilot.press(*"zas")
        await settle(pilot)
        assert len(screen.people_list.people) == 1
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert screen.filter_box.value == ""
        assert len(screen.people_list.people) == everyone


async def test_a_stale_result_never_replaces_a_newer_one(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        await pilot.press(*"zas")
        await settle(pilot)
        stale_sequence = screen._sequence - 1
        screen._apply(stale_sequence, [])  # an older search finishing late
        assert len(screen.people_list.people) == 1


def test_a_sparkline_fits_its_width_and_scales_to_the_busiest_period() -> None:
    assert sparkline([0, 1, 4, 8], 4) == " ▁▄█"
    assert len(sparkline(range(100), 12)) == 12
    assert sparkline([3, 0], 6) == "█     "
    assert sparkline([], 3) == "   "


async def test_enter_on_a_person_reached_from_the_reader_shows_the_list_not_the_reader(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "enter")  # the newest item, in the reader
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "ReaderScreen"
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen)
        await pilot.press(*"zas", "enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = pilot.app.screen
        assert type(screen).__name__ == "EventsScreen"
        assert screen.query_one("#search").value == 'person:"Stanislav Zas"'
        await pilot.press("e")  # Events again: still the list, the reader was closed
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "EventsScreen"


async def test_help_on_people_lists_each_key_once_where_it_works(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_people(pilot)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        sections = pilot.app.screen.key_sections()
        for where, rows in sections:
            keys = [key for key, _ in rows]
            assert len(keys) == len(set(keys)), where
        assert [key for key, _ in pilot.app.screen.key_rows()].count("⏎") == 1
