"""Errors a user can cause; each carries a one-line message meant for the user."""

from __future__ import annotations


class PressroomError(Exception):
    """Base of every error the CLI and the app show as one line, never as a traceback."""


class InputError(PressroomError, ValueError):
    """A file handed to us cannot be read; names the file and, where known, the line."""

    def __init__(self, message: str, source: str = "", line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = source + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {message}" if where else message)


class UnknownItem(PressroomError, KeyError):
    """No item has this id."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id
        super().__init__(f"no item with id {item_id!r}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class ArchiveError(PressroomError):
    """The archive file cannot be opened or written (not SQLite, newer schema, read-only)."""


class ArchiveMissing(ArchiveError):
    """No archive at the path (nothing there, or an empty file), and this open may not
    create one: only `import` does, so a mistyped `--archive` is never a new archive."""

    def __init__(self, path: str, what: str = "") -> None:
        self.path = path
        lead = f"{path} is {what}, not an archive" if what else f"no archive at {path}"
        super().__init__(f"{lead}; create it with pressroom import FILE --archive {_arg(path)}")


class ArchiveReadOnly(ArchiveError):
    """The archive exists but this user may not write it (an import, an upgrade)."""


class BookmarksUnavailable(PressroomError):
    """The bookmarks file cannot be read (corrupt, wrong shape, no permission).

    The file is left exactly as it is; `pressroom bookmarks repair` moves it aside.
    """


class UnknownPerson(PressroomError, KeyError):
    """No person of the archive matches the name asked for."""

    def __str__(self) -> str:
        return f"no person matches {self.args[0]!r}"


class BookmarksReadOnly(BookmarksUnavailable):
    """The bookmarks file can be read but not written: a change was refused.

    A kind of BookmarksUnavailable for the code that writes (the change did not happen),
    but the bookmarks are still there to read: the app keeps showing them.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"{path} is read-only, so bookmarks cannot be added, changed or removed; "
            "make the file writable to change them"
        )


def _arg(path: str) -> str:
    """`path` as one shell word, so the suggested command can be pasted as it is."""
    import shlex

    return shlex.quote(path)
