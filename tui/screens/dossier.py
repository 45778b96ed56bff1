"""A person's dossier: spellings, roles over time, activity by year, who they met, items.

Opened from People (Enter) and from itself (Enter on someone they met). The dossier is
built in a thread worker (`Archive.dossier`: one pass over the person's appearances and
one over the items they share), so the event loop never waits for a frequent person.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from store.archive import Row
from store.errors import PressroomError
from store.index.dossier import Contact, Dossier
from store.text.printable import printable
from tui.app_handle import AppHandle
from tui.dossier_text import role_line, year_bars
from tui.widgets.event_list import KIND_MARKERS
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import RowList, fit_text

ITEMS_SHOWN = 500
"""Items listed in the dossier; all of them are one key away (`i`: Events, filtered)."""


class ContactList(RowList[Contact]):
    """Who they met: count of shared items, name, last date."""

    BINDINGS = [Binding("enter", "select", "Their dossier", show=False)]

    class Selected(Message):
        def __init__(self, contact: Contact) -> None:
            self.contact = contact
            super().__init__()

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def row_text(self, index: int, width: int, style: Style) -> Text:
        contact = self.rows[index]
        last = contact.last or "undated"
        text = Text(no_wrap=True, end="")
        text.append(f"{contact.count:>6,} ")
        text.append(fit_text(contact.name, max(4, width - 7 - 11)))
        text.append(f" {last}", self.style_of("muted"))
        return text


class DossierItems(RowList[Row]):
    """Their items in dossier order: date, kind, title."""

    BINDINGS = [Binding("enter", "select", "Read", show=False)]

    class Selected(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.cursor))

    def row_text(self, index: int, width: int, style: Style) -> Text:
        row = self.rows[index]
        text = Text(no_wrap=True, end="")
        text.append(f"{row.date or 'undated':10} ", self.style_of("muted"))
        text.append(f"{KIND_MARKERS.get(row.kind, '?')} ", self.style_of("accent"))
        text.append(fit_text(row.title, max(4, width - 14)))
        return text


class DossierScreen(AppHandle, Screen[None]):
    """One person's dossier; `i` lists all their items in Events, `s` the items shared with
    the person under the cursor in "Met with"."""

    CSS_PATH = "dossier.tcss"
    BINDINGS = [
        Binding("i", "items", "Their items"),
        Binding("s", "shared", "Shared items"),
        Binding("tab", "switch_list", "Met with / items"),
        Binding("q,escape", "close", "Back"),
    ]

    def __init__(self, key: str, name: str) -> None:
        super().__init__()
        self.person_key = key
        self.person_name = name
        self.dossier: Dossier | None = None

    def compose(self) -> ComposeResult:
        yield Static(printable(self.person_name), id="dossier-header", markup=False)
        with Horizontal(id="dossier-body"):
            with VerticalScroll(id="dossier-facts"):
                yield Static("", id="dossier-text", markup=False)
            with Vertical(id="dossier-lists"):
                yield Static("Met with", classes="dossier-title", markup=False)
                yield ContactList(id="dossier-met")
                yield Static("Items", classes="dossier-title", markup=False)
                yield DossierItems(id="dossier-items")
        yield Static("building the dossier…", id="dossier-status", markup=False,
                     classes="status-line")
        yield KeyBar()

    @property
    def contacts(self) -> ContactList:
        return self.query_one("#dossier-met", ContactList)

    @property
    def items(self) -> DossierItems:
        return self.query_one("#dossier-items", DossierItems)

    def on_mount(self) -> None:
        self.contacts.focus()
        self._build()

    @work(thread=True, exclusive=True, group="dossier")
    def _build(self) -> None:
        archive = self.pressroom.session.archive
        try:
            dossier = archive.dossier(key=self.person_key, item_limit=ITEMS_SHOWN)
            found = {row.item_id: row for row in archive.rows(archive.rowids_of(dossier.items))}
            rows = [found[i] for i in dossier.items if i in found]
        except PressroomError as error:
            self.app.call_from_thread(self._fail, str(error))
            return
        self.app.call_from_thread(self._show, dossier, rows)

    def _fail(self, problem: str) -> None:
        self.query_one("#dossier-status", Static).update(printable(f"! {problem}"))

    def _show(self, dossier: Dossier, rows: list[Row]) -> None:
        self.dossier = dossier
        self.pressroom.give_back_memory_soon()  # the arrays a dossier of 10^6 items counted
        years = [y for y, n in dossier.by_year if n]
        span = f" · {years[0]}–{years[-1]}" if years else ""
        header = f"{dossier.name} · {_count(dossier.item_count, 'item')}{span}"
        if dossier.spellings:
            header += "\nalso: " + ", ".join(dossier.spellings)
        self.query_one("#dossier-header", Static).update(printable(header, keep_newlines=True))
        self.query_one("#dossier-text", Static).update(self._facts(dossier))
        self.contacts.show(dossier.met_with)
        self.items.show(rows)
        self._update_status()

    def _facts(self, dossier: Dossier) -> str:
        width = max(20, self.query_one("#dossier-facts").scrollable_content_region.width)
        lines = ["Roles"]
        lines += [
            role_line(r.role, r.organisation, r.first, r.last, r.count) for r in dossier.roles
        ] or ["—"]
        lines += ["", "By year"] + (year_bars(dossier.by_year, width) or ["—"])
        if dossier.undated:
            lines.append(f"undated {dossier.undated:,}")
        lines += ["", "Kinds"] + [f"{kind} {n:,}" for kind, n in dossier.kinds]
        return printable("\n".join(lines), keep_newlines=True)

    def _update_status(self) -> None:
        dossier = self.dossier
        if dossier is None:
            return
        shown = len(self.items.rows)
        text = (f"met {_count(len(dossier.met_with), 'person', 'people')}"
                f" · {_count(dossier.item_count, 'item')}")
        if shown < dossier.item_count:
            text += f" (first {shown:,} listed; i: all in Events)"
        self.query_one("#dossier-status", Static).update(text)

    # -- keys --------------------------------------------------------------------------------

    def on_contact_list_selected(self, event: ContactList.Selected) -> None:
        self.app.push_screen(DossierScreen(event.contact.key, event.contact.name))

    def on_dossier_items_selected(self, event: DossierItems.Selected) -> None:
        import numpy as np

        rowids = np.array([row.rowid for row in self.items.rows], dtype=np.int64)
        self.pressroom.open_reader(rowids, event.index)

    def action_items(self) -> None:
        name = self.dossier.name if self.dossier else self.person_name
        self.pressroom.show_events(f'person:"{name}"')

    def action_shared(self) -> None:
        contact = self.contacts.current
        if contact is None:
            self.app.bell()
            return
        name = self.dossier.name if self.dossier else self.person_name
        self.pressroom.show_events(f'person:"{name}" person:"{contact.name}"')

    def action_switch_list(self) -> None:
        (self.items if self.contacts.has_focus else self.contacts).focus()

    def action_close(self) -> None:
        self.app.pop_screen()


def _count(n: int, one: str, many: str = "") -> str:
    """"1 item", "2 items", "1 person", "3 people"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
