"""One item that reaches the archive by two routes: a press-text dump and its web page.

A press office's dump and its website say the same release twice, under two ids: the
dump's date-and-hash id and the page's canonical-URL id (`web-…`). An import that meets an
item of one route whose date and title (folded: spelling, script, case and punctuation
aside) are those of an item of the other files it as a second route to that item, not a
second item: the item keeps its id (so bookmarks), its text, and now both sources
(`Archive.sources`).

Each route remembers a fingerprint of the content it last brought. Importing either route
again unchanged is "already there"; only a route whose own content changed (a release
corrected on the website) updates the item, keeping the earlier text as a revision.
Comparing with the stored text instead would have the dump and the page "correct" the item
back and forth at every import, since they never extract quite the same text.

Only a web item and a non-web item are matched: two dump items of one day with one title
are two items, as their ids say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from store.model import Item
from store.text.fold import fold_words

TABLE = """
CREATE TABLE IF NOT EXISTS routes (
    id          TEXT PRIMARY KEY,       -- the id a route gives the item (the item's own too)
    item_id     TEXT NOT NULL,          -- the item in `items` it leads to
    source      TEXT NOT NULL,          -- the file or URL of this route
    fingerprint INTEGER NOT NULL        -- of the content this route last brought
);
CREATE INDEX IF NOT EXISTS routes_by_item ON routes(item_id);
"""
"""Added by the first writable open (`store.schema.migrate`), like `revisions`; a read-only
open of an archive without it reads as "no routes"."""

WEB_PREFIX = "web-"
"""Ids of items from web pages (`store.ingest.web.identity.web_item_id`)."""


def is_web(item_id: str) -> bool:
    return item_id.startswith(WEB_PREFIX)


def title_key(title: str) -> str:
    """What two routes' titles must share: the folded words, in order."""
    return " ".join(fold_words(title))


def fingerprint(content: object) -> int:
    """A stable 63-bit digest of what a route brought (stable across processes, unlike
    `hash`, because it is stored)."""
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big") >> 1


@dataclass(frozen=True)
class Match:
    """The item an incoming item is a second route to."""

    item_id: str
    content: object
    """Its stored content (`store.archive.content_of`), fingerprinted as its own route."""
    source: str


@dataclass
class Routes:
    """The routes one import knows and finds; `write` records them in its transaction.

    `content_of(item)` is what a route's fingerprint is taken of; `stored(ids)` gives the
    stored (content, source) of those ids the archive has; `same_day(date)` the (id, title)
    of the archive's items of that date (committed ones from the date column, this
    import's from SQL), so a web item finds its dump item.

    The common import (no web items anywhere) pays one dict look-up per item: a non-web
    item's title is folded only when a web item has its date.
    """

    conn: sqlite3.Connection | None
    """None for a dry run into a new archive."""
    content_of: Callable[[Item], object]
    stored: Callable[[Sequence[str]], dict[str, tuple[object, str]]]
    same_day: Callable[[str], list[tuple[str, str]]]
    write: bool
    known: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Route id -> (item id, fingerprint), loaded at the start (the table is small)."""
    _web: dict[tuple[str, str], str] | None = None
    _web_dates: set[str] = field(default_factory=set)
    _pending: dict[str, list[Item]] = field(default_factory=dict)
    """Items of the chunk being decided, by date: SQL cannot see them yet. A dry run, which
    inserts nothing, forgets them after each chunk too, so it streams in bounded memory;
    the one difference that leaves: a dump item and its page more than a chunk (2,000
    items) apart in one dry run are planned as two items, which the import files as one."""
    merged: int = 0

    @classmethod
    def load(
        cls,
        conn: sqlite3.Connection | None,
        content_of: Callable[[Item], object],
        stored: Callable[[Sequence[str]], dict[str, tuple[object, str]]],
        same_day: Callable[[str], list[tuple[str, str]]],
        *,
        write: bool,
    ) -> Routes:
        routes = cls(conn, content_of, stored, same_day, write)
        if conn is not None and _has_table(conn):
            routes.known = {
                route: (item_id, fp)
                for route, item_id, fp in conn.execute(
                    "SELECT id, item_id, fingerprint FROM routes"
                )
            }
        return routes

    def resolve(self, item: Item, stored: bool) -> tuple[Item, bool]:
        """`item` as the import should decide it, and whether it is already there.

        A known route: already there if it brings what it brought last; otherwise the item
        it leads to, with the new content, to be decided (and updated) by content. An
        unknown id that is a second route to an item: recorded, already there. Anything
        else (`stored`: a known id without routes): as it is.
        """
        route = self.known.get(item.id)
        if route is not None:
            target, old_print = route
            new_print = fingerprint(self.content_of(item))
            if old_print == new_print:
                return item, True
            self._record(item.id, target, item.source, new_print)
            if target == item.id:
                return item, False
            source = self.stored([target]).get(target, (None, item.source))[1]
            return replace(item, id=target, source=source), False
        if stored:
            return item, False
        match = self._find(item)
        if match is None:
            self._remember(item)
            return item, False
        if match.item_id not in self.known:
            self._record(match.item_id, match.item_id, match.source, fingerprint(match.content))
        self._record(item.id, match.item_id, item.source, fingerprint(self.content_of(item)))
        self.merged += 1
        return item, True

    def _record(self, route: str, item_id: str, source: str, print_: int) -> None:
        self.known[route] = (item_id, print_)
        if self.write and self.conn is not None:
            self.conn.execute(
                "INSERT OR REPLACE INTO routes(id, item_id, source, fingerprint)"
                " VALUES (?, ?, ?, ?)",
                (route, item_id, source, print_),
            )

    def _find(self, item: Item) -> Match | None:
        if item.date is None:
            return None
        if is_web(item.id):
            key = title_key(item.title)
            for other in self._pending.get(item.date, ()):
                if not is_web(other.id) and title_key(other.title) == key:
                    return Match(other.id, self.content_of(other), other.source)
            for other_id, title in self.same_day(item.date):
                if not is_web(other_id) and title_key(title) == key:
                    found = self.stored([other_id]).get(other_id)
                    if found is not None:
                        return Match(other_id, *found)
            return None
        web = self._web_items()
        if item.date not in self._web_dates:
            return None
        target = web.get((item.date, title_key(item.title)))
        if target is None:
            return None
        for other in self._pending.get(item.date, ()):
            if other.id == target:
                return Match(other.id, self.content_of(other), other.source)
        found = self.stored([target]).get(target)
        return None if found is None else Match(target, *found)

    def _remember(self, item: Item) -> None:
        """An item this run adds, for later items of the same run to find."""
        if item.date is None:
            return
        if is_web(item.id):
            self._web_items()[(item.date, title_key(item.title))] = item.id
            self._web_dates.add(item.date)
        self._pending.setdefault(item.date, []).append(item)

    def forget_chunk(self) -> None:
        """The chunk is decided (and an import inserted it): SQL finds its items now."""
        self._pending.clear()

    def _web_items(self) -> dict[tuple[str, str], str]:
        """The archive's web items by (date, title key): a range of the id index."""
        if self._web is None:
            self._web = {} if self.conn is None else {
                (date, title_key(title)): item_id
                for item_id, date, title in self.conn.execute(
                    "SELECT id, date, title FROM items WHERE id >= ? AND id < ?"
                    " AND date IS NOT NULL",
                    (WEB_PREFIX, WEB_PREFIX[:-1] + chr(ord(WEB_PREFIX[-1]) + 1)),
                )
            }
            self._web_dates = {date for date, _ in self._web}
        return self._web


def _has_table(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'routes'"
        ).fetchone()
    )


def sources(conn: sqlite3.Connection, item_id: str, own: str) -> list[str]:
    """The item's own source, then those of the other routes it was reached by."""
    out = [own] if own else []
    if _has_table(conn):
        for (source,) in conn.execute(
            "SELECT source FROM routes WHERE item_id = ? AND id != ? ORDER BY rowid",
            (item_id, item_id),
        ):
            if source and source not in out:
                out.append(source)
    return out


def same_day_rowids(date_ord: np.ndarray, date: str) -> np.ndarray:
    """Rowids whose date column holds `date` (one vectorised pass, ~1 ms at 1M items)."""
    try:
        ordinal = dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(date_ord == ordinal)
