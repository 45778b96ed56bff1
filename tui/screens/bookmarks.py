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
from store.bookmarks import export as case_file
from store.bookmarks.clippings import Clipping, parse_tags, tags_in
from store.bookmarks.store import Bookmark
from store.paths import short_path
from store.text.printable import printable
from tui.app_handle import AppHandle
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import RowList, fit_text

REPAIR_COMMAND = "pressroom bookmarks repair"


@dataclass(frozen=True)
class Entry:
    """A bookmark and its item's list row; `row` is None for an id this archive lacks."""

    mark: Bookmark
    row: Row | None
    clipping: Clipping | None = None
    """Set on the lines under an item that show its clippings."""
    marked: bool = True
    """False for an item shown only for its clippings (it has no bookmark)."""


class BookmarkList(RowList[Entry]):
    """Bookmarks one per line: date, title, note (or the id of an item not in the archive)."""

    def row_text(self, index: int, width: int, style: Style) -> Text:
        entry = self.rows[index]
        if entry.clipping is not None:
            return self._clipping_text(entry.clipping, width)
        text = Text(no_wrap=True, end="")
        if entry.row is None:
            text.append("?          ", self.style_of("muted"))
            text.append(printable(f"not in this archive: {entry.mark.item_id}"),
                        self.style_of("muted"))
        else:
            text.append((entry.row.date or "undated").ljust(11), self.style_of("muted"))
            note_width = min(len(entry.mark.note), max(0, (width - 11) * 2 // 5))
            title_width = width - 11 - (note_width + 3 if note_width else 0)
            text.append(fit_text(entry.row.title, title_width))
            if note_width:
                text.append(" · ")
                text.append(fit_text(entry.mark.note, note_width), self.style_of("accent"))
        if entry.mark.tags or not entry.marked:
            _replace_tail(text, width, _tag_words(entry.mark.tags) if entry.marked
                          else "(clippings only)", self.style_of("muted"))
        return text

    def _clipping_text(self, clipping: Clipping, width: int) -> Text:
        """'           “first words of the quote…” · note · #tag': under its item."""
        text = Text(no_wrap=True, end="")
        text.append(" " * 11)
        words = printable(" ".join(clipping.text.split()))
        # tags typed in the note as #words are shown once, in the note
        typed = {tag.casefold() for tag in tags_in(clipping.note)}
        tags = tuple(t for t in clipping.tags if t.casefold() not in typed)
        tail = " · ".join(p for p in (printable(clipping.note), _tag_words(tags)) if p)
        room = max(8, width - 11 - (len(tail) + 3 if tail else 0))
        room = max(room, (width - 11) // 2)
        quote = f"“{words}”" if len(words) + 2 <= room else f"“{words[: max(0, room - 3)]}…”"
        text.append(quote)
        if tail:
            text.append(" · ")
            text.append(tail, self.style_of("accent"))
        text.truncate(width, overflow="ellipsis")
        return text


def _tag_words(tags: tuple[str, ...]) -> str:
    return " ".join(f"#{printable(tag)}" for tag in tags)


def _replace_tail(text: Text, width: int, tail: str, style: Style) -> None:
    """End a row with `tail` (its tags), giving up title characters for it."""
    text.rstrip()
    room = width - len(tail) - 2
    if room < 12:
        return
    if text.cell_len > room:
        text.truncate(room - 1)
        text.append("…")
    text.append("  ")
    text.append(tail, style)


class MarkdownPage(ModalScreen[None]):
    """Exported Markdown shown as text, for served sessions that may not write files."""

    CSS_PATH = "bookmarks.tcss"
    BINDINGS = [
        Binding("q,escape", "close", "Close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("space,pagedown", "page('down')", "Page down", show=False),
        Binding("pageup", "page('up')", "Page up", show=False),
    ]

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


class BookmarksScreen(AppHandle, Screen[None]):
    """Every bookmark, newest first; Enter reads, d removes (u undoes), n notes, x exports."""

    CSS_PATH = "bookmarks.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("d,delete", "remove", "Remove"),
        Binding("u", "undo", "Undo remove"),
        Binding("n", "note", "Edit note"),
        Binding("x", "export", "Export Markdown"),
        Binding("t", "tags", "Tags"),
        Binding("f", "filter_tag", "Filter by tag"),
    ]
    """Bookmarks keys; movement keys live on the list (`LineList.BINDINGS`)."""

    def __init__(self) -> None:
        super().__init__()
        self.removed: list[Bookmark] = []
        """Removed on this screen, newest last, for `u`."""
        self.exported = ""
        """Where the last export went, shown in the status line."""
        self.tag_filter = ""
        """Only bookmarks and clippings with this tag (`f`); "" shows everything."""
        self.removed_clippings: list[Clipping] = []
        """Clippings removed on this screen, newest last; `u` restores them first."""

    def compose(self) -> ComposeResult:
        yield Static("Date       Title · note", id="bookmarks-header", markup=False)
        yield Static("", id="bookmarks-problem", markup=False)
        yield BookmarkList(id="bookmarks")
        yield Static("", id="bookmarks-status", markup=False, classes="status-line")
        yield KeyBar()

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one("#bookmarks", BookmarkList)

    def on_mount(self) -> None:
        self.pressroom.bookmarks_signal.subscribe(self, self._on_bookmarks_changed)
        self.reload()
        self.bookmark_list.focus()

    def on_screen_resume(self) -> None:
        # another session may have changed the file meanwhile
        self.reload(keep_cursor=True)

    def _on_bookmarks_changed(self, _: object) -> None:
        self.reload(keep_cursor=True)

    # -- loading -----------------------------------------------------------------------------

    def reload(self, *, keep_cursor: bool = False) -> None:
        session = self.pressroom.session
        marks = session.bookmark_list()
        clippings = session.clippings()
        problem = self.query_one("#bookmarks-problem", Static)
        if session.bookmarks is None:
            message = f"Bookmarks unavailable: {session.bookmarks_problem}"
            if REPAIR_COMMAND not in message:
                message += f" (run `{REPAIR_COMMAND}`)"
            problem.update(printable(message))
            problem.display = True
        elif session.bookmarks_read_only:  # shown, but nothing can be added or removed
            problem.update(session.bookmarks_read_only)
            problem.display = True
        else:
            problem.display = False
        archive = session.archive
        ids = {m.item_id for m in marks} | {c.item_id for c in clippings}
        known = archive.rows(archive.rowids_of(ids))
        rows = {row.item_id: row for row in known}
        self.bookmark_list.show(arrange(marks, clippings, rows, self.tag_filter),
                                keep_cursor=keep_cursor)
        self._update_status()

    def _update_status(self) -> None:
        every = self.bookmark_list.rows
        entries = [e for e in every if e.clipping is None and e.marked]
        clips = sum(1 for e in every if e.clipping is not None)
        missing = sum(1 for e in entries if e.row is None)
        text = f"{len(entries):,} bookmark{'' if len(entries) == 1 else 's'}"
        if clips:
            text += f" · {clips:,} clipping{'' if clips == 1 else 's'}"
        if self.tag_filter:
            text = f"#{printable(self.tag_filter)}: {text} (f clears)"
        if missing:
            text += f" · {missing} not in this archive"
        if self.removed or self.removed_clippings:
            text += f" · u restores {len(self.removed) + len(self.removed_clippings)} removed"
        if self.exported:
            text += f" · exported to {self.exported}"
        self.query_one("#bookmarks-status", Static).update(printable(text), layout=False)

    # -- keys --------------------------------------------------------------------------------

    def action_open(self) -> None:
        entries = [e for e in self.bookmark_list.rows if e.clipping is None]
        current = self.bookmark_list.current
        if current is not None and current.clipping is not None and current.row is not None:
            # a clipping opens its item at the quoted paragraphs, selected
            rowids = np.array([current.row.rowid], dtype=np.int64)
            self.pressroom.open_reader(rowids, 0, paragraphs=current.clipping.paragraphs)
            return
        if current is None or current.row is None:
            self.app.bell()
            if current is not None:
                self.notify("That item is not in this archive", severity="warning", timeout=3)
            return
        known = [e for e in entries if e.row is not None]
        rowids = np.array([e.row.rowid for e in known if e.row is not None], dtype=np.int64)
        self.pressroom.open_reader(rowids, known.index(current))

    def action_remove(self) -> None:
        session = self.pressroom.session
        current = self.bookmark_list.current
        if current is not None and (current.clipping is not None or not current.marked):
            self._remove_clipping(current)
            return
        if current is None or session.bookmarks is None:
            self.app.bell()
            return
        if self._changed(session.remove_bookmark(current.mark.item_id), current.mark.item_id,
                         undo=True):
            self.removed.append(current.mark)

    def action_undo(self) -> None:
        session = self.pressroom.session
        if self.removed_clippings and session.bookmarks is not None:
            self._restore_clipping()
            return
        if not self.removed or session.bookmarks is None:
            self.app.bell()
            return
        mark = self.removed.pop()
        self._changed(session.restore_bookmark(mark), mark.item_id)

    def action_note(self) -> None:
        current = self.bookmark_list.current
        if current is not None and current.clipping is not None:
            self._ask(current, "Note for", current.clipping.note, "note")
            return
        if current is None or not current.marked or self.pressroom.session.bookmarks is None:
            self.app.bell()
            return
        from tui.screens.note_prompt import NotePrompt

        title = current.row.title if current.row is not None else current.mark.item_id
        blink = not self.pressroom.session.settings.low_bandwidth

        def save(note: str | None) -> None:
            session = self.pressroom.session
            if note is None or session.bookmarks is None:
                return
            self._changed(session.edit_bookmark(current.mark, note), current.mark.item_id)

        self.app.push_screen(NotePrompt(title, current.mark.note, blink=blink), save)

    # -- clippings and tags ----------------------------------------------------------------

    def action_tags(self) -> None:
        """`t`: the tags of the bookmark or clipping under the cursor, typed with spaces."""
        current = self.bookmark_list.current
        if current is None or (current.clipping is None and not current.marked):
            self.app.bell()
            return
        tags = current.clipping.tags if current.clipping is not None else current.mark.tags
        self._ask(current, "Tags for", " ".join(tags), "tags")

    def action_filter_tag(self) -> None:
        """`f`: show only what has a tag; pressed while filtering, show everything again."""
        if self.tag_filter:
            self.tag_filter = ""
            self.reload()
            return
        from tui.screens.note_prompt import NotePrompt

        session = self.pressroom.session
        known = session.tags()
        hint = ("tags: " + " ".join(known)) if known else "no tags yet (t adds them)"

        def apply(tag: str | None) -> None:
            if tag:
                self.tag_filter = tag.strip().lstrip("#")
                self.reload()

        blink = not session.settings.low_bandwidth
        self.app.push_screen(NotePrompt(printable(hint), "", blink=blink,
                                        label="Show only the tag", placeholder="a tag"), apply)

    def _ask(self, entry: Entry, label: str, value: str, what: str) -> None:
        """Prompt for a note or tags of `entry` and save what the user typed."""
        from tui.screens.note_prompt import NotePrompt

        title = entry.row.title if entry.row is not None else entry.mark.item_id
        if entry.clipping is not None:
            title = f"clipping of {title}"
        blink = not self.pressroom.session.settings.low_bandwidth

        def save(typed: str | None) -> None:
            session = self.pressroom.session
            if typed is None or session.bookmarks is None:
                return
            if entry.clipping is not None and what == "note":
                line = session.edit_clipping(entry.clipping, note=typed)
            elif entry.clipping is not None:
                line = session.edit_clipping(entry.clipping, tags=parse_tags(typed))
            else:
                line = session.tag_bookmark(entry.mark.item_id, parse_tags(typed))
            self._changed(line, entry.mark.item_id)

        self.app.push_screen(
            NotePrompt(printable(title), value, blink=blink, label=label,
                       placeholder="tags, separated by spaces" if what == "tags"
                       else "a short note (optional)"),
            save,
        )

    def _remove_clipping(self, entry: Entry) -> None:
        session = self.pressroom.session
        if entry.clipping is None or session.bookmarks is None:
            self.app.bell()  # an item shown for its clippings: remove those one by one
            return
        if self._changed(session.remove_clipping(entry.clipping), entry.mark.item_id,
                         undo=True):
            self.removed_clippings.append(entry.clipping)

    def _restore_clipping(self) -> None:
        session = self.pressroom.session
        clipping = self.removed_clippings.pop()
        if session.bookmarks is None:
            return
        self._changed(session.restore_clipping(clipping), clipping.item_id)

    def _changed(self, line: str, item_id: str, *, undo: bool = False) -> bool:
        """End a change of this screen's: say what happened (with the `u` hint when it can
        be undone) and update every screen; a refused change says why and shows the file as
        it is. Returns whether the change was made."""
        if not self.pressroom.session.writable:
            self.notify(line, severity="warning", timeout=6)
            self.reload(keep_cursor=True)
            return False
        if line:
            self.notify(f"{line} · u to undo" if undo else line, timeout=3)
        self.pressroom.bookmarks_changed(item_id)
        return True

    def action_export(self) -> None:
        session = self.pressroom.session
        markdown = session.export_markdown()
        if markdown is None:
            self.app.bell()
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


def arrange(marks: list[Bookmark], clippings: list[Clipping], rows: dict[str, Row],
            tag: str = "") -> list[Entry]:
    """The list's lines: the case file's order (`store.bookmarks.export.arrange`), each item's
    clippings on the lines under it."""
    entries: list[Entry] = []
    for item_id, mark, kept in case_file.arrange(marks, clippings, tag):
        row = rows.get(item_id)
        marked = mark is not None
        if mark is None:
            mark = Bookmark(item_id, created=kept[0].created if kept else "")
        entries.append(Entry(mark, row, marked=marked))
        entries.extend(Entry(mark, row, clipping=c, marked=marked) for c in kept)
    return entries


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
