"""The `t` prompt: type a month or a year ("2019-03", "March 2019", "2019") to jump there."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from store.errors import PressroomError
from store.text.dates import month_number
from store.text.printable import printable


class NotAMonth(PressroomError):
    """What the user typed at the jump prompt is not a month or a year."""


def parse_month(text: str) -> int:
    """A month key (year*12 + month-1) for "2019-03", "03.2019", "March 2019" or "2019".

    A bare year means its newest month (December), which in a newest-first list is where
    that year begins. A full date ("2019-03-15") means its month.
    """
    value = text.strip().casefold()
    iso = re.fullmatch(r"(\d{4})(?:[-./](\d{1,2}))?(?:[-./]\d{1,2})?", value)
    if iso:
        year, month = int(iso[1]), int(iso[2] or 12)
    elif reverse := re.fullmatch(r"(?:\d{1,2}[-./])?(\d{1,2})[-./](\d{4})", value):
        year, month = int(reverse[2]), int(reverse[1])
    else:
        words = re.findall(r"[^\W\d_]+|\d+", value)
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        months = [n for n in map(month_number, words) if n is not None]
        if len(years) != 1 or len(months) != 1:
            raise NotAMonth(f"not a month: {text.strip()!r} (try 2019-03, March 2019 or 2019)")
        year, month = years[0], months[0]
    if not 1 <= month <= 12 or year < 1:
        raise NotAMonth(f"not a month: {text.strip()!r} (try 2019-03, March 2019 or 2019)")
    return year * 12 + month - 1


class JumpScreen(ModalScreen[int | None]):
    """Asks for a month; dismisses with its month key, or None when cancelled."""

    CSS_PATH = "jump.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+c", "cancel", "Cancel"),
    ]
    """Escape or ctrl+c cancel: never Escape alone."""

    def __init__(self, *, blink: bool = True) -> None:
        super().__init__()
        self._blink = blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Jump to a month (2019-03, March 2019, 2019):")
            box = Input(placeholder="month or year", id="jump-input")
            box.cursor_blink = self._blink
            yield box
            yield Label("", id="jump-error", markup=False)
            yield Label("Enter: jump   ctrl+c / Esc: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.dismiss(parse_month(event.value))
        except NotAMonth as error:
            self.query_one("#jump-error", Label).update(printable(str(error)))

    def action_cancel(self) -> None:
        self.dismiss(None)
