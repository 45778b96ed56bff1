"""Watchlists in the app: the "watch:" line of Events, and the screen that manages them.

A watchlist is a saved query (`store.bookmarks.watchlists`); what it matches above its
`seen_until` is new to this user. Events shows the counts in one line at start and after
`r`; `w` (or `W` with no query) opens `WatchlistsScreen`, where Enter opens one (Events runs
its query with the new items marked and it counts as seen) and `d` removes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store import Archive, Bookmarks, BookmarksUnavailable, PressroomError, Watchlist
from store.bookmarks.watchlists import new_matches
from store.text.printable import printable
from tui.app_handle import AppHandle


@dataclass(frozen=True)
class Count:
    """One watchlist and how many of its matches are new (None: its query failed)."""

    watchlist: Watchlist
    new: int | None
    problem: str = ""


def count_new(archive: Archive, bookmarks: Bookmarks) -> list[Count]:
    """Every watchlist with its count of new items; safe to run in a worker thread.

    Raises BookmarksUnavailable when the bookmarks file cannot be read.
    """
    counts = []
    for watchlist in bookmarks.watchlists():
        try:
            counts.append(Count(watchlist, len(new_matches(archive, watchlist, bookmarks))))
        except PressroomError as error:
            counts.append(Count(watchlist, None, str(error)))
    return counts


def watch_line(counts: list[Count]) -> str:
    """ "watch: Tasmagambetov 3 new · migration 1 new · w lists them" ("" without any)."""
    if not counts:
        return ""
    parts = [f"{c.watchlist.name} {c.new:,} new" if c.new is not None
             else f"{c.watchlist.name} !" for c in counts]
    return printable("watch: " + " · ".join(parts) + " · w lists them")


class WatchlistsScreen(AppHandle, ModalScreen[Watchlist | None]):
    """The user's watchlists with their new counts; dismisses with the one to open."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("d", "remove", "Remove"),
        Binding("escape,q", "close", "Close"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    """Enter opens the highlighted watchlist on Events; d removes it; Esc or q closes."""

    CSS_PATH = "watchlists.tcss"

    def __init__(self, counts: list[Count]) -> None:
        super().__init__()
        self.counts = list(counts)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Watchlists", id="watchlists-title")
            yield OptionList(*self._options(), id="watchlists")
            yield Label(self._hint(), id="watchlists-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _options(self) -> list[Option]:
        options = []
        for count in self.counts:
            new = f"{count.new:,} new" if count.new is not None else f"! {count.problem}"
            label = f"{count.watchlist.name} · {new} · {count.watchlist.query}"
            options.append(Option(printable(label), id=count.watchlist.name))
        return options

    def _hint(self) -> str:
        if not self.counts:
            return ("No watchlists yet: search on Events, then W saves the query as one. "
                    "Esc closes.")
        return "Enter shows its items, new ones marked + · d removes · Esc or q closes"

    @property
    def _highlighted(self) -> Count | None:
        index = self.query_one(OptionList).highlighted
        return None if index is None or index >= len(self.counts) else self.counts[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        count = self._highlighted
        if count is None:
            self.app.bell()
            return
        self.dismiss(count.watchlist)

    def action_remove(self) -> None:
        count = self._highlighted
        bookmarks = self.pressroom.session.bookmarks
        if count is None or bookmarks is None:
            self.app.bell()
            return
        try:
            bookmarks.unwatch(count.watchlist.name)
        except BookmarksUnavailable as error:
            self.notify(f"Not removed: {error}", severity="warning", timeout=6)
            return
        self.counts.remove(count)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        self.query_one("#watchlists-hint", Label).update(self._hint())
        self.notify(f"Removed the watchlist {count.watchlist.name}", timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
