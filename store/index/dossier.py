"""A person's dossier: spellings, roles over time, activity by year, who they met, their items.

"Who met Voitolovsky?" and "every speech by Tasmagambetov" are answered from the arrays
of every appearance (`store.index.appearances`) and the in-memory date and kind columns:
one pass picks the person's appearances, one gather finds who else appears in those
items. Only the ids of the items shown are read.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from store.index.appearances import Appearances
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


def _dates(columns: Columns, rowids: np.ndarray) -> np.ndarray:
    """The date ordinal of each rowid; UNDATED for items newer than the columns."""
    dates = np.full(len(rowids), UNDATED, dtype=np.int64)
    inside = rowids < len(columns.date_ord)
    dates[inside] = columns.date_ord[rowids[inside]]
    return dates


def _iso(ordinal: int) -> str | None:
    return None if ordinal == UNDATED else dt.date.fromordinal(int(ordinal)).isoformat()


def build(
    conn: sqlite3.Connection, columns: Columns, appearances: Appearances, person: Person,
    person_id: int, item_limit: int | None = None,
) -> Dossier:
    """The dossier of `person` (its row id in the people table is `person_id`), with the
    ids of their first `item_limit` items in dossier order (all when None)."""
    mine = appearances.of(person_id)
    rowids = appearances.item[mine].astype(np.int64)
    dates = _dates(columns, rowids)
    kinds = np.zeros(len(rowids), dtype=np.int64)
    inside = rowids < len(columns.kind)
    kinds[inside] = columns.kind[rowids[inside]]
    dated = dates != UNDATED

    roles = _roles(appearances.role[mine].astype(np.int64), dates, appearances.roles)

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

    met_with = _met_with(conn, columns, appearances, person_id, rowids)

    # Items: own words first, each group newest first (undated last), by rowid on ties:
    # one int64 key, and only the first `item_limit` of 300,000 put in order.
    own = np.isin(kinds, [KINDS.index(k) for k in OWN_WORDS])
    key = (
        (~own).astype(np.int64) << 52
        | ((1 << 21) - 1 - np.where(dated, dates, -1) - 1) << 31
        | ((1 << 31) - 1 - rowids)
    )
    if item_limit is not None and item_limit < len(key):
        first = np.argpartition(key, item_limit)[:item_limit]
        order = first[np.argsort(key[first], kind="stable")]
    else:
        order = np.argsort(key, kind="stable")
    wanted = rowids[order].tolist()
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


def _roles(
    codes: np.ndarray, dates: np.ndarray, names: tuple[tuple[str, str], ...]
) -> list[RoleSpan]:
    """Each (role, organisation) the person was given, with its first and last date and
    count, the most recently used first."""
    if not len(codes):
        return []
    counts = np.bincount(codes, minlength=len(names))
    first = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    last = np.full(len(names), UNDATED, dtype=np.int64)
    dated = dates != UNDATED
    np.minimum.at(first, codes[dated], dates[dated])
    np.maximum.at(last, codes[dated], dates[dated])
    roles = []
    for i in np.flatnonzero(counts).tolist():
        role, organisation = names[i]
        if not role and not organisation:
            continue
        span = (None, None) if last[i] == UNDATED else (_iso(int(first[i])), _iso(int(last[i])))
        roles.append(RoleSpan(role, organisation, span[0], span[1], int(counts[i])))
    roles.sort(key=lambda r: (r.last or "", r.count), reverse=True)
    return roles


def _met_with(
    conn: sqlite3.Connection, columns: Columns, appearances: Appearances, person_id: int,
    rowids: np.ndarray,
) -> tuple[Contact, ...]:
    """The people in the same items, most shared first; the last date from the columns."""
    if not len(rowids):
        return ()
    # Their items marked in one bool array; every appearance in a marked item by someone
    # else is one shared item with that someone: a gather and a bincount.
    marked = np.zeros(int(max(rowids.max(), appearances.item.max(initial=0))) + 1, dtype=bool)
    marked[rowids] = True
    shared = marked[appearances.item] & (appearances.person != person_id)
    others = appearances.person[shared].astype(np.int64)
    if not len(others):
        return ()
    dates = _dates(columns, appearances.item[shared])
    per_person = np.bincount(others)
    unique = np.flatnonzero(per_person)
    counts = per_person[unique]
    latest = np.full(len(per_person), UNDATED, dtype=np.int64)
    np.maximum.at(latest, others, dates)
    last = latest[unique]
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
