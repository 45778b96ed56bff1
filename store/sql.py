"""SQL the archive and its indexes share: `select_in`, a query over a long list of ids, and
`transaction`, one write that joins the caller's transaction or makes its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

IN_CHUNK = 500
"""Ids bound per statement: under SQLite's limit on bound parameters (999 before 3.32)."""


def select_in(
    conn: sqlite3.Connection, sql: str, ids: Sequence[Any], before: Sequence[Any] = ()
) -> Iterator[Any]:
    """The rows of `sql` for every id of `ids`, whose `IN ({ids})` gets them a chunk at a time;
    `before`: the values of the parameters written before it.

        select_in(conn, "SELECT rowid, id FROM items WHERE rowid IN ({ids})", rowids)

    Rows come chunk by chunk, each chunk in the order SQLite gives; callers that need the
    ids' order put the rows back in it.
    """
    for start in range(0, len(ids), IN_CHUNK):
        part = list(ids[start : start + IN_CHUNK])
        yield from conn.execute(
            sql.replace("{ids}", ",".join("?" * len(part))), [*before, *part]
        )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside the caller's transaction (an upgrade, an import), a write is part of it; alone,
    it is its own, so it is whole or not at all. The connection is in autocommit mode."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")
