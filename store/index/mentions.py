"""Who says it, and who said it first: the people and the dates of a query's matches.

Analysts follow a formula ("indivisible security") through years of speeches: its
earliest uses are the matches oldest first, and the people who use it are those named in
the matching items, by how many of them name each.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from store.index.columns import UNDATED, Columns

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class PersonCount:
    """A person named in some of the matching items, and in how many."""

    name: str
    """The display name (the most used full spelling)."""
    key: str
    """`Person.key`: which person, whatever the spelling."""
    count: int


def oldest_first(rowids: npt.NDArray[np.integer], columns: Columns) -> I64:
    """`rowids` in date order, oldest first, undated items last (newest import first)."""
    rowids = np.asarray(rowids, dtype=np.int64)
    positions = np.sort(np.take(columns.position, rowids, mode="clip"))
    positions = positions[positions < len(columns.order)]
    ordered = columns.order[positions]  # newest first, undated last
    dated = columns.date_ord[ordered] != UNDATED
    return np.concatenate([ordered[dated][::-1], ordered[~dated]]).astype(np.int64)


def people_named(conn: sqlite3.Connection, rowids: npt.NDArray[np.integer]) -> list[PersonCount]:
    """Every person named in the items `rowids`, most items first (then by name)."""
    counts: Counter[int] = Counter()
    wanted = np.unique(np.asarray(rowids, dtype=np.int64)).tolist()
    for start in range(0, len(wanted), 900):
        part = wanted[start : start + 900]
        marks = ",".join("?" * len(part))
        counts.update(
            person
            for (person,) in conn.execute(
                f"SELECT person FROM appearances WHERE item IN ({marks})", part
            )
        )
    if not counts:
        return []
    names: dict[int, tuple[str, str]] = {}
    ids = list(counts)
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        marks = ",".join("?" * len(part))
        for person_id, key, name in conn.execute(
            f"SELECT id, key, name FROM people WHERE id IN ({marks})", part
        ):
            names[person_id] = (name, key)
    out = [
        PersonCount(names[p][0], names[p][1], n) for p, n in counts.items() if p in names
    ]
    out.sort(key=lambda person: (-person.count, person.name.casefold()))
    return out
