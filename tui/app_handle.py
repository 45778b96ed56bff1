"""`self.pressroom`: the running app with its type, for screens and palette commands.

Textual types `self.app` as a plain `App`, so `self.app.session` or `self.app.open_reader`
would be unchecked. A screen that mixes in `AppHandle` writes `self.pressroom.session`
instead, and mypy checks every call to the app's contract (`PressroomApp`'s session,
`open_reader`, `show_events`, `toggle_bookmark`, `bookmarks_changed`, `bookmarks_signal`).

    class EventsScreen(AppHandle, Screen[None]):
        def action_bookmark(self) -> None:
            self.pressroom.toggle_bookmark(item_id)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from tui.app import PressroomApp


class _HasApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


class AppHandle:
    """Mixed into screens and command providers: `pressroom` is `self.app`, typed."""

    @property
    def pressroom(self: _HasApp) -> PressroomApp:
        return cast("PressroomApp", self.app)
