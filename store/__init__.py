"""Everything in pressroom that is not UI: items, parsing, the archive, search, bookmarks.

Never imports Textual; the app and other programs use only what is exported here.
"""

from __future__ import annotations

from store.archive import Archive, ImportReport
from store.bookmarks.store import Bookmark, Bookmarks
from store.bookmarks.watchlists import Watchlist
from store.errors import (
    ArchiveError,
    ArchiveMissing,
    ArchiveReadOnly,
    BookmarksReadOnly,
    BookmarksUnavailable,
    InputError,
    PressroomError,
    UnknownItem,
    UnknownPerson,
)
from store.index.dossier import Contact, Dossier, RoleSpan
from store.model import KINDS, Hit, Item, Participant, Person, Span

__all__ = [
    "KINDS",
    "Archive",
    "ArchiveError",
    "ArchiveMissing",
    "ArchiveReadOnly",
    "Bookmark",
    "Bookmarks",
    "BookmarksReadOnly",
    "BookmarksUnavailable",
    "Contact",
    "Dossier",
    "Hit",
    "ImportReport",
    "InputError",
    "Item",
    "Participant",
    "Person",
    "PressroomError",
    "RoleSpan",
    "Span",
    "UnknownItem",
    "UnknownPerson",
    "Watchlist",
]
