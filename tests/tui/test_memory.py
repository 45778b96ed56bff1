"""A session gives the memory its searches freed back to the host, once the user pauses:
never between two keystrokes, where the next search would pay for it."""

from __future__ import annotations

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.test_events import settle


async def test_freed_memory_goes_back_once_typing_pauses(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    given_back: list[str] = []
    monkeypatch.setattr("tui.app.IDLE_SECONDS", 0.4)
    monkeypatch.setattr("tui.app.give_back_freed_memory", lambda: given_back.append("trim"))
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.6)  # the first frame's listing
        given_back.clear()
        for letter in "tasmagambetov":
            await pilot.press(letter)
            await pilot.pause(0.05)
        await settle(pilot)
        assert given_back == []  # typing: nothing yet
        await pilot.pause(0.8)
        assert given_back == ["trim"]  # one pause, one give-back
