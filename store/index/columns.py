"""Per-item arrays (date, kind, date order) that filters, ranking and the event list share.

They live as BLOBs in the archive file, rebuilt at the end of each import, so opening a
1M-item archive loads them in milliseconds instead of reading a million rows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from store.model import KINDS

NO_ITEM_KIND = 255
"""`Columns.kind` value for a rowid that holds no item (deleted or never used)."""
UNDATED = -1
"""`Columns.date_ord` value for an item without a date; also for rowids without an item."""


@dataclass(frozen=True)
class Columns:
    """Arrays indexed by item rowid, plus the rowids in date order (newest first)."""

    date_ord: npt.NDArray[np.int32]
    """int32 `date.toordinal()` per rowid; UNDATED when the item has no date."""
    kind: npt.NDArray[np.uint8]
    """uint8 index into `store.model.KINDS` per rowid; NO_ITEM_KIND for unused rowids."""
    order: npt.NDArray[np.int64]
    """int64 rowids, newest first, undated items last (by rowid, newest import first)."""

    @classmethod
    def empty(cls) -> Columns:
        return cls(
            date_ord=np.full(1, UNDATED, dtype=np.int32),
            kind=np.full(1, NO_ITEM_KIND, dtype=np.uint8),
            order=np.zeros(0, dtype=np.int64),
        )

    @classmethod
    def build(cls, conn: sqlite3.Connection) -> Columns:
        """Read every item's date and kind once (at the end of an import)."""
        max_rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM items").fetchone()[0]
        date_ord = np.full(max_rowid + 1, UNDATED, dtype=np.int32)
        kind = np.full(max_rowid + 1, NO_ITEM_KIND, dtype=np.uint8)
        kind_index = {name: i for i, name in enumerate(KINDS)}
        ordinal_cache: dict[str, int] = {}
        cursor = conn.execute("SELECT rowid, date, kind FROM items")
        while rows := cursor.fetchmany(50_000):
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            kind[ids] = [kind_index.get(r[2], 0) for r in rows]
            ords = []
            for _, date, _kind in rows:
                if date is None:
                    ords.append(UNDATED)
                    continue
                value = ordinal_cache.get(date)
                if value is None:
                    value = ordinal_cache[date] = dt.date.fromisoformat(date).toordinal()
                ords.append(value)
            date_ord[ids] = ords
        present = np.flatnonzero(kind != NO_ITEM_KIND).astype(np.int64)
        order = present[np.lexsort((-present, -date_ord[present].astype(np.int64)))]
        return cls(date_ord=date_ord, kind=kind, order=order)

    def save(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO columns(name, data) VALUES (?, ?)",
            [
                ("date_ord", self.date_ord.tobytes()),
                ("kind", self.kind.tobytes()),
                ("order", self.order.tobytes()),
            ],
        )

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Columns:
        blobs = dict(conn.execute("SELECT name, data FROM columns"))
        if not {"date_ord", "kind", "order"} <= blobs.keys():
            return cls.empty()
        return cls(
            date_ord=np.frombuffer(blobs["date_ord"], dtype=np.int32),
            kind=np.frombuffer(blobs["kind"], dtype=np.uint8),
            order=np.frombuffer(blobs["order"], dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.order)

    def filtered_order(
        self, kind: str | None = None, after: str | None = None, before: str | None = None
    ) -> np.ndarray:
        """Rowids newest first, keeping only the kind and the (inclusive) date range given."""
        return self.order[self.keep(kind, after, before)]

    # -- positions --------------------------------------------------------------------------
    # A "position" is an item's index in `order`. Search gathers its scores into positions
    # once per query; filters, the matches found newest first, and their months all work
    # there in sequential passes, where going through rowids cost a random gather each.

    @cached_property
    def position(self) -> np.ndarray:
        """int32 index in `order` of each rowid; len(order) for rowids without an item,
        and one more such entry at the end, for `np.take(..., mode="clip")` to send rowids
        past the columns (items imported since they were built) to."""
        position = np.full(len(self.kind) + 1, len(self.order), dtype=np.int32)
        position[self.order] = np.arange(len(self.order), dtype=np.int32)
        return position

    @cached_property
    def _kind_in_order(self) -> np.ndarray:
        return self.kind[self.order]

    @cached_property
    def _date_in_order(self) -> np.ndarray:
        return self.date_ord[self.order]

    def keep(
        self, kind: str | None = None, after: str | None = None, before: str | None = None
    ) -> npt.NDArray[np.bool_]:
        """A bool per item of `order`: of this kind, inside the inclusive date range.

        The one place the `kind:`, `after:` and `before:` filters are applied, for the
        date-ordered list and for search alike. Undated items fall outside any `before`.
        """
        keep = np.ones(len(self.order), dtype=bool)
        if kind is not None:
            keep &= self._kind_in_order == KINDS.index(kind)
        if after is not None:
            keep &= self._date_in_order >= dt.date.fromisoformat(after).toordinal()
        if before is not None:
            ordinal = dt.date.fromisoformat(before).toordinal()
            keep &= (self._date_in_order <= ordinal) & (self._date_in_order != UNDATED)
        return keep

    @cached_property
    def month_in_order(self) -> npt.NDArray[np.int32]:
        """`months` of `order`: the month of each position, for counts by month of a result
        given by positions (`Matches.positions`) with a sequential gather."""
        return self.month_by_rowid[self.order]

    def months(self, rowids: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
        """Year*12 + month-1 of each rowid's date (-1 for undated): headings and sparklines."""
        return self.month_by_rowid[rowids]

    @cached_property
    def month_by_rowid(self) -> npt.NDArray[np.int32]:
        """Month key of every rowid, computed once: then each keystroke's listing is a gather."""
        ords = self.date_ord
        out = np.full(len(ords), -1, dtype=np.int32)
        dated = ords != UNDATED
        if dated.any():
            # datetime64 arithmetic: ordinal 1 is 0001-01-01, epoch day 0 is ordinal 719163
            days = (ords[dated].astype(np.int64) - 719163).astype("datetime64[D]")
            month = days.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
            out[dated] = month + 1970 * 12
        return out

