"""The search box: an Input whose arrow keys move the list below, so typing never stops.

Events searches with it and People filters with it: one way to type over a list."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

EVENTS_PLACEHOLDER = 'Search: words, "a phrase", -word, person:, kind:, after:, before:'


class SearchBox(Input):
    """Where the user types a query; Up/Down/PgUp/PgDn move the list's cursor meanwhile."""

    BINDINGS = [
        Binding("down", "move(1)", "Next row", show=False),
        Binding("up", "move(-1)", "Previous row", show=False),
        Binding("pagedown", "move(1, True)", "Page down", show=False),
        Binding("pageup", "move(-1, True)", "Page up", show=False),
    ]
    """Movement is passed up to the screen: the box keeps focus and the query."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The width of the text typed, which scrolls inside the box. `Input` changes it at
    every keystroke and asks for a layout of the whole screen each time (~1 ms, and a
    second frame for the list's scrollbar, while the search runs); the box's own size
    never changes with its text, so a repaint of the box is enough."""

    class Move(Message):
        """Move the list's cursor by `direction` (+1 down, -1 up) rows, or pages if `page`;
        the screen passes it to its list (`LineList.step`)."""

        def __init__(self, direction: int, page: bool = False) -> None:
            self.direction = direction
            self.page = page
            super().__init__()

    def __init__(
        self, *, placeholder: str = EVENTS_PLACEHOLDER, blink: bool = True,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.cursor_blink = blink

    def action_move(self, direction: int, page: bool = False) -> None:
        self.post_message(self.Move(direction, page))
