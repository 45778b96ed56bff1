"""Exact phrases over the whole archive: where each word stands in each item.

A positional index beside the postings. Every item is read once at import as one sequence
of folded words (title, each participant's name, then each paragraph, with a break
between them so no phrase spans two), and each word's occurrences are filed as
(rowid, position) under its term. A phrase is then the occurrences of its rarest word,
shifted by that word's place in the phrase, kept where every other word stands at its own
offset: a few vectorised look-ups of sorted integer arrays, with no text read and no limit.

Why positions in our own tables, not SQLite FTS5 (measured on the 100k synthetic archive,
`tests/bench/bench_phrases.py`, figures in the README's budget table): FTS5 can answer a
phrase, but only over text we fold first (its tokenizers know neither our transliteration
nor spelling folds, and Python cannot register one), so an import folds every word for it
anyway and FTS5 then builds its own doclists on top; and a phrase of common words comes
back as hundreds of thousands of rows through the sqlite3 cursor, one Python tuple each,
before numpy can combine it with the rest of the query. Our occurrences load as one BLOB
per term and chunk straight into numpy, in the order search needs.

Storage: one uint32 per occurrence, `(rowid - base) << 16 | position` with `base` the
chunk's first rowid (a chunk is one spill of at most `SPILL_ITEMS` items); the rare
occurrence that does not fit (a position past 65,535 in a very long speech) is kept as a
(rowid, position) pair in the chunk's `wide` BLOB.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from store.text.fold import fold_word

U32: TypeAlias = npt.NDArray[np.uint32]
U64: TypeAlias = npt.NDArray[np.uint64]
I64: TypeAlias = npt.NDArray[np.int64]

BREAK = "\x00"
"""The term standing between two segments of an item's sequence (title, a name, a
paragraph). It is never an index term (no word folds to it) and never filed, so the word
before it and the word after it are never adjacent."""
NARROW = 1 << 16
"""Rowid offsets and positions below this fit one uint32 key."""
CACHE_BYTES = 48 * 2**20
"""Occurrences kept loaded: a phrase typed again, or extended, reads nothing."""

_WORDS: dict[str, tuple[str, ...]] = {BREAK: (BREAK,)}
"""Folded words of each whitespace-separated token seen, in order, punctuation dropped."""


def _words_of(token: str) -> tuple[str, ...]:
    from store.text.fold import fold_words

    return tuple(fold_words(token))


def sequence(segments: Sequence[str]) -> list[str]:
    """The folded words of `segments` in reading order, BREAK between segments.

    Tokens are cut at whitespace (C speed) and each distinct token is folded once and
    remembered, as `store.text.fold.fold_set` does: an item costs a few dict look-ups a
    word. Punctuation inside a token separates words ("CSTO's" is "csto", "s"), so a
    comma or a dash between two words never breaks a phrase.
    """
    pieces = f" {BREAK} ".join(segments).split()
    seen = _WORDS
    for token in set(pieces).difference(seen):
        seen[token] = _words_of(token)
    if len(seen) > 2_000_000:  # a pathological input must not grow memory without end
        seen.clear()
        seen[BREAK] = (BREAK,)
        for token in set(pieces):
            seen[token] = _words_of(token)
    return list(chain.from_iterable(map(seen.__getitem__, pieces)))


def create_schema(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS phrases ("
        " term INTEGER NOT NULL, chunk INTEGER NOT NULL,"
        " base INTEGER NOT NULL,"  # the chunk's first rowid
        " keys BLOB NOT NULL,"  # uint32 (rowid - base) << 16 | position, ascending
        " wide BLOB NOT NULL,"  # uint32 pairs (rowid, position) that do not fit a key
        " PRIMARY KEY (term, chunk)) WITHOUT ROWID"
    )


def covered_through(conn: sqlite3.Connection) -> int:
    """The last rowid the positional index covers: every item up to it is in it.

    0 for an archive made before positions. An older pressroom importing into a newer
    archive adds items without positions: they lie past this rowid, and search checks a
    phrase among them on their text until the next writable open files them (`catch_up`).
    """
    present = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'phrases'"
    ).fetchone()
    if not present:
        return 0
    row = conn.execute("SELECT data FROM columns WHERE name = 'phrases_through'").fetchone()
    return int.from_bytes(row[0], "little") if row else 0


def mark_covered(conn: sqlite3.Connection) -> None:
    """Note that every item now in the archive is in the positional index."""
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM items").fetchone()[0]
    conn.execute(
        "INSERT OR REPLACE INTO columns(name, data) VALUES ('phrases_through', ?)",
        (int(last).to_bytes(8, "little"),),
    )


def catch_up(conn: sqlite3.Connection, separator: str) -> None:
    """File the items the positional index does not cover yet (a writable open).

    An archive made before positions gets them all once (about a minute per 200k items);
    afterwards each import files its own items and this finds nothing to do.
    """
    through = covered_through(conn)
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM items").fetchone()[0]
    present = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'phrases'"
    ).fetchone()
    if present and through >= last:
        return
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        create_schema(conn)
        ids = dict(conn.execute("SELECT term, id FROM terms"))
        count = max(ids.values(), default=0) + 1
        identity = np.arange(count, dtype=np.int64)
        chunk = conn.execute("SELECT coalesce(max(chunk), 0) + 1 FROM phrases").fetchone()[0]
        cursor = conn.execute(
            "SELECT rowid, title, participants, body FROM items WHERE rowid > ? ORDER BY rowid",
            (through,),
        )
        while rows := cursor.fetchmany(SPILL):
            buffer = SequenceBuffer.empty()
            for rowid, title, participants, body in rows:
                names = [p["name"] for p in json.loads(participants)]
                words = sequence([title, *names, *body.split(separator)])
                numbers = array("I", (ids.get(w, 0) for w in words))
                buffer.add(rowid, numbers.tobytes())
            buffer.write(conn, chunk, lambda n: n, identity)
            chunk += 1
        mark_covered(conn)
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")


SPILL = 50_000
"""Items read per chunk when catching up (as `store.index.postings.SPILL_ITEMS`)."""


@dataclass
class SequenceBuffer:
    """Sequences of the items added since the last spill: term numbers, and per item its
    rowid and length."""

    terms: array[int]
    rowids: array[int]
    lengths: array[int]

    @classmethod
    def empty(cls) -> SequenceBuffer:
        return cls(array("I"), array("I"), array("I"))

    def add(self, rowid: int, numbers: bytes) -> None:
        self.terms.frombytes(numbers)
        self.rowids.append(rowid)
        self.lengths.append(len(numbers) >> 2)

    def write(
        self,
        conn: sqlite3.Connection,
        chunk: int,
        position: Callable[[U32], U32],
        term_ids: npt.NDArray[np.int64],
    ) -> None:
        """File the buffer's occurrences as one new chunk per term.

        `position` maps term numbers to positions in the writer's numbering, `term_ids`
        gives each its `terms` id (0: never filed, as BREAK). Rowids were added in
        ascending order, so grouping by term with a stable sort leaves each term's
        occurrences sorted by (rowid, position).
        """
        if not len(self.rowids):
            return
        from store.index.postings import _stable_order as stable_order

        terms = position(np.frombuffer(self.terms, dtype=np.uint32))
        lengths = np.frombuffer(self.lengths, dtype=np.uint32).astype(np.int64)
        rowids = np.frombuffer(self.rowids, dtype=np.uint32).astype(np.int64)
        base = int(rowids[0])
        starts = np.cumsum(lengths) - lengths
        offsets = np.repeat(rowids - base, lengths)
        places = np.arange(len(terms), dtype=np.int64) - np.repeat(starts, lengths)
        filed = term_ids[terms] != 0
        terms, offsets, places = terms[filed], offsets[filed], places[filed]
        order = stable_order(terms, len(term_ids))
        terms, offsets, places = terms[order], offsets[order], places[order]
        narrow = (offsets < NARROW) & (places < NARROW)
        keys = ((offsets << 16) | places).astype(np.uint32)
        bounds = np.searchsorted(terms, np.arange(len(term_ids) + 1))
        present = np.flatnonzero(np.diff(bounds))
        wide_at = np.flatnonzero(~narrow)
        wide_terms = terms[wide_at]
        wide_pairs = np.stack([offsets[wide_at] + base, places[wide_at]], axis=1).astype(
            np.uint32
        )
        ids = term_ids.tolist()

        def rows() -> Iterator[tuple[int, int, int, bytes, bytes]]:
            for i in present.tolist():
                lo, hi = int(bounds[i]), int(bounds[i + 1])
                part = keys[lo:hi][narrow[lo:hi]]
                wide = b""
                if len(wide_terms):
                    w0, w1 = np.searchsorted(wide_terms, [i, i + 1])
                    wide = wide_pairs[w0:w1].tobytes()
                yield ids[i], chunk, base, part.tobytes(), wide

        conn.executemany(
            "INSERT INTO phrases(term, chunk, base, keys, wide) VALUES (?, ?, ?, ?, ?)",
            rows(),
        )


class PhraseIndex:
    """Answers phrases from the `phrases` table, keeping recently used terms loaded."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._loaded: OrderedDict[int, U64] = OrderedDict()
        self._bytes = 0
        self._limit = 0

    def forget(self) -> None:
        self._loaded.clear()
        self._bytes = 0

    def use(self, limit: int) -> None:
        """Ignore rowids from `limit` on (items past the columns a session loaded)."""
        if limit != self._limit:
            self._limit = limit
            self.forget()

    def occurrences(self, term_id: int) -> U64:
        """Sorted keys `rowid << 32 | position` of every occurrence of one term."""
        cached = self._loaded.get(term_id)
        if cached is not None:
            self._loaded.move_to_end(term_id)
            return cached
        rows = self._conn.execute(
            "SELECT base, keys, wide FROM phrases WHERE term = ? ORDER BY chunk", (term_id,)
        ).fetchall()
        keys = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint32)
        counts = np.fromiter((len(r[1]) >> 2 for r in rows), dtype=np.int64, count=len(rows))
        bases = np.repeat(np.fromiter((r[0] for r in rows), np.uint64, len(rows)), counts)
        out = ((bases + (keys >> 16)) << np.uint64(32)) | (keys & 0xFFFF).astype(np.uint64)
        wide = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.uint32)
        if len(wide):
            pairs = wide.reshape(-1, 2).astype(np.uint64)
            out = np.sort(np.concatenate([out, (pairs[:, 0] << np.uint64(32)) | pairs[:, 1]]))
        if self._limit and len(out) and out[-1] >> np.uint64(32) >= self._limit:
            out = out[: np.searchsorted(out, np.uint64(self._limit) << np.uint64(32))]
        self._loaded[term_id] = out
        self._bytes += out.nbytes
        while self._bytes > CACHE_BYTES and len(self._loaded) > 1:
            _, old = self._loaded.popitem(last=False)
            self._bytes -= old.nbytes
        return out

    def rowids(self, term_ids: Sequence[int]) -> I64:
        """Sorted rowids of the items where the terms stand one after another, in order."""
        lists = [self.occurrences(t) for t in term_ids]
        if not lists or any(len(occ) == 0 for occ in lists):
            return np.zeros(0, dtype=np.int64)
        # Every place the phrase starts is an occurrence of each of its words, moved back
        # by that word's place in the phrase: intersect those, rarest words first, so the
        # starts shrink at every word.
        starts: U64 | None = None
        for i in sorted(range(len(lists)), key=lambda i: len(lists[i])):
            occurrences = lists[i]
            if i:  # a start before the item's first word would borrow from the rowid
                occurrences = occurrences[(occurrences & np.uint64(0xFFFFFFFF)) >= i]
                occurrences = occurrences - np.uint64(i)
            starts = occurrences if starts is None else _common(starts, occurrences)
            if not len(starts):
                break
        assert starts is not None
        return np.unique((starts >> np.uint64(32)).astype(np.int64))


def _common(few: U64, many: U64) -> U64:
    """The values of sorted `few` that are also in sorted `many` (both without repeats).

    A binary search per value while `few` is much the shorter; otherwise one merge: a
    stable sort of the two concatenated runs is a single linear merge in numpy (timsort),
    three times faster than a binary search per value at a million of each.
    """
    if len(few) * 16 < len(many):
        at = np.searchsorted(many, few)
        at[at == len(many)] = 0
        kept: U64 = few[many[at] == few]
        return kept
    merged: U64 = np.concatenate([few, many])
    merged.sort(kind="stable")
    common: U64 = merged[:-1][merged[1:] == merged[:-1]]
    return common


def stands_in(terms: Sequence[str], words: Sequence[str]) -> bool:
    """True when `terms` stand one after another somewhere in `words` (a sequence)."""
    size = len(terms)
    first = terms[0] if size else ""
    return any(
        words[at] == first and list(words[at : at + size]) == list(terms)
        for at in range(len(words) - size + 1)
    )


def phrase_terms(words: Sequence[str]) -> list[str]:
    """A query phrase's words as index terms (words that fold to nothing are dropped,
    as the index drops them)."""
    return [term for term in map(fold_word, words) if term]
