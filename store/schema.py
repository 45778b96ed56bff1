"""The archive's SQLite schema and its migrations, versioned with `PRAGMA user_version`."""

from __future__ import annotations

import sqlite3

from store.errors import ArchiveError

CURRENT_VERSION = 1

_V1 = """
CREATE TABLE items (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    date         TEXT,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,          -- paragraphs joined with U+001E
    participants TEXT NOT NULL,          -- JSON list of {name, role, organisation}
    people       TEXT NOT NULL,          -- names joined with ", " for list rows
    places       TEXT NOT NULL,          -- JSON list
    language     TEXT NOT NULL,
    source       TEXT NOT NULL
);
CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,          -- store.people.person_key: one per person
    name  TEXT NOT NULL,                 -- the display name: the most used full spelling
    role  TEXT NOT NULL DEFAULT '',      -- the role most often given
    items INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE spellings (
    person   INTEGER NOT NULL REFERENCES people(id),
    spelling TEXT NOT NULL,
    uses     INTEGER NOT NULL,
    PRIMARY KEY (person, spelling)
) WITHOUT ROWID;
CREATE TABLE appearances (
    person       INTEGER NOT NULL REFERENCES people(id),
    item         INTEGER NOT NULL REFERENCES items(rowid),
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    PRIMARY KEY (person, item)
) WITHOUT ROWID;
CREATE INDEX appearances_by_item ON appearances(item);
CREATE TABLE columns (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
"""


def migrate(conn: sqlite3.Connection, *, readonly: bool = False) -> None:
    """Bring the file to CURRENT_VERSION; refuse files that are not pressroom archives."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == CURRENT_VERSION:
        return
    if version > CURRENT_VERSION:
        raise ArchiveError(
            f"the archive was written by a newer pressroom (schema {version}); upgrade pressroom"
        )
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if version == 0 and tables:
        raise ArchiveError("this SQLite file is not a pressroom archive")
    if readonly:
        raise ArchiveError("the archive needs an upgrade; open it once without --served")
    from store.search import SearchIndex

    # The connection is in autocommit mode (isolation_level=None): one explicit transaction.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _V1.split(";"):
            if statement.strip():
                conn.execute(statement)
        SearchIndex.create_schema(conn)
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
