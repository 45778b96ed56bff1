"""Which keys work where, as a keyboard user finds out: single keys are typed while a text
box has focus and work everywhere else; F1 and ctrl-keys work everywhere; focus lands where
the next key makes sense; the key bar and Help say exactly that."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import AppFactory
from tui.keys import is_typed
from tui.screens.bookmarks import BookmarkList, BookmarksScreen
from tui.screens.events import EventsScreen
from tui.screens.help import EVERYWHERE, IN_A_BOX, NO_BOX, HelpScreen
from tui.screens.jump import JumpScreen
from tui.screens.people import PeopleList, PeopleScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.event_list import EventList
from tui.widgets.key_bar import KeyBar
from tui.widgets.search_box import SearchBox

TYPED_KEYS = ("e", "p", "m", "question_mark", "slash", "b", "t", "right_square_bracket")
"""Keys bound somewhere in the app that a text box takes as text."""


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def bar_keys(pilot: Pilot) -> list[str]:
    """The keys the key bar shows, as drawn (`/`, `esc`, `^q`...), palette included."""
    text = str(pilot.app.screen.query_one(KeyBar).render())
    return [label.split()[0] for label in text.split("  ") if label.strip()]


async def to_people(pilot: Pilot) -> PeopleScreen:
    await pilot.press("tab", "p")  # from the Events list, where `p` is a key
    await settle(pilot)
    assert isinstance(pilot.app.screen, PeopleScreen)
    return pilot.app.screen


def test_the_keys_a_box_types_are_the_printable_ones() -> None:
    assert all(is_typed(key) for key in (*TYPED_KEYS, "B", "space", "left_square_bracket"))
    assert not any(is_typed(key) for key in ("f1", "ctrl+q", "escape", "enter", "tab", "down",
                                             "home", "pagedown", "delete"))


# -- focus lands where the next key makes sense -----------------------------------------------


async def test_events_and_people_open_in_their_box_and_bookmarks_in_its_list(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        assert isinstance(pilot.app.focused, SearchBox)  # Events: typing searches at once
        screen = await to_people(pilot)
        assert pilot.app.focused is screen.filter_box  # People: typing filters at once
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BookmarksScreen)
        assert isinstance(pilot.app.focused, BookmarkList)  # no box: the list


async def test_a_persons_items_land_on_the_events_list_so_t_jumps_instead_of_typing(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await to_people(pilot)
        await pilot.press(*"zas", "enter")  # the dossier; its i shows their items on Events
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EventsScreen)
        assert isinstance(pilot.app.focused, EventList)
        await pilot.press("t")
        assert isinstance(pilot.app.screen, JumpScreen)
        await pilot.press("ctrl+c")
        assert pilot.app.screen.query_one(SearchBox).value == 'person:"Stanislav Zas"'
        await pilot.press("m")  # a screen key, not the query's next letter
        await settle(pilot)
        assert isinstance(pilot.app.screen, BookmarksScreen)


async def test_after_a_persons_items_slash_edits_the_person_query(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await to_people(pilot)
        await pilot.press(*"zas", "enter")  # the dossier; its i shows their items on Events
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("slash", "end", *" kind:speech")  # / selects the query; End keeps it
        await settle(pilot)
        box = pilot.app.screen.query_one(SearchBox)
        assert box.value == 'person:"Stanislav Zas" kind:speech'
        assert len(pilot.app.screen.query_one(EventList).listing) == 2


# -- single keys type in a box, and work outside it -------------------------------------------


async def test_on_people_e_and_question_mark_are_typed_into_the_filter(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await to_people(pilot)
        await pilot.press("e", "question_mark", "slash")
        assert screen.filter_box.value == "e?/"
        assert pilot.app.screen is screen
        await pilot.press("f1")  # F1 works while typing
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.press("escape", "question_mark")  # in the list, ? is Help
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("q", "e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EventsScreen)


async def test_in_the_readers_find_box_n_and_brackets_are_typed(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "enter")
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("slash", *"n]b/")
        assert reader.find_box.value == "n]b/"
        assert pilot.app.screen is reader and reader.index == 0


# -- the key bar shows only what works now ----------------------------------------------------


@pytest.mark.parametrize("where", ["events search box", "people filter", "reader find box"])
async def test_while_typing_the_key_bar_shows_no_key_that_would_be_typed(
    make_app: AppFactory, where: str
) -> None:
    async with make_app().run_test(size=(120, 24)) as pilot:
        if where == "people filter":
            await to_people(pilot)
        elif where == "reader find box":
            await pilot.press("tab", "enter", "slash")
        await pilot.pause()
        assert isinstance(pilot.app.focused, Input)
        shown = bar_keys(pilot)
        assert "esc" in shown or where == "reader find box"
        assert "^q" in shown and "^p" in shown
        single = [key for key in shown if len(key) == 1]
        assert single == [], single


async def test_outside_a_box_the_key_bar_shows_the_single_keys(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 24)) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        assert {"/", "b", "t", "e", "p"} <= set(bar_keys(pilot))
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.focused, PeopleList)
        assert {"/", "e", "p", "m"} <= set(bar_keys(pilot))


# -- Help says where each key works -----------------------------------------------------------


@pytest.mark.parametrize("screen", ["events", "people", "bookmarks", "reader"])
async def test_help_puts_every_single_key_where_no_box_has_focus(
    make_app: AppFactory, screen: str
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("tab")
        if screen == "reader":
            await pilot.press("enter")
        elif screen != "events":
            await pilot.press({"people": "p", "bookmarks": "m"}[screen])
        await settle(pilot)
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        sections = dict(help_screen.key_sections())
        everywhere = dict(sections[EVERYWHERE])
        assert everywhere["f1"] == "Help" and everywhere["^q"] == "Quit"
        for keys, _ in sections[EVERYWHERE]:  # no key a box would type
            assert not any(len(key) == 1 and key.isascii() for key in keys.split()), keys
        assert dict(sections[NO_BOX])["?"] == "Help"
        assert {"e", "p", "m"} <= set(dict(sections[NO_BOX]))
        has_box = screen in ("events", "people", "reader")
        assert (IN_A_BOX in sections) == has_box
        if screen in ("events", "people"):
            assert dict(sections[IN_A_BOX])["↓"] == "Next row"
