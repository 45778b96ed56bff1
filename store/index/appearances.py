"""Who appears in which item, as three arrays: what a dossier counts, without SQL per open.

A dossier of the most frequent person of a 10^6-item archive (a third of the items) asked
SQLite to group 365,000 appearances by role and to join them with every other appearance
in those items: about 1.2 s. The same answers from arrays of all 2.3 million appearances
(item, person, role-and-organisation number) are a few vectorised passes: tens of
milliseconds. The arrays are written beside the date and kind columns at the end of each
import that changed items (a grouped scan of the appearances table, ~2-5 s at 10^6 items),
and read once per session, on the first dossier, from those blobs. An archive written
before them is scanned once in memory by its first dossier and keeps them for the session.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

import numpy as np

_BLOBS = ("appearances.item", "appearances.person", "appearances.role")
_ROLES = "appearances.roles"
_STAMP = "appearances.stamp"
"""The archive's newest rowids when the arrays were written: a cheap staleness check."""


@dataclass(frozen=True)
class Appearances:
    """Every appearance: `item[i]` (rowid) named `person[i]` (people.id) as `roles[role[i]]`,
    sorted by person, then item."""

    item: np.ndarray
    """int32 item rowids (12 bytes an appearance in all: 28 MB at 10^6 items)."""
    person: np.ndarray
    """int32 people ids."""
    role: np.ndarray
    """int32 indexes into `roles` (a few hundred distinct roles at 10^6 items)."""
    roles: tuple[tuple[str, str], ...]
    """(role, organisation) as written."""

    @classmethod
    def build(cls, conn: sqlite3.Connection) -> Appearances:
        """Scan the appearances table: one row per (role, organisation), its pairs parsed by
        numpy, so 10^6 appearances cost no Python object each."""
        items: list[np.ndarray] = []
        people: list[np.ndarray] = []
        codes: list[np.ndarray] = []
        roles: list[tuple[str, str]] = []
        for role, organisation, joined in conn.execute(
            "SELECT role, organisation, group_concat(person || ',' || item)"
            " FROM appearances GROUP BY role, organisation"
        ):
            pairs = np.array(str(joined).split(","), dtype=np.int64).reshape(-1, 2)
            people.append(pairs[:, 0])
            items.append(pairs[:, 1])
            codes.append(np.full(len(pairs), len(roles), dtype=np.int64))
            roles.append((role, organisation))
        if not roles:
            empty = np.zeros(0, dtype=np.int32)
            return cls(empty, empty, empty, ())
        item, person, role = np.concatenate(items), np.concatenate(people), np.concatenate(codes)
        order = np.lexsort((item, person))
        return cls(
            item[order].astype(np.int32), person[order].astype(np.int32),
            role[order].astype(np.int32), tuple(roles),
        )

    def of(self, person_id: int) -> slice:
        """Where `person_id`'s appearances lie (sorted by person, then item): two binary
        searches, not a pass over every appearance."""
        start, stop = np.searchsorted(self.person, [person_id, person_id + 1])
        return slice(int(start), int(stop))

    def save(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO columns(name, data) VALUES (?, ?)",
            [
                ("appearances.item", self.item.astype(np.int32).tobytes()),
                ("appearances.person", self.person.astype(np.int32).tobytes()),
                ("appearances.role", self.role.astype(np.int32).tobytes()),
                (_ROLES, json.dumps(self.roles, ensure_ascii=False).encode("utf-8")),
                (_STAMP, json.dumps(_stamp(conn)).encode("utf-8")),
            ],
        )

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Appearances:
        """The arrays the last import wrote, or a fresh scan when there are none or they
        do not match the table (an archive written before them, or by older code)."""
        blobs = dict(
            conn.execute(
                "SELECT name, data FROM columns WHERE name IN (?, ?, ?, ?, ?)",
                (*_BLOBS, _ROLES, _STAMP),
            )
        )
        try:
            if set(blobs) != {*_BLOBS, _ROLES, _STAMP} or json.loads(blobs[_STAMP]) != _stamp(conn):
                return cls.build(conn)
            roles = tuple((str(r), str(o)) for r, o in json.loads(blobs[_ROLES]))
            item, person, role = (np.frombuffer(blobs[name], dtype=np.int32) for name in _BLOBS)
        except (ValueError, TypeError):  # damaged: a cache, so scan the table instead
            return cls.build(conn)
        if not len(item) == len(person) == len(role):  # not arrays this code wrote
            return cls.build(conn)
        return cls(item, person, role, roles)


def _stamp(conn: sqlite3.Connection) -> list[int]:
    """The newest item and the newest item with people: every import that writes an item
    moves the first (an update too: its item gets a new, higher rowid). Two index look-ups,
    where counting 10^6 appearances would cost a scan."""
    (items,) = conn.execute("SELECT coalesce(max(rowid), 0) FROM items").fetchone()
    (named,) = conn.execute("SELECT coalesce(max(item), 0) FROM appearances").fetchone()
    return [int(items), int(named)]
