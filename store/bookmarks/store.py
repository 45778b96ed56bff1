"""Bookmarks: the items a user marked, with a note, tags and a reading position.

Kept in a TinyDB file through SafeJSONStorage, so a crash, a second session or a corrupt
file never costs a bookmark whose `add` had returned.
"""

from __future__ import annotations

import builtins
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from store.bookmarks import clippings as clip_records
from store.bookmarks import watchlists as watch_records
from store.bookmarks.bookmark import TABLE, Bookmark, record_problem
from store.bookmarks.clippings import Clipping, clipping_problem, has_tag, merge_tags
from store.bookmarks.export import ItemSource, bookmark_list
from store.bookmarks.repair import RepairReport, rebuild
from store.bookmarks.storage import REPAIR_HINT, SafeJSONStorage
from store.bookmarks.watchlists import Watchlist, doc_ids_named, watchlist_problem
from store.errors import BookmarksUnavailable
from store.text.printable import printable

__all__ = ["Bookmark", "Bookmarks", "RepairReport"]


class Bookmarks:
    """The bookmarks in one file, shared safely with other sessions.

    Every change takes the file lock and starts from the file as it is now, so a
    long-lived instance never writes back a stale view. Reads take no lock.
    """

    def __init__(self, storage: SafeJSONStorage) -> None:
        self._storage = storage
        self._db = TinyDB(storage=lambda: storage)
        self._table: Table = self._db.table(TABLE, cache_size=0)
        self._clips: Table = self._db.table(clip_records.TABLE, cache_size=0)
        self._watches: Table = self._db.table(watch_records.TABLE, cache_size=0)
        self._lock = threading.RLock()
        self._loads = -1
        self._index: dict[str, int] = {}
        """item_id -> TinyDB doc id, for the file version the storage holds."""
        self._duplicates: dict[str, list[int]] = {}
        """Further doc ids of an item_id that appears more than once (hand-edited files)."""
        self._max_id = 0
        self._checked: dict[str, int] = {}
        """Table name -> the storage load whose records were last checked for damage."""

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Bookmarks:
        """The bookmarks at `path`; a missing file is created on the first change.

        Raises BookmarksUnavailable when the file exists but cannot be read or parsed.
        """
        marks = cls(SafeJSONStorage(path))
        marks._records()
        return marks

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def read_only(self) -> bool:
        """The file can be read but not changed: every change raises BookmarksReadOnly."""
        return self._storage.read_only()

    @property
    def revision(self) -> tuple[int, int, int] | None:
        """Changes whenever any session changes the file; cheap (one stat)."""
        return self._storage.revision()

    # -- reading ---------------------------------------------------------------------------

    def get(self, item_id: str) -> Bookmark | None:
        with self._lock:
            records = self._records()
            doc_id = self._index.get(item_id)
            return None if doc_id is None else Bookmark.from_record(records[str(doc_id)])

    def list(self) -> list[Bookmark]:
        """Every bookmark, newest first.

        Below this method, `list` in an annotation of this class means the method, so
        signatures spell the type `builtins.list`.
        """
        with self._lock:
            records = self._records()
            order = sorted(
                self._index.values(),
                key=lambda doc_id: (records[str(doc_id)].get("created", ""), doc_id),
                reverse=True,
            )
            return [Bookmark.from_record(records[str(doc_id)]) for doc_id in order]

    def ids(self) -> set[str]:
        with self._lock:
            self._records()
            return set(self._index)

    def __len__(self) -> int:
        return len(self.ids())

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and self.get(item_id) is not None

    # -- changing --------------------------------------------------------------------------

    def add(self, item_id: str, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark an item; adding it again replaces its note and tags only.

        The note and tags are stored printable (`store.text.printable`), the note keeping its
        line breaks.
        """
        _check_item_id(item_id)
        if not isinstance(note, str):
            raise TypeError("note must be a string")
        note = printable(note, keep_newlines=True)
        tag_list = merge_tags(tags, note)  # "#brief" in the note tags it too
        with self._change() as records:
            doc_id = self._index.get(item_id)
            if doc_id is None:
                record = {
                    "item_id": item_id,
                    "note": note,
                    "tags": tag_list,
                    "created": _now(),
                    "position": 0,
                }
                doc_id = self._max_id + 1
                self._table.insert(Document(record, doc_id=doc_id))
                self._index[item_id] = doc_id
                self._max_id = doc_id
                return Bookmark.from_record(record)
            current = records[str(doc_id)]
            if current.get("note", "") != note or list(current.get("tags", [])) != tag_list:
                doc_ids = [doc_id, *self._duplicates.get(item_id, [])]
                self._table.update({"note": note, "tags": tag_list}, doc_ids=doc_ids)
            return Bookmark.from_record(self._records()[str(doc_id)])

    def restore(self, bookmark: Bookmark) -> bool:
        """Put a removed bookmark back exactly as it was: note, tags, created, position.

        Undo uses this, so the bookmark returns to its place in the list (which is by
        creation time) rather than coming back as new. An item bookmarked again since keeps
        that newer bookmark, and False is returned: undo never overwrites a note.
        """
        _check_item_id(bookmark.item_id)
        if not isinstance(bookmark.note, str) or not isinstance(bookmark.created, str):
            raise TypeError("note and created must be strings")
        position = bookmark.position
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise ValueError(f"a reading position is a whole number >= 0, not {position!r}")
        record = {
            "item_id": bookmark.item_id,
            "note": bookmark.note,
            "tags": merge_tags(bookmark.tags),
            "created": bookmark.created or _now(),
            "position": position,
        }
        with self._change():
            if bookmark.item_id in self._index:
                return False
            doc_id = self._max_id + 1
            self._table.insert(Document(record, doc_id=doc_id))
            self._index[bookmark.item_id] = doc_id
            self._max_id = doc_id
            return True

    def remove(self, item_id: str) -> bool:
        """Remove a bookmark; False when the item was not bookmarked."""
        with self._change():
            doc_id = self._index.pop(item_id, None)
            if doc_id is None:
                return False
            self._table.remove(doc_ids=[doc_id, *self._duplicates.pop(item_id, [])])
            return True

    def set_position(self, item_id: str, offset: int) -> None:
        """Remember where the reader stopped; nothing happens for an item not bookmarked."""
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValueError(f"a reading position is a whole number >= 0, not {offset!r}")
        with self._change() as records:
            doc_id = self._index.get(item_id)
            if doc_id is None or records[str(doc_id)].get("position", 0) == offset:
                return
            self._table.update({"position": offset}, doc_ids=[doc_id])

    def set_tags(self, item_id: str, tags: Iterable[str]) -> Bookmark | None:
        """Replace a bookmark's tags (the `t` key); None when the item is not bookmarked."""
        tag_list = merge_tags(tags)
        with self._change():
            doc_id = self._index.get(item_id)
            if doc_id is None:
                return None
            self._table.update({"tags": tag_list},
                               doc_ids=[doc_id, *self._duplicates.get(item_id, [])])
            return Bookmark.from_record(self._records()[str(doc_id)])

    # -- clippings -------------------------------------------------------------------------

    def clip(self, item_id: str, first: int, last: int, text: str, note: str = "",
             tags: Iterable[str] = ()) -> Clipping:
        """Keep paragraphs `first`..`last` (0-based, inclusive) of an item as they read now.

        Returns once the clipping is on disk, under the same lock and atomic replace as a
        bookmark; a clipping does not need (or make) a bookmark of its item.
        """
        _check_item_id(item_id)
        if not isinstance(text, str) or not isinstance(note, str):
            raise TypeError("a clipping's text and note are strings")
        if len(text) > clip_records.MAX_TEXT:
            raise ValueError(f"a clipping keeps at most {clip_records.MAX_TEXT:,} characters")
        record = {
            "id": clip_records.new_id(), "item_id": item_id, "paragraphs": [first, last],
            "text": text, "note": note, "tags": merge_tags(tags, note), "created": _now(),
        }
        problem = clipping_problem(record)
        if problem:
            raise ValueError(f"a clipping that {problem}")
        with self._change():
            table = self._clipping_records()
            doc_id = max(map(int, table), default=0) + 1
            self._clips.insert(Document(record, doc_id=doc_id))
        return Clipping.from_record(record)

    def clippings(
        self, tag: str | None = None, item_id: str | None = None
    ) -> builtins.list[Clipping]:
        """Clippings, newest first; only those tagged `tag` (any case) or of `item_id`."""
        with self._lock:
            found = [Clipping.from_record(r) for r in self._clipping_records().values()]
        if tag is not None:
            found = [c for c in found if c.has_tag(tag)]
        if item_id is not None:
            found = [c for c in found if c.item_id == item_id]
        found.sort(key=lambda c: c.created, reverse=True)
        return found

    def remove_clipping(self, clipping_id: str) -> bool:
        """Remove a clipping by its id; False when there is none."""
        with self._change():
            doc_ids = self._clipping_doc_ids(clipping_id)
            if not doc_ids:
                return False
            self._clips.remove(doc_ids=doc_ids)
            return True

    def set_clipping(self, clipping_id: str, *, note: str | None = None,
                     tags: Iterable[str] | None = None) -> Clipping | None:
        """Change a clipping's note and/or tags; None when there is no such clipping."""
        with self._change():
            doc_ids = self._clipping_doc_ids(clipping_id)
            if not doc_ids:
                return None
            current = self._clipping_records()[str(doc_ids[0])]
            fields: dict[str, Any] = {}
            if note is not None:
                fields["note"] = note
            if tags is not None or note is not None:
                base = current.get("tags", []) if tags is None else tags
                fields["tags"] = merge_tags(base, note or "")
            self._clips.update(fields, doc_ids=doc_ids)
            return Clipping.from_record(self._clipping_records()[str(doc_ids[0])])

    def restore_clipping(self, clipping: Clipping) -> bool:
        """Put back a clipping exactly as it was (undo, import); False if its id is there."""
        record = clipping.to_dict()
        problem = clipping_problem(record)
        if problem:
            raise ValueError(f"a clipping that {problem}")
        with self._change():
            table = self._clipping_records()
            if any(r.get("id") == clipping.id for r in table.values()):
                return False
            doc_id = max(map(int, table), default=0) + 1
            self._clips.insert(Document(record, doc_id=doc_id))
            return True

    def import_records(self, bookmarks: Iterable[dict[str, Any]],
                       clippings: Iterable[Clipping]) -> tuple[int, int]:
        """Add exported bookmarks and clippings as they were (created time, position and
        all), in one write; an item already bookmarked, or a clipping id already here,
        keeps what this file has. Returns how many bookmarks and clippings were added."""
        fresh: list[dict[str, Any]] = []
        for record in bookmarks:
            problem = record_problem(record)
            if problem:
                raise ValueError(f"a bookmark that {problem}")
            fresh.append({"item_id": record["item_id"], "note": record.get("note", ""),
                          "tags": merge_tags(record.get("tags", [])),
                          "created": record.get("created", "") or _now(),
                          "position": record.get("position", 0)})
        clips = list(clippings)
        with self._change():
            # one write for the whole import (TinyDB's insert writes the file each time)
            data = dict(self._storage.read() or {})
            marks = dict(data.get(TABLE, {}))
            table = dict(self._clipping_records())
            added_marks = added_clips = 0
            for record in fresh:
                if record["item_id"] in self._index:
                    continue
                self._max_id += 1
                marks[str(self._max_id)] = record
                self._index[record["item_id"]] = self._max_id
                added_marks += 1
            known = {r.get("id") for r in table.values()}
            next_id = max(map(int, table), default=0) + 1
            for clipping in clips:
                if clipping.id not in known:
                    table[str(next_id)] = clipping.to_dict()
                    known.add(clipping.id)
                    next_id += 1
                    added_clips += 1
            if added_marks or added_clips:
                data[TABLE], data[clip_records.TABLE] = marks, table
                self._storage.write(data)
                self._loads = -1  # the index is rebuilt from what was written
            return added_marks, added_clips

    def tags(self) -> builtins.list[str]:
        """Every tag on a bookmark or a clipping, sorted (any case counts once)."""
        with self._lock:
            seen = merge_tags(
                [t for mark in self.list() for t in mark.tags]
                + [t for c in self._clipping_records().values() for t in c.get("tags", [])]
            )
        return sorted(seen, key=str.casefold)

    def tagged(self, tag: str) -> set[str]:
        """Ids of items with a bookmark or a clipping tagged `tag`: `in:bookmarks tag:NAME`."""
        ids = {mark.item_id for mark in self.list() if has_tag(mark.tags, tag)}
        return ids | {c.item_id for c in self.clippings(tag=tag)}

    # -- watchlists ------------------------------------------------------------------------

    def watch(self, name: str, query: str, seen_until: int = 0) -> Watchlist:
        """Save `query` as the watchlist `name` (store.bookmarks.watchlists), new to the user
        from rowid `seen_until` on (0: every match is new). Watching under a name that is
        there already (any case) changes its query and keeps how far it was seen."""
        record = watch_records.new_record(name, query, seen_until)
        with self._change():
            table = self._watchlist_records()
            doc_ids = doc_ids_named(table, record["name"])
            if doc_ids:
                self._watches.update({"name": record["name"], "query": record["query"]},
                                     doc_ids=doc_ids)
                return Watchlist.from_record(self._watchlist_records()[str(doc_ids[0])])
            doc_id = max(map(int, table), default=0) + 1
            self._watches.insert(Document(record, doc_id=doc_id))
        return Watchlist.from_record(record)

    def watchlists(self) -> builtins.list[Watchlist]:
        """Every watchlist, by name."""
        with self._lock:
            return watch_records.in_order(self._watchlist_records().values())

    def watchlist(self, name: str) -> Watchlist | None:
        """The watchlist called `name` (any case), or None."""
        return next((w for w in self.watchlists() if watch_records.same_name(w.name, name)),
                    None)

    def unwatch(self, name: str) -> bool:
        """Remove the watchlist `name`; False when there is none."""
        with self._change():
            doc_ids = doc_ids_named(self._watchlist_records(), name)
            if not doc_ids:
                return False
            self._watches.remove(doc_ids=doc_ids)
            return True

    def mark_seen(self, name: str, seen_until: int) -> Watchlist | None:
        """Remember that the user has seen the watchlist `name` up to rowid `seen_until`
        (`watchlists.seen_marker`); None when there is no such watchlist."""
        if isinstance(seen_until, bool) or not isinstance(seen_until, int) or seen_until < 0:
            raise ValueError(f"seen_until is a whole number >= 0, not {seen_until!r}")
        with self._change():
            table = self._watchlist_records()
            doc_ids = doc_ids_named(table, name)
            if not doc_ids:
                return None
            if table[str(doc_ids[0])].get("seen_until", 0) != seen_until:
                self._watches.update({"seen_until": seen_until}, doc_ids=doc_ids)
            return Watchlist.from_record(self._watchlist_records()[str(doc_ids[0])])

    # -- export and repair -----------------------------------------------------------------

    def export(self, fmt: str, archive: ItemSource | None = None) -> str:
        """The bookmarks, newest first, as Markdown for a report or as a JSON list
        (`store.bookmarks.export.bookmark_list`)."""
        return bookmark_list(self, fmt, archive)

    @classmethod
    def repair(cls, path: str | os.PathLike[str]) -> RepairReport:
        """Move an unusable file aside (timestamped name) and write one with every readable
        bookmark in it (`store.bookmarks.repair`). A file that opens fine is left alone.
        """
        storage = SafeJSONStorage(path)
        with storage.transaction():
            try:
                marks = cls(storage)
                return RepairReport(storage.path, "", None, len(marks._records()))
            except BookmarksUnavailable as error:
                unusable = str(error)
            return rebuild(storage, unusable)

    # -- internals -------------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[dict[str, dict[str, Any]]]:
        """A whole read-modify-write: the lock, the latest file, and our index of it."""
        with self._lock:
            try:
                with self._storage.transaction():
                    yield self._records()
            except BaseException:
                self._loads = -1  # the index may be half-updated: rebuild from the file
                raise

    def _records(self) -> dict[str, dict[str, Any]]:
        """The bookmarks table as the file has it now, with the index rebuilt if it changed."""
        data = self._storage.read()
        if self._storage.loads != self._loads:
            self._rebuild_index((data or {}).get(TABLE, {}))
            self._loads = self._storage.loads
        return (data or {}).get(TABLE, {})

    def _clipping_records(self) -> dict[str, dict[str, Any]]:
        """The clippings table as the file has it now (see `_checked_table`)."""
        return self._checked_table(clip_records.TABLE, "clipping", clipping_problem)

    def _watchlist_records(self) -> dict[str, dict[str, Any]]:
        """The watchlists table as the file has it now (see `_checked_table`)."""
        return self._checked_table(watch_records.TABLE, "watchlist", watchlist_problem)

    def _checked_table(
        self, name: str, kind: str, problem_of: Callable[[Any], str | None]
    ) -> dict[str, dict[str, Any]]:
        """The table `name` as the file has it now; a damaged record makes the file
        unavailable (as a damaged bookmark does), so it is never written over. Each table
        is checked once per read of the file."""
        self._records()
        table: dict[str, dict[str, Any]] = (self._storage.read() or {}).get(name, {})
        if self._checked.get(name) != self._storage.loads:
            for key, record in table.items():
                problem = problem_of(record)
                if problem:
                    self._storage.forget()
                    raise BookmarksUnavailable(
                        f"{self.path}: {kind} {key} {problem}; {REPAIR_HINT}"
                    )
            self._checked[name] = self._storage.loads
        return table

    def _clipping_doc_ids(self, clipping_id: str) -> builtins.list[int]:
        return [int(key) for key, record in self._clipping_records().items()
                if record.get("id") == clipping_id]

    def _rebuild_index(self, records: dict[str, dict[str, Any]]) -> None:
        index: dict[str, int] = {}
        duplicates: dict[str, list[int]] = {}
        max_id = 0
        for key, record in records.items():
            problem = record_problem(record)
            if problem:
                self._storage.forget()
                raise BookmarksUnavailable(
                    f"{self.path}: bookmark {key} {problem}; {REPAIR_HINT}"
                )
            doc_id = int(key)
            max_id = max(max_id, doc_id)
            item_id = record["item_id"]
            if item_id in index:
                duplicates.setdefault(item_id, []).append(doc_id)
            else:
                index[item_id] = doc_id
        self._index, self._duplicates, self._max_id = index, duplicates, max_id


def _check_item_id(item_id: object) -> None:
    if not isinstance(item_id, str) or not item_id.strip():
        raise ValueError("an item id is a non-empty string")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
