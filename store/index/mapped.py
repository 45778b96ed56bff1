"""The index file beside the archive, which every session maps read-only: one copy per host.

Without it each session builds the search columns, vocabulary and posting lists in its own
memory: 214 MB private per session at 10^6 items, so a host served only about a hundred
readers. Written once by the import that changed the archive (`write`), the file holds
everything search and dossiers read, in the form they read it: numpy arrays that
`np.frombuffer` views in place over an `mmap`. The operating system's page cache then holds
one copy for every session on the host, and a session's own memory holds only what it
computes.

The file is a cache of the archive, never trusted:
- its header names the archive (`archive.id`) and the import that wrote it (`index.stamp`,
  a fresh random token per import, stored in the archive in the same transaction), so a
  file left from another archive or an earlier import is "stale" and not read;
- every section has a CRC-32: the small ones (columns, vocabulary) are checked when the file
  is opened, each term's posting lists and the appearance arrays the first time a session
  reads them; values that index arrays are range-checked, so a damaged or crafted file is
  detected instead of raising an IndexError in a search;
- it is written to a temporary name, fsynced, and renamed over the old one only after the
  import committed: a reader never sees half a file, a kill during the rewrite leaves the
  old file (valid for the archive as it was, since the import rolled back), and a session
  keeps the version it mapped until it refreshes.

A reader that finds the file missing, stale or damaged falls back to building in memory
from the archive's tables (what `SearchIndex` always could), with one line to say so
(`IndexUnavailable`); the next writer rewrites it.

Layout: `MAGIC`, a uint32 format version and a uint32 header length, the header as JSON
(sections: name -> [offset, bytes, dtype, crc32]), then the sections, each aligned to a
page so a session's views start on page boundaries.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import mmap
import os
import secrets
import sqlite3
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from store.index.appearances import Appearances
from store.index.columns import NO_ITEM_KIND, Columns
from store.index.people import Loaded
from store.model import KINDS

MAGIC = b"PRESSIDX"
FORMAT = 3
"""Bumped when the layout changes: a file of another format is stale, and rewritten."""
SUFFIX = "-index"
"""The file sits beside the archive as `archive.sqlite3-index` (as SQLite's `-wal`)."""
ALIGN = 4096
_PREFIX = struct.Struct("<8sII")

STAMP = "index.stamp"
"""The `columns` row holding the token of the import that last changed the archive."""
ARCHIVE_ID = "archive.id"
"""The `columns` row holding the archive's identity, made once."""

BODY = 8
"""`store.index.postings.BODY`, repeated here so this module stays below postings."""

DECODED_TERMS = 300_000
"""Vocabulary words of one length decoded to `str` for rapidfuzz's typo search, kept for
the next keystrokes: bounded, as a real archive of 10^6 items may hold 10^6 words."""


class IndexUnavailable(Exception):
    """The index file cannot be used: why, in words for the one line a user sees."""


def _crc(values: np.ndarray, start: int = 0) -> int:
    """CRC-32 of an array's bytes (contiguous: the file's views and what is written)."""
    return zlib.crc32(values.data, start)


def index_path(archive: Path) -> Path:
    return archive.with_name(archive.name + SUFFIX)


# -- the archive's side: identity and stamp --------------------------------------------------


def archive_identity(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """The archive's id and the stamp of its last import (None before either was written)."""
    found = dict(
        conn.execute(
            "SELECT name, data FROM columns WHERE name IN (?, ?)", (ARCHIVE_ID, STAMP)
        )
    )
    return _text(found.get(ARCHIVE_ID)), _text(found.get(STAMP))


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace")
    return value if isinstance(value, str) else None


def new_stamp(conn: sqlite3.Connection) -> tuple[str, str]:
    """Record a fresh stamp (in the caller's transaction, with the data it describes) and
    the archive's id (made on the first call); returns both."""
    archive_id, _ = archive_identity(conn)
    if archive_id is None:
        archive_id = secrets.token_hex(16)
    stamp = secrets.token_hex(16)
    conn.executemany(
        "INSERT OR REPLACE INTO columns(name, data) VALUES (?, ?)",
        [(ARCHIVE_ID, archive_id.encode()), (STAMP, stamp.encode())],
    )
    return archive_id, stamp


# -- writing ------------------------------------------------------------------------------


class _Writer:
    """Sections appended to an open file, each on a page boundary, with its CRC."""

    def __init__(self, handle: Any, start: int) -> None:
        self.handle = handle
        self.offset = start
        self.sections: dict[str, list[object]] = {}

    def _align(self) -> None:
        pad = -self.offset % ALIGN
        if pad:
            self.handle.write(b"\0" * pad)
            self.offset += pad

    def array(self, name: str, values: np.ndarray) -> None:
        self._align()
        # flat: a memoryview of an empty array of two dimensions ((0, 2): an archive whose
        # items have no text) cannot be cast to bytes
        data = np.ascontiguousarray(values).reshape(-1)
        self.handle.write(data.data.cast("B"))
        self.sections[name] = [self.offset, data.nbytes, data.dtype.str, _crc(data)]
        self.offset += data.nbytes

    def strings(self, name: str, texts: Sequence[str]) -> None:
        """A string table: the UTF-8 bytes as `name`, where each begins as `name.offsets`
        (`_Strings` reads it)."""
        encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        self.blob(name, b"".join(encoded))
        self.array(f"{name}.offsets", offsets)

    def blob(self, name: str, data: bytes) -> None:
        self.array(name, np.frombuffer(data, dtype=np.uint8))

    def stream(self, name: str, dtype: str, pieces: Iterator[bytes]) -> None:
        """A section written piece by piece (posting lists: never all in memory)."""
        self._align()
        start, crc = self.offset, 0
        for piece in pieces:
            self.handle.write(piece)
            crc = zlib.crc32(piece, crc)
            self.offset += len(piece)
        self.sections[name] = [start, self.offset - start, dtype, crc]


def write(
    conn: sqlite3.Connection,
    target: Path,
    stamp: tuple[str, str],
    columns: Columns,
    appearances: Appearances,
) -> Path:
    """Write the index file of the archive on `conn` as it stands in the caller's
    transaction, to a temporary file beside `target`; fsynced; returns its path.

    The caller renames it over `target` once its transaction committed (`install`), or
    removes it (`discard`) if the commit failed.
    """
    for orphan in target.parent.glob(f"{target.name}.*.tmp"):
        # a writer killed mid-file (the caller holds the archive's write lock: no other
        # writer is running)
        discard(orphan)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(b"\0" * ALIGN)  # the header's place, written last
            writer = _Writer(handle, ALIGN)
            _write_columns(writer, columns)
            terms = _write_vocabulary(writer, conn)
            _write_postings(writer, conn, terms, len(columns.kind))
            _write_appearances(writer, appearances)
            _write_people(writer, Loaded.read(conn))
            header = json.dumps(
                {
                    "archive": stamp[0],
                    "stamp": stamp[1],
                    "items": len(columns),
                    "rowids": len(columns.kind),
                    "sections": writer.sections,
                }
            ).encode()
            if len(header) + _PREFIX.size > ALIGN:  # never: a few dozen sections
                raise ValueError("index header too long")
            handle.seek(0)
            handle.write(_PREFIX.pack(MAGIC, FORMAT, len(header)) + header)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        discard(temporary)
        raise
    return temporary


def install(temporary: Path, target: Path) -> None:
    """Put a written file in place: one rename, so a reader opens the old file or the new."""
    os.replace(temporary, target)
    try:  # the rename itself reaches the disk with the folder's entry
        folder = os.open(target.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


def discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def _write_columns(writer: _Writer, columns: Columns) -> None:
    writer.array("date_ord", columns.date_ord.astype(np.int32))
    writer.array("kind", columns.kind.astype(np.uint8))
    writer.array("order", columns.order.astype(np.int64))
    writer.array("position", columns.position)
    writer.array("month_by_rowid", columns.month_by_rowid)
    writer.array("month_in_order", columns.month_in_order)
    writer.array("kind_in_order", columns._kind_in_order)
    writer.array("date_in_order", columns._date_in_order)


def _write_vocabulary(writer: _Writer, conn: sqlite3.Connection) -> npt.NDArray[np.int64]:
    """Terms sorted (UTF-8 bytes sort as code points, so as Python sorts `str`); returns
    the archive's term id of each, in that order."""
    rows = sorted(conn.execute("SELECT term, id, df FROM terms"))
    lengths = np.fromiter((len(term) for term, _, _ in rows), dtype=np.int64, count=len(rows))
    ids = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
    df = np.fromiter((r[2] for r in rows), dtype=np.int64, count=len(rows))
    # Name pairs ("fedor voitolovski") are looked up whole, never as prefixes or typos.
    words = np.fromiter(
        (i for i, (term, _, _) in enumerate(rows) if " " not in term), dtype=np.int32
    )
    by_length = words[np.argsort(lengths[words], kind="stable")]
    bounds = np.searchsorted(
        lengths[by_length], np.arange(int(lengths.max(initial=0)) + 2)
    ).astype(np.int64)
    writer.strings("terms", [term for term, _, _ in rows])
    writer.array("term_ids", ids.astype(np.uint32))
    writer.array("term_df", np.minimum(df, 2**32 - 1).astype(np.uint32))
    writer.array("words", words)
    writer.array("by_length", by_length)
    writer.array("length_bounds", bounds)
    writer.array("slots", _hash_slots([t.encode("utf-8", "surrogatepass") for t, _, _ in rows]))
    return ids


def _hash_slots(encoded: Sequence[bytes]) -> npt.NDArray[np.uint32]:
    """An open-addressing table: slot `crc32(term) & mask`, onwards, holds number + 1."""
    size = 1 << max(4, (2 * len(encoded)).bit_length())
    mask = size - 1
    slots = np.zeros(size, dtype=np.uint32)
    table = slots.tolist()
    for number, term in enumerate(encoded):
        slot = zlib.crc32(term) & mask
        while table[slot]:
            slot = (slot + 1) & mask
        table[slot] = number + 1
    slots[:] = table
    return slots


def _write_postings(
    writer: _Writer, conn: sqlite3.Connection, term_ids: npt.NDArray[np.int64], limit: int
) -> None:
    """Each term's body rowids, then its title/name/role rowids with their field bits (BODY
    added where the text has the word too), all from the archive's postings chunks.

    Posting lists are read in the archive's term order and placed by offset, so a term's
    lists are contiguous wherever its number falls. Rowids past `limit` (an item imported
    after the columns were built cannot be: both come from this transaction) are cut.
    """
    number_of = {int(term_id): number for number, term_id in enumerate(term_ids.tolist())}
    count = len(term_ids)
    body_bounds = np.zeros((count, 2), dtype=np.uint64)
    meta_bounds = np.zeros((count, 2), dtype=np.uint64)
    crcs = np.zeros((count, 2), dtype=np.uint32)
    """Per term: CRC of its body rowids, CRC of its title/name/role rowids and bits. Apart,
    because a word being typed reads the second alone (`SearchIndex._head_only`): checking
    its body too would read hundreds of megabytes at 10^6 items that nobody asked for."""
    metas: list[tuple[int, bytes, bytes]] = []
    """(number, meta rowids, masks) per term: written after the body section."""

    def body_pieces() -> Iterator[bytes]:
        at = 0
        for term_id, rows in _grouped_postings(conn):
            number = number_of.get(term_id)
            if number is None:  # a posting of a term the vocabulary lacks: unreachable
                continue
            body = np.frombuffer(b"".join(r[0] for r in rows), dtype=np.uint32)
            meta = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint32)
            masks = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.uint8)
            body = body[: np.searchsorted(body, limit)]
            masks = masks[: np.searchsorted(meta, limit)]
            meta = meta[: len(masks)]
            if len(body) and len(meta):
                at_body = np.searchsorted(body, meta)
                found = body[np.minimum(at_body, len(body) - 1)] == meta
                masks = masks | (found.astype(np.uint8) * np.uint8(BODY))
            body_bytes, meta_bytes, mask_bytes = body.tobytes(), meta.tobytes(), masks.tobytes()
            crcs[number] = (zlib.crc32(body_bytes), zlib.crc32(mask_bytes, zlib.crc32(meta_bytes)))
            body_bounds[number] = (at, at + len(body))
            at += len(body)
            metas.append((number, meta_bytes, mask_bytes))
            yield body_bytes

    writer.stream("body", "<u4", body_pieces())
    placed = 0
    for number, meta_bytes, _ in metas:
        meta_bounds[number] = (placed, placed + len(meta_bytes) // 4)
        placed += len(meta_bytes) // 4
    writer.stream("meta", "<u4", (meta for _, meta, _ in metas))
    writer.stream("masks", "|u1", (masks for _, _, masks in metas))
    writer.array("body_bounds", body_bounds)
    writer.array("meta_bounds", meta_bounds)
    writer.array("posting_crcs", crcs)


def _grouped_postings(conn: sqlite3.Connection) -> Iterator[tuple[int, list[tuple[bytes, ...]]]]:
    """(term id, its chunks' (body, docs, fields) in chunk order), term by term."""
    cursor = conn.execute("SELECT term, body, docs, fields FROM postings ORDER BY term, chunk")
    current: int | None = None
    rows: list[tuple[bytes, ...]] = []
    for term, body, docs, fields in cursor:
        if term != current:
            if current is not None:
                yield current, rows
            current, rows = term, []
        rows.append((body, docs, fields))
    if current is not None:
        yield current, rows


def _write_appearances(writer: _Writer, appearances: Appearances) -> None:
    writer.array("appearances.item", appearances.item.astype(np.int32))
    writer.array("appearances.person", appearances.person.astype(np.int32))
    writer.array("appearances.role", appearances.role.astype(np.int32))
    writer.blob("appearances.roles", json.dumps(appearances.roles, ensure_ascii=False).encode())


_PEOPLE_STRINGS = ("keys", "names", "roles", "spellings", "words")
SPELLINGS_JOIN = "\x1f"
"""Between one person's spellings in the file (a control character: never in a name)."""


def _write_people(writer: _Writer, loaded: Loaded) -> None:
    """The people index (`store.index.people.Loaded`): what People and `person:` search."""
    writer.array("people.ids", np.asarray(loaded.ids, dtype=np.int64))
    writer.array("people.counts", np.asarray(loaded.counts, dtype=np.int64))
    tables = {
        "keys": loaded.keys, "names": loaded.names, "roles": loaded.roles,
        "spellings": [SPELLINGS_JOIN.join(forms) for forms in loaded.spellings],
        "words": loaded.vocabulary,
    }
    for name in _PEOPLE_STRINGS:
        writer.strings(f"people.{name}", tables[name])
    owners = [loaded.owners[word] for word in loaded.vocabulary]
    bounds = np.zeros(len(owners) + 1, dtype=np.int64)
    np.cumsum([len(o) for o in owners], out=bounds[1:])
    flat = [index for indexes in owners for index in indexes]
    writer.array("people.owners", np.asarray(flat, dtype=np.int32))
    writer.array("people.owner_bounds", bounds)


class _Strings(Sequence[str]):
    """One string table of the file (UTF-8 bytes and offsets), decoded an entry at a time."""

    def __init__(self, data: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64]) -> None:
        self._data, self._offsets = data, offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.raw(index).decode("utf-8", "replace")

    def raw(self, index: int) -> bytes:
        start, stop = int(self._offsets[index]), int(self._offsets[index + 1])
        return self._data[start:stop].tobytes()


class _Ints(Sequence[int]):
    def __init__(self, values: npt.NDArray[np.int64]) -> None:
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index: Any) -> Any:
        return int(self._values[index])


class _Spellings(Sequence[tuple[str, ...]]):
    def __init__(self, joined: _Strings) -> None:
        self._joined = joined

    def __len__(self) -> int:
        return len(self._joined)

    def __getitem__(self, index: Any) -> Any:
        return tuple(self._joined[index].split(SPELLINGS_JOIN))


class _Owners(Mapping[str, Sequence[int]]):
    """Name word -> indexes of the people whose names hold it, by the word's place in the
    sorted vocabulary."""

    def __init__(
        self, words: list[str], owners: npt.NDArray[np.int32], bounds: npt.NDArray[np.int64]
    ) -> None:
        self._words, self._owners, self._bounds = words, owners, bounds

    def __getitem__(self, word: str) -> Sequence[int]:
        at = bisect.bisect_left(self._words, word)
        if at == len(self._words) or self._words[at] != word:
            raise KeyError(word)
        found: list[int] = self._owners[int(self._bounds[at]) : int(self._bounds[at + 1])].tolist()
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def _people(sections: dict[str, np.ndarray], target: Path) -> Loaded:
    """The people index as views of the file; only the name words are decoded (rapidfuzz
    reads them all for typos: a few MB at most)."""
    tables = {}
    for name in _PEOPLE_STRINGS:
        data, offsets = sections[f"people.{name}"], sections[f"people.{name}.offsets"]
        if (
            len(offsets) < 1 or int(offsets[0]) != 0 or int(offsets[-1]) != len(data)
            or bool(np.any(np.diff(offsets) < 0))
        ):
            raise IndexUnavailable(f"{target} is damaged (people)")
        tables[name] = _Strings(data, offsets)
    ids, counts = sections["people.ids"], sections["people.counts"]
    owners, bounds = sections["people.owners"], sections["people.owner_bounds"]
    count, words = len(ids), list(tables["words"])
    if not (
        len(counts) == count
        and all(len(tables[n]) == count for n in ("keys", "names", "roles", "spellings"))
        and len(bounds) == len(words) + 1
        and (not len(bounds) or (int(bounds[0]) == 0 and int(bounds[-1]) == len(owners)))
        and bool(np.all(np.diff(bounds) >= 0))
        and (not len(owners) or (int(owners.min()) >= 0 and int(owners.max()) < count))
    ):
        raise IndexUnavailable(f"{target} is damaged (people)")
    return Loaded(
        ids=_Ints(ids), keys=tables["keys"], names=tables["names"], roles=tables["roles"],
        counts=_Ints(counts), spellings=_Spellings(tables["spellings"]), vocabulary=words,
        owners=_Owners(words, owners, bounds),
    )


# -- reading ------------------------------------------------------------------------------


class TermPostings(NamedTuple):
    """One term's postings: the rowids with it in the text (field BODY), and the rowids
    with it in the title, names or roles, each with its field bits (BODY included when
    the text has it too). Both sorted by rowid."""

    body: npt.NDArray[np.uint32]
    meta: npt.NDArray[np.uint32]
    masks: npt.NDArray[np.uint8]

    @property
    def nbytes(self) -> int:
        return self.body.nbytes + self.meta.nbytes + self.masks.nbytes

    def rowids(self) -> npt.NDArray[np.uint32]:
        """Every rowid holding the term (one may come twice: in text and in title)."""
        return np.concatenate([self.body, self.meta])


@dataclass
class MappedIndex:
    """An index file opened for reading: views over its pages, checked as they are used."""

    path: Path
    columns: Columns
    vocabulary: MappedVocabulary
    _sections: dict[str, np.ndarray] = field(repr=False)
    _roles: tuple[tuple[str, str], ...] = field(repr=False)
    _crcs: dict[str, int] = field(repr=False)
    _checked: npt.NDArray[np.bool_] = field(repr=False)
    """Per term, whether its body and its title/name/role postings passed their CRC and
    range checks in this session."""
    _appearances: Appearances | None = field(default=None, repr=False)
    people: Loaded | None = field(default=None, repr=False)
    """The people index (`store.index.people.Loaded`), views of the file."""

    def postings(self, number: int, *, head_only: bool = False) -> TermPostings:
        """The postings of the term numbered `number` (`MappedVocabulary.number`): views of
        the file, no copy; with `head_only`, its title/name/role part alone (the body list
        is then empty, and neither read nor checked). Raises IndexUnavailable if damaged."""
        s = self._sections
        m0, m1 = (int(v) for v in s["meta_bounds"][number])
        meta, masks = s["meta"][m0:m1], s["masks"][m0:m1]
        limit = len(self.columns.kind)
        checked = self._checked[number]
        if not checked[1]:
            if _crc(masks, _crc(meta)) != int(s["posting_crcs"][number][1]) or (
                len(meta) and int(meta.max()) >= limit
            ):
                raise IndexUnavailable(f"{self.path} is damaged (posting lists)")
            checked[1] = True
        if head_only:
            return TermPostings(meta[:0], meta, masks)
        b0, b1 = (int(v) for v in s["body_bounds"][number])
        body = s["body"][b0:b1]
        if not checked[0]:
            if _crc(body) != int(s["posting_crcs"][number][0]) or (
                len(body) and int(body.max()) >= limit
            ):
                raise IndexUnavailable(f"{self.path} is damaged (posting lists)")
            checked[0] = True
        return TermPostings(body, meta, masks)

    def appearances(self) -> Appearances:
        """Who appears in which item (`store.index.appearances`), checked on first use."""
        if self._appearances is None:
            s = self._sections
            item, person, role = (s[f"appearances.{n}"] for n in ("item", "person", "role"))
            for name in ("appearances.item", "appearances.person", "appearances.role"):
                if _crc(s[name]) != self._crcs[name]:
                    raise IndexUnavailable(f"{self.path} is damaged (appearances)")
            if not len(item) == len(person) == len(role) or (
                len(item)
                and (
                    int(item.min()) < 0
                    or int(item.max()) >= len(self.columns.kind)
                    or int(role.min()) < 0
                    or int(role.max()) >= len(self._roles)
                )
            ):
                raise IndexUnavailable(f"{self.path} is damaged (appearances)")
            self._appearances = Appearances(item, person, role, self._roles)
        return self._appearances


class MappedVocabulary:
    """The sorted terms of an index file, read where they lie: a term is decoded when a
    look-up touches it, never all of them (10^6 Python strings would cost a session
    ~100 MB)."""

    def __init__(self, sections: dict[str, np.ndarray]) -> None:
        self._terms = _Strings(sections["terms"], sections["terms.offsets"])
        self._ids = sections["term_ids"]
        self._df = sections["term_df"]
        self._words = sections["words"]
        self._by_length = sections["by_length"]
        self._bounds = sections["length_bounds"]
        self._slots = sections["slots"]
        self._mask = len(self._slots) - 1
        self._decoded: OrderedDict[int, list[str]] = OrderedDict()
        self._decoded_count = 0

    def __len__(self) -> int:
        return len(self._ids)

    def term(self, number: int) -> str:
        found: str = self._terms[number]
        return found

    def number(self, term: str) -> int | None:
        """The term's number in this file, or None if the archive has no such term."""
        encoded = term.encode("utf-8", "surrogatepass")
        slot = zlib.crc32(encoded) & self._mask
        slots, terms = self._slots, self._terms
        for _ in range(len(slots)):
            value = int(slots[slot])
            if not value:
                return None
            number = value - 1
            if terms.raw(number) == encoded:
                return number
            slot = (slot + 1) & self._mask
        return None

    def __contains__(self, term: str) -> bool:
        return self.number(term) is not None

    def df(self, term: str) -> int:
        number = self.number(term)
        return 0 if number is None else int(self._df[number])

    def term_id(self, term: str) -> int:
        """The archive's id of `term` (its `terms` row), which the phrase index files under."""
        number = self.number(term)
        if number is None:
            raise KeyError(term)
        return int(self._ids[number])

    def _word(self, index: int) -> str:
        return self.term(int(self._words[index]))

    def _span(self, prefix: str) -> tuple[int, int]:
        """Positions in `words` (sorted) of the words starting with `prefix`."""
        words = _Words(self)
        lo = _bisect(words, prefix)
        hi = _bisect(words, prefix + "\U0010ffff")
        return lo, hi

    def count_starting(self, prefix: str) -> int:
        lo, hi = self._span(prefix)
        return hi - lo

    def completions(self, prefix: str, most: int, leave_out: frozenset[str]) -> list[str]:
        """Words starting with `prefix`, except `leave_out`: all of them when they are at
        most `most`, else the `most` most frequent. Only those are decoded."""
        lo, hi = self._span(prefix)
        numbers = self._words[lo:hi]
        if len(numbers) > most + len(leave_out):
            df = self._df[numbers].astype(np.int64)
            keep = np.argsort(-df, kind="stable")[: most + len(leave_out)]
            numbers = numbers[np.sort(keep)]
        found = [t for t in map(self.term, numbers.tolist()) if t not in leave_out]
        if len(found) > most:
            found = sorted(found, key=self.df, reverse=True)[:most]
        return found

    def of_length(self, length: int) -> list[str]:
        """The words of `length` characters, decoded (kept for the next keystrokes)."""
        found = self._decoded.get(length)
        if found is not None:
            self._decoded.move_to_end(length)
            return found
        if length < 0 or length + 1 >= len(self._bounds):
            return []
        start, stop = int(self._bounds[length]), int(self._bounds[length + 1])
        found = [self.term(n) for n in self._by_length[start:stop].tolist()]
        self._decoded[length] = found
        self._decoded_count += len(found)
        while self._decoded_count > DECODED_TERMS and len(self._decoded) > 1:
            _, dropped = self._decoded.popitem(last=False)
            self._decoded_count -= len(dropped)
        return found


class _Words(Sequence[str]):
    """The words of a vocabulary in sorted order, decoded one at a time (for bisect)."""

    def __init__(self, vocabulary: MappedVocabulary) -> None:
        self._vocabulary = vocabulary

    def __len__(self) -> int:
        return len(self._vocabulary._words)

    def __getitem__(self, index: Any) -> Any:
        return self._vocabulary._word(index)


def _bisect(words: _Words, value: str) -> int:
    lo, hi = 0, len(words)
    while lo < hi:
        middle = (lo + hi) // 2
        if words[middle] < value:
            lo = middle + 1
        else:
            hi = middle
    return lo


_SMALL = (
    "date_ord", "kind", "order", "position", "month_by_rowid", "month_in_order",
    "kind_in_order", "date_in_order", "terms", "terms.offsets", "term_ids", "term_df",
    "words", "by_length", "length_bounds", "slots", "body_bounds", "meta_bounds",
    "posting_crcs", "appearances.roles", "people.ids", "people.counts", "people.owners",
    "people.owner_bounds",
    *(f"people.{name}{part}" for name in _PEOPLE_STRINGS for part in ("", ".offsets")),
)
"""Sections checked in full when the file is opened (the rest as they are used)."""
_LARGE = ("body", "meta", "masks", "appearances.item", "appearances.person", "appearances.role")


def open_index(target: Path, archive_id: str | None, stamp: str | None) -> MappedIndex:
    """Map the index file for the archive `archive_id` as its import `stamp` left it.

    Raises IndexUnavailable (missing, stale, another format, damaged) with the reason.
    """
    if archive_id is None or stamp is None:
        raise IndexUnavailable("the archive was written before index files")
    try:
        with open(target, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < ALIGN:
                raise IndexUnavailable(f"{target} is missing or damaged")
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        raise IndexUnavailable(f"{target} is missing") from None
    except (OSError, ValueError) as error:
        raise IndexUnavailable(f"{target} cannot be read ({error})") from None
    try:
        magic, version, length = _PREFIX.unpack_from(data, 0)
        if magic != MAGIC:
            raise IndexUnavailable(f"{target} is not a pressroom index file")
        if version != FORMAT:
            raise IndexUnavailable(f"{target} is of another pressroom version")
        if _PREFIX.size + length > ALIGN:
            raise IndexUnavailable(f"{target} is damaged (header)")
        header = json.loads(bytes(data[_PREFIX.size : _PREFIX.size + length]))
        if header["archive"] != archive_id:
            raise IndexUnavailable(f"{target} belongs to another archive")
        if header["stamp"] != stamp:
            raise IndexUnavailable(f"{target} is older than the archive")
        sections, crcs = _sections(data, header["sections"], size, target)
        roles = tuple(
            (str(r), str(o)) for r, o in json.loads(bytes(sections["appearances.roles"]))
        )
        columns = _columns(sections, target)
        vocabulary = MappedVocabulary(sections)
        _check_vocabulary(sections, target)
        people = _people(sections, target)
    except IndexUnavailable:
        raise
    except (KeyError, TypeError, ValueError, struct.error, UnicodeDecodeError):
        raise IndexUnavailable(f"{target} is damaged (header)") from None
    return MappedIndex(
        path=target,
        columns=columns,
        vocabulary=vocabulary,
        _sections=sections,
        _roles=roles,
        _crcs=crcs,
        _checked=np.zeros((len(vocabulary), 2), dtype=bool),
        people=people,
    )


def _sections(
    data: mmap.mmap, table: dict[str, list[Any]], size: int, target: Path
) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    sections: dict[str, np.ndarray] = {}
    crcs: dict[str, int] = {}
    for name in (*_SMALL, *_LARGE):
        offset, nbytes, dtype_name, crc = table[name]
        offset, nbytes, crc = int(offset), int(nbytes), int(crc)
        dtype = np.dtype(str(dtype_name))
        if offset < ALIGN or nbytes < 0 or offset + nbytes > size or nbytes % dtype.itemsize:
            raise IndexUnavailable(f"{target} is damaged or cut short")
        view = np.frombuffer(data, dtype=dtype, count=nbytes // dtype.itemsize, offset=offset)
        if name in _SMALL and _crc(view) != crc:
            raise IndexUnavailable(f"{target} is damaged ({name})")
        sections[name] = view
        crcs[name] = crc
    shapes = {"body_bounds": 2, "meta_bounds": 2, "posting_crcs": 2}
    for name, width in shapes.items():
        flat = sections[name]
        if len(flat) % width:
            raise IndexUnavailable(f"{target} is damaged ({name})")
        sections[name] = flat.reshape(-1, width)
    return sections, crcs


def _columns(sections: dict[str, np.ndarray], target: Path) -> Columns:
    """The date and kind columns, with the arrays search derives from them, as views;
    their values checked, so a crafted file cannot send search out of its arrays."""
    date_ord, kind, order = sections["date_ord"], sections["kind"], sections["order"]
    rowids, count = len(kind), len(order)
    derived = {
        name: sections[name]
        for name in ("position", "month_by_rowid", "month_in_order")
    }
    kind_in_order, date_in_order = sections["kind_in_order"], sections["date_in_order"]
    if not (
        rowids >= 1
        and len(date_ord) == rowids
        and len(derived["position"]) == rowids + 1
        and len(derived["month_by_rowid"]) == rowids
        and len(derived["month_in_order"]) == count
        and len(kind_in_order) == count
        and len(date_in_order) == count
        and (not count or (int(order.min()) >= 1 and int(order.max()) < rowids))
        and int(derived["position"].min()) >= 0
        and int(derived["position"].max()) <= count
        and not np.any((kind >= len(KINDS)) & (kind != NO_ITEM_KIND))
    ):
        raise IndexUnavailable(f"{target} is damaged (columns)")
    columns = Columns(date_ord=date_ord, kind=kind, order=order)
    # `Columns` derives these on first use; the file's copies are shared by every session
    vars(columns).update(derived, _kind_in_order=kind_in_order, _date_in_order=date_in_order)
    return columns


def _check_vocabulary(sections: dict[str, np.ndarray], target: Path) -> None:
    offsets, terms = sections["terms.offsets"], sections["terms"]
    count = len(sections["term_ids"])
    words, by_length = sections["words"], sections["by_length"]
    if not (
        len(offsets) == count + 1
        and len(sections["term_df"]) == count
        and len(sections["body_bounds"]) == count
        and len(sections["meta_bounds"]) == count
        and len(sections["posting_crcs"]) == count
        and (not count or int(offsets[0]) == 0)
        and int(offsets[-1]) == len(terms)
        and bool(np.all(np.diff(offsets.astype(np.int64)) >= 0))
        and len(by_length) == len(words)
        and (not len(words) or (int(words.min()) >= 0 and int(words.max()) < count))
        and (not len(by_length) or (int(by_length.min()) >= 0 and int(by_length.max()) < count))
        and int(sections["slots"].max(initial=0)) <= count
        and len(sections["slots"]) & (len(sections["slots"]) - 1) == 0
        and int(sections["length_bounds"].min(initial=0)) >= 0
        and int(sections["length_bounds"].max(initial=0)) <= len(words)
    ):
        raise IndexUnavailable(f"{target} is damaged (vocabulary)")
    for name, total in (
        ("body_bounds", len(sections["body"])),
        ("meta_bounds", len(sections["meta"])),
    ):
        bounds = sections[name].astype(np.int64)
        if len(bounds) and (
            int(bounds.min()) < 0 or int(bounds.max()) > total
            or bool(np.any(bounds[:, 0] > bounds[:, 1]))
        ):
            raise IndexUnavailable(f"{target} is damaged ({name})")
    if len(sections["masks"]) != len(sections["meta"]):
        raise IndexUnavailable(f"{target} is damaged (masks)")
