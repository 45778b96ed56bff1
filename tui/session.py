"""What one running app works with: the archive, the bookmarks (if readable) and settings.

Screens reach it as `self.pressroom.session`; it never imports Textual, so it is easy to
test. Every bookmark call of the app goes through it, and none raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from store import Archive, Bookmark, Bookmarks, BookmarksReadOnly, BookmarksUnavailable
from store.bookmarks.citation import DEFAULT_STYLE, Passage
from store.bookmarks.clippings import Clipping

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """How the app should behave in this terminal and for this user."""

    low_bandwidth: bool = False
    """No animations and no cursor blink (slow SSH links)."""
    mouse: bool = True
    served: bool = False
    """Running for `pressroom serve --ssh`: archive read-only, nothing leaves the app."""
    theme: str | None = None
    """A Textual theme name from config.toml (None: Textual's default)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, from config.toml's [keymap] (`App.set_keymap`)."""
    citation_style: str = DEFAULT_STYLE
    """How `y` in the reader cites a quote (`--citation-style`; `S` changes it for a session)."""
    export_folder: Path = field(default_factory=Path.cwd)
    """Where `x` on Bookmarks writes Markdown: the folder pressroom was started in, as a
    command-line tool's output goes (unused when served: that session writes no files)."""


@dataclass
class Session:
    """The archive and bookmarks the app shows, with bookmark calls that never raise.

    A corrupt or unreadable bookmarks file must not stop the app: `bookmarks` is then None
    and `bookmarks_problem` says why, in one line the app shows to the user. A read-only
    file is still shown: `bookmarks_read_only` says why nothing can be added.
    """

    archive: Archive
    bookmarks: Bookmarks | None
    bookmarks_problem: str = ""
    settings: Settings = field(default_factory=Settings)
    bookmarks_read_only: str = ""
    """Why bookmarks cannot be changed ("" while they can); they can still be read."""
    _marked: set[str] = field(default_factory=set)
    _marked_revision: object = None
    citation_style: str = ""
    """The style copies use now: the settings' until the user picks another (`S`)."""

    @property
    def writable(self) -> bool:
        """Whether bookmarks can be changed now: readable, and not read-only."""
        return self.bookmarks is not None and not self.bookmarks_read_only

    def __post_init__(self) -> None:
        self.citation_style = self.citation_style or self.settings.citation_style
        if self.bookmarks is not None and self.bookmarks.read_only:
            self.bookmarks_read_only = str(BookmarksReadOnly(str(self.bookmarks.path)))

    def marked_ids(self) -> set[str]:
        """Ids of bookmarked items, re-read only when the file changed (another session)."""
        if self.bookmarks is None:
            return set()
        try:
            revision = getattr(self.bookmarks, "revision", None)
            if revision != self._marked_revision or revision is None:
                self._marked = self.bookmarks.ids()
                self._marked_revision = revision
        except BookmarksUnavailable as error:
            self._disable(error)
        return self._marked

    def is_marked(self, item_id: str) -> bool:
        return item_id in self.marked_ids()

    def bookmark(self, item_id: str) -> Bookmark | None:
        if self.bookmarks is None:
            return None
        try:
            return self.bookmarks.get(item_id)
        except BookmarksUnavailable as error:
            self._disable(error)
            return None

    def toggle(self, item_id: str, note: str | None = None) -> str:
        """Bookmark or un-bookmark an item; returns the line to show the user."""
        if self.bookmarks is None:
            return f"Bookmarks unavailable: {self.bookmarks_problem}"
        try:
            if note is None and self.bookmarks.get(item_id) is not None:
                self.bookmarks.remove(item_id)
                message = "Bookmark removed"
            else:
                self.bookmarks.add(item_id, note=note or "")
                message = "Bookmarked" + (" with a note" if note else "")
        except BookmarksReadOnly as error:
            self.bookmarks_read_only = str(error)
            return f"Not changed: {error}"
        except BookmarksUnavailable as error:
            self._disable(error)
            return f"Bookmarks unavailable: {self.bookmarks_problem}"
        self._marked_revision = None
        return message

    def save_position(self, item_id: str, offset: int) -> None:
        """Remember where the reader stopped in a bookmarked item (nothing happens otherwise,
        nor in a read-only file: the reader says nothing of a position it cannot keep)."""
        if self.bookmarks is None or self.bookmarks_read_only:
            return
        try:
            self.bookmarks.set_position(item_id, max(0, int(offset)))
        except BookmarksUnavailable as error:
            self._disable(error)

    def keep_clipping(self, quoted: Passage, note: str = "") -> str:
        """Keep a passage as a clipping; returns the line to show the user."""
        if self.bookmarks is None:
            return f"Bookmarks unavailable: {self.bookmarks_problem}"
        try:
            kept = self.bookmarks.clip(quoted.item.id, quoted.first, quoted.last,
                                       quoted.text, note=note)
        except BookmarksUnavailable as error:
            self._disable(error)
            return f"Bookmarks unavailable: {self.bookmarks_problem}"
        tags = f" tagged {', '.join(kept.tags)}" if kept.tags else ""
        count = quoted.count
        return f"Kept {count} paragraph{'' if count == 1 else 's'} as a clipping{tags} (m shows)"

    # -- what the Bookmarks screen reads and changes -----------------------------------------

    def bookmark_list(self) -> list[Bookmark]:
        return self._read(lambda marks: marks.list(), [])

    def clippings(self) -> list[Clipping]:
        return self._read(lambda marks: marks.clippings(), [])

    def tags(self) -> list[str]:
        return self._read(lambda marks: marks.tags(), [])

    def export_markdown(self) -> str | None:
        """Every bookmark and clipping as a Markdown case file; None when unavailable."""
        return self._read(lambda marks: marks.export("md", self.archive), None)

    def remove_bookmark(self, item_id: str) -> str:
        """Remove a bookmark; returns the line to show the user (as every change below)."""

        def remove(marks: Bookmarks) -> str:
            marks.remove(item_id)
            return "Bookmark removed"

        return self._change(remove)

    def restore_bookmark(self, mark: Bookmark) -> str:
        """Put a removed bookmark back as it was, unless it was bookmarked again meanwhile."""

        def restore(marks: Bookmarks) -> str:
            if marks.restore(mark):
                return "Bookmark restored"
            return "Bookmarked again meanwhile; kept that bookmark"

        return self._change(restore)

    def edit_bookmark(self, mark: Bookmark, note: str) -> str:
        def edit(marks: Bookmarks) -> str:
            marks.add(mark.item_id, note=note, tags=mark.tags)
            return ""

        return self._change(edit)

    def tag_bookmark(self, item_id: str, tags: Iterable[str]) -> str:
        def tag(marks: Bookmarks) -> str:
            marks.set_tags(item_id, tags)
            return ""

        return self._change(tag)

    def edit_clipping(self, clipping: Clipping, *, note: str | None = None,
                      tags: Iterable[str] | None = None) -> str:
        def edit(marks: Bookmarks) -> str:
            marks.set_clipping(clipping.id, note=note, tags=tags)
            return ""

        return self._change(edit)

    def remove_clipping(self, clipping: Clipping) -> str:
        def remove(marks: Bookmarks) -> str:
            marks.remove_clipping(clipping.id)
            return "Clipping removed"

        return self._change(remove)

    def restore_clipping(self, clipping: Clipping) -> str:
        def restore(marks: Bookmarks) -> str:
            marks.restore_clipping(clipping)
            return "Clipping restored"

        return self._change(restore)

    # -- the one error path ------------------------------------------------------------------

    def _read(self, read: Callable[[Bookmarks], T], default: T) -> T:
        """`read` the bookmarks, or `default` when they are unavailable (or just failed)."""
        if self.bookmarks is None:
            return default
        try:
            return read(self.bookmarks)
        except BookmarksUnavailable as error:
            self._disable(error)
            return default

    def _change(self, change: Callable[[Bookmarks], str]) -> str:
        """Apply `change`; returns its line, or the line saying why nothing changed (then
        `writable` is False)."""
        if self.bookmarks is None:
            return f"Bookmarks unavailable: {self.bookmarks_problem}"
        try:
            line = change(self.bookmarks)
        except BookmarksUnavailable as error:
            self._disable(error)
            return str(error)
        self._marked_revision = None
        return line

    def bookmarks_failed(self, error: BookmarksUnavailable) -> None:
        """A watchlist call of a screen's failed: carry on without bookmarks, saying why."""
        self._disable(error)

    def _disable(self, error: BookmarksUnavailable) -> None:
        if isinstance(error, BookmarksReadOnly):  # still readable: keep showing them
            self.bookmarks_read_only = str(error)
            return
        self.bookmarks = None
        self.bookmarks_problem = str(error)
        self._marked = set()
