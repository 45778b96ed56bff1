"""Exact phrases over the whole archive: where each word stands in each item.

A positional index beside the postings. Every item is read once at import as one sequence
of folded words (title, each participant's name, then each paragraph, with a break
between them so no phrase spans two), and each word's occurrences are filed as
(rowid, position) under its term. Function words ("the", "of", "в": a dozen in every
text) are filed only in pairs with the word before and the word after them, never alone.
A phrase is looked up by a few such lists (`units`), each moved back by its place in the
phrase and intersected, shortest first: vectorised merges of sorted integer arrays, with
no text read and no candidate limit.

Why our own positions and not SQLite FTS5, measured first on the 100k synthetic archive
(`tests/bench/bench_phrases.py`, same run, common-word phrases, a machine shared with
other jobs): FTS5 answered in p50 114 / p95 296 ms, these lists in p50 10 / p95 27 ms
warm (the old check of the newest 5,000 candidates' text: p50 418 / p95 685 ms). FTS5
only phrases text we fold first (its tokenizers know neither our transliteration nor
our spelling folds, and Python's sqlite3 cannot register one), so an import would fold
every word for it anyway and then build FTS5's doclists on top (about 1 ms an item more,
against about 20 % on import time here); and a phrase of common words comes back as
hundreds of thousands of rows through the sqlite3 cursor, one Python tuple each, before
numpy can combine it with the rest of the query. FTS5 is smaller (69 MB per 100k items
against 153 MB): varint deltas, which numpy cannot decode as fast as it reads uint32.

Storage: one uint32 per occurrence, `(rowid - base) << 16 | position` with `base` the
chunk's first rowid (a chunk is a slice of at most `SLICE` items of one import); the rare
occurrence that does not fit (a position past 65,535 in a very long speech) is kept as a
(rowid, position) pair in the chunk's `wide` BLOB.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from store.sql import transaction
from store.text.fold import fold_set, fold_word, fold_words
from store.text.lexicon import FUNCTION_WORDS

U32: TypeAlias = npt.NDArray[np.uint32]
U64: TypeAlias = npt.NDArray[np.uint64]
I64: TypeAlias = npt.NDArray[np.int64]

BREAK = "\x00"
"""The term standing between two segments of an item's sequence (title, a name, a
paragraph). It is never an index term (no word folds to it) and never filed, so the word
before it and the word after it are never adjacent."""
NARROW = 1 << 16
"""Rowid offsets and positions below this fit one uint32 key."""
SLICE = 10_000
"""Items filed per chunk of the `phrases` table."""
SPILL = 50_000
"""Items read per chunk when catching up (as `store.index.postings.SPILL_ITEMS`)."""
PREPARED = 2
"""Slices sorted at once on worker threads while the rows of the one before are written."""
CACHE_BYTES = 48 * 2**20
"""Occurrences kept loaded: a phrase typed again, or extended, reads nothing."""

FUNCTION_TERMS = frozenset(fold_word(word) for word in FUNCTION_WORDS)
"""Function words as index terms. They are filed only in pairs, with the word before and
with the word after them (`pair_key`), never alone: a phrase never reads the list of
"the" or "of" (`units`). Import and search must agree on this set: it comes from the
lexicon, not from the archive."""

_WORDS: dict[str, tuple[str, ...]] = {BREAK: (BREAK,)}
"""Folded words of each whitespace-separated token seen, in order, punctuation dropped."""
_TERMS: dict[str, tuple[str, ...]] = {BREAK: ()}
"""Index terms of each token (`store.text.fold.fold_set` of it: words, and hyphenated
words also whole)."""


def _learn(distinct: set[str]) -> None:
    """Fold the tokens not seen yet, once: both their words and their terms."""
    missing = distinct.difference(_TERMS)
    if not missing:
        return
    if len(_TERMS) > 2_000_000:  # a pathological input must not grow memory without end
        _TERMS.clear()
        _WORDS.clear()
        _TERMS[BREAK], _WORDS[BREAK] = (), (BREAK,)
        missing = distinct
    for token in missing:
        _TERMS[token] = tuple(fold_set(token))
        _WORDS[token] = tuple(fold_words(token))


def tokens_of(segments: Sequence[str]) -> list[str]:
    """The whitespace-separated tokens of `segments`, a BREAK token between two."""
    return f" {BREAK} ".join(segments).split()


def terms_of(distinct: set[str]) -> set[str]:
    """The index terms of these tokens: `fold_set` of their text, from one shared cut."""
    _learn(distinct)
    return set(chain.from_iterable(map(_TERMS.__getitem__, distinct)))


def words_of(token: str) -> tuple[str, ...]:
    """The folded words of a token `terms_of` or `sequence` has seen."""
    return _WORDS[token]


def sequence(segments: Sequence[str]) -> list[str]:
    """The folded words of `segments` in reading order, BREAK between segments.

    Tokens are cut at whitespace (C speed) and each distinct token is folded once and
    remembered, as `store.text.fold.fold_set` does: an item costs a few dict look-ups a
    word. Punctuation inside a token separates words ("CSTO's" is "csto", "s"), so a
    comma or a dash between two words never breaks a phrase.
    """
    pieces = tokens_of(segments)
    _learn(set(pieces))
    return list(chain.from_iterable(map(_WORDS.__getitem__, pieces)))


def create_schema(conn: sqlite3.Connection) -> None:
    from store.schema import PHRASES_TABLE

    conn.execute(PHRASES_TABLE)


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
    with transaction(conn):
        create_schema(conn)
        ids = dict(conn.execute("SELECT term, id FROM terms"))
        count = max(ids.values(), default=0) + 1
        identity = np.arange(count, dtype=np.int64)
        function = function_mask(ids, count)
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
            buffer.write(conn, lambda n: n, identity, function)
        mark_covered(conn)


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
        position: Callable[[U32], U32],
        term_ids: npt.NDArray[np.int64],
        function: npt.NDArray[np.bool_],
    ) -> None:
        """File the buffer's occurrences, a chunk per slice of items: a row per term, and
        per function-word pair (`pair_key`).

        `position` maps term numbers to positions in the writer's numbering, `term_ids`
        gives each its `terms` id (0: never filed, as BREAK), `function` marks the
        function words (`FUNCTION_TERMS`). Rowids were added in ascending order, so
        grouping with a stable sort leaves each group sorted by (rowid, position).
        """
        if not len(self.rowids):
            return
        all_terms = position(np.frombuffer(self.terms, dtype=np.uint32))
        lengths = np.frombuffer(self.lengths, dtype=np.uint32)
        rowids = np.frombuffer(self.rowids, dtype=np.uint32)
        ends = np.cumsum(lengths, dtype=np.int64)
        ids = term_ids.astype(np.uint32)  # term ids stay far below 2**32

        def prepare(first: int) -> list[_Row]:
            last = min(first + SLICE, len(rowids))
            lo = int(ends[first - 1]) if first else 0
            return _slice_rows(
                all_terms[lo : int(ends[last - 1])], rowids[first:last],
                lengths[first:last], ids, function,
            )

        # a slice of items at a time: its temporaries (a few arrays of one entry per
        # word) stay tens of megabytes where a whole spill's would be a gigabyte. Its
        # sorting is numpy, which runs without the GIL: the next slices are prepared on
        # other threads (at most PREPARED at once) while this one's rows are inserted
        # here, on the connection's thread, in rowid order.
        firsts = range(0, len(rowids), SLICE)
        with ThreadPoolExecutor(max_workers=PREPARED) as pool:
            pending: deque[Future[list[_Row]]] = deque()
            for first in firsts:
                pending.append(pool.submit(prepare, first))
                if len(pending) >= PREPARED:
                    _insert(conn, pending.popleft().result())
            while pending:
                _insert(conn, pending.popleft().result())


_Row: TypeAlias = tuple[int, int, int, bytes, bytes]
"""A row of the `phrases` table: term, chunk, base, keys, wide."""


def _insert(conn: sqlite3.Connection, rows: list[_Row]) -> None:
    conn.executemany(
        "INSERT INTO phrases(term, chunk, base, keys, wide) VALUES (?, ?, ?, ?, ?)", rows
    )


def _slice_rows(
    terms: U32,
    rowids: U32,
    lengths: U32,
    ids: U32,
    function: npt.NDArray[np.bool_],
) -> list[_Row]:
    """The rows filing the occurrences of a slice of items (see `SequenceBuffer.write`)
    as the chunk numbered by its first rowid: rowids only grow, so chunks never collide
    and come in rowid order."""
    from store.index.postings import _stable_order as stable_order

    base = chunk = int(rowids[0])
    starts = (np.cumsum(lengths, dtype=np.uint32) - lengths).astype(np.uint32)
    offsets = np.repeat((rowids - np.uint32(base)).astype(np.uint32), lengths)
    places = np.arange(len(terms), dtype=np.uint32) - np.repeat(starts, lengths)
    labels = ids[terms]
    common = function[terms]
    # two words side by side in one segment of one item, one of them a function word
    leads = np.flatnonzero(
        (common[:-1] | common[1:]) & (labels[:-1] != 0) & (labels[1:] != 0)
        & (offsets[:-1] == offsets[1:])
    )
    # other words alone; a function word's own list (a dozen in every text) is never read
    alone = np.flatnonzero(~common & (labels != 0))
    order = alone[stable_order(terms[alone], len(ids))]
    # the usual slice: every rowid offset and position fits a key, so one array of keys
    # is gathered in place of offsets and positions, and no occurrence goes wide
    narrow = int(rowids[-1]) - base < NARROW and (not len(places) or int(places.max()) < NARROW)
    keys = (offsets << np.uint32(16)) | places if narrow else None
    if keys is not None:
        rows = _key_rows(chunk, base, labels[order], keys[order])
    else:
        rows = _rows(chunk, base, labels[order].astype(np.int64), offsets[order], places[order])
    del order, alone
    if len(leads):
        firsts, seconds = terms[leads], labels[leads + 1]
        size = int(seconds.max()) + 1
        if len(ids) * size <= 1 << 32:
            # grouped by first word, then second word (then rowid and position, kept by a
            # stable sort): one sort of the two numbers as one key
            pair_order = firsts.astype(np.uint64) * np.uint64(size) + seconds
            leads = leads[stable_order(pair_order.astype(np.uint32), len(ids) * size)]
        else:
            leads = leads[stable_order(seconds, size)]
            leads = leads[stable_order(terms[leads], len(ids))]
        pairs = pair_key(labels[leads].astype(np.int64), labels[leads + 1].astype(np.int64))
        if keys is not None:
            rows += _key_rows(chunk, base, pairs, keys[leads])
        else:
            rows += _rows(chunk, base, pairs, offsets[leads], places[leads])
    return rows


def pair_key(first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]) -> I64:
    """The `phrases.term` of two words side by side, one a function word: negative, never
    a term id."""
    key: I64 = -((first.astype(np.int64) << 32) | second.astype(np.int64))
    return key


def _rows(chunk: int, base: int, labels: I64, offsets: U32, places: U32) -> list[_Row]:
    """One row per run of equal `labels` (a term id or a `pair_key`; 0, as BREAK,
    is never filed): the keys of its occurrences, and those that do not fit a key as
    wide pairs."""
    if not len(labels):
        return []
    bounds = np.concatenate(
        [[0], np.flatnonzero(labels[1:] != labels[:-1]) + 1, [len(labels)]]
    ).tolist()
    narrow = (offsets < NARROW) & (places < NARROW)
    keys = (offsets << np.uint32(16)) | places  # wraps where not narrow: those go wide
    wide_at = np.flatnonzero(~narrow)
    wide_pairs = np.stack([offsets[wide_at] + np.uint32(base), places[wide_at]], axis=1)
    heads = labels[bounds[:-1]].tolist()

    def rows() -> Iterator[_Row]:
        for group, (lo, hi) in enumerate(pairwise(bounds)):
            if heads[group] == 0:
                continue
            part = keys[lo:hi]
            wide = b""
            if len(wide_at):
                w0, w1 = np.searchsorted(wide_at, [lo, hi])
                if w1 > w0:
                    part = part[narrow[lo:hi]]
                    wide = wide_pairs[w0:w1].tobytes()
            yield heads[group], chunk, base, part.tobytes(), wide

    return list(rows())


def _key_rows(chunk: int, base: int, labels: npt.NDArray[np.integer], keys: U32) -> list[_Row]:
    """`_rows` for occurrences that all fit a key (`keys`, none wide): each row's keys
    are a slice of one bytes object."""
    if not len(labels):
        return []
    starts = np.concatenate([[0], np.flatnonzero(labels[1:] != labels[:-1]) + 1])
    heads = labels[starts].tolist()
    edges = (starts * 4).tolist()
    edges.append(len(keys) * 4)
    blob = keys.tobytes()
    return [
        (head, chunk, base, blob[lo:hi], b"")
        for head, lo, hi in zip(heads, edges, edges[1:], strict=False)
        if head != 0
    ]


def function_mask(ids: dict[str, int], size: int, offset: int = 0) -> npt.NDArray[np.bool_]:
    """A bool per number below `size`: True for the numbers (`ids[term] - offset`) of the
    function words."""
    mask = np.zeros(size, dtype=bool)
    for term in FUNCTION_TERMS:
        number = ids.get(term)
        if number is not None and 0 <= number - offset < size:
            mask[number - offset] = True
    return mask


def units(term_ids: Sequence[int], terms: Sequence[str]) -> list[tuple[int, int]]:
    """What a phrase is looked up by: (`phrases.term`, place in the phrase) pairs.

    A function word is looked up with the word after it as one pair list ("of the" is
    far rarer than "the", which stands a dozen times in every text), or with the word
    before it when it ends the phrase ("took part in"); a word left over is looked up
    beside a function word when it stands beside one ("of the csto": "the csto", a part
    of the list of "csto"), else alone.
    """
    out: list[tuple[int, int]] = []
    covered = [False] * len(terms)
    for i, term in enumerate(terms):
        if term not in FUNCTION_TERMS or covered[i]:
            continue
        at = i if i + 1 < len(terms) else i - 1
        out.append((-((term_ids[at] << 32) | term_ids[at + 1]), at))
        covered[at] = covered[at + 1] = True
    for i in range(len(terms)):
        if covered[i]:
            continue
        # beside a function word, the pair's list is a part of the word's own: shorter
        if i and terms[i - 1] in FUNCTION_TERMS:
            out.append((-((term_ids[i - 1] << 32) | term_ids[i]), i - 1))
        elif i + 1 < len(terms) and terms[i + 1] in FUNCTION_TERMS:
            out.append((-((term_ids[i] << 32) | term_ids[i + 1]), i))
        else:
            out.append((term_ids[i], i))
    return out


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

    def rowids(self, looked_up: Sequence[tuple[int, int]]) -> I64:
        """Sorted rowids of the items where every (`phrases.term`, place) of `units` holds:
        the phrase stands there."""
        lists = [(self.occurrences(key), place) for key, place in looked_up]
        if not lists or any(len(occ) == 0 for occ, _ in lists):
            return np.zeros(0, dtype=np.int64)
        # Every place the phrase starts is an occurrence of each list, moved back by its
        # place in the phrase: intersect those, shortest lists first, so the starts
        # shrink at every step.
        starts: U64 | None = None
        for occurrences, place in sorted(lists, key=lambda pair: len(pair[0])):
            if place:  # a start before the item's first word would borrow from the rowid
                occurrences = occurrences[(occurrences & np.uint64(0xFFFFFFFF)) >= place]
                occurrences = occurrences - np.uint64(place)
            starts = occurrences if starts is None else _common(starts, occurrences)
            if not len(starts):
                break
        if starts is None or not len(starts):
            return np.zeros(0, dtype=np.int64)
        rowids = (starts >> np.uint64(32)).astype(np.int64)  # sorted: runs, not a sort
        first: I64 = rowids[np.concatenate([[True], rowids[1:] != rowids[:-1]])]
        return first


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
