"""A phrase's first and latest use, and who says it, as a user reaches them from Events."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.conftest import AppFactory
from tests.tui.test_events import cursor_line, settle, status
from tui.screens.speakers import SpeakersScreen
from tui.widgets.timeline import Timeline

PHRASE = '"collective security"'
"""In the tests' sample: 14 items, the first a speech by Stanislav Zas of 2021-06-03, the
latest a statement of 2024-11-28."""


async def test_the_status_names_a_phrase_s_first_use_and_f_and_l_go_to_its_first_and_latest(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(100, 24)) as pilot:
        await pilot.press(*PHRASE)
        await settle(pilot)
        assert status(pilot).startswith("14 matches for '\"collective security\"'")
        assert "first use 2021-06-03 Stanislav Zas (f)" in status(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2021-06-03 S   Speech by Stanislav Zas")
        await pilot.press("l")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2024-11-28")
        await pilot.press("f")
        await pilot.pause()
        assert cursor_line(pilot).startswith("> 2021-06-03 S")


async def test_f_with_no_search_says_what_it_needs_and_moves_nothing(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        before = cursor_line(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert cursor_line(pilot) == before
        assert any("Search first" in str(n.message) for n in pilot.app._notifications)


async def test_s_lists_who_says_it_and_enter_narrows_events_to_that_person(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(100, 24)) as pilot:
        await pilot.press(*PHRASE)
        await settle(pilot)
        await pilot.press("tab", "s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SpeakersScreen)
        counts = {p.name: p.count for p in screen.people}
        assert next(iter(counts)) == "Imangali Tasmagambetov"  # most items first
        assert counts["Imangali Tasmagambetov"] >= counts["Stanislav Zas"] >= 2
        options = screen.query_one(OptionList)
        options.highlighted = list(counts).index("Stanislav Zas")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, SpeakersScreen)
        assert status(pilot).startswith(
            f"{counts['Stanislav Zas']} matches for '\"collective security\"'"
        )
        assert "· person:Stanislav Zas ·" in status(pilot)


async def test_the_timeline_of_a_phrase_names_and_marks_its_first_use(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(100, 24)) as pilot:
        await pilot.press(*PHRASE)
        await settle(pilot)
        line = pilot.app.screen.query_one(Timeline).render()
        assert line.plain.startswith("first use 2021-06 ")
        assert line.plain.endswith(" 2024")
        marked = [span for span in line.spans if "reverse" in str(span.style)]
        assert [(s.start, s.end) for s in marked] == [(18, 19)]  # the first month's column
        await pilot.press("ctrl+u", *"collective")  # words, not a phrase: years only
        await settle(pilot)
        assert pilot.app.screen.query_one(Timeline).render().plain.startswith("2021 ")
