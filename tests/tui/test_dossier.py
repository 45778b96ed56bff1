"""The dossier as a user drives it: People → Enter, who they met, shared items, their items."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot

from store import Archive
from tests.tui.conftest import AppFactory
from tests.tui.test_people import open_people, settle
from tui.screens.dossier import ContactList, DossierItems, DossierScreen


async def open_dossier(pilot: Pilot, typed: str) -> DossierScreen:
    await open_people(pilot)
    await pilot.press(*typed, "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DossierScreen)
    return screen


def text_of(screen: DossierScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def lines_of(view: ContactList | DossierItems) -> list[str]:
    height = view.scrollable_content_region.height
    return [t for t in (view.render_line(y).text.strip() for y in range(height)) if t]


async def test_enter_on_a_person_shows_spellings_roles_years_and_kinds(
    make_app: AppFactory,
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_dossier(pilot, "tasmag")
        header = text_of(screen, "#dossier-header")
        assert "Imangali Tasmagambetov · 11 items · 2023–2024" in header
        assert "Имангали Тасмагамбетов" in header
        facts = text_of(screen, "#dossier-text")
        assert "Secretary General, CSTO · 2023-01 → 2024-12 · 10 items" in facts
        assert "Генеральный секретарь ОДКБ · 2024-07 · 1 item" in facts
        assert "2024 " in facts and "#" in facts
        assert "speech 3" in facts


async def test_who_they_met_is_ranked_and_enter_opens_theirs(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_dossier(pilot, "tasmag")
        met = lines_of(screen.contacts)
        assert "Fyodor Voitolovsky" in met[0] and "3" in met[0] and "2024-12-05" in met[0]
        await pilot.press("enter")
        await settle(pilot)
        theirs = pilot.app.screen
        assert isinstance(theirs, DossierScreen) and theirs is not screen
        assert "Fyodor Voitolovsky" in text_of(theirs, "#dossier-header")
        await pilot.press("q")
        assert pilot.app.screen is screen


async def test_s_shows_the_items_the_two_share_in_events(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_dossier(pilot, "tasmag")
        await pilot.press("s")
        await settle(pilot)
        events = pilot.app.screen
        assert type(events).__name__ == "EventsScreen"
        query = events.query_one("#search").value
        assert query == 'person:"Imangali Tasmagambetov" person:"Fyodor Voitolovsky"'
        assert len(events.query_one("#events").listing) == 3


async def test_their_speeches_come_first_and_enter_reads_one(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_dossier(pilot, "tasmag")
        await pilot.press("tab")
        items = lines_of(screen.items)
        kinds = [re.search(r"\d{4}-\d\d-\d\d (\w) ", line).group(1) for line in items]
        own = [k for k in kinds if k in "STI"]
        assert kinds[: len(own)] == own and len(own) == 5
        await pilot.press("enter")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "ReaderScreen"


async def test_a_person_the_archive_no_longer_has_says_so(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.push_screen(DossierScreen("nobody x", "Nobody"))
        await settle(pilot)
        assert "no person matches" in text_of(pilot.app.screen, "#dossier-status")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_dossier_looks_right(snap_compare, make_app: AppFactory, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot) -> None:
        await open_dossier(pilot, "tasmag")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


def test_no_color_dossier_keeps_bars_and_cursor_marker(
    snap_compare, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def run(pilot: Pilot) -> None:
        await open_dossier(pilot, "voitol")
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)
