"""Whether an archive file changed since a session opened it, and how many items are new.

A session reads the archive while imports and syncs write it (in other processes, maybe as
other users). It must notice their commits without re-reading anything, on every kind of
read-only open `store.archive_file` makes:

- a `mode=ro` connection sees each commit at once, but the session's in-memory state
  (columns, postings and people caches) does not;
- a snapshot (`immutable=1`) connection never sees a commit at all: SQLite was told the
  file does not change.

So the watch looks at the file, not through the session's connection: one `stat` of the
archive and of its `-wal` costs microseconds and changes with every commit (a rollback-mode
commit writes the archive, a WAL-mode commit appends to the `-wal`; an archive replaced
whole gets a new inode). Only when that stamp moved does `count_new` open a connection of
its own (the URI a fresh open would use) and count the rowids above the session's last:
rowids are handed out in increasing order by imports and never reused (`Archive.last_rowid`).
A stamp can move without new items (a checkpoint, an import of nothing new): the count
then says 0 and nothing is shown.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from store import archive_file
from store.errors import PressroomError

Stamp = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]
"""(inode, size, mtime_ns) of the archive and of its `-wal`; None for a missing file."""


def file_stamp(path: Path) -> Stamp:
    """What changes whenever a commit reaches the archive at `path` (see the docstring)."""
    return _stat(path), _stat(Path(f"{path}-wal"))


def count_new(path: Path, after_rowid: int) -> int | None:
    """How many items the archive at `path` holds now with a rowid above `after_rowid`.

    Items an import updated count too: their new content has a new rowid. None when the
    file cannot be read just now (mid-replacement, locked): the next look will tell.
    """
    try:
        header = archive_file.examine(path)
        uri = archive_file.reader_uri(path, header)
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except (PressroomError, sqlite3.Error, OSError):
        return None
    try:
        conn.execute("PRAGMA query_only=1")
        conn.execute("PRAGMA busy_timeout=200")
        row = conn.execute(
            "SELECT count(*) FROM items WHERE rowid > ?", (int(after_rowid),)
        ).fetchone()
        return int(row[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def read_as_snapshot(path: Path) -> bool:
    """Whether a read-only open of `path` now reads it as a snapshot (`immutable=1`, see
    `store.archive_file`): such a connection must be replaced as soon as the file moves,
    since SQLite may then hand it pages of two versions."""
    try:
        header = archive_file.examine(path)
    except PressroomError:
        return False
    return "immutable=1" in archive_file.reader_uri(path, header)


class ArchiveWatch:
    """Tells whether the archive at `path` may have changed since the last look.

    `moved()` is the cheap question (two `stat` calls), asked on a timer; when it says yes,
    `count_new(path, last_rowid)` says how many items arrived.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stamp = file_stamp(self.path)

    def moved(self) -> bool:
        """True once after each change of the file's stamp."""
        stamp = file_stamp(self.path)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        return True


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)
