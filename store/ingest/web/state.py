"""What pressroom remembers of the web between runs, inside the archive file: each URL's
validators (ETag / Last-Modified) for conditional GET, and each site's robots.txt."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from store.ingest.web.http import RobotsStore, Validators

_TABLES = """
CREATE TABLE IF NOT EXISTS web_validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS web_robots (
    origin TEXT PRIMARY KEY, body TEXT NOT NULL, fetched_at REAL NOT NULL
)
"""


class WebState(RobotsStore):
    """The web tables of one archive file, on a connection of their own.

    They are written after the items of a source are committed, never before: a sync
    killed in between re-fetches that source next time and finds its items already
    there, while validators saved for items never committed would hide them for good.
    """

    def __init__(self, conn: sqlite3.Connection | None) -> None:
        super().__init__()
        self._conn = conn
        self._lock = threading.Lock()
        """Harvest threads save robots.txt while the sync thread saves validators."""

    @classmethod
    def open(cls, archive_path: Path) -> WebState:
        """The web state of an archive opened for writing (the tables are made if missing)."""
        conn = sqlite3.connect(archive_path, isolation_level=None, timeout=30,
                               check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.executescript(_TABLES)
        return cls(conn)

    @classmethod
    def none(cls) -> WebState:
        """Nothing remembered and nothing saved (`--dry-run`)."""
        return cls(None)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def validators(self, url: str) -> Validators | None:
        if self._conn is None:
            return None
        with self._lock:
            row = self._conn.execute(
                "SELECT etag, last_modified FROM web_validators WHERE url = ?", (url,)
            ).fetchone()
        return Validators(*row) if row else None

    def save_validators(self, found: Mapping[str, Validators]) -> None:
        """Remember the validators of the URLs of one committed source, in one transaction."""
        if self._conn is None or not found:
            return
        now = time.time()
        with self._lock, self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany(
                "INSERT OR REPLACE INTO web_validators(url, etag, last_modified, fetched_at)"
                " VALUES (?, ?, ?, ?)",
                [(url, v.etag, v.last_modified, now) for url, v in found.items() if v],
            )

    def robots(self, origin: str) -> tuple[str, float] | None:
        known = super().robots(origin)
        if known is not None or self._conn is None:
            return known
        with self._lock:
            row = self._conn.execute(
                "SELECT body, fetched_at FROM web_robots WHERE origin = ?", (origin,)
            ).fetchone()
        return (row[0], row[1]) if row else None

    def save_robots(self, origin: str, text: str, fetched_at: float) -> None:
        super().save_robots(origin, text, fetched_at)
        if self._conn is None:
            return
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO web_robots(origin, body, fetched_at) VALUES (?, ?, ?)",
                (origin, text, fetched_at),
            )
