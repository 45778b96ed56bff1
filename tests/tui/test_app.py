"""The app shell: quitting from anywhere, help, modes, the command palette, settings."""

from __future__ import annotations

import asyncio
import gc
import io
import os

import pytest
from rich.console import Console
from textual.command import CommandPalette, SearchIcon

from tests.tui.conftest import AppFactory
from tui.screens.events import EventsScreen
from tui.screens.help import HelpScreen
from tui.screens.jump import JumpScreen
from tui.widgets.search_box import SearchBox


@pytest.mark.parametrize("opening", [(), ("tab", "t"), ("tab", "question_mark"), ("f1",)])
async def test_ctrl_q_quits_with_status_0_from_anywhere(
    make_app: AppFactory, opening: tuple[str, ...]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*opening)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)
    assert not app.is_running


async def test_after_warm_up_the_garbage_collector_no_longer_walks_the_startup_objects(
    make_app: AppFactory,
) -> None:
    gc.unfreeze()
    async with make_app().run_test(size=(80, 24)) as pilot:
        # the event the app sets once it froze; the timeout only stops a hang
        await asyncio.wait_for(pilot.app.warmed.wait(), timeout=60)
        # full collections at 1M items walked these for ~50 ms, on whatever keystroke came
        assert gc.get_freeze_count() > 1000


@pytest.mark.parametrize("keys", [("tab", "question_mark"), ("f1",)])
async def test_help_lists_the_events_keys_and_the_search_syntax(
    make_app: AppFactory, keys: tuple[str, ...]
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.press(*keys)
        assert isinstance(pilot.app.screen, HelpScreen)
        help_screen = pilot.app.screen
        rows = dict(help_screen.key_rows())
        for described in ("Bookmark", "Jump to month", "Open", "People", "Page down", "Quit"):
            assert described in rows.values()
        assert rows["j ↓"] == "Down" and rows["^q"] == "Quit"
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(help_screen.syntax_table(), help_screen.markers_text())
        text = console.export_text()
        assert "kind:speech" in text and "in:bookmarks" in text
        assert "S speech" in text and "* bookmarked" in text
        await pilot.press("q")
        assert isinstance(pilot.app.screen, EventsScreen)


async def test_f1_opens_help_while_typing(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press(*"tas", "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert pilot.app.screen.query_one(SearchBox).value == "tas"


async def test_the_command_palette_lists_the_screens(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        # plain characters only: terminals disagree on the width of Textual's 🔎
        assert str(pilot.app.screen.query_one(SearchIcon).render()) == ">"
        await pilot.press(*"jump")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, JumpScreen)


async def test_the_palette_names_every_screen(make_app: AppFactory) -> None:
    from tui.palette import PressroomCommands

    async with make_app().run_test(size=(80, 24)) as pilot:
        provider = PressroomCommands(pilot.app.screen)
        titles = {title for title, _, _ in provider._commands()}
        assert {"Events", "People", "Bookmarks", "Help", "Jump to a month", "Quit"} <= titles


async def test_low_bandwidth_turns_off_animation_and_blink(make_app: AppFactory) -> None:
    async with make_app(low_bandwidth=True).run_test(size=(80, 24)) as pilot:
        assert pilot.app.animation_level == "none"
        assert pilot.app.screen.query_one(SearchBox).cursor_blink is False
    async with make_app(low_bandwidth=False).run_test(size=(80, 24)) as pilot:
        assert pilot.app.screen.query_one(SearchBox).cursor_blink is True


async def test_a_served_session_cannot_suspend_or_save_screenshots(
    make_app: AppFactory,
) -> None:
    async with make_app(served=True).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        assert app.check_action("suspend_process", ()) is False
        titles = [command.title.lower() for command in app.get_system_commands(app.screen)]
        assert titles and not any("screenshot" in title for title in titles)
    async with make_app(served=False).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        titles = [command.title.lower() for command in app.get_system_commands(app.screen)]
        assert any("screenshot" in title for title in titles)


async def test_a_bookmark_change_reaches_subscribed_screens(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        heard: list[str] = []
        pilot.app.bookmarks_signal.subscribe(pilot.app.screen, heard.append)
        await pilot.press("tab", "b")
        await pilot.pause()
        assert len(heard) == 1 and heard[0]


async def test_e_p_m_switch_screens_from_the_list(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "p")
        assert pilot.app.current_mode == "people"
        await pilot.press("ctrl+q")


async def test_show_events_searches_for_a_person(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        pilot.app.show_events('person:"Stanislav Zas"')
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen.query_one(SearchBox).value == 'person:"Stanislav Zas"'
        status = str(pilot.app.screen.query_one("#status").render())
        # the fixture names Stanislav Zas in four items; a person filter lists them by date
        assert status.startswith("4 items")


def test_frames_come_up_to_120_a_second_60_on_a_slow_link_and_the_users_setting_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.cli.launch import set_frame_rate

    monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    set_frame_rate(low_bandwidth=False)
    assert os.environ["TEXTUAL_FPS"] == "120"
    monkeypatch.delenv("TEXTUAL_FPS")
    set_frame_rate(low_bandwidth=True)
    assert os.environ["TEXTUAL_FPS"] == "60"
    monkeypatch.setenv("TEXTUAL_FPS", "24")
    set_frame_rate(low_bandwidth=False)
    assert os.environ["TEXTUAL_FPS"] == "24"


async def test_the_key_bar_follows_focus_and_never_cuts_a_key_in_half(
    make_app: AppFactory,
) -> None:
    from tui.widgets.key_bar import KeyBar

    async with make_app().run_test(size=(80, 24)) as pilot:
        bar = pilot.app.screen.query_one(KeyBar)
        typing = str(bar.render())
        assert "esc List / clear" in typing and "b Bookmark" not in typing  # b types a b
        assert typing.rstrip().endswith("^p palette") and len(typing) == 80
        await pilot.press("tab")  # to the list: its letter keys work, and the bar says so
        await pilot.pause()
        listing = str(bar.render())
        assert "/ Search" in listing and "b Bookmark" in listing
        assert listing.rstrip().endswith("^p palette") and len(listing) == 80
        await pilot.press("enter")  # the reader has more keys than 80 columns hold
        await pilot.pause()
        reader_bar = str(pilot.app.screen.query_one(KeyBar).render())
        assert "q Back" in reader_bar and reader_bar.rstrip().endswith("^p palette")
        shown = reader_bar[: reader_bar.index("^p palette")]
        descriptions = {b.description for b in pilot.app.screen.BINDINGS if b.show}
        for label in shown.split("  "):
            label = label.strip()
            if label:
                _key, _, description = label.partition(" ")
                assert description in descriptions | {"Quit", "Help", "Events", "People",
                                                      "Bookmarks"}, label


async def test_clicking_a_key_in_the_key_bar_presses_it(make_app: AppFactory) -> None:
    from tui.widgets.event_list import EventList
    from tui.widgets.key_bar import KeyBar

    async with make_app().run_test(size=(80, 24)) as pilot:
        text = str(pilot.app.screen.query_one(KeyBar).render())
        await pilot.click(KeyBar, offset=(text.index("esc") + 1, 0))
        await pilot.pause()
        assert isinstance(pilot.app.focused, EventList)  # esc: from the search box to the list
