"""The People screen: everyone in the archive with role, item count and activity by year.

The filter box finds people in any spelling or script (`Archive.people`), in a thread
worker whose stale results are dropped, so typing never waits. The list is a Line-API
view: a million-item archive has tens of thousands of people, and only the visible rows
are drawn; each row's sparkline is computed when it is first drawn, then cached.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from store.archive import Archive
from store.errors import PressroomError
from store.index.columns import UNDATED
from store.model import Person
from store.text.printable import printable
from tui.app_handle import AppHandle
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import RowList, fit_text
from tui.widgets.search_box import SearchBox
from tui.widgets.sparkline_text import sparkline

SPARK_CACHE = 2_000
"""Per-person sparklines kept; a few screens' worth around where the user has been."""


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


class PeopleList(RowList[Person]):
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
        self._sparks: LRUCache[tuple[str, int], str] = LRUCache(SPARK_CACHE)

    @property
    def people(self) -> Sequence[Person]:
        return self.rows

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def row_text(self, index: int, width: int, style: Style) -> Text:
        person = self.rows[index]
        name_width, role_width, spark_width = column_widths(width + 2, self.years)
        text = Text(no_wrap=True, end="")
        text.append(fit_text(person.name, name_width))
        text.append(" ")
        text.append(fit_text(person.role or "—", role_width), self.style_of("muted"))
        text.append(f"{person.count:>6,} ")
        text.append(self._spark(person, spark_width), self.style_of("accent"))
        return text

    def _spark(self, person: Person, width: int) -> str:
        key = (person.key or person.name, width)
        spark = self._sparks.get(key)
        if spark is None:
            spark = sparkline(self.years.counts(person), width)
            self._sparks[key] = spark
        return spark


def column_widths(width: int, years: YearRange) -> tuple[int, int, int]:
    """(name, role, sparkline) widths for a row `width` wide; the count takes 7, cursor 2."""
    spark = max(len(years.label), min(years.years, max(4, width // 6)))
    role = max(8, (width - spark - 10) // 3)
    name = max(8, width - 2 - role - 1 - 7 - spark)
    return name, role, spark


class PeopleScreen(AppHandle, Screen[None]):
    """Every person, fuzzy-filtered as you type; Enter opens their dossier, `i` lists their
    items in Events."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("enter", "open", "Dossier"),
        Binding("i", "items", "Their items"),
        Binding("escape", "escape", "List / clear"),
        Binding("tab", "app.focus_next", "Filter box / list", show=False),
    ]
    """People keys, as on Events; movement keys live on the list (`LineList.BINDINGS`)."""

    def __init__(self) -> None:
        super().__init__()
        self._sequence = 0
        """Bumped per query; a result carrying an older number is dropped."""
        self._query = ""
        self._problem = ""

    def compose(self) -> ComposeResult:
        session = self.pressroom.session
        self.years = YearRange(session.archive)
        yield SearchBox(placeholder="Filter people: any spelling, Cyrillic too",
                        blink=not session.settings.low_bandwidth, id="people-filter")
        yield Static("", id="people-header", markup=False)
        yield PeopleList(self.years, id="people")
        yield Static("", id="people-status", markup=False, classes="status-line")
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
        self.pressroom.archive_follower.swapped_signal.subscribe(self, self._on_archive_swapped)

    def _on_archive_swapped(self, _: object) -> None:
        """The session reads a fresh archive (`r`, or a snapshot whose file moved): the
        sparklines read people's items from it too."""
        self.years.archive = self.pressroom.session.archive

    def on_resize(self) -> None:
        self._update_header()

    # -- filtering ---------------------------------------------------------------------------

    @on(Input.Changed, "#people-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._start(event.value)

    def _start(self, query: str) -> None:
        self._sequence += 1
        self._query = query
        self._find(query, self._sequence)

    @work(thread=True, exclusive=True, group="people")
    def _find(self, query: str, sequence: int) -> None:
        try:
            # without each person's item ids: one SQL query a person, seconds at a million
            # items, and the list shows only their counts
            people = self.pressroom.session.archive.people(query, with_items=False)
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
            fit_text("Name", name_width) + " " + fit_text("Role", role_width)
            + f"{'Items':>6} " + fit_text(self.years.label, spark_width)
        )
        self.query_one("#people-header", Static).update(header, layout=False)

    # -- keys --------------------------------------------------------------------------------

    def on_search_box_move(self, event: SearchBox.Move) -> None:
        self.people_list.step(event.direction, page=event.page)

    @on(Input.Submitted, "#people-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
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
        self.pressroom.show_events(f'person:"{printable(person.name)}"')

    def action_focus_filter(self) -> None:
        self.filter_box.focus()

    def action_escape(self) -> None:
        """Escape in the filter box goes to the list; in the list it clears the filter."""
        if self.filter_box.has_focus:
            self.people_list.focus()
        else:
            self.filter_box.value = ""
