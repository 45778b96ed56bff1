"""The search box: an Input whose arrow keys move the list below, so typing never stops.

Events searches with it and People filters with it: one way to type over a list."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

EVENTS_PLACEHOLDER = 'Search: words, "a phrase", -word, person:, kind:, after:, before:'


class SearchBox(Input):
    """Where the user types a query; Up/Down/PgUp/PgDn move the list's cursor meanwhile."""

    BINDINGS = [
        Binding("down", "move('cursor_down')", "Next row", show=False),
        Binding("up", "move('cursor_up')", "Previous row", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
    ]
    """Movement is passed up to the screen: the box keeps focus and the query."""

    class Move(Message):
        """Move the list cursor: `step` is an EventList action (cursor_down, page_up...)."""

        def __init__(self, step: str) -> None:
            self.step = step
            super().__init__()

    def __init__(
        self, *, placeholder: str = EVENTS_PLACEHOLDER, blink: bool = True,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.cursor_blink = blink

    def action_move(self, step: str) -> None:
        self.post_message(self.Move(step))
