"""Earlier contents of items: what an import that corrects an item keeps of the text it replaces.

A corrected press release is normal. The import that brings it replaces the item (same id,
so bookmarks keep pointing at it) and keeps the content it replaced here, one row per
replacement, oldest first (`Archive.revisions`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from store.model import Item, Participant

TABLE = """
CREATE TABLE IF NOT EXISTS revisions (
    item_id      TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,          -- ISO UTC time of the import that replaced it
    date         TEXT,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    language     TEXT NOT NULL,
    source       TEXT NOT NULL,
    places       TEXT NOT NULL,          -- as in `items`
    participants TEXT NOT NULL,
    body         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS revisions_by_item ON revisions(item_id);
"""
"""Added to archives of schema 2 by their first writable open (`store.schema.migrate`); a
read-only open of an archive without it reads as "no revisions"."""

_COLUMNS = "date, kind, title, language, source, places, participants, body"


@dataclass(frozen=True)
class Revision:
    """An earlier content of an item, as it was until an import replaced it at
    `replaced_at` (ISO, UTC)."""

    item_id: str
    replaced_at: str
    title: str
    body: tuple[str, ...]
    participants: tuple[Participant, ...]
    source: str
    date: str | None = None
    kind: str = "news"
    places: tuple[str, ...] = ()
    language: str = "en"

    @property
    def replaced_on(self) -> str:
        """The day it was replaced, `YYYY-MM-DD`: what "changed on DATE" shows."""
        return self.replaced_at[:10]

    def as_item(self) -> Item:
        """The item as it read before it was replaced, for the reader and `show`."""
        return Item(
            id=self.item_id,
            date=self.date,
            kind=self.kind,
            title=self.title,
            body=self.body,
            participants=self.participants,
            places=self.places,
            language=self.language,
            source=self.source,
        )

    def to_dict(self) -> dict[str, object]:
        """The JSON shape `show --revisions --json` prints: the item's fields and when."""
        data: dict[str, object] = {"item_id": self.item_id, "replaced_at": self.replaced_at}
        item = self.as_item().to_dict()
        del item["id"]
        data.update(item)
        return data


def keep(conn: sqlite3.Connection, rowid: int, replaced_at: str) -> None:
    """Copy the stored item at `rowid` into the revisions, as stored (no decoding)."""
    conn.execute(
        f"INSERT INTO revisions(item_id, replaced_at, {_COLUMNS})"
        f" SELECT id, ?, {_COLUMNS} FROM items WHERE rowid = ?",
        (replaced_at, rowid),
    )


def load(conn: sqlite3.Connection, item_id: str, separator: str) -> list[Revision]:
    """Revisions of `item_id`, oldest first; none in an archive without the table yet."""
    try:
        rows = conn.execute(
            f"SELECT item_id, replaced_at, {_COLUMNS} FROM revisions WHERE item_id = ?"
            " ORDER BY rowid",
            (item_id,),
        ).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return []  # an archive of before revisions, opened read-only
        raise
    out = []
    for item_id_, replaced_at, date, kind, title, language, source, places, people, body in rows:
        out.append(
            Revision(
                item_id=item_id_,
                replaced_at=replaced_at,
                title=title,
                body=tuple(body.split(separator)) if body else (),
                participants=tuple(Participant(**p) for p in json.loads(people)),
                source=source,
                date=date,
                kind=kind,
                places=tuple(json.loads(places)),
                language=language,
            )
        )
    return out


def changed_on(conn: sqlite3.Connection, item_id: str) -> str | None:
    """The day `item_id` was last replaced, or None if it never was (one indexed look-up)."""
    try:
        row = conn.execute(
            "SELECT max(replaced_at) FROM revisions WHERE item_id = ?", (item_id,)
        ).fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return row[0][:10] if row and row[0] else None
