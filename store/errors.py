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


class BookmarksUnavailable(PressroomError):
    """The bookmarks file cannot be read (corrupt, wrong shape, no permission).

    The file is left exactly as it is; `pressroom bookmarks repair` moves it aside.
    """


class UnknownPerson(PressroomError, KeyError):
    """No person of the archive matches the name asked for."""

    def __str__(self) -> str:
        return f"no person matches {self.args[0]!r}"
