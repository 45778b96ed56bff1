"""Who says it: the people named in the current matches, by how many items name them."""

from __future__ import annotations

import numpy as np
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store.index.mentions import PersonCount
from store.text.printable import printable
from tui.app_handle import AppHandle

SHOWN = 200
"""People listed: the ranking's head is what an analyst reads."""


class SpeakersScreen(AppHandle, ModalScreen[str | None]):
    """People with their counts; Enter dismisses with that person's name, q or Escape with
    None."""

    BINDINGS = [
        Binding("q,escape", "close", "Close"),
        Binding("enter", "choose", "Their items here", show=False),
    ]
    """Enter filters Events by the chosen person (`person:`), q or Escape goes back."""

    CSS_PATH = "speakers.tcss"

    def __init__(self, query: str, rowids: np.ndarray) -> None:
        super().__init__()
        self.query_text = query
        self.rowids = rowids
        self.people: list[PersonCount] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(printable(f"Who says {self.query_text}"), id="speakers-title")
            yield OptionList(id="speakers")
            yield Label("counting…", id="speakers-status")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count()

    @work(thread=True, exclusive=True)
    def _count(self) -> None:
        people = self.pressroom.session.archive.people_named(self.rowids)
        self.app.call_from_thread(self._show, people)

    def _show(self, people: list[PersonCount]) -> None:
        self.people = people[:SHOWN]
        listing = self.query_one(OptionList)
        listing.add_options(
            Option(printable(f"{person.count:7,}  {person.name}")) for person in self.people
        )
        if self.people:
            listing.highlighted = 0
        more = f", the first {SHOWN} shown" if len(people) > SHOWN else ""
        noun = "person" if len(people) == 1 else "people"
        self.query_one("#speakers-status", Label).update(
            f"{len(people):,} {noun} named in {len(self.rowids):,} items{more}"
            " · Enter: their items here"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.people[event.option_index].name)

    def action_choose(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self.people):
            self.dismiss(self.people[index].name)

    def action_close(self) -> None:
        self.dismiss(None)
