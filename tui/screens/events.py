"""The Events screen (home): search box, timeline, the whole archive by date, a status line.

Searching never blocks typing: each change of the query starts a thread worker, and a
result is applied only if no newer query was typed meanwhile (a sequence number), so a
slow search for "v" cannot overwrite the answer for "voitolovsky".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from store.archive import Archive, Row
from store.errors import PressroomError
from store.index.columns import UNDATED
from store.text.printable import printable
from tui.widgets.event_list import PAGE, EventList, Listing, month_name
from tui.widgets.key_bar import KeyBar
from tui.widgets.search_box import SearchBox
from tui.widgets.timeline import Timeline

_FILTER_RE = re.compile(r'(?<!\S)-?(?:person|kind|after|before|in):(?:"[^"]*"?|\S+)')
"""Field filters as typed, to name them in the status line."""


@dataclass(frozen=True)
class Uses:
    """The earliest and the latest dated match of a search, for `f` and `l`."""

    first: int | None
    latest: int | None
    first_label: str
    """ "2015-03-01 Nikolai Bordyuzha": its date and main participant, for the status."""

    @classmethod
    def of(
        cls, archive: Archive, rowids: np.ndarray, positions: np.ndarray | None,
        *, named: bool = False,
    ) -> Uses:
        """From a search's matches; `positions` (ascending, `Matches.positions`) make it
        two binary searches, so a million matches cost nothing per keystroke. `named`
        reads the first use's date and main participant (a phrase's status line)."""
        columns = archive.columns
        order, dates = columns.order, columns.date_ord
        if positions is None:
            positions = np.sort(np.take(columns.position, rowids, mode="clip"))
        # dates along `order` never increase, and undated items (-1) come last
        low, high = 0, len(order)
        while low < high:
            middle = (low + high) // 2
            if dates[order[middle]] == UNDATED:
                high = middle
            else:
                low = middle + 1
        dated = positions[: int(np.searchsorted(positions, low))]
        if not len(dated):
            return cls(None, None, "")
        first, latest = int(order[dated[-1]]), int(order[dated[0]])
        if not named:
            return cls(first, latest, "")
        item = archive.get_by_rowid(first)
        speaker = f" {item.participants[0].name}" if item.participants else ""
        return cls(first, latest, f"{item.date}{speaker}")


class EventsScreen(Screen):
    """The archive newest first under month headings, or the ranked matches of a query."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("enter", "open", "Open", show=False),
        Binding("b", "bookmark", "Bookmark"),
        Binding("t", "jump", "Jump to month"),
        Binding("escape", "escape", "List / clear"),
        Binding("tab", "app.focus_next", "Search box / list", show=False),
        Binding("ctrl+l", "clear", "Clear query", show=False),
        Binding("f", "first_use", "First use", show=False, id="first-use"),
        Binding("l", "latest_use", "Latest use", show=False, id="latest-use"),
        Binding("w", "who_says_it", "Who says it", show=False, id="who-says-it"),
    ]
    """Events keys; j/k/g/G/PgUp/PgDn live on the list itself (`EventList.BINDINGS`).
    f and l go to the earliest and the latest dated match of a search (a phrase's first and
    latest use), w lists who is named in the matches."""

    def __init__(self) -> None:
        super().__init__()
        self._sequence = 0
        """Bumped per query; a search result carrying an older number is dropped."""
        self._query = ""
        self._problem = ""
        self._uses: Uses | None = None
        """The earliest and latest dated matches of the current search."""

    def compose(self) -> ComposeResult:
        session = self.app.session
        yield SearchBox(blink=not session.settings.low_bandwidth, id="search")
        yield Timeline(id="timeline")
        yield EventList(session.archive, id="events")
        yield Static("", id="status", markup=False)
        yield KeyBar()

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def event_list(self) -> EventList:
        return self.query_one("#events", EventList)

    def on_mount(self) -> None:
        self.event_list.set_marked(self.app.session.marked_ids())
        self.query_one(Timeline).show(self.event_list.listing.timeline)
        self._update_status()
        self.search_box.focus()
        self.app.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)

    def on_screen_resume(self) -> None:
        # another session may have changed the bookmarks file while we were away
        self.event_list.set_marked(self.app.session.marked_ids())

    # -- searching ---------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        """Show the result of `query`, with the focus on the list (People → Enter uses this).

        The user chose a result, not a query to edit: the next key is for the list (`t`,
        `b`, `m`, Enter), so it must not be typed into the box. `/` or Tab edits the query.
        """
        self.search_box.value = query  # fires Input.Changed, which runs the search
        self.search_box.cursor_position = len(query)
        self.event_list.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._start_search(event.value)

    def _start_search(self, query: str, *, keep_cursor: bool = False) -> None:
        self._sequence += 1
        self._query = query
        if not query.strip():
            self._apply(self._sequence, self.event_list.whole_archive(), "", keep_cursor)
            return
        self._search(query, self._sequence, keep_cursor)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, sequence: int, keep_cursor: bool) -> None:
        session = self.app.session
        archive = session.archive
        try:
            matches = archive.match(query, session.bookmarks)
            listing = Listing.build(
                archive.columns, matches.rowids, matches.terms, ranked=bool(matches.terms),
                positions=matches.positions,
            )
            # The rows of the first screen, read here rather than while painting: a cold
            # read of a page of rows costs tens of milliseconds at 1M items.
            events = self.event_list
            top = 0 if not keep_cursor else max(0, events.cursor - PAGE // 2)
            rows = archive.rows(events.uncached(listing.rowids[top : top + PAGE]))
            uses = None
            if matches.terms:
                uses = Uses.of(archive, matches.rowids, matches.positions,
                               named=bool(matches.query.phrases))
        except PressroomError as error:
            self.app.call_from_thread(self._fail, sequence, str(error))
            return
        problem = "; ".join(matches.notes)  # "no person matches 'a0'"
        self.app.call_from_thread(
            self._apply, sequence, listing, problem, keep_cursor, rows, uses
        )

    def _apply(
        self, sequence: int, listing: Listing, problem: str, keep_cursor: bool,
        rows: Sequence[Row] = (), uses: Uses | None = None,
    ) -> None:
        if sequence != self._sequence:
            return  # a newer query was typed meanwhile
        self._problem = problem
        self._uses = uses
        self.event_list.show(listing, keep_cursor=keep_cursor, rows=rows)
        self.query_one(Timeline).show(listing.timeline)
        self._update_status()

    def _fail(self, sequence: int, problem: str) -> None:
        if sequence == self._sequence:
            self._problem = problem
            self._update_status()

    def _update_status(self) -> None:
        listing = self.event_list.listing
        count = len(listing)
        query = self._query.strip()
        words = _FILTER_RE.sub("", query).split()
        filters = _FILTER_RE.findall(query)
        if words:
            noun = "match" if count == 1 else "matches"
            text = f"{count:,} {noun} for {' '.join(words)!r}"
        else:
            text = f"{count:,} item{'' if count == 1 else 's'}"
        if filters:
            text += " · " + " ".join(filters)
        if words and listing.ranked:
            text += " · best first"
        if self._uses is not None and self._uses.first_label:  # a phrase: who said it first
            text += f" · first use {self._uses.first_label} (f)"
        if self._problem:
            text += f" · ! {self._problem}"
        if self.app.session.bookmarks is None:
            text += " · bookmarks unavailable"
        # One line, always: no layout pass (a full-screen layout costs ~6 ms a keystroke).
        self.query_one("#status", Static).update(printable(text), layout=False)

    def _on_bookmarks_changed(self, _: object) -> None:
        self.event_list.set_marked(self.app.session.marked_ids())
        if "in:bookmarks" in self._query or "tag:" in self._query:
            self._start_search(self._query, keep_cursor=True)
        self._update_status()

    # -- keys --------------------------------------------------------------------------------

    def on_search_box_move(self, event: SearchBox.Move) -> None:
        getattr(self.event_list, f"action_{event.step}")()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            event.stop()
            self.action_open()

    def on_event_list_selected(self, event: EventList.Selected) -> None:
        self._open(event.index)

    def action_open(self) -> None:
        self._open(self.event_list.cursor)

    def _open(self, index: int) -> None:
        listing = self.event_list.listing
        if len(listing) == 0:
            self.app.bell()
            return
        self.app.open_reader(listing.rowids, index, listing.terms)

    def action_focus_search(self) -> None:
        self.search_box.focus()

    def action_escape(self) -> None:
        """Escape in the box goes to the list; in the list it clears the query."""
        if self.search_box.has_focus:
            self.event_list.focus()
        else:
            self.action_clear()

    def action_clear(self) -> None:
        self.search_box.value = ""

    def action_bookmark(self) -> None:
        row = self.event_list.current_row()
        if row is None:
            self.app.bell()
            return
        self.app.toggle_bookmark(row.item_id)

    def action_first_use(self) -> None:
        """The cursor to the earliest dated match: a phrase's first use."""
        self._go_to_use(first=True)

    def action_latest_use(self) -> None:
        """The cursor to the latest dated match: the phrase's most recent use."""
        self._go_to_use(first=False)

    def _go_to_use(self, *, first: bool) -> None:
        uses = self._uses
        if uses is None or not self._query.strip():
            self.notify("Search first: f and l go to a search's first and latest use",
                        severity="warning")
            return
        rowid = uses.first if first else uses.latest
        found = np.zeros(0) if rowid is None else np.flatnonzero(
            self.event_list.listing.rowids == rowid
        )
        if not len(found):  # every match undated
            self.app.bell()
            return
        self.event_list.focus()
        self.event_list.move_to(int(found[0]))

    def action_who_says_it(self) -> None:
        """Who is named in the matches, most items first; Enter narrows to one of them."""
        listing = self.event_list.listing
        query = self._query.strip()
        if not query or not len(listing):
            self.notify("Search first: w lists the people named in the matches",
                        severity="warning")
            return
        from tui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(query, listing.rowids), self._by_person)

    def _by_person(self, name: str | None) -> None:
        if name:
            self.set_query(f'{self._query.strip()} person:"{name}"')

    def action_jump(self) -> None:
        from tui.screens.jump import JumpScreen

        blink = not self.app.session.settings.low_bandwidth
        self.app.push_screen(JumpScreen(blink=blink), self._jump_to)

    def _jump_to(self, month_key: int | None) -> None:
        if month_key is None:
            return
        index = self.event_list.listing.month_index(month_key)
        if index is None:
            self.notify(f"Nothing from {month_name(month_key)} in this list", severity="warning")
            return
        self.event_list.focus()
        self.event_list.move_to(index)
