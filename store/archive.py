"""The archive: one SQLite file of items and people, imported in single transactions."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from store import archive_file, revisions, schema
from store.errors import (
    ArchiveError,
    ArchiveMissing,
    InputError,
    UnknownItem,
    UnknownPerson,
)
from store.index import mapped
from store.index.appearances import Appearances
from store.index.columns import Columns
from store.index.dossier import Dossier
from store.index.mapped import (
    IndexUnavailable,
    MappedIndex,
    archive_identity,
    index_path,
    new_stamp,
    open_index,
)
from store.index.mentions import PersonCount, oldest_first, people_named
from store.index.people import PeopleIndex
from store.ingest.collector import fewer_collections
from store.ingest.pipeline import Prepared, prepared_items
from store.limits import check_item
from store.model import KINDS, Hit, Item, Participant, Person, Span
from store.revisions import Revision
from store.routes import Routes, same_day_rowids
from store.routes import sources as routes_sources
from store.sql import select_in, transaction
from store.text.dates import date_bound
from store.text.filing import filed_name
from store.text.names import name_words

if TYPE_CHECKING:
    # for annotations only: search is imported where it is used (see Archive.__init__)
    from store.index.search import Matches

PARAGRAPH_SEPARATOR = "\x1e"
"""Joins an item's paragraphs in the `body` column (ASCII record separator, never in text)."""

IMPORT_CACHE_KB = 128 * 1024
"""SQLite page cache while importing (the default, 2 MB, is restored after)."""

CHUNK = 2_000
"""Items written per batch during an import: big enough for executemany, small in memory."""
WAL_KEEP_BYTES = 64 * 2**20
"""What the WAL shrinks back to after a checkpoint (an import passes gigabytes through it)."""


ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"
"""What an import does with an item (`decide`): a new id; a known id with other content,
which replaces it and keeps the earlier content as a revision; the same content again."""


@dataclass
class ImportReport:
    """What an import did: counts for the user, and the items themselves for `--dry-run`."""

    added: int = 0
    unchanged: int = 0
    skipped: int = 0
    """Files of the folders imported that were not web pages (a mirror's images, scripts)."""
    errors: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    updated: int = 0
    """Items whose id was known with other content: replaced, the earlier kept as revision."""
    merged: int = 0
    """Of `unchanged`: items already there by another route (a dump's item and its web page,
    `store.routes`), filed as a second source of that item."""

    def count(self, verdict: str) -> None:
        if verdict == ADDED:
            self.added += 1
        elif verdict == UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1

    def summary(self) -> str:
        there = f"already there {self.unchanged}"
        if self.merged:
            there += f" ({self.merged} by another route)"
        parts = [f"added {self.added}", f"updated {self.updated}", there]
        if self.errors:
            parts.append(f"could not read {len(self.errors)}")
        if self.skipped:
            parts.append(f"skipped {self.skipped} files that are not web pages")
        return ", ".join(parts)


Content = tuple[str | None, str, str, str, str, str, str]
"""An item as the `items` table stores what it says: date, kind, title, body, participants,
places, language (`content_of`). Not its source: the same release saved under another file
name is not a correction."""

_CONTENT_COLUMNS = "date, kind, title, body, participants, places, language"

_ItemRow = tuple[int, str, str | None, str, str, str, str, str, str, str, str]
"""A new row of `items`: rowid, id, date, kind, title, body, participants, people, places,
language, source (`Archive._insert`)."""


@runtime_checkable
class MarkedItems(Protocol):
    """What `in:bookmarks` and `tag:` ask of a user's bookmarks (a `store.Bookmarks`)."""

    def ids(self) -> set[str]: ...

    def tagged(self, tag: str) -> set[str]: ...


Marked = MarkedItems | Iterable[str]
"""The bookmarks a query's `in:bookmarks` means: a user's bookmarks, or the item ids alone."""


def content_of(item: Item) -> Content:
    return (
        item.date,
        item.kind,
        item.title,
        _stored_body(item.body),
        f"[{','.join(map(_participant_json, item.participants))}]",
        _dumps(list(item.places)),
        item.language,
    )


def _same(before: Content | int, content: Content) -> bool:
    if isinstance(before, int):  # a dry run's fingerprint of what it planned to store
        return before == hash(content)
    if before == content:
        return True
    # Older versions wrote JSON with other spacing: compare what it says, not its bytes.
    return (
        before[:4] == content[:4]
        and before[6] == content[6]
        and json.loads(before[4]) == json.loads(content[4])
        and json.loads(before[5]) == json.loads(content[5])
    )


def decide(
    items: Sequence[Item], known: dict[str, Content | int]
) -> list[tuple[str, Content]]:
    """What importing `items` does with each: ADDED, UPDATED or UNCHANGED, and its content.

    `known` holds the content stored under each id of `items` that the archive (or this
    import, earlier) already has; it is updated as the items are decided, so an id repeated
    within `items` is decided against its version just before. The one decision `import`
    and `import --dry-run` share (`Archive._write_chunk`, `plan_items`).
    """
    out = []
    for item in items:
        content = content_of(item)
        before = known.get(item.id)
        if before is None:
            verdict = ADDED
        elif _same(before, content):
            verdict = UNCHANGED
        else:
            verdict = UPDATED
        if verdict != UNCHANGED:
            known[item.id] = content
        out.append((verdict, content))
    return out


def plan_items(
    items: Iterable[Item], archive: Archive | None = None, report: ImportReport | None = None
) -> Iterator[tuple[Item, str]]:
    """Each item with what importing `items` into `archive` (None: a new archive) would do
    with it, touching nothing: `import --dry-run`. Items stream through; what the plan keeps
    of each is a fingerprint, so a dry run of a million items needs no gigabytes. Items
    that are a second route to an item (`store.routes`) are planned as the import files
    them, and counted in `report.merged`."""
    planned: dict[str, int] = {}
    chunk: list[Item] = []
    routes = (
        archive._routes(write=False) if archive is not None
        else Routes.load(None, content_of, lambda ids: {}, lambda date: [], write=False)
    )

    def decided(chunk: list[Item]) -> Iterator[tuple[Item, str]]:
        known: dict[str, Content | int] = {}
        if archive is not None:
            wanted = [item.id for item in chunk if item.id not in planned]
            known.update((i, c) for i, (_, c) in archive._stored_contents(wanted).items())
        known.update((item.id, planned[item.id]) for item in chunk if item.id in planned)
        routed: list[Item] = []
        there: set[int] = set()
        for item in chunk:
            new, already = routes.resolve(item, item.id in known)
            if already:
                there.add(len(routed))
            elif new.id != item.id and new.id not in known and archive is not None:
                known.update(
                    (i, c) for i, (_, c) in archive._stored_contents([new.id]).items()
                )
            routed.append(new)
        decisions = decide([item for i, item in enumerate(routed) if i not in there], known)
        verdicts = iter(decisions)
        for i, (item, new) in enumerate(zip(chunk, routed, strict=True)):
            if i in there:
                yield item, UNCHANGED
                continue
            verdict, content = next(verdicts)
            if verdict != UNCHANGED:
                planned[new.id] = hash(content)
            yield item, verdict
        routes.forget_chunk()
        if report is not None:
            report.merged = routes.merged

    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield from decided(chunk)
            chunk = []
    yield from decided(chunk)


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
        from store.index.search import SearchIndex

        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.readonly = readonly
        self._index = SearchIndex(conn)
        self._people = PeopleIndex(conn)
        self._fresh = False
        self._import_start: int | None = None
        """The first rowid the running import writes (None between imports)."""
        self._appearances: Appearances | None = None
        """Loaded by the first dossier (`store.index.appearances`)."""
        self._mapped: MappedIndex | None = None
        self._pending_index: Path | None = None
        """The index file an import wrote, put in place once its transaction committed."""
        self.index_notice: str | None = None
        """Why this archive searches from memory instead of its index file (None: it maps
        the file, or has nothing to index): the one line a command or the app shows."""
        self.columns = Columns.empty()
        self._attach_index()

    def _attach_index(self) -> None:
        """Map the index file beside the archive when it matches the archive as it is now
        (`store.index.mapped`); otherwise read the columns from the archive's tables and
        let search build what it needs in this process's memory."""
        target = index_path(self.path)
        found: MappedIndex | None = None
        problem = ""
        for _ in range(2):  # an import may have committed between the two reads: once more
            try:
                found = open_index(target, *archive_identity(self._conn))
                break
            except IndexUnavailable as error:
                problem = str(error)
        self._mapped = found
        self._appearances = None
        if found is None:
            self.columns = Columns.load(self._conn)
            self.index_notice = problem if len(self.columns) else None
        else:
            self.columns = found.columns
            self.index_notice = None
        self._index.attach(found)
        self._people.attach(None if found is None else found.people)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, create: bool = True) -> Archive:
        """Open the archive at `path`; without `readonly`, create an empty one if missing.

        `readonly` never writes the file, so a user who may only read the archive and its
        folder can open it (how, and when it is a snapshot: store.archive_file). An
        archive of an older layout is then read as it is; a writable open upgrades it.
        `create=False` refuses a missing path (ArchiveMissing), as every command but
        `import` does, so a mistyped path never becomes a new archive. Opening to write
        an archive this user may not write raises ArchiveReadOnly.
        """
        path = Path(path)
        create = create and not readonly
        if create and not os.path.lexists(path):
            header = b""
        else:
            header = archive_file.examine(path, empty_ok=create)
        if not readonly:
            archive_file.check_writable(path)
        try:
            conn = cls._connect(path, header, readonly)
            try:
                if not create and schema.is_blank(conn):
                    raise ArchiveMissing(str(path), "an empty SQLite file")
                schema.migrate(conn, readonly=readonly)
                return cls(conn, path, readonly)
            except BaseException:
                conn.close()
                raise
        except ArchiveMissing:
            raise
        except ArchiveError as error:  # from migrate, which does not know the path
            raise ArchiveError(f"{path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{path} is damaged or not a pressroom archive ({error})") from None
        except OSError as error:
            raise ArchiveError(f"{path}: cannot open the archive ({error.strerror})") from None

    @staticmethod
    def can_write(path: str | Path) -> bool:
        """Whether this user may write the archive at `path` (import into it, upgrade it)."""
        return archive_file.can_write(Path(path))

    @staticmethod
    def _connect(path: Path, header: bytes, readonly: bool) -> sqlite3.Connection:
        if readonly:
            conn = sqlite3.connect(
                archive_file.reader_uri(path, header),
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
            conn.execute("PRAGMA query_only=1")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            # Readers keep reading while an import writes; `close` leaves WAL mode again.
            conn.execute("PRAGMA journal_mode=WAL")
            # An import's pages pass through the WAL; once checkpointed, it shrinks back
            # rather than keep a 1M-item archive's worth of disk beside the archive.
            conn.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def close(self) -> None:
        with self._lock:
            if not self.readonly:
                self._leave_wal()
            self._conn.close()

    def _leave_wal(self) -> None:
        """Leave the archive out of WAL mode at rest, so users who may only read it (and
        not write its folder, where SQLite would put the `-shm`) can open it.

        Only the last connection can: while others have the archive open the switch fails
        at once ("database is locked"), and the `-wal` and `-shm` they hold stay beside
        it, readable by its readers (store.archive_file).
        """
        try:
            self._conn.execute("PRAGMA busy_timeout = 0")
            self._conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error:  # locked by another connection, or closed already
            pass

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.columns)

    @property
    def last_rowid(self) -> int:
        """The highest rowid this archive object knows (0 when empty).

        Imports hand out rowids above the highest there is, an updated item's new content
        included, and never reuse one: "rowid > last_rowid" is what arrived since (the
        refresh notice, watchlists' `seen_until`), whatever dates the new items carry.
        """
        return len(self.columns.kind) - 1

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

        Raises InputError naming the file and line. An item whose id is known is
        unchanged if its content is the same (so importing a file twice adds nothing), and
        updated if not: the new content replaces it and the earlier is kept as a revision
        (see `decide`). `dry_run` decides the same way and writes nothing. `progress`
        hears how many items were read so far, every few thousand (a 1M-item import runs
        for minutes; the CLI shows it on a terminal).
        """
        report = ImportReport(files=[str(p) for p in paths])
        if dry_run:
            for item, verdict in plan_items(self.parse_files(paths), self, report):
                report.items.append(item)
                report.count(verdict)
            return report
        follow = self._index.writer.follow
        return self._import(prepared_items([Path(p) for p in paths], follow), report, progress)

    def import_paths(
        self,
        paths: Sequence[str | Path],
        *,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import files and folders (saved pages, site mirrors); see `import_files` and
        `store.ingest.inputs.input_files`."""
        from store.ingest.inputs import input_files

        inputs = input_files(paths)
        report = self.import_files(inputs.files, dry_run=dry_run, progress=progress)
        report.skipped = inputs.skipped
        return report

    @staticmethod
    def parse_files(paths: Sequence[str | Path]) -> Iterator[Item]:
        """Parse files as an import would, touching no archive (`import --dry-run`)."""
        from store.ingest.sources import iter_items

        for path in paths:
            yield from iter_items(Path(path))

    def import_items(self, items: Iterable[Item]) -> ImportReport:
        """Import items built in Python (tests, other programs), in one transaction.

        The same rules as a file's items: limits (`store.limits`), and an item whose id
        is known with other content updates it, keeping a revision. This is the store
        function any importer (the web's too) hands its items to.
        They are stored printable (`Item.printable`), as the file importers store theirs.
        """
        return self._import(((_checked(item).printable(), None) for item in items), ImportReport())

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
            with self._journal_for_import(), fewer_collections():
                self._import_in_transaction(items, report, progress)
            if self._mapped is None and len(self.columns):
                # nothing changed, but the index file is missing, stale or damaged: the
                # writer puts it right, so sessions stop searching from memory
                self.write_index()
            return report
        except sqlite3.Error as error:
            # Rolled back: the archive is as it was. A full disk, a file made read-only
            # meanwhile: one line for the user, not a traceback.
            raise ArchiveError(f"{self.path}: cannot write the archive ({error})") from None
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
            self._index.catch_up(PARAGRAPH_SEPARATOR)
            seen: set[str] = set()
            # Into an empty archive only ids within this import can repeat: skip the look-ups.
            self._fresh = next_rowid == 1
            self._people.begin_import()
            self._import_start = next_rowid
            routes = self._routes(write=True)
            replaced_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            chunk: list[Prepared] = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    next_rowid = self._write_chunk(
                        chunk, next_rowid, seen, report, replaced_at, routes
                    )
                    chunk = []
                    if progress is not None:
                        progress(report.added + report.updated + report.unchanged)
            next_rowid = self._write_chunk(chunk, next_rowid, seen, report, replaced_at, routes)
            report.merged = routes.merged
            self._import_start = None
            if report.added or report.updated:
                self._index.flush()
                self._people.finish_import()
                self.columns = Columns.build(self._conn)
                self.columns.save(self._conn)
                self._appearances = Appearances.build(self._conn)
                self._appearances.save(self._conn)
                self._pending_index = self._write_index_file(self.columns, self._appearances)
        with self._lock:
            self._install_index()
        return report

    def _write_index_file(self, columns: Columns, appearances: Appearances) -> Path | None:
        """Stamp the archive (in the transaction) and write its index file to a temporary
        name; a file that cannot be written leaves sessions searching from memory."""
        stamp = new_stamp(self._conn)
        try:
            return mapped.write(self._conn, index_path(self.path), stamp, columns, appearances)
        except OSError as error:
            self.index_notice = (
                f"cannot write {index_path(self.path)} ({error.strerror or error});"
                " sessions search from memory until an import can"
            )
            return None

    def _install_index(self) -> None:
        """After COMMIT: the index file written for this import replaces the old one, and
        this archive maps it."""
        temporary, self._pending_index = self._pending_index, None
        if temporary is None:
            return
        try:
            mapped.install(temporary, index_path(self.path))
        except OSError as error:
            mapped.discard(temporary)
            self.index_notice = f"cannot write {index_path(self.path)} ({error.strerror})"
            return
        self._attach_index()

    def phrases_pending(self) -> bool:
        """Whether items lack word positions for exact phrases (an archive made before them,
        or grown by an older pressroom): `write_index` and the next import file them."""
        from store.index import phrases

        with self._lock:
            return phrases.covered_through(self._conn) < self.last_rowid

    def write_index(self) -> None:
        """Write the index file from the archive's tables: for an archive written before
        index files, or whose file was lost or damaged (an import writes it anyway)."""
        if self.readonly:
            raise ArchiveError(f"{self.path}: the archive is open read-only")
        try:
            with self._lock:
                with transaction(self._conn):
                    # an archive from before positions gets them here too: phrase queries
                    # would otherwise read the text of every candidate (minutes at 10^6)
                    self._index.catch_up(PARAGRAPH_SEPARATOR)
                    self._pending_index = self._write_index_file(
                        Columns.build(self._conn), Appearances.load(self._conn)
                    )
                self._install_index()
        except sqlite3.Error as error:
            raise ArchiveError(f"{self.path}: cannot write the archive ({error})") from None
        except BaseException:
            if self._pending_index is not None:
                mapped.discard(self._pending_index)
                self._pending_index = None
            raise

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._index.discard()
            self._people.discard()
            if self._pending_index is not None:
                mapped.discard(self._pending_index)
                self._pending_index = None
            self._attach_index()
            raise
        else:
            self._conn.execute("COMMIT")

    def _write_chunk(
        self,
        chunk: list[Prepared],
        next_rowid: int,
        seen: set[str],
        report: ImportReport,
        replaced_at: str,
        routes: Routes,
    ) -> int:
        if not chunk:
            return next_rowid
        ids = [item.id for item, _ in chunk]
        # Into an empty archive, only an id seen earlier in this import can be known.
        stored = self._stored_contents([i for i in ids if i in seen] if self._fresh else ids)
        routed: list[Prepared] = []
        for item, postings in chunk:
            new, already = routes.resolve(item, item.id in stored)
            if already:
                report.count(UNCHANGED)
                continue
            if new.id != item.id and new.id not in stored:
                stored.update(self._stored_contents([new.id]))
            routed.append((new, postings))
        chunk = routed
        rowid_of = {item_id: rowid for item_id, (rowid, _) in stored.items()}
        known: dict[str, Content | int] = {i: content for i, (_, content) in stored.items()}
        decisions = decide([item for item, _ in chunk], known)
        # the items to file that the reader process did not fold: folded here as one batch
        folded = iter(self._index.fold([
            item for (item, postings), (verdict, _) in zip(chunk, decisions, strict=True)
            if postings is None and verdict != UNCHANGED
        ]))
        rows: list[_ItemRow] = []
        unwritten: set[str] = set()
        """Ids of `rows`, not yet inserted: an update of one of them inserts them first."""
        for (item, postings), (verdict, content) in zip(chunk, decisions, strict=True):
            report.count(verdict)
            if verdict == UNCHANGED:
                continue
            if verdict == UPDATED:
                if item.id in unwritten:
                    self._insert(rows)
                    rows, unwritten = [], set()
                self._replace(rowid_of[item.id], replaced_at)
            seen.add(item.id)
            rowid = next_rowid
            next_rowid += 1
            rowid_of[item.id] = rowid
            unwritten.add(item.id)
            date, kind, title, body, participants, places, language = content
            # the list shows people as People files them ("Виктор Хренин"), whatever case
            # the text wrote them in ("с Виктором Хрениным")
            people = ", ".join(filed_name(p) for p in item.participants)
            rows.append(
                (rowid, item.id, date, kind, title, body, participants, people, places,
                 language, item.source)
            )
            self._index.add(rowid, item, next(folded) if postings is None else postings)
            self._people.add(rowid, item)
        self._insert(rows)
        routes.forget_chunk()
        return next_rowid

    def _insert(self, rows: list[_ItemRow]) -> None:
        self._conn.executemany(
            "INSERT INTO items(rowid, id, date, kind, title, body, participants, people,"
            " places, language, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def _replace(self, rowid: int, replaced_at: str) -> None:
        """Take out the item at `rowid`, which the item being imported replaces: its content
        is kept as a revision, and it leaves the index and its people's records.

        The new content gets a new rowid (the caller's): posting lists are append-only
        and sorted by rowid, and the old rowid, holding no item, is never ranked again,
        so the old text's words stop finding the item without rewriting any posting list.
        The id stays, so bookmarks keep pointing at the item.
        """
        old = self.get_by_rowid(rowid)
        revisions.keep(self._conn, rowid, replaced_at)
        self._index.retract(old)
        self._people.remove(rowid, old)
        self._conn.execute("DELETE FROM items WHERE rowid = ?", (rowid,))

    def _stored_contents(self, ids: Sequence[str]) -> dict[str, tuple[int, Content]]:
        """Rowid and stored content (see `content_of`) of those of `ids` the archive has."""
        found: dict[str, tuple[int, Content]] = {}
        sql = f"SELECT rowid, id, {_CONTENT_COLUMNS} FROM items WHERE id IN ({{ids}})"
        with self._lock:
            for rowid, item_id, *content in select_in(self._conn, sql, ids):
                found[item_id] = (rowid, tuple(content))
        return found

    def _routes(self, *, write: bool) -> Routes:
        """The routes an import (or a dry run) files items by (`store.routes`)."""

        def stored(ids: Sequence[str]) -> dict[str, tuple[object, str]]:
            found = self._stored_contents(ids)
            with self._lock:
                source = dict(select_in(
                    self._conn, "SELECT id, source FROM items WHERE id IN ({ids})", list(found)
                ))
            return {i: (content, source.get(i, "")) for i, (_, content) in found.items()}

        def same_day(date: str) -> list[tuple[str, str]]:
            committed = [int(r) for r in same_day_rowids(self.columns.date_ord, date)]
            with self._lock:
                rows: list[tuple[str, str]] = []
                if self._import_start is not None:  # this import's items, not in the columns
                    rows.extend(self._conn.execute(
                        "SELECT id, title FROM items WHERE rowid >= ? AND date = ?",
                        (self._import_start, date),
                    ))
                rows.extend(select_in(
                    self._conn, "SELECT id, title FROM items WHERE rowid IN ({ids})", committed
                ))
            return rows

        return Routes.load(self._conn, content_of, stored, same_day, write=write)

    def sources(self, item_id: str) -> list[str]:
        """Where the item came from: its own source, then any other route's (a dump's item
        that was also fetched from the web has both). Raises UnknownItem."""
        own = self.get(item_id).source
        with self._lock:
            return routes_sources(self._conn, item_id, own)

    # -- reading ---------------------------------------------------------------------------

    def revisions(self, item_id: str) -> list[Revision]:
        """Earlier contents of an item, oldest first (empty if it never changed)."""
        with self._lock:
            return revisions.load(self._conn, item_id, PARAGRAPH_SEPARATOR)

    def changed_on(self, item_id: str) -> str | None:
        """The day (`YYYY-MM-DD`) an import last replaced this item's content, or None."""
        with self._lock:
            return revisions.changed_on(self._conn, item_id)

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
            for rowid, item_id, date, kind, title, people in select_in(
                self._conn,
                "SELECT rowid, id, date, kind, title, people FROM items WHERE rowid IN ({ids})",
                wanted,
            ):
                found[rowid] = Row(rowid, item_id, date, kind, title, people)
        return [found[r] for r in wanted if r in found]

    def rowids_of(self, item_ids: Iterable[str]) -> np.ndarray:
        """Sorted rowids of the given item ids (unknown ids are skipped)."""
        ids = list(item_ids)
        with self._lock:
            out = [
                rowid
                for (rowid,) in select_in(
                    self._conn, "SELECT rowid FROM items WHERE id IN ({ids})", ids
                )
            ]
        return np.array(sorted(set(out)), dtype=np.int64)  # an id asked twice, once

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
        """Item ids newest first; see `order` for the filters."""
        order = self.order(kind, after, before)
        out: list[str] = []
        for start in range(0, len(order), 5_000):
            out.extend(row.item_id for row in self.rows(order[start : start + 5_000]))
        return out

    # -- search and people -----------------------------------------------------------------

    def match(self, query: str, bookmarks: Marked | None = None) -> Matches:
        """Every item matching `query`, ranked; what the event list shows while searching.

        `bookmarks` (a store.Bookmarks, or any iterable of item ids) serves `in:bookmarks`.
        """
        from store.index.query import parse_query

        parsed = parse_query(query)
        allowed = None
        if parsed.in_bookmarks:
            marked: Iterable[str]
            if isinstance(bookmarks, MarkedItems):
                marked = bookmarks.ids()
                if parsed.tags:  # `tag:NAME`: items with a bookmark or clipping tagged NAME
                    marked = set.intersection(*(bookmarks.tagged(tag) for tag in parsed.tags))
            else:  # ids alone carry no tags: `tag:` then matches nothing
                marked = () if parsed.tags else (bookmarks or ())
            allowed = self.rowids_of(marked)
        notes: list[str] = []
        with self._lock:
            for words in parsed.people:
                name = " ".join(words)
                rowids = self._person_filter(name)
                if not len(rowids):
                    notes.append(f"no person matches {name!r}")
                allowed = (rowids if allowed is None
                           else np.intersect1d(allowed, rowids, assume_unique=True))
            # `person:` is a filter on the people table (every spelling of that person), so
            # the index sees the rest of the query; a person alone lists items by date.
            found = self._index.match(replace(parsed, people=()), self.columns, allowed=allowed)
        return replace(found, notes=tuple(notes)) if notes else found

    def _person_filter(self, name: str) -> np.ndarray:
        """Rowids of the items of the person(s) `name` best designates; none for a value
        that names nobody ("a0", "12345": a name has no digits), so a filter never widens."""
        found = []
        if name_words(name) and not any(ch.isdigit() for ch in name):
            found = self._people.find(name, limit=50, with_items=False)
        if not found:
            return np.zeros(0, dtype=np.int64)
        best = found[0].score
        parts = [self._person_items(p.key) for p in found if p.score >= best]
        # Each part is sorted, so a stable sort (timsort) only merges the runs: 2 ms for the
        # most frequent person of 10^6 items, where np.unique's hashing took 280 ms a key.
        merged = np.sort(np.concatenate(parts), kind="stable")
        return merged[np.concatenate(([True], merged[1:] != merged[:-1]))]

    def search(self, query: str, limit: int = 50, bookmarks: Marked | None = None) -> list[Hit]:
        """The best `limit` items for `query`, with the spans where it matched."""
        from store.index.search import highlight

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

    def dossier(
        self, name: str = "", *, key: str | None = None, item_limit: int | None = None
    ) -> Dossier:
        """The dossier of the person `name` best designates (or of the person filed under
        `key`, as `Person.key` gives it): spellings, roles over time, activity by year, who
        they met, their items (the first `item_limit` ids in dossier order, when given: a
        screen shows a page, reading 300,000 ids would cost more than the rest).
        Raises UnknownPerson when nobody matches."""
        from store.index.dossier import build

        with self._lock:
            if key is None:
                found = []
                if name_words(name) and not any(ch.isdigit() for ch in name):
                    found = self._people.find(name, limit=1, with_items=False)
                if not found:
                    raise UnknownPerson(name)
                key = found[0].key
            entry = self._people.by_key(key)
            if entry is None:
                raise UnknownPerson(name or key)
            person_id, person = entry
            if self._appearances is None:
                self._appearances = self._mapped_appearances() or Appearances.load(self._conn)
            return build(
                self._conn, self.columns, self._appearances, person, person_id, item_limit
            )

    def _mapped_appearances(self) -> Appearances | None:
        if self._mapped is None:
            return None
        try:
            self._appearances = self._mapped.appearances()
            return self._appearances
        except IndexUnavailable as error:
            self.index_notice = str(error)
            return None

    def oldest_first(self, rowids: np.ndarray) -> np.ndarray:
        """`rowids` (a query's matches) oldest first, undated last: its first uses."""
        return oldest_first(rowids, self.columns)

    def people_named(self, rowids: np.ndarray) -> list[PersonCount]:
        """The people named in the items `rowids`, most items first: who says it."""
        with self._lock:
            return people_named(self._conn, rowids)

    def person_rowids(self, key: str) -> np.ndarray:
        """Sorted rowids of the items of the person filed under `key`."""
        with self._lock:
            return self._person_items(key)

    def _person_items(self, key: str) -> np.ndarray:
        """From the appearance arrays (sorted by person, then item) when they are at hand —
        the index file's, or those a dossier loaded: a slice. Otherwise from the table,
        which at 10^6 items costs a second for the most frequent person: the People screen
        draws a sparkline for each row it shows, and `person:` filters with it."""
        appearances = self._appearances
        if appearances is None and self._mapped is not None:
            appearances = self._mapped_appearances()
        if appearances is None:
            return self._people.rowids(key)
        person_id = self._people.id_of(key)
        if person_id is None:
            return np.zeros(0, dtype=np.int64)
        return appearances.item[appearances.of(person_id)].astype(np.int64)

    def release_caches(self) -> None:
        """Drop the search caches that serve the next keystrokes (`SearchIndex.release`):
        a session that has sat idle keeps little of its own."""
        with self._lock:
            self._index.release()

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


def _checked(item: Item) -> Item:
    try:
        check_item(item)
    except ValueError as error:
        raise InputError(f"item {item.id[:40]!r}: {error}") from None
    return item


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


@lru_cache(maxsize=100_000)
def _participant_json(participant: Participant) -> str:
    """One participant as the `participants` column writes it (a list of these, joined by
    "," in brackets, is what `_dumps` makes of the list): the same people recur."""
    return _dumps(participant.to_dict())


def _stored_body(body: tuple[str, ...]) -> str:
    joined = PARAGRAPH_SEPARATOR.join(body)
    if joined.count(PARAGRAPH_SEPARATOR) == max(len(body) - 1, 0):
        return joined  # the usual case: no paragraph holds a separator of its own
    return PARAGRAPH_SEPARATOR.join(p.replace(PARAGRAPH_SEPARATOR, " ") for p in body)


def _item_from_row(row: tuple[Any, ...]) -> Item:
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

