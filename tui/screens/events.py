"""The Events screen (home): search box, timeline, the whole archive by date, a status line.

Searching never blocks typing: each change of the query starts a thread worker, and a
result is applied only if no newer query was typed meanwhile (a sequence number), so a
slow search for "v" cannot overwrite the answer for "voitolovsky".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, Static

from store import BookmarksReadOnly, BookmarksUnavailable, Watchlist
from store.archive import Archive, Row
from store.bookmarks.watchlists import MAX_NAME
from store.errors import PressroomError
from store.index.columns import UNDATED
from store.index.query import Query, parse_query
from store.text.printable import printable
from tui.app_handle import AppHandle
from tui.archive_follow import Swap
from tui.widgets.event_list import PAGE, EventList, Listing, month_name
from tui.widgets.key_bar import KeyBar
from tui.widgets.search_box import SearchBox
from tui.widgets.timeline import Timeline

NO_QUERY = Query("")
"""What an empty search box shows: every item, by date."""

if TYPE_CHECKING:
    from tui.screens.watchlists import Count


@dataclass(frozen=True)
class Uses:
    """The earliest and the latest dated match of a search, for `f` and `l`."""

    first: int | None
    latest: int | None
    first_date: str = ""
    """The first use's date, read for a phrase only (`named`): the timeline marks it."""
    first_speaker: str = ""
    """The first use's main participant, read with its date."""

    @property
    def first_label(self) -> str:
        """ "2015-03-01 Nikolai Bordyuzha": the first use for the status line ("" unread)."""
        return " ".join(filter(None, (self.first_date, self.first_speaker)))

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
            return cls(None, None)
        first, latest = int(order[dated[-1]]), int(order[dated[0]])
        if not named:
            return cls(first, latest)
        item = archive.get_by_rowid(first)
        speaker = item.participants[0].name if item.participants else ""
        return cls(first, latest, item.date or "", speaker)


class EventsScreen(AppHandle, Screen[None]):
    """The archive newest first under month headings, or the ranked matches of a query."""

    CSS_PATH = "events.tcss"

    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("enter", "open", "Open", show=False),
        Binding("b", "bookmark", "Bookmark"),
        Binding("t", "jump", "Jump to month"),
        Binding("escape", "escape", "List / clear"),
        Binding("tab", "app.focus_next", "Search box / list", show=False),
        Binding("ctrl+l", "clear", "Clear query", show=False),
        Binding("r,ctrl+r", "show_new", "Show new items", id="show-new"),
        Binding("W", "watch", "Watch query", id="watch"),
        Binding("w", "watchlists", "Watchlists", id="watchlists", show=False),
        Binding("f", "first_use", "First use", show=False, id="first-use"),
        Binding("l", "latest_use", "Latest use", show=False, id="latest-use"),
        Binding("s", "who_says_it", "Who says it", show=False, id="who-says-it"),
    ]
    """Events keys; j/k/g/G/PgUp/PgDn live on the list itself (`LineList.BINDINGS`).
    f and l go to the earliest and the latest dated match of a search (a phrase's first and
    latest use), s lists who is named in the matches (the speakers)."""

    def __init__(self) -> None:
        super().__init__()
        self._sequence = 0
        """Bumped per query; a search result carrying an older number is dropped."""
        self._query = ""
        """The query as typed."""
        self._shown = NO_QUERY
        """The parsed query of the result on the list (an unparsable one leaves it there)."""
        self._problem = ""
        self._watch_sequence = 0
        """Bumped per count of the watchlists; an older count is dropped."""
        self._watch_counts: list[Count] = []
        """The watchlists and their new counts, as the "watch:" line shows them."""
        self._follow: tuple[str, int] | None = None
        """After `r`: the item the cursor was on, and its line on screen, to find again."""
        self._uses: Uses | None = None
        """The earliest and latest dated matches of the current search."""

    def compose(self) -> ComposeResult:
        session = self.pressroom.session
        yield SearchBox(blink=not session.settings.low_bandwidth, id="search")
        yield Timeline(id="timeline")
        yield EventList(session.archive, id="events")
        yield Static("", id="watch", markup=False)
        yield Static("", id="status", markup=False, classes="status-line")
        yield KeyBar()

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def event_list(self) -> EventList:
        return self.query_one("#events", EventList)

    def on_mount(self) -> None:
        self.event_list.set_marked(self.pressroom.session.marked_ids())
        self.query_one(Timeline).show(self.event_list.listing.timeline)
        self._update_status()
        self.search_box.focus()
        self.pressroom.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)
        follower = self.pressroom.archive_follower
        follower.waiting_signal.subscribe(self, self._on_archive_waiting)
        follower.swapped_signal.subscribe(self, self._on_archive_swapped)
        self.run_worker(self._count_when_warm(), group="watch-wait")

    def on_screen_resume(self) -> None:
        # another session may have changed the bookmarks file while we were away
        self.event_list.set_marked(self.pressroom.session.marked_ids())

    # -- searching ---------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        """Show the result of `query`, with the focus on the list (People → Enter uses this).

        The user chose a result, not a query to edit: the next key is for the list (`t`,
        `b`, `m`, Enter), so it must not be typed into the box. `/` or Tab edits the query.
        """
        self.search_box.value = query  # fires Input.Changed, which runs the search
        self.search_box.cursor_position = len(query)
        self.event_list.focus()

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self._start_search(event.value)

    def _start_search(self, query: str, *, keep_cursor: bool = False) -> None:
        self._sequence += 1
        self._query = query
        if not query.strip():
            listing = self.event_list.whole_archive()
            place = self._place_of(self.pressroom.session.archive, listing)
            self._apply(self._sequence, listing, "", keep_cursor, place=place)
            return
        self._search(query, self._sequence, keep_cursor)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, sequence: int, keep_cursor: bool) -> None:
        session = self.pressroom.session
        archive = session.archive
        try:
            parsed = parse_query(query)
            matches = archive.match(query, session.bookmarks)
            if sequence != self._sequence:
                # Typed over while it searched (a thread worker cannot be cancelled): the
                # rest would be dropped anyway, and would hold the GIL and the archive
                # while the newer query's worker runs.
                return
            listing = Listing.build(
                archive.columns, matches.rowids, matches.terms, ranked=bool(matches.terms),
                positions=matches.positions,
            )
            # The rows of the first screen, read here rather than while painting: a cold
            # read of a page of rows costs tens of milliseconds at 1M items.
            events = self.event_list
            place = self._place_of(archive, listing)
            cursor = place[0] if place else events.cursor
            top = 0 if not keep_cursor else max(0, cursor - PAGE // 2)
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
            self._apply, sequence, listing, problem, keep_cursor, rows, parsed, place, uses
        )

    def _place_of(self, archive: Archive, listing: Listing) -> tuple[int, int] | None:
        """Where the item followed through a refresh is in `listing` (row index, line on
        screen), or None: nothing followed, or it is not in the new result."""
        follow = self._follow
        if follow is None:
            return None
        item_id, screen_line = follow
        rowids = archive.rowids_of([item_id])  # an updated item has a new rowid
        if not len(rowids):
            return None
        found = np.flatnonzero(listing.rowids == rowids[0])
        return (int(found[0]), screen_line) if len(found) else None

    def _apply(
        self, sequence: int, listing: Listing, problem: str, keep_cursor: bool,
        rows: Sequence[Row] = (), shown: Query = NO_QUERY,
        place: tuple[int, int] | None = None, uses: Uses | None = None,
    ) -> None:
        if sequence != self._sequence:
            return  # a newer query was typed meanwhile
        self._shown = shown
        self._problem = problem
        self._follow = None
        self._uses = uses
        self.event_list.show(listing, keep_cursor=keep_cursor, rows=rows)
        self.pressroom.give_back_memory_soon()  # what the last result held
        if place is not None:
            self.event_list.place(*place)
        self.query_one(Timeline).show(listing.timeline, uses.first_date if uses else "")
        self._update_status()

    def _fail(self, sequence: int, problem: str) -> None:
        if sequence == self._sequence:
            self._problem = problem
            self._update_status()

    def _update_status(self) -> None:
        listing = self.event_list.listing
        count = len(listing)
        shown = self._shown
        words = [*shown.words, *('"' + " ".join(phrase) + '"' for phrase in shown.phrases),
                 *("-" + word for word in shown.excluded)]
        filters = shown.filters()
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
        waiting = self.pressroom.archive_follower.waiting
        if waiting:
            key = "ctrl+r" if self.search_box.has_focus else "r"  # the box types an r
            text += f" · {waiting:,} new item{'' if waiting == 1 else 's'} · {key} to show"
        if self._problem:
            text += f" · ! {self._problem}"
        if self.pressroom.session.bookmarks is None:
            text += " · bookmarks unavailable"
        # One line, always: no layout pass (a full-screen layout costs ~6 ms a keystroke).
        self.query_one("#status", Static).update(printable(text), layout=False)

    def _on_bookmarks_changed(self, _: object) -> None:
        self.event_list.set_marked(self.pressroom.session.marked_ids())
        if self._shown.in_bookmarks:  # also for tag:, which looks in bookmarks
            self._start_search(self._query, keep_cursor=True)
        self._update_status()

    def _on_archive_waiting(self, _: int) -> None:
        """Items arrived in the archive file: say so, and move nothing (`r` shows them)."""
        self.refresh_bindings()
        self._update_status()

    def on_descendant_focus(self) -> None:
        if self.pressroom.archive_follower.waiting:
            self._update_status()  # the notice names the key that works where the focus is

    def _on_archive_swapped(self, swap: Swap) -> None:
        """The session reads a fresh archive. After `r` the list, the current search and
        the timeline follow it, new items marked, the cursor on the item it was on; after a
        quiet swap (a snapshot session) only the rows are read from it."""
        events = self.event_list
        if not swap.relist:
            events.archive = self.pressroom.session.archive
            return
        row = events.current_row()
        if row is not None:
            self._follow = (row.item_id, events.listing.line_of(events.cursor)
                            - int(events.scroll_y))
        events.use_archive(self.pressroom.session.archive, new_after=swap.shown_until)
        self._start_search(self._query, keep_cursor=True)
        self._count_watchlists()

    # -- watchlists --------------------------------------------------------------------------

    async def _count_when_warm(self) -> None:
        """Count once the search vocabulary is loaded: a watchlist's search on a cold index
        would hold the archive while the user's first keystroke waits."""
        await self.pressroom.warmed.wait()
        self._count_watchlists()

    def _count_watchlists(self) -> None:
        """Count each watchlist's new items (a search each) off the event loop; only the
        latest count is shown (a thread worker cannot be stopped half-way)."""
        self._watch_sequence += 1
        self._count_in_thread(self._watch_sequence)

    @work(thread=True, exclusive=True, group="watch-count")
    def _count_in_thread(self, sequence: int) -> None:
        from tui.screens.watchlists import count_new

        session = self.pressroom.session
        if session.bookmarks is None:
            return
        try:
            counts = count_new(session.archive, session.bookmarks)
        except BookmarksUnavailable as error:
            self.app.call_from_thread(session.bookmarks_failed, error)
            return
        self.app.call_from_thread(self._show_watch_counts, sequence, counts)

    def _show_watch_counts(self, sequence: int, counts: list[Count]) -> None:
        from tui.screens.watchlists import watch_line

        if sequence != self._watch_sequence:
            return  # counted before a later change (a watchlist seen, saved, removed)
        self._watch_counts = counts
        try:
            line = self.query_one("#watch", Static)
        except NoMatches:  # the app quit while the count ran: its widgets are gone
            return
        text = watch_line(counts)
        line.update(text)
        line.set_class(bool(text), "-shown")

    def action_watch(self) -> None:
        """`W`: save the query as a watchlist, under a name asked for; with no query, list
        the watchlists (as `w` does)."""
        query = self._query.strip()
        if not query:
            self.action_watchlists()
            return
        from tui.screens.note_prompt import NotePrompt

        shown = parse_query(query)  # the words and phrases name it; filters are details
        default = " ".join([*shown.words, *(" ".join(p) for p in shown.phrases)]) or query
        prompt = NotePrompt(query, default[:MAX_NAME], label="Save as a watchlist",
                            placeholder="a name for this watchlist",
                            blink=not self.pressroom.session.settings.low_bandwidth)
        self.app.push_screen(prompt, lambda name: self._save_watchlist(name, query))

    def _save_watchlist(self, name: str | None, query: str) -> None:
        session = self.pressroom.session
        if not name:
            return
        if session.bookmarks is None:
            self.notify(f"Bookmarks unavailable: {session.bookmarks_problem}",
                        severity="warning", timeout=6)
            return
        try:
            kept = session.bookmarks.watch(name, query,
                                           seen_until=self.pressroom.archive_follower.shown_until)
        except ValueError as error:
            self.notify(f"Not saved: {error}", severity="warning", timeout=6)
            return
        except BookmarksReadOnly as error:
            self.notify(f"Not saved: {error}", severity="warning", timeout=6)
            return
        except BookmarksUnavailable as error:
            session.bookmarks_failed(error)
            self.notify(f"Bookmarks unavailable: {error}", severity="warning", timeout=6)
            return
        self.notify(f"Watching {kept.name}: new matches will show as new", timeout=4)
        self._count_watchlists()

    def action_watchlists(self) -> None:
        """`w`: the watchlists with their new counts; Enter opens one here."""
        from tui.screens.watchlists import WatchlistsScreen, count_new

        session = self.pressroom.session
        if session.bookmarks is None:
            self.notify(f"Bookmarks unavailable: {session.bookmarks_problem}",
                        severity="warning", timeout=6)
            return
        try:
            counts = count_new(session.archive, session.bookmarks)
        except BookmarksUnavailable as error:
            session.bookmarks_failed(error)
            return
        self.app.push_screen(WatchlistsScreen(counts), self._open_watchlist)

    def _open_watchlist(self, watchlist: Watchlist | None) -> None:
        """Show a watchlist's matches with its new items marked +, and count it as seen."""
        if watchlist is None:
            self._count_watchlists()  # the watchlists screen may have removed some
            return
        session = self.pressroom.session
        new = next((c.new for c in self._watch_counts
                    if c.watchlist.name == watchlist.name), None)
        self.event_list.new_after = watchlist.seen_until
        self.event_list.refresh()  # the query may be the one shown already
        self.set_query(watchlist.query)
        seen = max(watchlist.seen_until, self.pressroom.archive_follower.shown_until)
        if session.bookmarks is not None and not session.bookmarks_read_only:
            try:
                session.bookmarks.mark_seen(watchlist.name, seen)
            except BookmarksUnavailable as error:
                session.bookmarks_failed(error)
        if new:
            self.notify(f"{watchlist.name}: {new:,} new, marked +", timeout=4)
        self._count_watchlists()

    def action_show_new(self) -> None:
        """Show the items imported since the list was drawn (`r`; the command palette)."""
        follower = self.pressroom.archive_follower
        if not follower.waiting:
            self.notify("No new items since this list was drawn", timeout=3)
            return
        follower.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_new" and not self.pressroom.archive_follower.waiting:
            return False  # hidden from the key bar until items arrive
        return True

    # -- keys --------------------------------------------------------------------------------

    def on_search_box_move(self, event: SearchBox.Move) -> None:
        self.event_list.step(event.direction, page=event.page)

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
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
        self.pressroom.open_reader(listing.rowids, index, listing.terms)

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
        self.pressroom.toggle_bookmark(row.item_id)

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
            self.notify("Search first: s lists the people named in the matches",
                        severity="warning")
            return
        from tui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(query, listing.rowids), self._by_person)

    def _by_person(self, name: str | None) -> None:
        if name:
            self.set_query(f'{self._query.strip()} person:"{name}"')

    def action_jump(self) -> None:
        from tui.screens.jump import JumpScreen

        blink = not self.pressroom.session.settings.low_bandwidth
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
