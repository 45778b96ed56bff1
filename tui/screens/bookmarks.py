"""The Bookmarks screen: bookmarked items newest first with notes; open, remove, note, export.

Removing is undoable (`u`) while the screen is open: the removed bookmark comes back as it
was, note, tags, reading position and creation time. Export writes Markdown to a new file in
the folder pressroom was started in, except in a served session, which may not write files
(and whose working folder is the server's): there the Markdown is shown in a page.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from store.archive import Row
from store.bookmarks import Bookmark
from store.errors import BookmarksUnavailable
from store.paths import short_path
from store.printable import printable
from tui.screens.people import RowList, _fit
from tui.widgets.key_bar import KeyBar

REPAIR_COMMAND = "pressroom bookmarks repair"


@dataclass(frozen=True)
class Entry:
    """A bookmark and its item's list row; `row` is None for an id this archive lacks."""

    mark: Bookmark
    row: Row | None


class BookmarkList(RowList):
    """Bookmarks one per line: date, title, note (or the id of an item not in the archive)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.entries: list[Entry] = []

    def show(self, entries: list[Entry], *, keep_cursor: bool = False) -> None:
        self.entries = entries
        self.rows_changed(keep_cursor=keep_cursor)

    @property
    def row_count(self) -> int:
        return len(self.entries)

    @property
    def current(self) -> Entry | None:
        return self.entries[self.cursor] if self.entries else None

    def row_text(self, index: int, width: int, style: Style) -> Text:
        entry = self.entries[index]
        text = Text(no_wrap=True, end="")
        if entry.row is None:
            text.append("?          ", self.style_of("muted"))
            text.append(f"not in this archive: {entry.mark.item_id}", self.style_of("muted"))
        else:
            text.append((entry.row.date or "undated").ljust(11), self.style_of("muted"))
            note_width = min(len(entry.mark.note), max(0, (width - 11) * 2 // 5))
            title_width = width - 11 - (note_width + 3 if note_width else 0)
            text.append(_fit(entry.row.title, title_width))
            if note_width:
                text.append(" · ")
                text.append(_fit(entry.mark.note, note_width), self.style_of("accent"))
        return text


class MarkdownPage(ModalScreen[None]):
    """Exported Markdown shown as text, for served sessions that may not write files."""

    BINDINGS = [
        Binding("q,escape", "close", "Close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("space,pagedown", "page('down')", "Page down", show=False),
        Binding("pageup", "page('up')", "Page up", show=False),
    ]

    DEFAULT_CSS = """
    MarkdownPage { align: center middle; }
    MarkdownPage > VerticalScroll {
        width: 90%; height: 90%; border: thick $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll() as page:
            page.border_title = "Bookmarks as Markdown (select and copy; q closes)"
            yield Static(self.markdown, markup=False, id="markdown")

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll(self, direction: str) -> None:
        page = self.query_one(VerticalScroll)
        page.scroll_relative(y=1 if direction == "down" else -1, animate=False)

    def action_page(self, direction: str) -> None:
        page = self.query_one(VerticalScroll)
        if direction == "down":
            page.scroll_page_down(animate=False)
        else:
            page.scroll_page_up(animate=False)


class BookmarksScreen(Screen):
    """Every bookmark, newest first; Enter reads, d removes (u undoes), n notes, x exports."""

    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("d,delete", "remove", "Remove"),
        Binding("u", "undo", "Undo remove"),
        Binding("n", "note", "Edit note"),
        Binding("x", "export", "Export Markdown"),
    ]
    """Bookmarks keys; movement keys live on the list (`RowList.BINDINGS`)."""

    DEFAULT_CSS = """
    BookmarksScreen { layout: vertical; }
    BookmarksScreen #bookmarks-header { height: 1; padding: 0 0 0 2; color: $text-muted;
                                        text-style: bold; }
    BookmarksScreen #bookmarks { height: 1fr; }
    BookmarksScreen #bookmarks-problem { height: auto; padding: 1 2; color: $warning; }
    BookmarksScreen #bookmarks-status { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.removed: list[Bookmark] = []
        """Removed on this screen, newest last, for `u`."""
        self.exported = ""
        """Where the last export went, shown in the status line."""

    def compose(self) -> ComposeResult:
        yield Static("Date       Title · note", id="bookmarks-header", markup=False)
        yield Static("", id="bookmarks-problem", markup=False)
        yield BookmarkList(id="bookmarks")
        yield Static("", id="bookmarks-status", markup=False)
        yield KeyBar()

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one("#bookmarks", BookmarkList)

    def on_mount(self) -> None:
        self.app.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)
        self.reload()
        self.bookmark_list.focus()

    def on_screen_resume(self) -> None:
        # another session may have changed the file meanwhile
        self.reload(keep_cursor=True)

    def _on_bookmarks_changed(self, _: object) -> None:
        self.reload(keep_cursor=True)

    # -- loading -----------------------------------------------------------------------------

    def reload(self, *, keep_cursor: bool = False) -> None:
        session = self.app.session
        marks: list[Bookmark] = []
        if session.bookmarks is not None:
            try:
                marks = session.bookmarks.list()
            except BookmarksUnavailable as error:
                session.bookmarks_failed(error)
        problem = self.query_one("#bookmarks-problem", Static)
        if session.bookmarks is None:
            message = f"Bookmarks unavailable: {session.bookmarks_problem}"
            if REPAIR_COMMAND not in message:
                message += f" (run `{REPAIR_COMMAND}`)"
            problem.update(message)
            problem.display = True
        else:
            problem.display = False
        archive = session.archive
        known = archive.rows(archive.rowids_of(m.item_id for m in marks))
        rows = {row.item_id: row for row in known}
        self.bookmark_list.show([Entry(m, rows.get(m.item_id)) for m in marks],
                                keep_cursor=keep_cursor)
        self._update_status()

    def _update_status(self) -> None:
        entries = self.bookmark_list.entries
        missing = sum(1 for e in entries if e.row is None)
        text = f"{len(entries):,} bookmark{'' if len(entries) == 1 else 's'}"
        if missing:
            text += f" · {missing} not in this archive"
        if self.removed:
            text += f" · u restores {len(self.removed)} removed"
        if self.exported:
            text += f" · exported to {self.exported}"
        self.query_one("#bookmarks-status", Static).update(text, layout=False)

    # -- keys --------------------------------------------------------------------------------

    def action_open(self) -> None:
        entries = self.bookmark_list.entries
        current = self.bookmark_list.current
        if current is None or current.row is None:
            self.app.bell()
            if current is not None:
                self.notify("That item is not in this archive", severity="warning", timeout=3)
            return
        known = [e for e in entries if e.row is not None]
        rowids = np.array([e.row.rowid for e in known if e.row is not None], dtype=np.int64)
        self.app.open_reader(rowids, known.index(current))

    def action_remove(self) -> None:
        session = self.app.session
        current = self.bookmark_list.current
        if current is None or session.bookmarks is None:
            self.app.bell()
            return
        try:
            session.bookmarks.remove(current.mark.item_id)
        except BookmarksUnavailable as error:
            session.bookmarks_failed(error)
            self.reload()
            return
        self.removed.append(current.mark)
        self.notify("Bookmark removed · u to undo", timeout=3)
        self.app.bookmarks_changed(current.mark.item_id)

    def action_undo(self) -> None:
        session = self.app.session
        if not self.removed or session.bookmarks is None:
            self.app.bell()
            return
        mark = self.removed.pop()
        try:
            restored = session.bookmarks.restore(mark)
        except BookmarksUnavailable as error:
            session.bookmarks_failed(error)
            self.reload()
            return
        if restored:
            self.notify("Bookmark restored", timeout=3)
        else:
            self.notify("Bookmarked again meanwhile; kept that bookmark", timeout=3)
        self.app.bookmarks_changed(mark.item_id)

    def action_note(self) -> None:
        current = self.bookmark_list.current
        if current is None or self.app.session.bookmarks is None:
            self.app.bell()
            return
        from tui.screens.note_prompt import NotePrompt

        title = current.row.title if current.row is not None else current.mark.item_id
        blink = not self.app.session.settings.low_bandwidth

        def save(note: str | None) -> None:
            session = self.app.session
            if note is None or session.bookmarks is None:
                return
            try:
                session.bookmarks.add(current.mark.item_id, note=note, tags=current.mark.tags)
            except BookmarksUnavailable as error:
                session.bookmarks_failed(error)
            self.app.bookmarks_changed(current.mark.item_id)

        self.app.push_screen(NotePrompt(title, current.mark.note, blink=blink), save)

    def action_export(self) -> None:
        session = self.app.session
        if session.bookmarks is None:
            self.app.bell()
            return
        try:
            markdown = session.bookmarks.export("md", session.archive)
        except BookmarksUnavailable as error:
            session.bookmarks_failed(error)
            self.reload()
            return
        if session.settings.served:
            # a served session writes nothing outside its data; show the text instead
            self.app.push_screen(MarkdownPage(markdown))
            return
        folder = session.settings.export_folder
        try:
            path = write_new_file(folder, f"bookmarks-{datetime.now():%Y%m%d-%H%M%S}", markdown)
        except OSError as error:
            where = printable(short_path(folder))
            self.notify(f"Could not write in {where}: {error.strerror}", severity="error")
            return
        self.exported = printable(short_path(path))
        self.notify(f"Exported to {self.exported}", timeout=6)
        self._update_status()


def write_new_file(folder: Path, stem: str, text: str) -> Path:
    """Write `text` to `folder/stem.md`, or `stem-2.md`... : never over a file already there,
    since the folder is the user's own."""
    for attempt in range(1, 100):
        path = folder / (f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md")
        try:
            with path.open("x", encoding="utf-8") as file:
                file.write(text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
