"""The archive's SQLite schema and its migrations, versioned with `PRAGMA user_version`."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from store.errors import ArchiveError
from store.sql import transaction

CURRENT_VERSION = 2
READABLE = frozenset({1, 2})
"""Schemas this code reads as they are (1 differs from 2 in column order only).

The `revisions` table (`store.revisions`) came within schema 2, not as a schema 3: it is an
addition older code never reads, so an archive that has it still opens in an older
pressroom, and one without it opens read-only here (as "no revisions"); the first
writable open adds it (`_add_tables`)."""

_ITEMS = """
CREATE TABLE {name} (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    date         TEXT,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    people       TEXT NOT NULL,          -- names joined with ", " for list rows
    language     TEXT NOT NULL,
    source       TEXT NOT NULL,
    places       TEXT NOT NULL,          -- JSON list
    participants TEXT NOT NULL,          -- JSON list of {{name, role, organisation}}
    body         TEXT NOT NULL           -- paragraphs joined with U+001E
)
"""
"""The text comes last: a list row (id, date, kind, title, people) then sits in the
record's first bytes, on the table page itself. In schema 1 `people` came after `body`, and
SQLite walks a long text's whole overflow chain to reach a column behind it: a cold page of
64 speech rows read 230 ms of text at 1M items just to show their names."""
_ITEM_COLUMNS = "rowid, id, date, kind, title, people, language, source, places, participants, body"

_TABLES = _ITEMS.format(name="items") + """;
CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,          -- store.index.people.person_key: one per person
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
CREATE TABLE IF NOT EXISTS terms (
    id    INTEGER PRIMARY KEY,
    term  TEXT NOT NULL UNIQUE,
    df    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS postings (
    term   INTEGER NOT NULL,
    chunk  INTEGER NOT NULL,
    body   BLOB NOT NULL,                 -- uint32 rowids where the term is in the text
    docs   BLOB NOT NULL,                 -- uint32 rowids where it is in title/names/roles
    fields BLOB NOT NULL,                 -- uint8 field bits, one per `docs` entry
    PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
"""
"""The tables of an archive; the index's (terms, postings) are written by
`store.index.postings` and read by `store.index.search`, but belong to the file's layout."""

PHRASES_TABLE = """
CREATE TABLE IF NOT EXISTS phrases (
    term  INTEGER NOT NULL,
    chunk INTEGER NOT NULL,               -- its first rowid
    base  INTEGER NOT NULL,               -- the same: what keys count rowids from
    keys  BLOB NOT NULL,                  -- uint32 (rowid - base) << 16 | position, ascending
    wide  BLOB NOT NULL                   -- uint32 pairs (rowid, position) that do not fit a key
);
CREATE UNIQUE INDEX IF NOT EXISTS phrases_by_term ON phrases(term, chunk)
"""
"""The positional index (`store.index.phrases`): created with a new archive, and by the first
import into an archive made before it.

A table with rowids and an index, not a WITHOUT ROWID table keyed (term, chunk): its rows
are large (the keys of one list in one chunk, often kilobytes), which SQLite keeps in an
index-like B-tree only in small pieces. Measured on 30k synthetic items, the same rows
take a quarter less file (54 MB against 72 MB) and 40 % less CPU to insert. Archives
filed with the WITHOUT ROWID table keep it: the same columns are read and written."""


PHRASE_CONTEXT_TABLES = """
CREATE TABLE IF NOT EXISTS phrase_context (
    term  INTEGER NOT NULL,               -- as phrases.term
    side  INTEGER NOT NULL,               -- store.index.phrases.ITEMS, COUNTS, BEFORE, AFTER
    chunk INTEGER NOT NULL,
    data  BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS phrase_context_by_term ON phrase_context(term, side, chunk);
CREATE TABLE IF NOT EXISTS phrase_codes (
    chunk INTEGER PRIMARY KEY,
    terms BLOB NOT NULL                   -- uint32 term ids: code n stands for terms[n - 1]
)
"""
"""The context of the positional index's long rows (`store.index.phrases.CONTEXT_KEYS`):
which items hold them and the words beside each occurrence, so a phrase of common words
is answered from one row instead of merging several. An addition older code never reads
(no schema version): rows it files have none, and are merged as they always were. A
side per row, so a lookup reads the one it needs and not the chain of overflow pages
of the sides before it."""


def create_phrases(conn: sqlite3.Connection) -> None:
    """Create the `phrases` table and its index, unless the archive has the table, and
    the tables of its context (`PHRASE_CONTEXT_TABLES`), unless it has them."""
    present = {
        name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('phrases', 'phrase_context', 'phrase_codes')"
        )
    }
    if "phrases" not in present:
        for statement in PHRASES_TABLE.split(";"):
            conn.execute(statement)
    if not {"phrase_context", "phrase_codes"} <= present:
        for statement in PHRASE_CONTEXT_TABLES.split(";"):
            conn.execute(statement)


def upgrade_pending(path: Path) -> bool:
    """True when opening `path` for writing will rewrite it to CURRENT_VERSION (an archive
    of an older schema), so a program can say so first: at 1M items it takes a minute."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # not there, or not an archive: opening it says why
    return 0 < version < CURRENT_VERSION


def is_blank(conn: sqlite3.Connection) -> bool:
    """An SQLite file with nothing in it yet (an empty file opens as one): not an archive
    to read, but one an import may create its tables in."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version == 0 and not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]


def migrate(conn: sqlite3.Connection, *, readonly: bool = False) -> None:
    """Bring the file to CURRENT_VERSION; refuse files that are not pressroom archives."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == CURRENT_VERSION:
        if not readonly:
            _add_tables(conn)
        return
    if version > CURRENT_VERSION:
        raise ArchiveError(
            f"the archive was written by a newer pressroom (schema {version}); upgrade pressroom"
        )
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if version == 0 and tables:
        raise ArchiveError("this SQLite file is not a pressroom archive")
    if readonly and version in READABLE:
        return  # a read-only open reads it as it is; its next writable open upgrades it
    if readonly:
        raise ArchiveError(
            "its layout is too old to read without an upgrade, which needs write access: "
            "ask its owner to run pressroom import on it"
        )
    # The connection is in autocommit mode (isolation_level=None): one explicit transaction,
    # so an upgrade interrupted half-way leaves the archive as it was.
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version == 0:
            for statement in _TABLES.split(";"):
                if statement.strip():
                    conn.execute(statement)
            create_phrases(conn)
        if version == 1:
            _items_text_last(conn)
        _add_tables(conn)
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if version == 1:
        # The old table's pages are free now, as many as the new table's: give them back to
        # the disk rather than leave the file twice its size. Busy (another session reading)
        # is no harm: imports reuse free pages.
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("VACUUM")


def _add_tables(conn: sqlite3.Connection) -> None:
    """Create the `revisions` and `routes` tables if the archive lacks them (see READABLE):
    additions older code never reads.

    Looked up first: an archive that has them is not written to at all by opening it.
    """
    from store import revisions, routes

    present = {
        name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('revisions', 'routes')"
        )
    }
    missing = [
        module.TABLE for name, module in (("revisions", revisions), ("routes", routes))
        if name not in present
    ]
    if not missing:
        return
    with transaction(conn):  # inside an upgrade's transaction, or in one of its own
        for statement in ";".join(missing).split(";"):
            if statement.strip():
                conn.execute(statement)


def _items_text_last(conn: sqlite3.Connection) -> None:
    """Schema 1 -> 2: rewrite `items` with the text as its last column (see `_ITEMS`).

    Rowids are kept, so the search index, people and bookmarks stay valid; it copies every
    item once, and `migrate` then vacuums the file (together about two minutes for a
    million items).
    """
    conn.execute(_ITEMS.format(name="items_v2"))
    conn.execute(
        f"INSERT INTO items_v2({_ITEM_COLUMNS}) SELECT {_ITEM_COLUMNS} FROM items ORDER BY rowid"
    )
    conn.execute("DROP TABLE items")
    conn.execute("ALTER TABLE items_v2 RENAME TO items")
