"""The People screen: everyone in the archive with role, item count and activity by year.

The filter box finds people in any spelling or script (`Archive.people`), in a thread
worker whose stale results are dropped, so typing never waits. The list is a Line-API
view: a million-item archive has tens of thousands of people, and only the visible rows
are drawn; each row's sparkline is computed when it is first drawn, then cached.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from store.archive import Archive
from store.errors import PressroomError
from store.index.columns import UNDATED
from store.model import Person
from store.text.printable import printable
from tui.widgets.key_bar import KeyBar
from tui.widgets.search_box import SearchBox
from tui.widgets.sparkline_text import sparkline

SPARK_CACHE = 2_000
"""Per-person sparklines kept; a few screens' worth around where the user has been."""
CURSOR_MARKER = ">"


def find_people(archive: Archive, query: str) -> list[Person]:
    """People matching `query`, best first, without loading each one's item ids.

    Item ids are one SQL query per person; the list needs only the counts, and at a
    million items the ids of every person would cost seconds.
    """
    return archive.people(query, with_items=False)


class YearRange:
    """The archive's first and last year: every sparkline spans them, so rows compare."""

    def __init__(self, archive: Archive) -> None:
        columns = archive.columns
        dates = columns.date_ord[columns.order]
        dated = columns.order[dates != UNDATED]
        if len(dated):
            months = columns.months(np.array([dated[-1], dated[0]], dtype=np.int64))
            self.first, self.last = int(months[0]) // 12, int(months[1]) // 12
        else:
            self.first = self.last = 0
        self.archive = archive

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    @property
    def label(self) -> str:
        return f"{self.first}–{self.last}" if self.last > self.first else str(self.first)

    def counts(self, person: Person) -> list[int]:
        """Items per year for `person`, from the first year of the archive to the last."""
        rowids = self.archive.person_rowids(person.key)
        months = self.archive.columns.months(rowids)
        years = months[months >= 0] // 12 - self.first
        years = years[(years >= 0) & (years < self.years)]
        return np.bincount(years, minlength=self.years).tolist()


class RowList(ScrollView, can_focus=True):
    """A cursor over rows drawn one per line on demand; subclasses say what a row shows.

    The Bookmarks screen's list is one too: one way to move and draw in both lists.
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
    ]
    """Movement keys: vim-style beside arrows, so nothing needs the mouse."""

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--muted", "row-list--accent"}

    DEFAULT_CSS = """
    RowList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    RowList > .row-list--cursor { background: $accent 30%; text-style: bold; }
    RowList:focus > .row-list--cursor { background: $accent 60%; }
    RowList > .row-list--muted { color: $text-muted; }
    RowList > .row-list--accent { color: $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cursor = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def row_text(self, index: int, width: int, style: Style) -> Text:
        """Row `index` (the cursor marker is added by the caller)."""
        raise NotImplementedError

    def rows_changed(self, *, keep_cursor: bool = False) -> None:
        """Call after the rows changed: resizes the scroll area and redraws."""
        self.cursor = max(0, min(self.cursor if keep_cursor else 0, self.row_count - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.refresh()

    # -- movement ----------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        if not self.row_count:
            return
        self.cursor = max(0, min(index, self.row_count - 1))
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True, force=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True, force=True)
        self.refresh()

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    # -- drawing -----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        base = self.rich_style
        if width <= 0:
            return Strip.blank(0)
        if index >= self.row_count:
            return Strip([Segment(" " * width, base)], width)
        is_cursor = index == self.cursor
        style = self.style_of("cursor") if is_cursor else Style()
        text = Text(CURSOR_MARKER + " " if is_cursor else "  ", style=style, no_wrap=True,
                    end="")
        text.append_text(self.row_text(index, width - 2, style))
        text.truncate(width, overflow="crop", pad=True)
        segments = [
            Segment(s.text, base + s.style if s.style else base)
            for s in text.render(self.app.console)
            if s.text != "\n"
        ]
        return Strip(segments, width).crop(0, width)

    def style_of(self, role: str) -> Style:
        return self.get_component_rich_style(f"row-list--{role}", partial=True)


class PeopleList(RowList):
    """People one per line: name, main role, item count, activity sparkline."""

    BINDINGS = [Binding("enter", "select", "Dossier", show=False)]

    class Selected(Message):
        """The user chose a person (Enter)."""

        def __init__(self, person: Person) -> None:
            self.person = person
            super().__init__()

    def __init__(self, years: YearRange, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.years = years
        self.people: list[Person] = []
        self._sparks: OrderedDict[tuple[str, int], str] = OrderedDict()

    def show(self, people: list[Person]) -> None:
        self.people = people
        self.rows_changed()

    @property
    def row_count(self) -> int:
        return len(self.people)

    @property
    def current(self) -> Person | None:
        return self.people[self.cursor] if self.people else None

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def row_text(self, index: int, width: int, style: Style) -> Text:
        person = self.people[index]
        name_width, role_width, spark_width = column_widths(width + 2, self.years)
        text = Text(no_wrap=True, end="")
        text.append(_fit(person.name, name_width))
        text.append(" ")
        text.append(_fit(person.role or "—", role_width), self.style_of("muted"))
        text.append(f"{person.count:>6,} ")
        text.append(self._spark(person, spark_width), self.style_of("accent"))
        return text

    def _spark(self, person: Person, width: int) -> str:
        key = (person.key or person.name, width)
        spark = self._sparks.get(key)
        if spark is None:
            spark = sparkline(self.years.counts(person), width)
            self._sparks[key] = spark
            while len(self._sparks) > SPARK_CACHE:
                self._sparks.popitem(last=False)
        else:
            self._sparks.move_to_end(key)
        return spark


def column_widths(width: int, years: YearRange) -> tuple[int, int, int]:
    """(name, role, sparkline) widths for a row `width` wide; the count takes 7, cursor 2."""
    spark = max(len(years.label), min(years.years, max(4, width // 6)))
    role = max(8, (width - spark - 10) // 3)
    name = max(8, width - 2 - role - 1 - 7 - spark)
    return name, role, spark


def _fit(text: str, width: int) -> str:
    """`text`, printable, cut with an ellipsis or padded to exactly `width` characters.

    Every row of People and Bookmarks passes its archive and bookmark text through here.
    """
    text = printable(text)
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


class PeopleScreen(Screen):
    """Every person, fuzzy-filtered as you type; Enter opens their dossier, `i` lists their
    items in Events."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("enter", "open", "Dossier"),
        Binding("i", "items", "Their items"),
        Binding("escape", "escape", "List / clear"),
        Binding("tab", "app.focus_next", "Filter box / list", show=False),
    ]
    """People keys, as on Events; movement keys live on the list (`PeopleList.BINDINGS`)."""

    DEFAULT_CSS = """
    PeopleScreen { layout: vertical; }
    PeopleScreen #people-filter { dock: top; height: 3; border: tall $accent 40%; }
    PeopleScreen #people-filter:focus { border: tall $accent; }
    PeopleScreen #people-header { height: 1; padding: 0 0 0 2; color: $text-muted;
                                  text-style: bold; }
    PeopleScreen #people { height: 1fr; }
    PeopleScreen #people-status { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._sequence = 0
        """Bumped per query; a result carrying an older number is dropped."""
        self._query = ""
        self._problem = ""

    def compose(self) -> ComposeResult:
        session = self.app.session
        self.years = YearRange(session.archive)
        yield SearchBox(placeholder="Filter people: any spelling, Cyrillic too",
                        blink=not session.settings.low_bandwidth, id="people-filter")
        yield Static("", id="people-header", markup=False)
        yield PeopleList(self.years, id="people")
        yield Static("", id="people-status", markup=False)
        yield KeyBar()

    @property
    def filter_box(self) -> SearchBox:
        return self.query_one("#people-filter", SearchBox)

    @property
    def people_list(self) -> PeopleList:
        return self.query_one("#people", PeopleList)

    def on_mount(self) -> None:
        # as on Events: a screen with a text box opens in it, since typing is what comes next
        self.filter_box.focus()
        self._start(self.filter_box.value)
        self.app.archive_follower.swapped_signal.subscribe(self, self._on_archive_swapped)

    def _on_archive_swapped(self, _: object) -> None:
        """The session reads a fresh archive (`r`, or a snapshot whose file moved): the
        sparklines read people's items from it too."""
        self.years.archive = self.app.session.archive

    def on_resize(self) -> None:
        self._update_header()

    # -- filtering ---------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "people-filter":
            event.stop()
            self._start(event.value)

    def _start(self, query: str) -> None:
        self._sequence += 1
        self._query = query
        self._find(query, self._sequence)

    @work(thread=True, exclusive=True, group="people")
    def _find(self, query: str, sequence: int) -> None:
        try:
            people = find_people(self.app.session.archive, query)
        except PressroomError as error:
            self.app.call_from_thread(self._fail, sequence, str(error))
            return
        self.app.call_from_thread(self._apply, sequence, people)

    def _apply(self, sequence: int, people: list[Person]) -> None:
        if sequence != self._sequence:
            return  # a newer query was typed meanwhile
        self._problem = ""
        self.people_list.show(people)
        self._update_status()
        self._update_header()

    def _fail(self, sequence: int, problem: str) -> None:
        if sequence == self._sequence:
            self._problem = problem
            self._update_status()

    def _update_status(self) -> None:
        count = len(self.people_list.people)
        text = f"{count:,} {'person' if count == 1 else 'people'}"
        if self._query.strip():
            text += f" matching {self._query.strip()!r}"
        if self._problem:
            text += f" · ! {self._problem}"
        self.query_one("#people-status", Static).update(printable(text), layout=False)

    def _update_header(self) -> None:
        width = self.people_list.scrollable_content_region.width
        if width <= 0:
            return
        name_width, role_width, spark_width = column_widths(width, self.years)
        header = (
            _fit("Name", name_width) + " " + _fit("Role", role_width)
            + f"{'Items':>6} " + _fit(self.years.label, spark_width)
        )
        self.query_one("#people-header", Static).update(header, layout=False)

    # -- keys --------------------------------------------------------------------------------

    def on_search_box_move(self, event: SearchBox.Move) -> None:
        # Up/Down/PgUp/PgDn move the list while the user types in the filter box
        getattr(self.people_list, f"action_{event.step}")()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "people-filter":
            event.stop()
            self.action_open()

    def on_people_list_selected(self, event: PeopleList.Selected) -> None:
        self._open_dossier(event.person)

    def action_open(self) -> None:
        person = self.people_list.current
        if person is None:
            self.app.bell()
            return
        self._open_dossier(person)

    def _open_dossier(self, person: Person) -> None:
        from tui.screens.dossier import DossierScreen

        self.app.push_screen(DossierScreen(person.key, person.name))

    def action_items(self) -> None:
        person = self.people_list.current
        if person is None:
            self.app.bell()
            return
        self._show_items(person)

    def _show_items(self, person: Person) -> None:
        self.app.show_events(f'person:"{printable(person.name)}"')

    def action_focus_filter(self) -> None:
        self.filter_box.focus()

    def action_escape(self) -> None:
        """Escape in the filter box goes to the list; in the list it clears the filter."""
        if self.filter_box.has_focus:
            self.people_list.focus()
        else:
            self.filter_box.value = ""
