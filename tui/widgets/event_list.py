"""The Events list: any number of items drawn lazily, one line each, under month headings.

Textual's `OptionList`/`DataTable` lay out every row up front (6-8 s for 100k rows), so this
is a Line-API `ScrollView` in the manner of Textualize/toolong: the scroll height is the line
count, `render_line` draws only what is on screen, and rows come from the archive in pages
of `PAGE` held in an LRU cache. Mounting a million items costs one numpy pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.message import Message
from textual.strip import Strip

from store.archive import Archive, Row
from store.index.columns import Columns
from store.text.dates import MONTHS
from store.text.printable import printable
from tui.widgets.row_list import CURSOR_MARKER, LineList, fitted_strip
from tui.widgets.timeline import monthly_counts, monthly_counts_at, monthly_counts_of_stretches

PAGE = 64
"""Rows fetched from the archive per cache miss: a tall screen and more, and small enough
that a miss on a cold archive (one table page a row, at random) is a short hiccup."""
ROW_CACHE = 4_000
"""Rows kept in memory; a few pages around where the user has been."""
STRIP_CACHE = 256
"""Rows kept drawn: the screenfuls around the cursor (a move redraws every line on
screen), and the rows a keystroke shows again with the same highlights (at 1M items
about 45% of those drawn while the benchmark's queries are typed)."""

KIND_MARKERS = {"news": "N", "speech": "S", "statement": "T", "interview": "I"}
"""One plain letter per kind (Help lists them); no emoji, whose widths terminals disagree on."""
BOOKMARK_MARKER = "*"
NEW_MARKER = "+"
"""Beside an item that arrived with the last refresh (`r`) or since a watchlist was seen."""
NO_STYLE = Style()


def month_name(month_key: int) -> str:
    """'December 2024' for a `Columns.months` value (year*12 + month-1); -1 is undated."""
    if month_key < 0:
        return "Undated"
    year, month = divmod(int(month_key), 12)
    return f"{MONTHS[month]} {year}"


@dataclass(frozen=True)
class Listing:
    """What the list shows: rowids in display order, and where the month headings go."""

    rowids: np.ndarray
    """int64 rowids, in the order drawn (newest first, or ranked by relevance)."""
    columns: Columns = field(repr=False)
    timeline: tuple[int, np.ndarray] = field(repr=False)
    """Items per month of the whole listing (`monthly_counts`), for the Timeline."""
    heading_starts: np.ndarray
    """Row index where each heading's month begins; empty when ranked (no headings)."""
    terms: frozenset[str] = frozenset()
    """Folded search terms to highlight in titles and names."""
    ranked: bool = False
    """True when ordered by relevance: no headings, since months would interleave."""

    @classmethod
    def build(
        cls, columns: Columns, rowids: np.ndarray, terms: frozenset[str] = frozenset(),
        *, ranked: bool = False, positions: np.ndarray | None = None,
    ) -> Listing:
        """Compute headings and the timeline with numpy: a million rows take milliseconds.

        A ranked listing has no headings; given the matches' `positions` (in date order,
        `store.index.search.Matches.positions`) its timeline is counted from them, and the
        month of each row is gathered only if a `t` jump asks for it.
        """
        if ranked or len(rowids) == 0:
            if positions is not None:
                timeline = monthly_counts_at(columns, positions)
            else:
                timeline = monthly_counts(columns.months(rowids))
            no_headings = np.zeros(0, dtype=np.int64)
            return cls(rowids, columns, timeline, no_headings, terms, ranked)
        # The whole archive by date (no query, or one whose filters keep every item, as
        # "kind:" half typed): its months are a column of the index file already, shared
        # by every session, where a gather would make each its own copy (4 MB at 1M) and
        # cost ~50 ms of the keystroke.
        whole = rowids is columns.order or (
            len(rowids) == len(columns.order) and np.array_equal(rowids, columns.order)
        )
        months = columns.month_in_order if whole else columns.months(rowids)
        change = np.empty(len(months), dtype=bool)
        change[0] = True
        np.not_equal(months[1:], months[:-1], out=change[1:])
        starts = np.flatnonzero(change).astype(np.int64)
        # in date order each month is one stretch, under its heading: counted from those
        timeline = monthly_counts_of_stretches(
            months[starts], np.diff(starts, append=len(months))
        )
        listing = cls(rowids, columns, timeline, starts, terms, ranked)
        listing.__dict__["months"] = months  # computed already: `months` is cached
        return listing

    @cached_property
    def months(self) -> np.ndarray:
        """Month key of each row (`Columns.months`), for headings and `t` jumps."""
        return self.columns.months(self.rowids)

    def __len__(self) -> int:
        return len(self.rowids)

    @property
    def heading_lines(self) -> np.ndarray:
        return self.heading_starts + np.arange(len(self.heading_starts), dtype=np.int64)

    @property
    def line_count(self) -> int:
        return len(self.rowids) + len(self.heading_starts)

    def line_of(self, index: int) -> int:
        """The screen line (from the top of the list) of row `index`."""
        return index + int(np.searchsorted(self.heading_starts, index, side="right"))

    def at_line(self, line: int) -> tuple[int, bool]:
        """(row index, False) for an item line, or (heading number, True) for a heading."""
        if len(self.heading_starts) == 0:
            return line, False
        lines = self.heading_lines
        k = int(np.searchsorted(lines, line, side="right")) - 1
        if k >= 0 and lines[k] == line:
            return k, True
        return line - (k + 1), False

    def heading_count(self, k: int) -> int:
        """How many rows fall under heading `k`."""
        end = self.heading_starts[k + 1] if k + 1 < len(self.heading_starts) else len(self.rowids)
        return int(end - self.heading_starts[k])

    def month_index(self, month_key: int) -> int | None:
        """First row of that month, or of the nearest older month, in a newest-first list.

        Undated rows sort last and count as older than any month. None for an empty list.
        """
        if len(self.rowids) == 0:
            return None
        if self.ranked:
            hits = np.flatnonzero(self.months == month_key)
            return int(hits[0]) if len(hits) else None
        keys = np.where(self.months < 0, np.iinfo(np.int32).min, self.months)
        # keys are non-increasing; find the first row whose month is <= the target
        position = int(np.searchsorted(-keys.astype(np.int64), -month_key, side="left"))
        return min(position, len(self.rowids) - 1)


class EventList(LineList):
    """Items one per line: cursor marker, date, kind, bookmark marker, title, participants."""

    BINDINGS = [Binding("enter", "select", "Open", show=False)]
    """Enter opens; movement keys are `LineList.BINDINGS`."""

    COMPONENT_CLASSES = {
        "event-list--cursor",
        "event-list--heading",
        "event-list--match",
        "event-list--people",
        "event-list--date",
        "event-list--marker",
    }

    DEFAULT_CSS = """
    EventList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    EventList > .event-list--cursor { background: $accent 30%; text-style: bold; }
    EventList:focus > .event-list--cursor { background: $accent 60%; }
    EventList > .event-list--heading { color: $secondary; text-style: bold; }
    EventList > .event-list--match { color: $warning; text-style: bold underline; }
    EventList > .event-list--people { color: $text-muted; }
    EventList > .event-list--date { color: $text-muted; }
    EventList > .event-list--marker { color: $accent; text-style: bold; }
    """

    class Selected(Message):
        """The user chose row `index` (Enter); the screen opens the reader."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, archive: Archive, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.archive = archive
        self._whole = Listing.build(archive.columns, archive.columns.order)
        self.listing = self._whole
        self.marked: set[str] = set()
        self.new_after: int | None = None
        """Rows with a rowid above this are marked new (`NEW_MARKER`); None marks none."""
        self._rows: LRUCache[int, Row] = LRUCache(ROW_CACHE)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(STRIP_CACHE)

    # -- what is shown -----------------------------------------------------------------------

    def show(
        self, listing: Listing, *, keep_cursor: bool = False, rows: Sequence[Row] = ()
    ) -> None:
        """Replace the rows (a new search result); the cursor goes to the top unless kept.

        `rows` are rows of the listing fetched already (by the search worker, off the event
        loop), so the first paint of a new result reads nothing from the archive.
        """
        self._remember(rows)
        self.listing = listing
        self.rows_changed(keep_cursor=keep_cursor)

    def whole_archive(self) -> Listing:
        """The listing of every item by date (an empty query), built once per state of the
        archive: at 1M items building it costs ~11 ms, each time a query is cleared."""
        columns = self.archive.columns
        if self._whole.columns is not columns:
            self._whole = Listing.build(columns, columns.order)
        return self._whole

    def set_marked(self, marked: set[str]) -> None:
        """Bookmarked item ids, for the `*` marker; redraws."""
        self.marked = set(marked)
        self.refresh()

    def use_archive(self, archive: Archive, *, new_after: int | None = None) -> None:
        """Read rows from `archive` from now on (a refresh swapped in a fresh one), marking
        those with a rowid above `new_after` new. The caller then shows a new listing."""
        self.archive = archive
        self.new_after = new_after
        self.forget_rows()

    def place(self, index: int, screen_line: int) -> None:
        """Put the cursor on row `index`, drawn `screen_line` lines from the top where the
        list allows: a refresh leaves the user's item where it was on the screen."""
        if len(self.listing) == 0:
            return
        self.cursor = max(0, min(index, len(self.listing) - 1))
        line = self.listing.line_of(self.cursor)
        self.scroll_to(y=max(0, line - screen_line), animate=False, immediate=True)
        self.refresh()

    def forget_rows(self) -> None:
        """Drop cached rows (the archive changed under us)."""
        self._rows.clear()
        self._strips.clear()
        self.refresh()

    def current_row(self) -> Row | None:
        return None if len(self.listing) == 0 else self._row(self.cursor)

    def _row(self, index: int) -> Row | None:
        rowid = int(self.listing.rowids[index])
        row = self._rows.get(rowid)
        if row is not None:
            return row
        start = index // PAGE * PAGE
        self._remember(self.archive.rows(self.listing.rowids[start : start + PAGE]))
        return self._rows.get(rowid)

    def uncached(self, rowids: np.ndarray) -> np.ndarray:
        """The rowids among `rowids` whose rows are not held yet (safe from a worker thread:
        only dict look-ups)."""
        rows = self._rows
        return np.array([r for r in rowids.tolist() if r not in rows], dtype=np.int64)

    def _remember(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._rows[row.rowid] = row

    # -- lines: rows under month headings ----------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.listing)

    @property
    def line_count(self) -> int:
        return self.listing.line_count

    def line_of(self, index: int) -> int:
        return self.listing.line_of(index)

    def row_at(self, line: int) -> int:
        index, is_heading = self.listing.at_line(line)
        return int(self.listing.heading_starts[index]) if is_heading else index

    def first_line_of(self, index: int) -> int:
        """A month's first row shows with its heading."""
        line = self.listing.line_of(index)
        return line - 1 if line > 0 and self.listing.at_line(line - 1)[1] else line

    def action_select(self) -> None:
        if len(self.listing):
            self.post_message(self.Selected(self.cursor))

    # -- drawing -----------------------------------------------------------------------------

    def line_text(self, line: int, width: int) -> Text:
        index, is_heading = self.listing.at_line(line)
        if is_heading:
            text = self._heading_text(index)
            text.truncate(width, overflow="crop", pad=True)
            return text
        row = self._row(index)
        if row is None:  # the item vanished between the order and the fetch
            is_cursor = index == self.cursor
            text = Text(style=self._cursor_style(is_cursor), no_wrap=True, end="")
            text.append((CURSOR_MARKER if is_cursor else " ") + " (missing item)")
        else:
            pieces, cursor_style = self._row_pieces(index, row)
            text = Text(style=cursor_style, no_wrap=True, end="")
            for part, style in pieces:
                text.append(part, style)
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def line_strip(self, line: int, width: int, base: Style) -> Strip:
        # A screenful of rows is drawn at every keystroke: their segments are built
        # straight from the pieces, without a Rich Text (~4x faster a line).
        index, is_heading = self.listing.at_line(line)
        row = None if is_heading else self._row(index)
        if row is None:
            return super().line_strip(line, width, base)
        style = self.get_component_rich_style
        # everything the drawing of a row depends on (the styles change with the focus
        # and the theme)
        key = (
            row.rowid, index == self.cursor, row.item_id in self.marked,
            self.new_after is not None and row.rowid > self.new_after, self.listing.terms,
            width, base, *(style(name, partial=True) for name in self.COMPONENT_CLASSES),
        )
        strip = self._strips.get(key)
        if strip is None:
            pieces, cursor_style = self._row_pieces(index, row)
            strip = self._strips[key] = fitted_strip(pieces, width, base + cursor_style)
        return strip

    def _heading_text(self, k: int) -> Text:
        style = self.get_component_rich_style("event-list--heading", partial=True)
        month = int(self.listing.months[self.listing.heading_starts[k]])
        count = self.listing.heading_count(k)
        label = f"{month_name(month)} · {count} item{'s' if count != 1 else ''} "
        return Text("─ " + label + "─" * 200, style=style, no_wrap=True, end="")

    def _cursor_style(self, is_cursor: bool) -> Style:
        if not is_cursor:
            return NO_STYLE
        return self.get_component_rich_style("event-list--cursor", partial=True)

    def _row_pieces(self, index: int, row: Row) -> tuple[list[tuple[str, Style]], Style]:
        """Row `index` as pieces of text with their styles, drawn over the second value:
        the cursor's style on the cursor row, else none."""
        is_cursor = index == self.cursor
        is_new = self.new_after is not None and row.rowid > self.new_after
        style = self.get_component_rich_style
        marker = style("event-list--marker", partial=True)
        # on the cursor row the match colour is the cursor's background: bold and underline
        match = (Style(bold=True, underline=True) if is_cursor
                 else style("event-list--match", partial=True))
        pieces = [
            ((CURSOR_MARKER if is_cursor else " ") + (NEW_MARKER if is_new else " "), NO_STYLE),
            (printable(row.date or "undated   "), style("event-list--date", partial=True)),
            (" ", NO_STYLE),
            (KIND_MARKERS.get(row.kind, "?"), marker),
            (" ", NO_STYLE),
            (BOOKMARK_MARKER if row.item_id in self.marked else " ", marker),
            (" ", NO_STYLE),
        ]
        self._add_highlighted(pieces, row.title, NO_STYLE, match)
        if row.people:
            pieces.append(("  ", NO_STYLE))
            people = style("event-list--people", partial=True)
            self._add_highlighted(pieces, row.people, people, match)
        return pieces, self._cursor_style(is_cursor)

    def _add_highlighted(
        self, pieces: list[tuple[str, Style]], value: str, style: Style, match: Style
    ) -> None:
        """Append archive text (`printable`: an archive from before imports cleaned text
        may hold escape sequences), its search terms highlighted."""
        value = printable(value)
        at = 0
        if self.listing.terms:
            from store.index.search import highlight

            matched = style + match
            for begin, end in highlight(value, self.listing.terms):  # sorted; may overlap
                if end <= at:
                    continue
                if begin > at:
                    pieces.append((value[at:begin], style))
                pieces.append((value[max(begin, at) : end], matched))
                at = end
        pieces.append((value[at:], style))
