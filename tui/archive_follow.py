"""Following a moving archive: notice imports into it, say so, and show them when asked.

Imports and syncs commit to the archive while sessions read it (other processes, other
users; `serve --ssh` sessions read it read-only, maybe as a snapshot). Every
`POLL_SECONDS` the follower asks `store.archive_watch` whether the file moved (two `stat`
calls, on the event loop); only then does a thread count the new items through a connection
of its own. The count is published on `waiting`; the Events screen shows it ("12 new items
· r to show") and nothing else changes under the user.

On `r`, `refresh()` opens the archive afresh in a thread (its columns, postings and people
as they are now), warms it as the app's start-up does, and swaps it into the session on the
event loop; `swapped` then tells the screens, with the last rowid of the archive they were
showing, so they can mark what is new. The old archive is not closed: a search still
running in a thread may be reading it, and its connection closes once nothing holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.signal import Signal

from store import Archive
from store.archive_watch import ArchiveWatch, count_new
from store.errors import PressroomError

if TYPE_CHECKING:
    from tui.app import PressroomApp

POLL_SECONDS = 1.5
"""How often the archive file is looked at: a new item is noticed within two polls."""


class ArchiveFollower:
    """Notices new items in the session's archive and swaps in a fresh archive on request."""

    def __init__(self, app: PressroomApp) -> None:
        self.app = app
        self.waiting = 0
        """Items in the archive file that the session's archive object does not show yet."""
        self.refreshing = False
        """True while a fresh archive is being opened (`refresh`)."""
        self.waiting_signal: Signal[int] = Signal(app, "archive-waiting")
        """Published with `waiting` whenever it changes."""
        self.swapped_signal: Signal[int] = Signal(app, "archive-swapped")
        """Published after a refresh, with the previous archive's `last_rowid`."""
        self._watch = ArchiveWatch(app.session.archive.path)

    def start(self) -> None:
        """Look at the archive file on a timer, for as long as the app runs."""
        self.app.set_interval(POLL_SECONDS, self.poll, name="archive-watch")

    def poll(self) -> None:
        """Count new items when the file moved; cheap enough for the event loop otherwise."""
        if self._watch.moved():
            archive = self.app.session.archive
            self.app.run_worker(
                lambda: self._count(archive), thread=True, group="archive-count",
                exclusive=True, exit_on_error=False,
            )

    def _count(self, archive: Archive) -> None:
        count = count_new(archive.path, archive.last_rowid)
        if count is not None:
            self.app.call_from_thread(self._counted, archive, count)

    def _counted(self, archive: Archive, count: int) -> None:
        if archive is not self.app.session.archive:
            return  # counted against an archive swapped out meanwhile
        if count != self.waiting:
            self.waiting = count
            self.waiting_signal.publish(count)

    def refresh(self) -> None:
        """Open the archive afresh off the event loop, then swap it in (see the docstring)."""
        if self.refreshing:
            return
        self.refreshing = True
        archive = self.app.session.archive
        self.app.run_worker(
            lambda: self._reopen(archive), thread=True, group="archive-refresh",
            exit_on_error=False,
        )

    def _reopen(self, old: Archive) -> None:
        try:
            fresh = Archive.open(old.path, readonly=True, create=False)
            fresh.warm()
        except PressroomError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._swap, old, fresh)

    def _swap(self, old: Archive, fresh: Archive) -> None:
        self.refreshing = False
        session = self.app.session
        if old is not session.archive:
            fresh.close()
            return
        session.archive = fresh
        self.waiting = 0
        self.swapped_signal.publish(old.last_rowid)
        self.waiting_signal.publish(0)

    def _failed(self, problem: str) -> None:
        self.refreshing = False
        self.app.notify(f"Could not show the new items: {problem}", severity="warning",
                        timeout=8)
