"""A person's dossier: spellings, roles over time, activity by year, who they met, their items.

"Who met Voitolovsky?" and "every speech by Tasmagambetov" are answered from the
appearances table (person, item, role, organisation) and the in-memory date and kind
columns: one pass over the person's appearances, one over the appearances of the items
they share with others. No item is read.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from store.index.columns import UNDATED, Columns
from store.model import KINDS, Person
from store.sql import select_in

OWN_WORDS = ("speech", "statement", "interview")
"""Kinds in which the person speaks for themselves: listed first among their items."""

MET_WITH_LIMIT = 200
"""Co-participants kept, most shared items first: enough for any screen, bounded for JSON."""


@dataclass(frozen=True)
class RoleSpan:
    """One role as written, with the organisation, when it was first and last given, how often."""

    role: str
    organisation: str
    first: str | None
    last: str | None
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role, "organisation": self.organisation,
            "first": self.first, "last": self.last, "count": self.count,
        }


@dataclass(frozen=True)
class Contact:
    """Someone who appears in items with the person: how many, and the latest one's date."""

    name: str
    key: str
    count: int
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "key": self.key, "items": self.count, "last": self.last}


@dataclass(frozen=True)
class Dossier:
    """Everything the archive knows about one person (`Archive.dossier`)."""

    person: Person
    roles: tuple[RoleSpan, ...]
    """Newest last-use first."""
    by_year: tuple[tuple[int, int], ...]
    """(year, items), oldest year first, every year between the first and the last."""
    kinds: tuple[tuple[str, int], ...]
    """(kind, items) in `store.model.KINDS` order, kinds with no items left out."""
    met_with: tuple[Contact, ...]
    """Co-participants, most shared items first, then the most recent."""
    items: tuple[str, ...] = field(repr=False)
    """Item ids: speeches, statements and interviews newest first, then the rest newest first
    (the first `item_limit` of them when `Archive.dossier` was asked for fewer)."""
    item_count: int = 0
    """How many items they appear in (all of them, whatever `items` holds)."""
    undated: int = 0

    @property
    def name(self) -> str:
        return self.person.name

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every other way the archive writes the name (the shown name left out)."""
        return tuple(s for s in self.person.spellings if s != self.person.name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.person.name,
            "key": self.person.key,
            "spellings": list(self.spellings),
            "items": self.item_count,
            "roles": [r.to_dict() for r in self.roles],
            "by_year": {str(year): n for year, n in self.by_year},
            "undated": self.undated,
            "kinds": dict(self.kinds),
            "met_with": [c.to_dict() for c in self.met_with],
            "item_ids": list(self.items),
        }


def _ints(joined: str | int) -> np.ndarray:
    """The rowids of a `group_concat(item)` ("12,57,903"; a lone one comes back an int)."""
    if isinstance(joined, int):
        return np.array([joined], dtype=np.int64)
    return np.array(joined.split(","), dtype=np.int64)


def _dates(columns: Columns, rowids: np.ndarray) -> np.ndarray:
    """The date ordinal of each rowid; UNDATED for items newer than the columns."""
    dates = np.full(len(rowids), UNDATED, dtype=np.int64)
    inside = rowids < len(columns.date_ord)
    dates[inside] = columns.date_ord[rowids[inside]]
    return dates


def _iso(ordinal: int) -> str | None:
    return None if ordinal == UNDATED else dt.date.fromordinal(int(ordinal)).isoformat()


def build(
    conn: sqlite3.Connection, columns: Columns, person: Person, person_id: int,
    item_limit: int | None = None,
) -> Dossier:
    """The dossier of `person` (its row id in the people table is `person_id`), with the
    ids of their first `item_limit` items in dossier order (all when None)."""
    # One row per (role, organisation) with its items as one string: SQLite groups and
    # numpy parses, so a person in 300,000 items costs no Python loop over them.
    groups = conn.execute(
        "SELECT role, organisation, group_concat(item) FROM appearances WHERE person = ?"
        " GROUP BY role, organisation",
        (person_id,),
    ).fetchall()
    parts = [_ints(items) for _, _, items in groups]
    rowids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    dates = _dates(columns, rowids)
    kinds = np.zeros(len(rowids), dtype=np.int64)
    inside = rowids < len(columns.kind)
    kinds[inside] = columns.kind[rowids[inside]]
    dated = dates != UNDATED

    roles: list[RoleSpan] = []
    for (role, organisation, _), items in zip(groups, parts, strict=True):
        if not role and not organisation:
            continue
        when = _dates(columns, items)
        when = when[when != UNDATED]
        first, last = (_iso(int(when.min())), _iso(int(when.max()))) if len(when) else (None, None)
        roles.append(RoleSpan(role, organisation, first, last, len(items)))
    roles.sort(key=lambda r: (r.last or "", r.count), reverse=True)

    by_year: list[tuple[int, int]] = []
    if dated.any():
        # a count per distinct date, then summed per year: few thousand dates at most
        distinct, per_date = np.unique(dates[dated], return_counts=True)
        year_of = np.array([dt.date.fromordinal(int(o)).year for o in distinct])
        totals = {int(y): 0 for y in range(int(year_of.min()), int(year_of.max()) + 1)}
        for year, n in zip(year_of.tolist(), per_date.tolist(), strict=True):
            totals[year] += n
        by_year = sorted(totals.items())
    kind_counts = np.bincount(kinds, minlength=len(KINDS))
    kinds_out = tuple((KINDS[i], int(n)) for i, n in enumerate(kind_counts) if n)

    met_with = _met_with(conn, columns, person_id)

    # Items: own words first, each group newest first (undated last), by rowid on ties.
    own = np.isin(kinds, [KINDS.index(k) for k in OWN_WORDS])
    order = np.lexsort((-rowids, -np.where(dated, dates, -1), ~own))
    ordered = rowids[order][:item_limit]
    wanted = ordered.tolist()
    found = dict(select_in(conn, "SELECT rowid, id FROM items WHERE rowid IN ({ids})", wanted))
    ids: list[str] = [found[r] for r in wanted if r in found]
    return Dossier(
        person=person,
        roles=tuple(roles),
        by_year=tuple(by_year),
        kinds=kinds_out,
        met_with=met_with,
        items=tuple(ids),
        item_count=len(rowids),
        undated=int((~dated).sum()),
    )


def _met_with(conn: sqlite3.Connection, columns: Columns, person_id: int) -> tuple[Contact, ...]:
    """The people in the same items, most shared first; the last date from the columns."""
    # The pairs as one "person,item,person,item…" string: SQLite joins, numpy parses and
    # counts, no Python object per pair.
    (joined,) = conn.execute(
        "SELECT group_concat(b.person || ',' || b.item) FROM appearances a"
        " JOIN appearances b ON b.item = a.item WHERE a.person = ? AND b.person <> a.person",
        (person_id,),
    ).fetchone()
    if not joined:
        return ()
    pairs = np.array(joined.split(","), dtype=np.int64).reshape(-1, 2)
    dates = _dates(columns, pairs[:, 1])
    unique, inverse, counts = np.unique(pairs[:, 0], return_inverse=True, return_counts=True)
    last = np.full(len(unique), UNDATED, dtype=np.int64)
    np.maximum.at(last, inverse, dates)
    ranked = np.lexsort((-last, -counts))[:MET_WITH_LIMIT]
    chosen = unique[ranked].tolist()
    names = {
        pid: (name, key)
        for pid, name, key in select_in(
            conn, "SELECT id, name, key FROM people WHERE id IN ({ids})", chosen
        )
    }
    return tuple(
        Contact(names[pid][0], names[pid][1], int(counts[i]), _iso(int(last[i])))
        for pid, i in zip(chosen, ranked.tolist(), strict=True)
        if pid in names
    )
