"""Building the search index at import: each item's terms, numbered, filed under its rowid.

An item's postings are its folded words as term numbers (`Postings`). Numbers, not
strings, are what a big import's reader process sends to the importer (`store.ingest.pipeline`):
flat bytes cross a process boundary for almost nothing, where sets of strings cost the
importer more to unpickle than to fold itself.

The importer numbers the terms of items it folds itself from `OWN` up, and follows the
reader's numbering (`PostingsWriter.follow`) in a table from the reader's numbers to its
own; a spill maps both onto one numbering with numpy before grouping by term. So either
process may fold any item, and the pipeline can balance the work between them.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise, repeat
from typing import NamedTuple

import numpy as np

from store.index.phrases import (
    SLICE,
    Filed,
    SequenceBuffer,
    filed_function_terms,
    function_mask,
    insert_rows,
    learn,
    terms_of,
    token_terms,
    tokens_of,
    words_of,
)
from store.model import Item
from store.text.fold import fold_set, fold_words

TITLE, NAME, ROLE, BODY = 1, 2, 4, 8
"""Field bits of a posting: where in the item the term occurs."""

SPILL_ITEMS = 50_000
"""Items buffered before their postings are written as a chunk: bounds an import's memory."""


@lru_cache(maxsize=100_000)
def name_pairs(name: str) -> tuple[str, ...]:
    """Index terms for adjacent words of a name, with the first word also as an initial.

    "Fyodor Voitolovsky" gives "fedor voitolovski" and "f voitolovski", so the query
    "F. Voitolovsky" and the Russian "Ф.Войтоловским" pair with the full name. A space
    never occurs in a folded word, so these terms never collide with words.
    """
    words = fold_words(name)
    out = []
    for first, second in pairwise(words):
        out.append(f"{first} {second}")
        if len(first) > 1:
            out.append(f"{first[0]} {second}")
    return tuple(out)


@lru_cache(maxsize=100_000)
def _folded(text: str) -> frozenset[str]:
    """Names, roles and organisations repeat across thousands of items: fold each once."""
    return frozenset(fold_set(text))


OWN = 1 << 31
"""The importer's own term numbers start here; below are a reader process's numbers."""


class TermNumbers:
    """Index terms numbered in order of first sight, from `base`, over one import."""

    def __init__(self, base: int = 0) -> None:
        self.base = base
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.tokens: dict[str, bytes] = {}
        """The numbers of each text token's words (`store.index.phrases.words_of`), as
        uint32 bytes: an item's sequence is then one `bytes.join`."""
        self.token_numbers: dict[str, tuple[int, ...]] = {}
        """The numbers of each text token's index terms (`store.index.phrases.token_terms`):
        an item's terms are then a union of small tuples of ints, with no string folded,
        hashed into a set or looked up again once its token has been seen."""

    def __len__(self) -> int:
        return len(self.names)

    def number(self, terms: set[str] | dict[str, int]) -> array[int]:
        """The numbers of `terms` (in their iteration order), numbering new ones."""
        ids = self.ids
        # set.difference(dict) walks only `terms`; a dict view minus a dict would walk all ids
        new: Iterable[str] = (
            [t for t in terms if t not in ids] if isinstance(terms, dict) else terms.difference(ids)
        )
        self.extend(new)
        return array("I", map(ids.__getitem__, terms))

    def extend(self, names: Iterable[str]) -> None:
        """Number `names` (new ones) next, in order."""
        ids, known, base = self.ids, self.names, self.base
        for name in names:
            ids[name] = base + len(known)
            known.append(name)

    def index(self, name: str) -> int:
        """Position of `name` in `names`, numbering it if new."""
        number = self.ids.get(name)
        if number is None:
            self.extend((name,))
            return len(self.names) - 1
        return number - self.base

    def number_of(self, name: str) -> int:
        """The number of `name`, numbering it if new."""
        number = self.ids.get(name)
        if number is None:
            self.extend((name,))
            number = self.ids[name]
        return number

    def learn(self, distinct: set[str]) -> None:
        """Number the words and terms of the text tokens not seen yet (`tokens`,
        `token_numbers`)."""
        tokens = self.tokens
        new = distinct.difference(tokens)
        if not new:
            return
        if len(tokens) > 2_000_000:  # bounded, as the token caches of folding are
            tokens.clear()
            self.token_numbers.clear()
            new = distinct
        learn(new)
        number_of, numbered = self.number_of, self.token_numbers
        for token in new:
            tokens[token] = array("I", map(number_of, words_of(token))).tobytes()
            numbered[token] = tuple(map(number_of, token_terms(token)))

    def clear(self) -> None:
        self.ids.clear()
        self.names.clear()
        self.tokens.clear()
        self.token_numbers.clear()


class Postings(NamedTuple):
    """One item's index entries as term numbers (uint32 bytes)."""

    body: bytes
    """Terms in its text."""
    meta: bytes
    """Terms of its title, participants' names and roles..."""
    masks: bytes
    """...with one byte of field bits each."""
    both: bytes
    """Terms in both text and title/names/roles, counted once in a term's document count."""
    sequence: bytes
    """Its words in reading order, for phrases (`store.index.phrases`)."""

    @classmethod
    def of(cls, item: Item, numbers: TermNumbers) -> Postings:
        """Fold `item` and number every term.

        One cut of the text serves its terms and its sequence, and each distinct token
        is folded and numbered once per import (`TermNumbers.learn`): a speech costs a
        union of the numbers of its distinct tokens and one `bytes.join` over them all.
        """
        pieces = tokens_of(item.body)
        distinct = set(pieces)
        numbers.learn(distinct)
        terms = set(chain.from_iterable(map(numbers.token_numbers.__getitem__, distinct)))
        masks = _meta(item)
        meta = numbers.number(masks)
        both = terms.intersection(meta)
        return cls(
            array("I", terms).tobytes(),
            meta.tobytes(),
            bytes(masks.values()),
            array("I", both).tobytes() if both else b"",
            _sequence(item, pieces, numbers),
        )


def _sequence(item: Item, pieces: list[str], numbers: TermNumbers) -> bytes:
    """The numbers of `item`'s words in reading order: title, each name, each paragraph,
    BREAK between them (`store.index.phrases`); its text's tokens are learnt
    (`TermNumbers.learn`), the title's and names' here, through the same cache."""
    head = tokens_of([item.title, *(p.name for p in item.participants), ""])  # ends in BREAK
    numbers.learn(set(head))
    tokens = numbers.tokens
    return b"".join(map(tokens.__getitem__, head)) + b"".join(map(tokens.__getitem__, pieces))


def _fields(item: Item) -> tuple[set[str], dict[str, int]]:
    """The terms of an item's text, and those of its title and people with their field bits."""
    return terms_of(set(tokens_of(item.body))), _meta(item)


def _meta(item: Item) -> dict[str, int]:
    """The terms of an item's title and people, with their field bits."""
    masks = dict.fromkeys(fold_set(item.title), TITLE)
    for person in item.participants:
        for term in _folded(person.name):
            masks[term] = masks.get(term, 0) | NAME
        for term in _folded(f"{person.role} {person.organisation}"):
            masks[term] = masks.get(term, 0) | ROLE
        for term in name_pairs(person.name):  # a pair holds a space: never a word
            masks[term] = NAME
    return masks


def item_terms(item: Item) -> set[str]:
    """Every index term of `item`, each once: what its postings add to document counts."""
    terms, masks = _fields(item)
    terms.update(masks)
    return terms


@dataclass
class _Grouped:
    """A buffer's postings sorted by term: slices per term, and each term's document count."""

    body_docs: np.ndarray
    body_bounds: np.ndarray
    meta_docs: np.ndarray
    meta_masks: np.ndarray
    meta_bounds: np.ndarray
    df: np.ndarray

    def blobs(self, i: int) -> tuple[bytes, bytes, bytes]:
        b0, b1 = self.body_bounds[i], self.body_bounds[i + 1]
        m0, m1 = self.meta_bounds[i], self.meta_bounds[i + 1]
        return (
            self.body_docs[b0:b1].tobytes(),
            self.meta_docs[m0:m1].tobytes(),
            self.meta_masks[m0:m1].tobytes(),
        )


class _Buffer:
    """Postings of the items added since the last spill, as flat arrays of (term, rowid)."""

    def __init__(self) -> None:
        self.items = 0
        self.body_terms = array("I")
        self.body_docs = array("I")
        self.meta_terms = array("I")
        self.meta_docs = array("I")
        self.meta_masks = bytearray()
        self.both_terms = array("I")
        self.named = (0, 0)
        """How many of `body_terms` and `meta_terms` have had their terms given ids."""

    def add(self, rowid: int, postings: Postings) -> None:
        # C loops only: frombytes, and extend over repeat.
        self.body_terms.frombytes(postings.body)
        self.body_docs.extend(repeat(rowid, len(postings.body) >> 2))
        self.meta_terms.frombytes(postings.meta)
        self.meta_docs.extend(repeat(rowid, len(postings.meta) >> 2))
        self.meta_masks += postings.masks
        self.both_terms.frombytes(postings.both)
        self.items += 1

    def grouped(
        self, count: int, position: Callable[[np.ndarray], np.ndarray]
    ) -> _Grouped:
        """Postings grouped by term, terms numbered 0..count-1 by `position`."""
        body_terms = position(np.frombuffer(self.body_terms, dtype=np.uint32))
        body_docs = np.frombuffer(self.body_docs, dtype=np.uint32)
        meta_terms = position(np.frombuffer(self.meta_terms, dtype=np.uint32))
        meta_docs = np.frombuffer(self.meta_docs, dtype=np.uint32)
        meta_masks = np.frombuffer(bytes(self.meta_masks), dtype=np.uint8)
        # stable: within a term, rowids stay in the (ascending) order they were added
        body_order = _stable_order(body_terms, count)
        meta_order = _stable_order(meta_terms, count)
        edges = np.arange(count + 1, dtype=np.uint32)
        both_terms = position(np.frombuffer(self.both_terms, dtype=np.uint32))
        df = (
            np.bincount(body_terms, minlength=count)
            + np.bincount(meta_terms, minlength=count)
            - np.bincount(both_terms, minlength=count)
        )
        return _Grouped(
            body_docs=body_docs[body_order],
            body_bounds=np.searchsorted(body_terms[body_order], edges),
            meta_docs=meta_docs[meta_order],
            meta_masks=meta_masks[meta_order],
            meta_bounds=np.searchsorted(meta_terms[meta_order], edges),
            df=df,
        )


def _stable_order(terms: np.ndarray, count: int) -> np.ndarray:
    """`np.argsort(terms, kind="stable")` for values below `count`, faster.

    numpy sorts 16-bit keys stably by radix, in linear time, and 32-bit keys by merge sort:
    two radix passes (low half, then high half) give the same order in half the time of
    one merge sort over the millions of postings a spill holds.
    """
    if count <= 1 << 16:
        return np.argsort(terms.astype(np.uint16), kind="stable")
    order = np.argsort((terms & 0xFFFF).astype(np.uint16), kind="stable")
    high = (terms[order] >> 16).astype(np.uint16)
    return order[np.argsort(high, kind="stable")]


class PostingsWriter:
    """Files postings during one import and writes them into the `terms`/`postings` tables.

    Term numbers are the import's own (`numbers`); they become `terms` ids when the first
    slice of positions or spill of postings holds them: the id a term already has in the
    archive, or the next free one. Document counts add up in memory and are written once,
    by `flush`: a 1M import spills twenty times, and updating every touched term each time
    costs minutes.

    Positions (`store.index.phrases`) are filed a slice of `SLICE` items at a time while
    the items still stream in, not with the postings' spill: their sorting runs on a
    worker thread beside the import, and only the last slice is left for the end, when
    the reader process has nothing left to do and the importer alone works.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.numbers = TermNumbers(OWN)
        """Every term of this import; its order is the order of the postings written."""
        self._followed = array("I")
        """Position in `numbers` of each term a reader process numbered, by its number."""
        self._buffer = _Buffer()
        self._term_ids = np.zeros(0, dtype=np.int64)
        """`terms` id of each numbered term, 0 until a spill assigns it."""
        self._df = np.zeros(0, dtype=np.int64)
        self._stored: dict[str, int] | None = None
        """Terms the archive had before this import, read at the first spill."""
        self._next_id = 0
        self._retracted: Counter[str] = Counter()
        """Terms of items this import replaced, by how many such items hold them."""
        self._sequences = SequenceBuffer.empty()
        """Word sequences of the items added since the last slice of positions."""
        self._function: frozenset[str] | None = None
        """The function words this archive's positions are filed with, read once."""
        self._sorter: ThreadPoolExecutor | None = None
        self._sorted: Future[Filed] | None = None
        """The rows of the slice before, sorted on the worker thread, not written yet."""

    def follow(self, names: Iterable[str]) -> None:
        """Learn the terms a reader process numbered next (its numbers count up from 0)."""
        self._followed.extend(map(self.numbers.index, names))

    def add(self, rowid: int, item: Item, postings: Postings | None = None) -> None:
        """File one item's postings under `rowid`; folds the item here if not given."""
        if postings is None:
            postings = Postings.of(item, self.numbers)
        self._buffer.add(rowid, postings)
        self._sequences.add(rowid, postings.sequence)
        if len(self._sequences.rowids) >= SLICE:
            self._file_slice()
        if self._buffer.items >= SPILL_ITEMS:
            self._spill()

    def retract(self, item: Item) -> None:
        """Take a replaced item out of the document counts (written by `flush`).

        Its postings stay, filed under a rowid that no longer holds an item: search scores
        by rowid and ranks only the rowids of `Columns.order`, so they never match again,
        and rewriting every posting list the item was in would cost far more than the
        few bytes they keep. The counts must drop, or the words of the old text would
        keep their weight in prefix completion (`SearchIndex.candidates`).
        """
        self._retracted.update(item_terms(item))

    def flush(self) -> bool:
        """Write everything buffered and the document counts; True if anything was written.

        The archive calls it once, before COMMIT.
        """
        self._file_slice()  # sorted on the worker thread while the postings spill here
        self._spill()
        self._write_sorted()
        if self._sorter is not None:
            self._sorter.shutdown()
            self._sorter = None
        retracted = self._retracted
        if retracted:
            # after this import's own counts are in: a replaced item added by this very
            # import is retracted from the counts its addition wrote
            self._write_counts()
            self._conn.executemany(
                "UPDATE terms SET df = max(df - ?, 0) WHERE term = ?",
                [(n, term) for term, n in retracted.items()],
            )
            self.discard()
            return True
        return self._write_counts()

    def _write_counts(self) -> bool:
        touched = np.flatnonzero(self._df).tolist()
        if not touched:
            return False
        stored = self._stored or {}
        names, ids, df = self.numbers.names, self._term_ids.tolist(), self._df.tolist()
        known = [i for i in touched if names[i] in stored]
        self._conn.executemany(
            "UPDATE terms SET df = df + ? WHERE id = ?", [(df[i], ids[i]) for i in known]
        )
        self._conn.executemany(
            "INSERT INTO terms(id, term, df) VALUES (?, ?, ?)",
            [(ids[i], names[i], df[i]) for i in set(touched).difference(known)],
        )
        self.discard()
        return True

    def discard(self) -> None:
        if self._sorter is not None:
            self._sorter.shutdown(wait=True, cancel_futures=True)
        self._sorter = self._sorted = None
        self._sequences = SequenceBuffer.empty()
        self._function = None
        self._retracted = Counter()
        self.numbers.clear()
        self._followed = array("I")
        self._buffer = _Buffer()
        self._term_ids = np.zeros(0, dtype=np.int64)
        self._df = np.zeros(0, dtype=np.int64)
        self._stored = None

    def _spill(self) -> None:
        """Write buffered postings as a new chunk per term (appending keeps rowids sorted)."""
        if not self._buffer.items:
            return
        conn = self._conn
        count = len(self.numbers)
        buffer = self._buffer
        grouped = buffer.grouped(count, self._position)
        self._buffer = _Buffer()
        self._grow(count)
        touched = np.flatnonzero(grouped.df)
        self._assign(touched)
        self._df += grouped.df
        chunk = conn.execute("SELECT coalesce(max(chunk), 0) + 1 FROM postings").fetchone()[0]
        term_ids = self._term_ids.tolist()
        conn.executemany(
            "INSERT INTO postings(term, chunk, body, docs, fields) VALUES (?, ?, ?, ?, ?)",
            ((term_ids[i], chunk, *grouped.blobs(i)) for i in touched.tolist()),
        )

    def _grow(self, count: int) -> None:
        """Room in `_term_ids` and `_df` for `count` numbered terms."""
        grow = count - len(self._term_ids)
        if grow > 0:
            self._term_ids = np.concatenate([self._term_ids, np.zeros(grow, dtype=np.int64)])
            self._df = np.concatenate([self._df, np.zeros(grow, dtype=np.int64)])

    def _assign(self, positions: np.ndarray) -> None:
        """`terms` ids for the terms at these positions of `numbers` (ascending) that have
        none yet: the archive's id, or the next free one."""
        if self._stored is None:
            self._stored = dict(self._conn.execute("SELECT term, id FROM terms"))
            self._next_id = max(self._stored.values(), default=0) + 1
        names, stored, term_ids = self.numbers.names, self._stored, self._term_ids
        for i in positions[term_ids[positions] == 0].tolist():
            term_id = stored.get(names[i])
            if term_id is None:
                term_id, self._next_id = self._next_id, self._next_id + 1
            term_ids[i] = term_id

    def _name_buffered(self) -> None:
        """Give ids to the terms of the postings buffered so far: every word of an item's
        sequence is a term of that item (BREAK, in none, keeps 0 and is never filed)."""
        buffer = self._buffer
        count = len(self.numbers)
        self._grow(count)
        body, meta = buffer.named
        seen = np.zeros(count, dtype=bool)
        seen[self._position(np.frombuffer(buffer.body_terms, dtype=np.uint32)[body:])] = True
        seen[self._position(np.frombuffer(buffer.meta_terms, dtype=np.uint32)[meta:])] = True
        buffer.named = (len(buffer.body_terms), len(buffer.meta_terms))
        self._assign(np.flatnonzero(seen))

    def _file_slice(self) -> None:
        """Hand the sequences added since the last slice to the worker thread to be sorted
        into rows of the `phrases` table, and write the rows of the slice before."""
        sequences = self._sequences
        if not len(sequences.rowids):
            return
        self._sequences = SequenceBuffer.empty()
        self._name_buffered()
        terms = self._position(np.frombuffer(sequences.terms, dtype=np.uint32))
        ids = self._term_ids.astype(np.uint32)  # a copy: ids given later are not its business
        if self._function is None:
            self._function = filed_function_terms(self._conn)
        function = function_mask(self.numbers.ids, len(self.numbers), OWN, self._function)
        self._write_sorted()
        if self._sorter is None:
            self._sorter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="phrases")
        self._sorted = self._sorter.submit(sequences.slice_rows, terms, ids, function)

    def _write_sorted(self) -> None:
        """Write the rows of the slice the worker thread sorted last (on this thread: the
        connection's)."""
        if self._sorted is not None:
            rows, self._sorted = self._sorted.result(), None
            insert_rows(self._conn, rows)

    def _position(self, numbers: np.ndarray) -> np.ndarray:
        """Positions in `self.numbers` of term numbers from either process."""
        own = numbers >= OWN
        if own.all():  # one process did all the folding: no table to look through
            return numbers - np.uint32(OWN)
        followed = np.frombuffer(self._followed, dtype=np.uint32)
        out = np.empty_like(numbers)
        out[own] = numbers[own] - np.uint32(OWN)
        out[~own] = followed[numbers[~own]]
        return out
