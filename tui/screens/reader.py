"""The reader: one item at a readable width, find-in-text, next/previous item, bookmarks.

Opened by `app.open_reader(rowids, index, terms)` from any list; `[`/`]` walk that list.
A bookmarked item reopens where the user stopped: the position (a body character offset,
see `ReaderView.position`) is saved whenever the user leaves the item, however they leave.
"""

from __future__ import annotations

import numpy as np
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from store.bookmarks.citation import STYLES, Passage, passage
from store.errors import PressroomError
from store.model import Item
from store.revisions import Revision
from store.text.printable import printable
from tui.app_handle import AppHandle
from tui.widgets.key_bar import KeyBar
from tui.widgets.reader_view import ReaderView


class ReaderScreen(AppHandle, Screen[None]):
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
        Binding("v", "select", "Select"),
        Binding("y", "copy_quote", "Copy with citation", show=False),
        Binding("c", "clip", "Keep as clipping", show=False),
        Binding("S", "citation_style", "Citation style", show=False),
        Binding("R", "earlier_text", "Earlier text"),
    ]
    """Reader keys; scrolling keys (j/k, space, PgUp/PgDn, g/G) live on `ReaderView`.
    While paragraphs are selected, j/k (and g/G) move the paragraph cursor instead.
    `R` is offered only for an item an import has changed (see `check_action`)."""

    def __init__(
        self, rowids: np.ndarray, index: int, terms: frozenset[str] = frozenset(),
        paragraphs: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        """Paragraphs to open selected (a clipping's), or None."""
        self.rowids = np.asarray(rowids, dtype=np.int64)
        self.index = max(0, min(int(index), len(self.rowids) - 1))
        self.terms = terms
        self.item: Item | None = None
        self.problem = ""
        self.changed: str | None = None
        """The day an import last replaced the item's content, or None: "changed on"."""
        self.revisions: list[Revision] | None = None
        """The item's earlier contents, oldest first, read on the first `R`."""
        self.version: int | None = None
        """Which of `revisions` is shown; None: the current text."""

        self.view = ReaderView(id="page")
        self.find_box = Input(placeholder="find in text: Enter keeps it, Escape clears", id="find")
        """Held directly: `on_unmount` saves the position after the children are gone."""

    def compose(self) -> ComposeResult:
        self.find_box.cursor_blink = not self.pressroom.session.settings.low_bandwidth
        yield self.view
        yield self.find_box
        yield Static("", id="reader-status", markup=False, classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.pressroom.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)
        self._load(self.index)
        self.view.focus()

    def on_screen_suspend(self) -> None:
        # the user switched to another mode (e/p/m) with the reader open
        self._save_position()

    def on_unmount(self) -> None:
        self._save_position()

    # -- the item ----------------------------------------------------------------------------

    def _load(self, index: int) -> None:
        session = self.pressroom.session
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
            self.changed = None
            self.problem = str(error)
            self._update_status()
            return
        self.changed = session.archive.changed_on(self.item.id)
        self.revisions = None
        self.version = None
        self.refresh_bindings()
        mark = session.bookmark(self.item.id)
        self._show(self.item, mark.position if mark else 0, self._changed_note())
        if self.paragraphs is not None:  # a clipping opens at its passage, selected
            first, last = self.paragraphs
            self.paragraphs = None
            self.view.select(first, last)

    def _show(self, item: Item, position: int, note: str) -> None:
        self.view.show(item, self.terms, position, note)
        if self.find_box.value.strip():
            self._find(self.find_box.value, from_line=0)
        self._update_status()

    def _changed_note(self) -> str:
        return f"changed on {self.changed} · R shows the earlier text" if self.changed else ""

    def action_earlier_text(self) -> None:
        """Step back through the item's earlier texts, newest first, then to the current one."""
        if self.item is None or not self.changed:
            self.app.bell()
            return
        if self.revisions is None:
            self.revisions = self.pressroom.session.archive.revisions(self.item.id)
        if not self.revisions:
            self.app.bell()
            return
        if self.version is None:
            self.version = len(self.revisions) - 1
        elif self.version == 0:
            self.version = None
        else:
            self.version -= 1
        if self.version is None:
            self._show(self.item, 0, self._changed_note())
            return
        revision = self.revisions[self.version]
        following = "an older one" if self.version else "the current text"
        note = (
            f"earlier text, version {self.version + 1} of {len(self.revisions) + 1},"
            f" replaced on {revision.replaced_on} · R for {following}"
        )
        self._show(revision.as_item(), 0, note)

    def _save_position(self) -> None:
        if self.item is None or self.version is not None:
            return  # an earlier text's offsets are not the item's
        session = self.pressroom.session
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
            session = self.pressroom.session
            if session.bookmarks is None:
                parts.append("bookmarks unavailable")
            elif session.is_marked(self.item.id):
                parts.append("* bookmarked")
            if self.version is not None and self.revisions:
                parts.append(f"earlier text {self.version + 1}/{len(self.revisions) + 1}")
            view = self.view
            needle = self.find_box.value.strip()
            if needle:
                if view.matches:
                    parts.append(f"find {needle!r} {view.current_match + 1}/{len(view.matches)}")
                else:
                    parts.append(f"find {needle!r}: not found")
            selection = view.selection
            if selection is not None:
                count = selection[1] - selection[0] + 1
                parts.append(f"{count} paragraph{'' if count == 1 else 's'} selected "
                             "(y copy, c clip, Esc ends)")
            parts.append(self._where(view))
        self.query_one("#reader-status", Static).update(printable(" · ".join(parts)),
                                                        layout=False)

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

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value, from_line=self.view.top_line)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
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
        elif self.view.selection is not None:  # Esc ends a selection; q still leaves
            self.view.clear_selection()
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
        self.pressroom.toggle_bookmark(self.item.id)
        self._save_position()  # a fresh bookmark remembers where the user pressed b

    def action_bookmark_note(self) -> None:
        if self.item is None:
            self.app.bell()
            return
        item = self.item
        mark = self.pressroom.session.bookmark(item.id)
        from tui.screens.note_prompt import NotePrompt

        def save(note: str | None) -> None:
            if note is None:
                return
            self.pressroom.toggle_bookmark(item.id, note)
            self._save_position()

        blink = not self.pressroom.session.settings.low_bandwidth
        self.app.push_screen(NotePrompt(item.title, mark.note if mark else "", blink=blink), save)

    # -- quoting -------------------------------------------------------------------------------

    def on_reader_view_selection_changed(self, _: ReaderView.SelectionChanged) -> None:
        self._update_status()

    def action_select(self) -> None:
        if self.item is None or not self.item.body:
            self.app.bell()
            return
        self.view.start_selection()

    def _passage(self) -> Passage | None:
        """The selected paragraphs, or None (with a hint) when nothing is selected."""
        selection = self.view.selection
        if self.item is None or selection is None:
            self.app.bell()
            self.notify("Press v to select paragraphs first (j/k extend)", timeout=3)
            return None
        return passage(self.item, *selection)

    def action_copy_quote(self) -> None:
        """`y`: the selection as clean text and its citation, to the clipboard by OSC 52.

        The terminal may ignore OSC 52 (tmux without set-clipboard, some terminals) and
        nothing tells us, so the notice says where else the same text can be had.
        """
        quoted = self._passage()
        if quoted is None:
            return
        style = self.pressroom.session.citation_style
        self.app.copy_to_clipboard(quoted.quote(style))
        count, chars = quoted.count, len(quoted.text)
        what = f"{count} paragraph{'' if count == 1 else 's'}, {chars:,} characters"
        self.notify(
            f"Copied {what}, with citation ({style}). Not in your clipboard? Press c to "
            f"keep a clipping, or run: pressroom quote {quoted.item.id} "
            f"--paragraphs {quoted.first + 1}-{quoted.last + 1}",
            timeout=8,
        )

    def action_clip(self) -> None:
        """`c`: keep the selection as a clipping, with an optional note (#words tag it)."""
        quoted = self._passage()
        if quoted is None:
            return
        from tui.screens.note_prompt import NotePrompt

        def keep(note: str | None) -> None:
            if note is None:
                return
            self.notify(self.pressroom.session.keep_clipping(quoted, note), timeout=4)
            self.pressroom.bookmarks_changed(quoted.item.id)

        blink = not self.pressroom.session.settings.low_bandwidth
        count = quoted.count
        title = f"{count} paragraph{'' if count == 1 else 's'} of {quoted.item.title}"
        self.app.push_screen(NotePrompt(title, "", blink=blink), keep)

    def action_citation_style(self) -> None:
        """`S`: the next citation style, for this session's copies."""
        session = self.pressroom.session
        session.citation_style = STYLES[(STYLES.index(session.citation_style) + 1)
                                        % len(STYLES)]
        self.notify(f"Citation style: {session.citation_style}", timeout=3)

    def _on_bookmarks_changed(self, _: object) -> None:
        self._update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "earlier_text" and not self.changed:
            return False  # hidden from the key bar: this item has no earlier text
        return True
