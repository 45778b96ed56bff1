"""The archive file as this user finds it: there or not, SQLite or not, whole, writable.

`Archive.open` asks these questions before SQLite does, because SQLite's own answers are
about its internals: an empty file opens as an empty database (and a mistyped path as a
new one), a file cut short opens fine and fails later, mid-list, and a WAL-mode archive in
a folder the user cannot write fails with "attempt to write a readonly database".

How an archive that a group may read but not write is read (README, "Publishing a
read-only archive"; measured with SQLite 3.40 as a user who may only read the file and
its folder):

- At rest an archive is out of WAL mode: the writer that closes it last switches it back
  to a rollback journal (`Archive.close`). Such a file is read with `mode=ro` and ordinary
  file locks, which need only read access, and readers see each import once it commits.
- While a writer has it open the archive is in WAL mode, and its `-wal` and `-shm` files
  sit beside it, created by SQLite with the archive's own owner and permissions. A
  `mode=ro` reader that cannot write the `-shm` reads it read-only (SQLite >= 3.22), and
  sees the writer's commits as they land.
- A WAL-mode archive with neither `-wal` nor `-shm` beside it, in a folder the reader
  cannot write (a WAL-mode file copied into place, or one left so by an older pressroom),
  cannot be read with locks at all: SQLite would have to create the `-shm`. It is read as
  a snapshot, `immutable=1`: no locks, the file assumed not to change. Only then: a
  snapshot reader does not see a later import, and one that overlaps it may read pages of
  both versions, so the next import (which leaves the file out of WAL) ends the need.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.errors import ArchiveError, ArchiveMissing, ArchiveReadOnly

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
"""An SQLite file starts with a 100-byte header (sqlite.org/fileformat.html, 1.3)."""


def examine(path: Path, *, empty_ok: bool = False) -> bytes:
    """The archive's header, after checking it is there, readable, SQLite and whole.

    Returns b"" for an empty file when `empty_ok` (an import may make it an archive).
    Raises ArchiveMissing when there is nothing (or only an empty file) at `path`, and
    ArchiveError naming what is wrong with any other file.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise ArchiveMissing(str(path)) from None
    except OSError as error:
        raise _unreadable(path, error) from None
    if stat.S_ISDIR(info.st_mode):
        raise ArchiveError(f"{path} is a folder, not an archive file")
    if info.st_size == 0:
        if empty_ok:
            return b""
        raise ArchiveMissing(str(path), "an empty file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError as error:
        raise _unreadable(path, error) from None
    if not header.startswith(SQLITE_MAGIC):
        raise ArchiveError(f"{path} is not a pressroom archive (not an SQLite file)")
    expected = _expected_size(header)
    if len(header) < HEADER_BYTES or (expected and info.st_size < expected and _at_rest(path)):
        whole = f" of {expected:,}" if expected else ""
        raise ArchiveError(
            f"{path} is cut short ({info.st_size:,}{whole} bytes), not a whole archive; "
            "restore it from a backup, or import its files again into a new archive"
        )
    return header


def reader_uri(path: Path, header: bytes) -> str:
    """The URI a read-only connection opens: `mode=ro`, or a snapshot when only that works.

    See the module docstring for when (and why only then) `immutable=1` is added.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _in_wal_mode(header) and not _companions(path) and not _can_create_in(_folder(path)):
        uri += "&immutable=1"
    return uri


def can_write(path: Path) -> bool:
    """Whether this user may write the archive at `path` (see `check_writable`)."""
    return not _write_problem(path)[0]


def check_writable(path: Path) -> None:
    """Raise ArchiveReadOnly when this user cannot write the archive at `path`.

    Writing needs the file and its folder: SQLite keeps its journal (`-journal`, or
    `-wal` and `-shm`) beside the archive. A missing archive needs a folder it can be
    created in.
    """
    problem, owner_of = _write_problem(path)
    if problem:
        raise ArchiveReadOnly(
            f"cannot write {path}: {problem}; ask {_owner(owner_of)} to import, "
            "or import into an archive of your own with --archive PATH"
        )


def _write_problem(path: Path) -> tuple[str, Path]:
    """Why this user cannot write `path` ("" when they can), and whose that file is."""
    if os.path.lexists(path):
        if not os.access(path, os.W_OK):
            return "this user may only read it", path
        folder = _folder(path)
        if not _can_create_in(folder):
            return f"its folder {folder} is not writable (SQLite writes its journal there)", folder
        return "", path
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not _can_create_in(folder):
        return f"the folder {folder} is not writable", folder
    return "", folder


def _expected_size(header: bytes) -> int:
    """The file size the header promises, or 0 when it promises none.

    The in-header page count is valid only when the "version-valid-for" number matches
    the change counter (sqlite.org/fileformat.html, 1.3.7).
    """
    if len(header) < HEADER_BYTES or header[24:28] != header[92:96]:
        return 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[28:32], "big") * page_size


def _at_rest(path: Path) -> bool:
    """No write under way: a checkpoint or a hot journal may leave the file shorter than
    its header says until it finishes, so a short file counts as cut short only now."""
    return not _companions(path) and not os.path.lexists(f"{path}-journal")


def _in_wal_mode(header: bytes) -> bool:
    return header[18:20] == b"\x02\x02"


def _companions(path: Path) -> bool:
    return os.path.lexists(f"{path}-wal") or os.path.lexists(f"{path}-shm")


def _folder(path: Path) -> Path:
    """Where SQLite puts the journal: beside the file itself, a symlink followed."""
    return Path(os.path.realpath(path)).parent


def _can_create_in(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _owner(path: Path) -> str:
    """"its owner (alice)": who a user should ask."""
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return "its owner"
    try:
        import pwd  # Unix only, like the permissions this is about

        return f"its owner ({pwd.getpwuid(uid).pw_name})"
    except (ImportError, KeyError):
        return f"its owner (uid {uid})"


def _unreadable(path: Path, error: OSError) -> ArchiveError:
    hint = "; ask its owner for read access" if isinstance(error, PermissionError) else ""
    return ArchiveError(f"cannot read {path}: {_reason(error)}{hint}")


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
