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

Lookup (`PhraseIndex`): every list is cut at the same chunks, so a phrase is intersected
chunk by chunk on the stored 32-bit keys, never decoded to 64 bits. What it cannot do
fast is read a list of most of the archive: at 1M synthetic items "of the" is 6.3M
occurrences (25 MB), more than a session may keep (`CACHE_BYTES`), so a phrase of common
words never answered before costs its reads and merges every time (about 2-3x the 50 ms
budget at 1M on the shared 2-core machine); its answer is then kept, as bits per item,
for the keystrokes that follow.
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
from typing import TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt

from store.sql import transaction
from store.text.fold import fold_set, fold_word, fold_words
from store.text.lexicon import FUNCTION_WORDS

U32: TypeAlias = npt.NDArray[np.uint32]
U64: TypeAlias = npt.NDArray[np.uint64]
I64: TypeAlias = npt.NDArray[np.int64]
U8: TypeAlias = npt.NDArray[np.uint8]

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
CACHE_BYTES = 16 * 2**20
"""Lists and answers kept loaded, per session: a phrase typed again, or extended, reads
nothing. A session's private memory is budgeted (60 MB at 1M items in all), so a list of
most of the archive ("of the": 25 MB at 1M items) is read again each time, not kept."""

FUNCTION_TERMS = frozenset(fold_word(word) for word in FUNCTION_WORDS)
"""Function words as index terms. They are filed only in pairs, with the word before and
with the word after them (`pair_key`), never alone: a phrase never reads the list of
"the" or "of" (`units`). Import and search must agree on the set: an archive records
the one its positions were filed with (`filed_function_terms`) and both keep to it, so a
change of the lexicon reaches an archive's index only when it is filed anew."""

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


def learn(tokens: set[str]) -> None:
    """Fold the tokens of `tokens` not seen yet (then `words_of` and `token_terms` know
    each of them)."""
    _learn(tokens)


def words_of(token: str) -> tuple[str, ...]:
    """The folded words of a token `learn`, `terms_of` or `sequence` has seen."""
    return _WORDS[token]


def token_terms(token: str) -> tuple[str, ...]:
    """The index terms of a token `learn`, `terms_of` or `sequence` has seen."""
    return _TERMS[token]


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
    from store.schema import create_phrases

    create_phrases(conn)


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


def filed_function_terms(conn: sqlite3.Connection) -> frozenset[str]:
    """The function words (`FUNCTION_TERMS`) the archive's positions are filed with.

    Recorded by the first filing (`mark_covered`); the lexicon's for an archive with no
    record yet (new, or filed before the record was kept, by this same lexicon). Import
    and search both read it here: with another lexicon's set, a phrase would look up pair
    lists never filed, or a word's own list where only its pairs are, and miss.
    """
    try:
        row = conn.execute(
            "SELECT data FROM columns WHERE name = 'phrases_function'"
        ).fetchone()
    except sqlite3.OperationalError:  # no columns table: nothing filed either
        return FUNCTION_TERMS
    return frozenset(json.loads(row[0])) if row else FUNCTION_TERMS


def mark_covered(conn: sqlite3.Connection) -> None:
    """Note that every item now in the archive is in the positional index, filed with
    `filed_function_terms` (recorded, when not yet)."""
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM items").fetchone()[0]
    conn.execute(
        "INSERT OR REPLACE INTO columns(name, data) VALUES ('phrases_through', ?)",
        (int(last).to_bytes(8, "little"),),
    )
    conn.execute(
        "INSERT OR IGNORE INTO columns(name, data) VALUES ('phrases_function', ?)",
        (json.dumps(sorted(filed_function_terms(conn))).encode(),),
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
        if not present:  # filed from nothing: with the lexicon's function words
            conn.execute("DELETE FROM columns WHERE name = 'phrases_function'")
        create_schema(conn)
        ids = dict(conn.execute("SELECT term, id FROM terms"))
        count = max(ids.values(), default=0) + 1
        identity = np.arange(count, dtype=np.int64)
        function = function_mask(ids, count, 0, filed_function_terms(conn))
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

    def slice_rows(
        self, terms: U32, ids: U32, function: npt.NDArray[np.bool_]
    ) -> list[Row]:
        """The `phrases` rows of a buffer of at most `SLICE` items, one chunk: `terms`
        are its term numbers already as positions in the writer's numbering, `ids` and
        `function` as for `write`. Numpy only: a worker thread runs it."""
        return _slice_rows(
            terms,
            np.frombuffer(self.rowids, dtype=np.uint32),
            np.frombuffer(self.lengths, dtype=np.uint32),
            ids,
            function,
        )

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

        def prepare(first: int) -> list[Row]:
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
            pending: deque[Future[list[Row]]] = deque()
            for first in firsts:
                pending.append(pool.submit(prepare, first))
                if len(pending) >= PREPARED:
                    insert_rows(conn, pending.popleft().result())
            while pending:
                insert_rows(conn, pending.popleft().result())


Row: TypeAlias = tuple[int, int, int, bytes, bytes]
"""A row of the `phrases` table: term, chunk, base, keys, wide."""


def insert_rows(conn: sqlite3.Connection, rows: list[Row]) -> None:
    conn.executemany(
        "INSERT INTO phrases(term, chunk, base, keys, wide) VALUES (?, ?, ?, ?, ?)", rows
    )


def _slice_rows(
    terms: U32,
    rowids: U32,
    lengths: U32,
    ids: U32,
    function: npt.NDArray[np.bool_],
) -> list[Row]:
    """The rows filing the occurrences of a slice of items (see `SequenceBuffer.write`)
    as the chunk numbered by its first rowid: rowids only grow, so chunks never collide
    and come in rowid order."""
    from store.index.postings import _stable_order as stable_order

    base = chunk = int(rowids[0])
    size = len(terms)
    if not size:
        return []
    ends = np.cumsum(lengths, dtype=np.int64)
    labels = ids[terms]
    common = function[terms]
    filed = labels != 0
    follows = np.ones(size, dtype=bool)  # False at an item's first word
    follows[ends[:-1][ends[:-1] < size]] = False
    # two words side by side in one segment of one item, one of them a function word
    leads = np.flatnonzero((common[:-1] | common[1:]) & filed[:-1] & filed[1:] & follows[1:])
    # other words alone; a function word's own list (a dozen in every text) is never read
    alone = np.flatnonzero(~common & filed)
    # the usual slice: every rowid offset and position fits a key, so one array of keys
    # is gathered in place of offsets and positions, and no occurrence goes wide. A key
    # is its word's number in the slice plus its item's (offset << 16) - first number,
    # in 32-bit arithmetic that wraps: the sum fits, whatever the addend.
    narrow = int(rowids[-1]) - base < NARROW and int(lengths.max()) <= NARROW
    keys: U32 | None = None
    offsets = places = None
    if narrow:
        shift = ((rowids - np.uint32(base)) << np.uint32(16)) - (ends - lengths).astype(np.uint32)
        keys = np.arange(size, dtype=np.uint32) + np.repeat(shift, lengths)
        pair_codes = _pair_codes(terms, leads, function)
        if pair_codes is not None:
            return _narrow_rows(chunk, terms, alone, keys, ids, pair_codes, leads, function)
        order = alone[stable_order(terms[alone], len(ids))]
        rows = _key_rows(chunk, base, labels[order], keys[order])
    else:
        order = alone[stable_order(terms[alone], len(ids))]
        starts = (ends - lengths).astype(np.uint32)
        offsets = np.repeat((rowids - np.uint32(base)).astype(np.uint32), lengths)
        places = np.arange(size, dtype=np.uint32) - np.repeat(starts, lengths)
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
        elif offsets is not None and places is not None:
            rows += _rows(chunk, base, pairs, offsets[leads], places[leads])
    return rows


def _pair_codes(terms: U32, leads: I64, function: npt.NDArray[np.bool_]) -> U64 | None:
    """A number below 2**32 for each pair of words side by side at `leads` (one of them a
    function word), the same for the same two words: the function word's place among the
    function words, with the other word's number, and which of the two it is. None when
    the numbers would not fit (a vocabulary of tens of millions of words)."""
    count = len(function)
    function_words = np.flatnonzero(function)
    if 2 * len(function_words) * count >= 1 << 32:
        return None
    among = np.zeros(count, dtype=np.int64)
    among[function_words] = np.arange(len(function_words))
    firsts, seconds = terms[leads], terms[leads + 1]
    first_is = function[firsts]
    codes = np.where(
        first_is,
        among[firsts] * count + seconds,
        (len(function_words) + among[seconds]) * count + firsts,
    )
    return codes.astype(np.uint64)


def _narrow_rows(
    chunk: int,
    terms: U32,
    alone: I64,
    keys: U32,
    ids: U32,
    pair_codes: U64,
    leads: I64,
    function: npt.NDArray[np.bool_],
) -> list[Row]:
    """`_slice_rows` for the usual slice, where every occurrence fits a key.

    A key grows with rowid and position, so grouping the occurrences by word (or pair)
    keeping that order is one sort of `group << 32 | key`, which numpy does in place with
    SIMD: no permutation is computed and then gathered from each array (three times the
    time, at 3 million occurrences a slice). The rows of a pair are then in another order
    than `_slice_rows` puts them, which no reader depends on (each is found by its term).
    """
    count = len(function)
    function_words = np.flatnonzero(function)

    def pair_labels(codes: U64) -> I64:
        codes = codes.astype(np.int64)
        word, other = np.divmod(codes, count)
        first_is = word < len(function_words)
        fn = function_words[np.where(first_is, word, word - len(function_words))]
        firsts = np.where(first_is, fn, other)
        seconds = np.where(first_is, other, fn)
        return pair_key(ids[firsts].astype(np.int64), ids[seconds].astype(np.int64))

    rows = _grouped_rows(
        chunk, terms[alone].astype(np.uint64), keys[alone],
        lambda heads: ids[heads.astype(np.int64)].astype(np.int64),
    )
    del alone
    if len(leads):
        rows += _grouped_rows(chunk, pair_codes, keys[leads], pair_labels)
    return rows


def _grouped_rows(
    chunk: int, groups: U64, keys: U32, label: Callable[[U64], I64]
) -> list[Row]:
    """One row per group of occurrences (`groups`: a number below 2**32 each, its
    `phrases.term` given by `label`; 0, BREAK's, never filed) holding its keys ascending."""
    if not len(groups):
        return []
    combined = (groups << np.uint64(32)) | keys.astype(np.uint64)
    combined.sort()
    grouped = combined >> np.uint64(32)
    starts = np.flatnonzero(np.concatenate([[True], grouped[1:] != grouped[:-1]]))
    heads = label(grouped[starts]).tolist()
    del grouped
    blob = combined.astype(np.uint32).tobytes()
    edges = (starts * 4).tolist()
    edges.append(len(blob))
    return [
        (head, chunk, chunk, blob[lo:hi], b"")
        for head, lo, hi in zip(heads, edges, edges[1:], strict=False)
        if head != 0
    ]


def pair_key(first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]) -> I64:
    """The `phrases.term` of two words side by side, one a function word: negative, never
    a term id."""
    key: I64 = -((first.astype(np.int64) << 32) | second.astype(np.int64))
    return key


def _rows(chunk: int, base: int, labels: I64, offsets: U32, places: U32) -> list[Row]:
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

    def rows() -> Iterator[Row]:
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


def _key_rows(chunk: int, base: int, labels: npt.NDArray[np.integer], keys: U32) -> list[Row]:
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


def function_mask(
    ids: dict[str, int], size: int, offset: int, function: frozenset[str]
) -> npt.NDArray[np.bool_]:
    """A bool per number below `size`: True for the numbers (`ids[term] - offset`) of the
    function words `function` (`filed_function_terms`)."""
    mask = np.zeros(size, dtype=bool)
    for term in function:
        number = ids.get(term)
        if number is not None and 0 <= number - offset < size:
            mask[number - offset] = True
    return mask


def units(
    term_ids: Sequence[int], terms: Sequence[str], function: frozenset[str] = FUNCTION_TERMS
) -> list[tuple[int, int]]:
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
        if term not in function or covered[i]:
            continue
        at = i if i + 1 < len(terms) else i - 1
        out.append((-((term_ids[at] << 32) | term_ids[at + 1]), at))
        covered[at] = covered[at + 1] = True
    for i in range(len(terms)):
        if covered[i]:
            continue
        # beside a function word, the pair's list is a part of the word's own: shorter
        if i and terms[i - 1] in function:
            out.append((-((term_ids[i - 1] << 32) | term_ids[i]), i - 1))
        elif i + 1 < len(terms) and terms[i + 1] in function:
            out.append((-((term_ids[i] << 32) | term_ids[i + 1]), i))
        else:
            out.append((term_ids[i], i))
    return out


@dataclass(frozen=True)
class _Stored:
    """One list as the `phrases` table holds it, not decoded: each chunk's keys."""

    chunks: I64
    """The chunk of each row (its first rowid), ascending."""
    keys: list[U32]
    """Each row's keys (`(rowid - chunk) << 16 | position`, ascending): views of the
    bytes read, never copied."""
    wide: U64
    """`rowid << 32 | position` of the occurrences no key holds, ascending."""

    @property
    def nbytes(self) -> int:
        return sum(k.nbytes for k in self.keys) + self.wide.nbytes + self.chunks.nbytes

    def size(self) -> int:
        return sum(len(k) for k in self.keys) + len(self.wide)


_EMPTY = _Stored(np.zeros(0, dtype=np.int64), [], np.zeros(0, dtype=np.uint64))
_LOW = np.uint32(0xFFFF)


class PhraseIndex:
    """Answers phrases from the `phrases` table, keeping recently used lists and answers.

    Lists are kept as read (4 bytes an occurrence) and combined chunk by chunk as 32-bit
    keys: every list of one archive is cut at the same chunks (slices of one import), so
    a phrase's starts in a chunk are found among that chunk's keys alone, and nothing is
    widened to 64 bits but the rare chunk where an occurrence does not fit a key.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._loaded: OrderedDict[int, _Stored] = OrderedDict()
        self._answers: OrderedDict[tuple[tuple[int, int], ...], U8] = OrderedDict()
        """Recent phrases' items as bits by rowid: each keystroke of the words typed after
        a phrase asks for it again."""
        self._bytes = 0
        self._limit = 0
        self._function: frozenset[str] | None = None

    def forget(self) -> None:
        self._loaded.clear()
        self._answers.clear()
        self._bytes = 0
        self._function = None

    def units(self, term_ids: Sequence[int], terms: Sequence[str]) -> list[tuple[int, int]]:
        """`units` with the function words this archive's positions were filed with."""
        if self._function is None:
            self._function = filed_function_terms(self._conn)
        return units(term_ids, terms, self._function)

    def release(self) -> None:
        """Drop the kept lists, not the answers (an eighth of a byte per item each): a
        session that sat idle gives their megabytes back, and a phrase asked again is
        still answered from its bits."""
        self._bytes -= sum(stored.nbytes for stored in self._loaded.values())
        self._loaded.clear()

    def forget_answers(self) -> None:
        """Drop the kept answers, not the lists (a benchmark times lookups with this)."""
        self._bytes -= sum(a.nbytes for a in self._answers.values())
        self._answers.clear()

    def use(self, limit: int) -> None:
        """Ignore rowids from `limit` on (items past the columns a session loaded)."""
        if limit != self._limit:
            self._limit = limit
            self.forget()

    def _keep(self) -> None:
        """Let the least recently used lists and answers go above `CACHE_BYTES`."""
        while self._bytes > CACHE_BYTES and (self._loaded or self._answers):
            if self._answers and (
                not self._loaded or len(self._answers) > 2 * len(self._loaded)
            ):
                _, bits = self._answers.popitem(last=False)
                self._bytes -= bits.nbytes
            else:
                _, old = self._loaded.popitem(last=False)
                self._bytes -= old.nbytes

    def stored(self, term_id: int) -> _Stored:
        """Every occurrence of one `phrases.term`, as stored."""
        cached = self._loaded.get(term_id)
        if cached is not None:
            self._loaded.move_to_end(term_id)
            return cached
        rows = self._conn.execute(
            "SELECT chunk, keys, wide FROM phrases WHERE term = ? ORDER BY chunk", (term_id,)
        ).fetchall()
        if not rows:
            return _EMPTY
        wide = b"".join(r[2] for r in rows)
        if wide:
            pairs = np.frombuffer(wide, dtype=np.uint32).reshape(-1, 2).astype(np.uint64)
            wide_keys = np.sort((pairs[:, 0] << np.uint64(32)) | pairs[:, 1])
        else:
            wide_keys = _EMPTY.wide
        out = _Stored(
            np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)),
            [np.frombuffer(r[1], dtype=np.uint32) for r in rows],
            wide_keys,
        )
        if out.nbytes <= CACHE_BYTES // 2:  # a list of most of the archive would be alone
            self._loaded[term_id] = out
            self._bytes += out.nbytes
            self._keep()
        return out

    def mark(self, looked_up: Sequence[tuple[int, int]], holds: npt.NDArray[np.bool_]) -> None:
        """Set `holds[rowid]` for the items (rowids below its length) where every
        (`phrases.term`, place) of `units` holds: where the phrase stands."""
        key = tuple(looked_up)
        bits = self._answers.get(key)
        if bits is None or len(bits) * 8 < len(holds):
            found = np.zeros(len(holds), dtype=bool)
            self._mark(looked_up, found)
            bits = np.packbits(found)
            self._answers[key] = bits
            self._bytes += bits.nbytes
            self._keep()
        else:
            self._answers.move_to_end(key)
        holds |= np.unpackbits(bits, count=len(holds)).view(bool)

    def _mark(self, looked_up: Sequence[tuple[int, int]], holds: npt.NDArray[np.bool_]) -> None:
        lists = sorted(
            ((self.stored(key), place) for key, place in looked_up),
            key=lambda pair: pair[0].size(),
        )
        if not lists or any(not len(stored.chunks) for stored, _ in lists):
            return
        limit = min(len(holds), self._limit) if self._limit else len(holds)
        chunks = lists[0][0].chunks
        for stored, _ in lists[1:]:
            chunks = np.intersect1d(chunks, stored.chunks, assume_unique=True)
        # each list's row of each chunk the phrase can stand in
        at = [np.searchsorted(stored.chunks, chunks) for stored, _ in lists]
        for n, chunk in enumerate(chunks.tolist()):
            if chunk >= limit:
                break
            if any(len(stored.wide) for stored, _ in lists):
                end = int(chunks[n + 1]) if n + 1 < len(chunks) else None
                if any(_has_wide(stored.wide, chunk, end) for stored, _ in lists):
                    self._mark_wide(lists, [int(a[n]) for a in at], chunk, end, holds, limit)
                    continue
            starts: U32 | None = None
            for (stored, place), rows in zip(lists, at, strict=True):
                keys = stored.keys[rows[n]]
                if place:  # a start before the item's first word would borrow from its rowid
                    keys = keys[(keys & _LOW) >= place] - np.uint32(place)
                starts = keys if starts is None else _common(starts, keys)
                if not len(starts):
                    break
            if starts is not None and len(starts):
                offsets = starts >> np.uint32(16)  # rowid - chunk, ascending
                if chunk + int(offsets[-1]) >= limit:
                    offsets = offsets[: np.searchsorted(offsets, limit - chunk)]
                holds[chunk:][offsets] = True

    @staticmethod
    def _mark_wide(
        lists: list[tuple[_Stored, int]],
        rows: list[int],
        chunk: int,
        end: int | None,
        holds: npt.NDArray[np.bool_],
        limit: int,
    ) -> None:
        """`_mark` for a chunk where some occurrence did not fit a key: as 64-bit keys."""
        starts: U64 | None = None
        for (stored, place), row in zip(lists, rows, strict=True):
            keys = stored.keys[row]
            rowids = (keys >> np.uint32(16)).astype(np.uint64) + np.uint64(chunk)
            full: U64 = (rowids << np.uint64(32)) | (keys & _LOW).astype(np.uint64)
            lo = np.searchsorted(stored.wide, np.uint64(chunk) << np.uint64(32))
            hi = (
                len(stored.wide) if end is None
                else np.searchsorted(stored.wide, np.uint64(end) << np.uint64(32))
            )
            occurrences: U64 = np.sort(np.concatenate([full, stored.wide[lo:hi]]))
            if place:
                occurrences = occurrences[(occurrences & np.uint64(0xFFFFFFFF)) >= place]
                occurrences = occurrences - np.uint64(place)
            starts = occurrences if starts is None else _common(starts, occurrences)
            if not len(starts):
                return
        if starts is not None:
            found = (starts >> np.uint64(32)).astype(np.int64)
            holds[found[found < limit]] = True


def _has_wide(wide: U64, chunk: int, end: int | None) -> bool:
    if not len(wide):
        return False
    lo = np.searchsorted(wide, np.uint64(chunk) << np.uint64(32))
    if lo == len(wide):
        return False
    return end is None or int(wide[lo] >> np.uint64(32)) < end


_Sorted = TypeVar("_Sorted", U32, U64)


def _common(few: _Sorted, many: _Sorted) -> _Sorted:
    """The values of sorted `few` that are also in sorted `many` (both without repeats).

    A binary search per value while `few` is much the shorter; otherwise one merge: a
    stable sort of the two concatenated runs is a single linear merge in numpy (timsort),
    three times faster than a binary search per value at a million of each.
    """
    if len(few) * 16 < len(many):
        at = np.searchsorted(many, few)
        at[at == len(many)] = 0
        kept: _Sorted = few[many[at] == few]
        return kept
    merged: _Sorted = np.concatenate([few, many])
    merged.sort(kind="stable")
    common: _Sorted = merged[:-1][merged[1:] == merged[:-1]]
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
