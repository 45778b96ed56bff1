"""Following a moving archive: notice imports into it, say so, and show them when asked.

Imports and syncs commit to the archive while sessions read it (other processes, other
users; `serve --ssh` sessions read it read-only, maybe as a snapshot). Every
`POLL_SECONDS` the follower asks `store.archive_watch` whether the file moved (two `stat`
calls, on the event loop); only then does a thread count the new items through a connection
of its own. The count is published on `waiting_signal`; the Events screen shows it ("12 new
items · r to show") and nothing else changes under the user.

On `r`, `refresh()` opens the archive afresh in a thread (its columns, postings and people
as they are now), warms it as the app's start-up does, and swaps it into the session on the
event loop; `swapped_signal` then tells the screens, with the last rowid of what they were
showing, so they re-list and mark what is new.

A session that reads the archive as a snapshot (`immutable=1`) cannot keep reading it once
the file moved: SQLite was promised an unchanging file and may mix pages of two versions.
Its follower swaps a fresh archive in at once, quietly (`Swap.relist` False): the lists keep
their rows, which the fresh archive holds too, and `r` still decides when new items show.

The archive swapped out is not closed: a search still running in a thread may be reading
it, and its read-only connection closes once nothing holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.signal import Signal

from store import Archive
from store.archive_watch import ArchiveWatch, count_new, read_as_snapshot
from store.errors import PressroomError

if TYPE_CHECKING:
    from tui.app import PressroomApp

POLL_SECONDS = 1.5
"""How often the archive file is looked at: a new item is noticed within two polls."""


@dataclass(frozen=True)
class Swap:
    """A fresh archive is now the session's."""

    shown_until: int
    """The last rowid of what the lists showed before: rows above it are new."""
    relist: bool
    """True for `r`: lists show the fresh archive's items. False for a snapshot session's
    quiet swap: lists keep what they show and only read their rows from the fresh archive."""


class ArchiveFollower:
    """Notices new items in the session's archive and swaps in a fresh archive on request."""

    def __init__(self, app: PressroomApp) -> None:
        self.app = app
        archive = app.session.archive
        self.waiting = 0
        """Items in the archive file that the lists do not show yet."""
        self.shown_until = archive.last_rowid
        """The last rowid of what the lists show: `waiting` counts the rows above it."""
        self.refreshing = False
        """True while a fresh archive is being opened for `r`."""
        self.waiting_signal: Signal[int] = Signal(app, "archive-waiting")
        """Published with `waiting` whenever it changes."""
        self.swapped_signal: Signal[Swap] = Signal(app, "archive-swapped")
        """Published once a fresh archive is the session's."""
        self._watch = ArchiveWatch(archive.path)
        self._snapshot = archive.readonly and read_as_snapshot(archive.path)

    def start(self) -> None:
        """Look at the archive file on a timer, for as long as the app runs."""
        self.app.set_interval(POLL_SECONDS, self.poll, name="archive-watch")

    def poll(self) -> None:
        """Count new items when the file moved; cheap enough for the event loop otherwise."""
        if not self._watch.moved():
            return
        shown = self.shown_until
        self.app.run_worker(
            lambda: self._count(shown), thread=True, group="archive-count",
            exclusive=True, exit_on_error=False,
        )
        if self._snapshot:
            self._reopen_in_thread(relist=False)

    def _count(self, shown: int) -> None:
        count = count_new(self.app.session.archive.path, shown)
        if count is not None:
            self.app.call_from_thread(self._counted, shown, count)

    def _counted(self, shown: int, count: int) -> None:
        if shown != self.shown_until:
            return  # counted for lists that were re-listed meanwhile
        if count != self.waiting:
            self.waiting = count
            self.waiting_signal.publish(count)

    def refresh(self) -> None:
        """Open the archive afresh off the event loop, then swap it in and re-list."""
        if self.refreshing:
            return
        self.refreshing = True
        self._reopen_in_thread(relist=True)

    def _reopen_in_thread(self, *, relist: bool) -> None:
        archive = self.app.session.archive
        self.app.run_worker(
            lambda: self._reopen(archive, relist), thread=True,
            group="archive-refresh" if relist else "archive-snapshot", exit_on_error=False,
        )

    def _reopen(self, old: Archive, relist: bool) -> None:
        try:
            fresh = Archive.open(old.path, readonly=True, create=False)
            fresh.warm()
        except PressroomError as error:
            self.app.call_from_thread(self._failed, str(error), relist)
            return
        self.app.call_from_thread(self._swap, old, fresh, relist)

    def _swap(self, old: Archive, fresh: Archive, relist: bool) -> None:
        if relist:
            self.refreshing = False
        session = self.app.session
        if old is not session.archive:  # another swap came first: open again for `r`
            fresh.close()
            if relist:
                self.refresh()
            return
        session.archive = fresh
        self._snapshot = read_as_snapshot(fresh.path)
        shown = self.shown_until
        if relist:
            self.shown_until = fresh.last_rowid
            self.waiting = 0
        self.swapped_signal.publish(Swap(shown, relist))
        if relist:
            self.waiting_signal.publish(0)

    def _failed(self, problem: str, relist: bool) -> None:
        if relist:
            self.refreshing = False
            self.app.notify(f"Could not show the new items: {problem}", severity="warning",
                            timeout=8)
