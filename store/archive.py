"""The archive: one SQLite file of items and people, imported in single transactions."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from store import schema
from store.columns import Columns, date_bound
from store.errors import ArchiveError, InputError, UnknownItem
from store.model import KINDS, Hit, Item, Participant, Person, Span
from store.people import PeopleIndex
from store.pipeline import Prepared, prepared_items

PARAGRAPH_SEPARATOR = "\x1e"
"""Joins an item's paragraphs in the `body` column (ASCII record separator, never in text)."""

IMPORT_CACHE_KB = 128 * 1024
"""SQLite page cache while importing (the default, 2 MB, is restored after)."""

CHUNK = 2_000
"""Items written per batch during an import: big enough for executemany, small in memory."""
WAL_KEEP_BYTES = 64 * 2**20
"""What the WAL shrinks back to after a checkpoint (an import passes gigabytes through it)."""


@dataclass
class ImportReport:
    """What an import did: counts for the user, and the items themselves for `--dry-run`."""

    added: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"added {self.added}", f"already there {self.unchanged}"]
        if self.errors:
            parts.append(f"could not read {len(self.errors)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Row:
    """What the event list shows for an item, without loading its body."""

    rowid: int
    item_id: str
    date: str | None
    kind: str
    title: str
    people: str
    """Participant names joined with ", "."""


class Archive:
    """An archive file: import press items, list them by date, search, and read them.

    One connection, guarded by a lock, so the app may search from a worker thread while
    the list fetches rows on the event loop.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        from store.search import SearchIndex

        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.readonly = readonly
        self._index = SearchIndex(conn)
        self._people = PeopleIndex(conn)
        self.columns = Columns.load(conn)
        self._fresh = False

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Archive:
        """Open the archive at `path`, creating an empty one if it does not exist."""
        path = Path(path)
        try:
            if readonly:
                if not path.exists():
                    raise ArchiveError(f"{path}: no archive here")
                conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    check_same_thread=False,
                    isolation_level=None,
                )
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            if readonly:
                conn.execute("PRAGMA query_only=1")
            else:
                conn.execute("PRAGMA journal_mode=WAL")
                # An import's pages pass through the WAL; once checkpointed, it shrinks back
                # rather than keep a 1M-item archive's worth of disk beside the archive.
                conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")
            conn.execute("PRAGMA synchronous=NORMAL")
            schema.migrate(conn, readonly=readonly)
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{path}: not a pressroom archive ({error})") from None
        except OSError as error:
            raise ArchiveError(f"{path}: cannot open the archive ({error.strerror})") from None
        return cls(conn, path, readonly)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.columns)

    # -- importing -------------------------------------------------------------------------

    def import_file(self, path: str | Path, *, dry_run: bool = False) -> ImportReport:
        """Import one raw press text or `.jsonl` file; see `import_files`."""
        return self.import_files([Path(path)], dry_run=dry_run)

    def import_files(
        self,
        paths: Sequence[str | Path],
        *,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import files in one transaction: on any bad input nothing is written.

        Raises InputError naming the file and line. Items already in the archive (same
        id) are counted as unchanged, so importing a file twice adds nothing. `progress`
        hears how many items were read so far, every few thousand (a 1M-item import runs
        for minutes; the CLI shows it on a terminal).
        """
        report = ImportReport(files=[str(p) for p in paths])
        if dry_run:
            report.items = list(self.parse_files(paths))
            report.added = len(report.items)
            return report
        follow = self._index.writer.follow
        return self._import(prepared_items([Path(p) for p in paths], follow), report, progress)

    @staticmethod
    def parse_files(paths: Sequence[str | Path]) -> Iterator[Item]:
        """Parse files as an import would, touching no archive (`import --dry-run`)."""
        from store.sources import iter_items

        for path in paths:
            yield from iter_items(Path(path))

    def import_items(self, items: Iterable[Item]) -> ImportReport:
        """Import items built in Python (tests, other programs), in one transaction.

        They are stored printable (`Item.printable`), as the file importers store theirs.
        """
        return self._import(((item.printable(), None) for item in items), ImportReport())

    def _import(
        self,
        items: Iterator[Prepared],
        report: ImportReport,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        if self.readonly:
            raise ArchiveError(f"{self.path}: the archive is open read-only")
        # A big import inserts people's appearances all over their B-tree: with SQLite's
        # default 2 MB page cache a 1M-item import spends much of its time re-reading pages.
        self._conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
        try:
            with self._journal_for_import():
                return self._import_in_transaction(items, report, progress)
        finally:
            self._conn.execute("PRAGMA cache_size = -2000")

    @contextmanager
    def _journal_for_import(self) -> Iterator[None]:
        """The first import of an archive writes its pages once, not twice.

        In WAL mode every page goes to the WAL and is copied into the archive at the
        checkpoint: for a first import of 10^6 items that is 4 GB written twice and half a
        minute of checkpoint at COMMIT. Into an empty archive that nobody else has open, a
        rollback journal holds only the few pages that existed, and the new pages are
        written in place. Later imports stay in WAL mode, so sessions reading the archive
        keep reading while it grows; so does any import SQLite cannot switch (another
        connection is open).
        """
        empty = self._conn.execute("SELECT max(rowid) IS NULL FROM items").fetchone()[0]
        switched = False
        if empty:
            try:
                mode = self._conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
                switched = mode == "delete"
            except sqlite3.OperationalError:  # another connection holds the WAL open
                pass
        try:
            yield
        finally:
            if switched:
                self._conn.execute("PRAGMA journal_mode=WAL")

    def _import_in_transaction(
        self,
        items: Iterator[Prepared],
        report: ImportReport,
        progress: Callable[[int], None] | None,
    ) -> ImportReport:
        with self._lock, self._transaction():
            next_rowid = self._conn.execute(
                "SELECT coalesce(max(rowid), 0) + 1 FROM items"
            ).fetchone()[0]
            seen: set[str] = set()
            # Into an empty archive only ids within this import can repeat: skip the look-ups.
            self._fresh = next_rowid == 1
            self._people.begin_import()
            chunk: list[Prepared] = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    next_rowid = self._write_chunk(chunk, next_rowid, seen, report)
                    chunk = []
                    if progress is not None:
                        progress(report.added + report.unchanged)
            next_rowid = self._write_chunk(chunk, next_rowid, seen, report)
            if report.added:
                self._index.flush()
                self._people.finish_import()
                self.columns = Columns.build(self._conn)
                self.columns.save(self._conn)
        return report

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._index.discard()
            self._people.discard()
            self.columns = Columns.load(self._conn)
            raise
        else:
            self._conn.execute("COMMIT")

    def _write_chunk(
        self, chunk: list[Prepared], next_rowid: int, seen: set[str], report: ImportReport
    ) -> int:
        if not chunk:
            return next_rowid
        ids = [item.id for item, _ in chunk]
        existing: set[str] = set()
        for start in range(0, 0 if self._fresh else len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            query = f"SELECT id FROM items WHERE id IN ({marks})"
            existing.update(r[0] for r in self._conn.execute(query, part))
        rows = []
        for item, postings in chunk:
            if item.id in existing or item.id in seen:
                report.unchanged += 1
                continue
            seen.add(item.id)
            rowid = next_rowid
            next_rowid += 1
            rows.append(
                (
                    rowid,
                    item.id,
                    item.date,
                    item.kind,
                    item.title,
                    _stored_body(item.body),
                    _dumps([p.to_dict() for p in item.participants]),
                    ", ".join(p.name for p in item.participants),
                    _dumps(list(item.places)),
                    item.language,
                    item.source,
                )
            )
            self._index.add(rowid, item, postings)
            self._people.add(rowid, item)
        self._conn.executemany(
            "INSERT INTO items(rowid, id, date, kind, title, body, participants, people,"
            " places, language, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        report.added += len(rows)
        return next_rowid

    # -- reading ---------------------------------------------------------------------------

    def get(self, item_id: str) -> Item:
        """The item with this id; raises UnknownItem."""
        with self._lock:
            row = self._conn.execute(
                "SELECT id, date, kind, title, body, participants, places, language, source"
                " FROM items WHERE id = ?",
                (item_id,),
            ).fetchone()
        if row is None:
            raise UnknownItem(item_id)
        return _item_from_row(row)

    def get_by_rowid(self, rowid: int) -> Item:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, date, kind, title, body, participants, places, language, source"
                " FROM items WHERE rowid = ?",
                (int(rowid),),
            ).fetchone()
        if row is None:
            raise UnknownItem(f"#{rowid}")
        return _item_from_row(row)

    def rows(self, rowids: Sequence[int] | np.ndarray) -> list[Row]:
        """List rows for these rowids, in the order given (the event list's page fetch)."""
        wanted = [int(r) for r in rowids]
        found: dict[int, Row] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                for rowid, item_id, date, kind, title, people in self._conn.execute(
                    "SELECT rowid, id, date, kind, title, people FROM items"
                    f" WHERE rowid IN ({marks})",
                    part,
                ):
                    found[rowid] = Row(rowid, item_id, date, kind, title, people)
        return [found[r] for r in wanted if r in found]

    def rowids_of(self, item_ids: Iterable[str]) -> np.ndarray:
        """Sorted rowids of the given item ids (unknown ids are skipped)."""
        ids = list(item_ids)
        out: list[int] = []
        with self._lock:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ",".join("?" * len(part))
                out.extend(
                    r[0]
                    for r in self._conn.execute(
                        f"SELECT rowid FROM items WHERE id IN ({marks})", part
                    )
                )
        return np.array(sorted(out), dtype=np.int64)

    def order(
        self, kind: str | None = None, after: str | None = None, before: str | None = None
    ) -> np.ndarray:
        """Rowids newest first, filtered by kind and an inclusive date range.

        `after` / `before` take a year, a month or a day (`2024`, `2024-10`, `2024-10-31`).
        """
        if kind is not None and kind not in KINDS:
            raise InputError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        try:
            low = date_bound(after, upper=False) if after else None
            high = date_bound(before, upper=True) if before else None
        except ValueError as error:
            raise InputError(str(error)) from None
        return self.columns.filtered_order(kind, low, high)

    def ids(
        self, kind: str | None = None, after: str | None = None, before: str | None = None
    ) -> list[str]:
        """Item ids newest first (DESIGN.md's API); see `order` for the filters."""
        order = self.order(kind, after, before)
        out: list[str] = []
        for start in range(0, len(order), 5_000):
            out.extend(row.item_id for row in self.rows(order[start : start + 5_000]))
        return out

    # -- search and people -----------------------------------------------------------------

    def match(self, query: str, bookmarks: object | None = None):  # -> store.search.Matches
        """Every item matching `query`, ranked; what the event list shows while searching.

        `bookmarks` (a store.Bookmarks, or any iterable of item ids) serves `in:bookmarks`.
        """
        from store.query import parse_query

        parsed = parse_query(query)
        allowed = None
        if parsed.in_bookmarks:
            marked = bookmarks.ids() if hasattr(bookmarks, "ids") else (bookmarks or ())
            allowed = self.rowids_of(marked)
        with self._lock:
            for words in parsed.people:
                rowids = self._person_filter(" ".join(words))
                allowed = rowids if allowed is None else np.intersect1d(allowed, rowids)
            # `person:` is a filter on the people table (every spelling of that person), so
            # the index sees the rest of the query; a person alone lists items by date.
            return self._index.match(replace(parsed, people=()), self.columns, allowed=allowed)

    def _person_filter(self, name: str) -> np.ndarray:
        """Rowids of the items of the person(s) `name` best designates."""
        found = self._people.find(name, limit=50, with_items=False)
        if not found:
            return np.zeros(0, dtype=np.int64)
        best = found[0].score
        parts = [self._people.rowids(p.key) for p in found if p.score >= best]
        return np.unique(np.concatenate(parts))

    def search(self, query: str, limit: int = 50, bookmarks: object | None = None) -> list[Hit]:
        """The best `limit` items for `query`, with the spans where it matched."""
        from store.search import highlight

        matches = self.match(query, bookmarks)
        top = matches.rowids[: max(0, limit)]
        hits = []
        for rank, rowid in enumerate(top):
            item = self.get_by_rowid(int(rowid))
            spans: list[Span] = []
            if matches.terms:
                names = ", ".join(p.name for p in item.participants)
                for field_name, text in (
                    ("title", item.title),
                    ("participants", names),
                    ("body", "\n\n".join(item.body)),
                ):
                    spans.extend(
                        Span(field_name, start, end)
                        for start, end in highlight(text, matches.terms, matches.prefixes)
                    )
            hits.append(Hit(item.id, float(matches.scores[rank]), tuple(spans)))
        return hits

    def people(
        self, query: str = "", limit: int | None = None, *, with_items: bool = True
    ) -> list[Person]:
        """People whose name, in any spelling or script, matches `query` (all when empty).

        `with_items=False` leaves `item_ids` empty (counts stay in `count`): the People
        screen lists tens of thousands of people and fetches items only on Enter.
        """
        with self._lock:
            return self._people.find(query, limit, with_items=with_items)

    def person_rowids(self, key: str) -> np.ndarray:
        with self._lock:
            return self._people.rowids(key)

    def warm(self) -> None:
        """Load what search needs, so the first keystroke is as fast as the rest.

        At 1M items a first letter typed cold reads ~10 MB of postings (~100 ms); the
        letters are loaded here, most used first, one at a time under the lock, so a search
        the user starts meanwhile waits for one letter at most (~15 ms).
        """
        with self._lock:
            self._index.warm()
            self._people.warm()
            self._index.use(self.columns)
            letters = self._index.first_letters()
        for letter in letters:
            with self._lock:
                if not self._index.warm_prefix(letter):
                    break


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _stored_body(body: tuple[str, ...]) -> str:
    joined = PARAGRAPH_SEPARATOR.join(body)
    if joined.count(PARAGRAPH_SEPARATOR) == max(len(body) - 1, 0):
        return joined  # the usual case: no paragraph holds a separator of its own
    return PARAGRAPH_SEPARATOR.join(p.replace(PARAGRAPH_SEPARATOR, " ") for p in body)


def _item_from_row(row: tuple) -> Item:
    item_id, date, kind, title, body, participants, places, language, source = row
    return Item(
        id=item_id,
        date=date,
        kind=kind,
        title=title,
        body=tuple(body.split(PARAGRAPH_SEPARATOR)) if body else (),
        participants=tuple(Participant(**p) for p in json.loads(participants)),
        places=tuple(json.loads(places)),
        language=language,
        source=source,
    )

