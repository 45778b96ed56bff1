"""The reader: one item at a readable width, find-in-text, next/previous item, bookmarks.

Opened by `app.open_reader(rowids, index, terms)` from any list; `[`/`]` walk that list.
A bookmarked item reopens where the user stopped: the position (a body character offset,
see `ReaderView.position`) is saved whenever the user leaves the item, however they leave.
"""

from __future__ import annotations

import numpy as np
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from store.errors import PressroomError
from store.model import Item
from tui.widgets.key_bar import KeyBar
from tui.widgets.reader_view import ReaderView


class ReaderScreen(Screen):
    """Read `rowids[index]`; `terms` (folded search terms) are highlighted in the text."""

    CSS_PATH = "reader.tcss"

    BINDINGS = [
        Binding("q", "back", "Back"),
        Binding("escape", "escape", "Back / close find", show=False),
        Binding("slash", "find", "Find"),
        Binding("n", "find_next", "Next match", show=False),
        Binding("N", "find_previous", "Previous match", show=False),
        Binding("left_square_bracket", "previous_item", "Previous item"),
        Binding("right_square_bracket", "next_item", "Next item"),
        Binding("b", "bookmark", "Bookmark"),
        Binding("B", "bookmark_note", "Bookmark with note"),
    ]
    """Reader keys; scrolling keys (j/k, space, PgUp/PgDn, g/G) live on `ReaderView`."""

    def __init__(
        self, rowids: np.ndarray, index: int, terms: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self.rowids = np.asarray(rowids, dtype=np.int64)
        self.index = max(0, min(int(index), len(self.rowids) - 1))
        self.terms = terms
        self.item: Item | None = None
        self.problem = ""

        self.view = ReaderView(id="page")
        self.find_box = Input(placeholder="find in text: Enter keeps it, Escape clears", id="find")
        """Held directly: `on_unmount` saves the position after the children are gone."""

    def compose(self) -> ComposeResult:
        self.find_box.cursor_blink = not self.app.session.settings.low_bandwidth
        yield self.view
        yield self.find_box
        yield Static("", id="reader-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)
        self._load(self.index)
        self.view.focus()

    def on_screen_suspend(self) -> None:
        # the user switched to another mode (e/p/m) with the reader open
        self._save_position()

    def on_unmount(self) -> None:
        self._save_position()

    # -- the item ----------------------------------------------------------------------------

    def _load(self, index: int) -> None:
        session = self.app.session
        self.index = index
        if len(self.rowids) == 0:
            self.problem = "nothing to read"
            self._update_status()
            return
        try:
            self.item = session.archive.get_by_rowid(int(self.rowids[index]))
            self.problem = ""
        except PressroomError as error:  # deleted meanwhile, or an unreadable archive
            self.item = None
            self.problem = str(error)
            self._update_status()
            return
        mark = session.bookmark(self.item.id)
        self.view.show(self.item, self.terms, mark.position if mark else 0)
        if self.find_box.value.strip():
            self._find(self.find_box.value, from_line=0)
        self._update_status()

    def _save_position(self) -> None:
        if self.item is None:
            return
        session = self.app.session
        if session.is_marked(self.item.id):
            session.save_position(self.item.id, self.view.position())

    def _go(self, step: int) -> None:
        target = self.index + step
        if not 0 <= target < len(self.rowids):
            self.app.bell()
            where = "first" if step < 0 else "last"
            self.notify(f"This is the {where} item in the list", timeout=2)
            return
        self._save_position()
        self._load(target)

    # -- status line ---------------------------------------------------------------------------

    def on_reader_view_scrolled(self, _: ReaderView.Scrolled) -> None:
        self._update_status()

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_status)

    def _update_status(self) -> None:
        parts = [f"{self.index + 1:,}/{len(self.rowids):,}"]
        if self.problem:
            parts.append(f"! {self.problem}")
        if self.item is not None:
            session = self.app.session
            if session.bookmarks is None:
                parts.append("bookmarks unavailable")
            elif session.is_marked(self.item.id):
                parts.append("* bookmarked")
            view = self.view
            needle = self.find_box.value.strip()
            if needle:
                if view.matches:
                    parts.append(f"find {needle!r} {view.current_match + 1}/{len(view.matches)}")
                else:
                    parts.append(f"find {needle!r}: not found")
            parts.append(self._where(view))
        self.query_one("#reader-status", Static).update(" · ".join(parts), layout=False)

    @staticmethod
    def _where(view: ReaderView) -> str:
        """'line 120/2,400 · 37%': how far through the text the top of the page is."""
        total = view.line_count
        if total == 0:
            return ""
        scrollable = total - view.page_height
        if scrollable <= 0:
            percent = "all"
        else:
            percent = f"{round(100 * min(view.top_line, scrollable) / scrollable)}%"
        return f"line {min(view.top_line + 1, total):,}/{total:,} · {percent}"

    # -- find in text --------------------------------------------------------------------------

    def action_find(self) -> None:
        self.find_box.add_class("-open")
        self.find_box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "find":
            event.stop()
            self._find(event.value, from_line=self.view.top_line)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "find":
            event.stop()
            if not event.value.strip():
                self._close_find()
            self.view.focus()

    def _find(self, needle: str, from_line: int) -> None:
        view = self.view
        matches = view.find(needle)
        view.set_matches(matches)
        if matches:
            view.show_match(view.first_match_from(from_line))
        self._update_status()

    def _step_match(self, step: int) -> None:
        view = self.view
        if not view.matches:
            self.app.bell()
            if not self.find_box.value.strip():
                self.notify("Press / to find text first", timeout=2)
            return
        view.show_match(view.current_match + step)
        self._update_status()

    def action_find_next(self) -> None:
        self._step_match(+1)

    def action_find_previous(self) -> None:
        self._step_match(-1)

    def _close_find(self) -> None:
        self.find_box.value = ""
        self.find_box.remove_class("-open")
        self.view.set_matches([])
        self.view.focus()
        self._update_status()

    # -- leaving, moving, bookmarking ----------------------------------------------------------

    def action_escape(self) -> None:
        """Escape in the find box clears the find; otherwise it goes back like `q`."""
        if self.find_box.has_focus:
            self._close_find()
        else:
            self.action_back()

    def action_back(self) -> None:
        self._save_position()
        self.dismiss()

    def action_previous_item(self) -> None:
        self._go(-1)

    def action_next_item(self) -> None:
        self._go(+1)

    def action_bookmark(self) -> None:
        if self.item is None:
            self.app.bell()
            return
        self.app.toggle_bookmark(self.item.id)
        self._save_position()  # a fresh bookmark remembers where the user pressed b

    def action_bookmark_note(self) -> None:
        if self.item is None:
            self.app.bell()
            return
        item = self.item
        mark = self.app.session.bookmark(item.id)
        from tui.screens.note_prompt import NotePrompt

        def save(note: str | None) -> None:
            if note is None:
                return
            self.app.toggle_bookmark(item.id, note)
            self._save_position()

        blink = not self.app.session.settings.low_bandwidth
        self.app.push_screen(NotePrompt(item.title, mark.note if mark else "", blink=blink), save)

    def _on_bookmarks_changed(self, _: object) -> None:
        self._update_status()
