"""Watchlists: saved queries that say what is new for this user.

A watchlist is `{name, query, seen_until}` (DESIGN.md), plus when it was made. It lives in
the `watchlists` table of the user's bookmarks file (per SSH key when served), written by
`Bookmarks` through the same locked, atomic storage as bookmarks and clippings.

"New" means arrived in the archive since the user last opened (or `watch check`ed) the
watchlist: a matching item whose rowid is above `seen_until`, the archive's
`last_rowid` at that moment. Not the items' dates: a date is when the event happened, and
an import today may bring a speech of 2019 (a backfill, a corrected release) or an item
with no date at all, which a date marker would never call new. Not a wall clock either:
the archive keeps no import time per item, and clocks of the server, the cron job and the
importing machine need not agree. Rowids are handed out in increasing order by each import
and never reused, and an updated item gets a new one, so a corrected release is new again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from store.text.printable import printable

if TYPE_CHECKING:
    from store.archive import Archive, Marked

TABLE = "watchlists"
"""The TinyDB table of watchlists, beside `bookmarks` and `clippings` in the same file."""

MAX_NAME = 80
"""Characters of a watchlist's name: it is shown on one line with the others."""
MAX_QUERY = 1_000
"""Characters of a watchlist's query: longer than any query typed by hand."""


@dataclass(frozen=True)
class Watchlist:
    """A saved query and how far its user has seen the archive."""

    name: str
    query: str
    seen_until: int = 0
    """The archive's `last_rowid` when this watchlist was last opened or checked: matching
    items with a rowid above it are new (see the module docstring). 0: all are new."""
    created: str = ""
    """ISO 8601 in UTC, to the second."""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "query": self.query, "seen_until": self.seen_until,
                "created": self.created}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Watchlist:
        return cls(name=record["name"], query=record["query"],
                   seen_until=record.get("seen_until", 0), created=record.get("created", ""))


def new_record(name: str, query: str, seen_until: int = 0) -> dict[str, Any]:
    """A watchlist record as stored, its name and query cleaned; ValueError for bad ones."""
    if not isinstance(name, str) or not isinstance(query, str):
        raise TypeError("a watchlist's name and query are strings")
    name = " ".join(printable(name).split())
    query = " ".join(printable(query).split())
    if not name:
        raise ValueError("a watchlist needs a name")
    if len(name) > MAX_NAME:
        raise ValueError(f"a watchlist's name has at most {MAX_NAME} characters")
    if not query:
        raise ValueError("a watchlist needs a query")
    if len(query) > MAX_QUERY:
        raise ValueError(f"a watchlist's query has at most {MAX_QUERY:,} characters")
    record = {"name": name, "query": query, "seen_until": seen_until,
              "created": datetime.now(UTC).isoformat(timespec="seconds")}
    problem = watchlist_problem(record)
    if problem:
        raise ValueError(f"a watchlist that {problem}")
    return record


def watchlist_problem(record: Any) -> str:
    """What is wrong with a stored watchlist, or "" when it is usable."""
    if not isinstance(record, dict):
        return "is not an object"
    for field in ("name", "query"):
        if not isinstance(record.get(field), str) or not record[field].strip():
            return f"has no {field}"
    seen = record.get("seen_until", 0)
    if isinstance(seen, bool) or not isinstance(seen, int) or seen < 0:
        return "has a seen_until that is not a whole number >= 0"
    if not isinstance(record.get("created", ""), str):
        return "has a created time that is not text"
    return ""


def same_name(a: str, b: str) -> bool:
    """Names match whatever their case and spacing: `Tasmagambetov` is `tasmagambetov `."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def doc_ids_named(records: dict[str, dict[str, Any]], name: str) -> list[int]:
    """Record numbers of the watchlist called `name` (more than one only in an edited file)."""
    return [int(key) for key, record in records.items() if same_name(record["name"], name)]


def in_order(records: Iterable[dict[str, Any]]) -> list[Watchlist]:
    """Watchlists by name, as every list of them shows them."""
    return sorted((Watchlist.from_record(r) for r in records), key=lambda w: w.name.casefold())


def new_matches(archive: Archive, watchlist: Watchlist, bookmarks: Marked | None = None
                ) -> np.ndarray:
    """Rowids of the items matching the watchlist's query that are new to its user (above
    `seen_until`), best first as the query ranks them. Raises InputError for a query the
    archive cannot run (`kind:poem`)."""
    rowids: np.ndarray = archive.match(watchlist.query, bookmarks).rowids
    new: np.ndarray = rowids[rowids > watchlist.seen_until]
    return new


def seen_marker(archive: Archive) -> int:
    """What `seen_until` becomes when a user sees a watchlist now: every item this archive
    object shows counts as seen; those imported after it was opened stay new."""
    return archive.last_rowid


