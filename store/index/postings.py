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
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, repeat
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from store.index.phrases import (
    BREAK,
    SLICE,
    U32,
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
from store.model import Item, Participant
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


class _Table:
    """A uint32 column that grows by appending (room doubles), read by numpy in place."""

    def __init__(self) -> None:
        self._data = np.zeros(1024, dtype=np.uint32)
        self.size = 0

    def extend(self, values: array[int]) -> None:
        end = self.size + len(values)
        if end > len(self._data):
            grown = np.zeros(max(end, 2 * len(self._data)), dtype=np.uint32)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : end] = np.frombuffer(values, dtype=np.uint32)
        self.size = end

    def append(self, value: int) -> None:
        self.extend(array("I", (value,)))

    @property
    def values(self) -> U32:
        return self._data[: self.size]

    def clear(self) -> None:
        self.size = 0


class _TokenIndex(dict[str, int]):
    """Text token -> its number. A token not seen yet is folded and numbered by the look-up
    that misses it (`__missing__`), so a batch looks its tokens up with no set of them
    made first: a hit costs what a plain dict's does, at C speed."""

    def __init__(self, learned: Callable[[str], int]) -> None:
        super().__init__()
        self._learned = learned

    def __missing__(self, token: str) -> int:
        return self._learned(token)


class _Tokens:
    """Each text token seen, numbered, with the numbers of its words and of its index terms
    (`store.index.phrases.words_of`, `token_terms`) as slices of flat columns: a batch of
    items maps its tokens to numbers once, and numpy gathers their words and terms."""

    def __init__(self, learned: Callable[[str], int]) -> None:
        self.index = _TokenIndex(learned)
        self.word_starts, self.word_counts, self.words = _Table(), _Table(), _Table()
        self.term_starts, self.term_counts, self.terms = _Table(), _Table(), _Table()

    def __len__(self) -> int:
        return len(self.index)

    def clear(self) -> None:
        self.index.clear()
        for table in (self.word_starts, self.word_counts, self.words, self.term_starts,
                      self.term_counts, self.terms):
            table.clear()


class TermNumbers:
    """Index terms numbered in order of first sight, from `base`, over one import."""

    def __init__(self, base: int = 0) -> None:
        self.base = base
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.tokens = _Tokens(self._learned)
        """The text tokens seen, with the numbers of their words and terms: an item's
        sequence and terms are then gathered by numpy, with no string folded, hashed into
        a set or looked up again once its token has been seen."""
        self.people: dict[Participant, tuple[array[int], bytes]] = {}
        """Each participant's terms and field bits (`person`)."""

    def __len__(self) -> int:
        return len(self.names)

    def person(self, participant: Participant) -> tuple[array[int], bytes]:
        """The numbers of a participant's terms (name, name pairs, role and organisation)
        and their field bits: the same people recur in thousands of items."""
        found = self.people.get(participant)
        if found is None:
            masks = _person_masks(participant)
            found = (self.number(masks), bytes(masks.values()))
            if len(self.people) > 200_000:  # bounded, as the token caches are
                self.people.clear()
            self.people[participant] = found
        return found

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

    def _learned(self, token: str) -> int:
        """Fold a text token not seen yet and number its words and terms; its number."""
        learn({token})
        number_of, tokens = self.number_of, self.tokens
        words = array("I", map(number_of, words_of(token)))
        terms = array("I", map(number_of, token_terms(token)))
        tokens.word_starts.append(tokens.words.size)
        tokens.word_counts.append(len(words))
        tokens.words.extend(words)
        tokens.term_starts.append(tokens.terms.size)
        tokens.term_counts.append(len(terms))
        tokens.terms.extend(terms)
        number = len(tokens.index)
        tokens.index[token] = number
        return number

    def clear(self) -> None:
        self.ids.clear()
        self.names.clear()
        self.tokens.clear()
        self.people.clear()


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
        """Fold `item` and number every term (see `of_items`)."""
        return cls.of_items([item], numbers)[0]

    @classmethod
    def of_items(cls, items: Sequence[Item], numbers: TermNumbers) -> list[Postings]:
        """Fold `items` and number every term: their postings, in order.

        Each distinct token is folded and numbered once per import, by the look-up that
        first meets it (`TermNumbers._learned`), and each participant's terms once
        (`TermNumbers.person`); after that a batch costs a cut of each item's title, names
        and text and one dict look-up per token, and numpy does the rest for all the items
        at once: gathers the words of every token (the sequences), each item's distinct
        text terms (a sort of (item, token), then of (item, term)), and its title and
        people terms with their field bits.
        """
        if not items:
            return []
        if len(numbers.tokens) > 2_000_000:  # bounded, as the token caches of folding are
            numbers.tokens.clear()
        cut: list[str] = []
        lengths = array("q")
        """Per item: tokens of its title; of its title and names (each segment ending in
        BREAK, as `store.index.phrases.sequence` cuts them); of its text."""
        people_terms, people_bits, people_counts = array("I"), bytearray(), array("q")
        person = numbers.person
        for item in items:
            title = item.title.split()
            names = tokens_of([*(p.name for p in item.participants), ""])
            body = tokens_of(item.body)
            cut += title
            cut.append(BREAK)
            cut += names
            cut += body
            lengths.extend((len(title), len(title) + 1 + len(names), len(body)))
            held = len(people_terms)
            for participant in item.participants:
                numbered, fields = person(participant)
                people_terms += numbered
                people_bits += fields
            people_counts.append(len(people_terms) - held)
        tokens = numbers.tokens
        at = np.fromiter(map(tokens.index.__getitem__, cut), dtype=np.int64, count=len(cut))
        del cut
        count = len(items)
        title_head_body = np.frombuffer(lengths, dtype=np.int64).reshape(count, 3)
        per_item = title_head_body[:, 1] + title_head_body[:, 2]
        item_ends = np.cumsum(per_item)
        item_starts = item_ends - per_item
        words, word_bounds = _gathered(
            at, tokens.word_starts.values, tokens.word_counts.values, tokens.words.values
        )
        sequences = words.tobytes()
        sequence_at = (word_bounds[np.concatenate([item_starts, item_ends[-1:]])] * 4).tolist()
        owner = np.repeat(np.arange(count, dtype=np.uint64), per_item)
        place = np.arange(len(at)) - np.repeat(item_starts, per_item)
        # distinct (item, term) of the texts
        in_body = place >= np.repeat(title_head_body[:, 1], per_item)
        body_keys = _term_keys(owner[in_body], at[in_body], tokens)
        # of the titles, then with the people's terms, each (item, term) once with its bits
        in_title = place < np.repeat(title_head_body[:, 0], per_item)
        title_keys = _term_keys(owner[in_title], at[in_title], tokens)
        del owner, place, in_body, in_title
        people_owner = np.repeat(np.arange(count, dtype=np.uint64), people_counts)
        keys = np.concatenate([
            title_keys,
            (people_owner << np.uint64(32)) | np.frombuffer(people_terms, dtype=np.uint32),
        ])
        bits = np.concatenate([
            np.full(len(title_keys), TITLE, dtype=np.uint8),
            np.frombuffer(people_bits, dtype=np.uint8),
        ])
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        firsts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])[: len(keys)])
        meta_keys = keys[firsts]
        meta_masks = np.bitwise_or.reduceat(bits[order], firsts) if len(keys) else bits
        # terms both in the text and in the title or names: meta terms among the text's
        if len(body_keys):
            found = np.searchsorted(body_keys, meta_keys)
            found[found == len(body_keys)] = 0
            shared = body_keys[found] == meta_keys
        else:
            shared = np.zeros(len(meta_keys), dtype=bool)
        items_at = np.arange(count + 1, dtype=np.uint64)
        low = np.uint64(0xFFFFFFFF)
        bodies = (body_keys & low).astype(np.uint32).tobytes()
        body_at = (np.searchsorted(body_keys >> np.uint64(32), items_at) * 4).tolist()
        metas = (meta_keys & low).astype(np.uint32).tobytes()
        masks = meta_masks.tobytes()
        meta_at = np.searchsorted(meta_keys >> np.uint64(32), items_at).tolist()
        boths = (meta_keys[shared] & low).astype(np.uint32).tobytes()
        both_at = (np.searchsorted(meta_keys[shared] >> np.uint64(32), items_at) * 4).tolist()
        return [
            cls(
                bodies[body_at[i] : body_at[i + 1]],
                metas[meta_at[i] * 4 : meta_at[i + 1] * 4],
                masks[meta_at[i] : meta_at[i + 1]],
                boths[both_at[i] : both_at[i + 1]],
                sequences[sequence_at[i] : sequence_at[i + 1]],
            )
            for i in range(count)
        ]


def _term_keys(
    owner: npt.NDArray[np.uint64], at: npt.NDArray[np.int64], tokens: _Tokens
) -> npt.NDArray[np.uint64]:
    """`item << 32 | term` for every distinct (item, term) of the tokens `at` of the items
    `owner`, sorted: distinct (item, token) first, then their terms gathered."""
    pairs = _distinct((owner << np.uint64(32)) | at.astype(np.uint64))
    distinct_tokens = (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64)
    terms, bounds = _gathered(
        distinct_tokens, tokens.term_starts.values, tokens.term_counts.values,
        tokens.terms.values,
    )
    term_owner = np.repeat(pairs >> np.uint64(32), np.diff(bounds))
    return _distinct((term_owner << np.uint64(32)) | terms.astype(np.uint64))


def _gathered(
    at: npt.NDArray[np.int64], starts: U32, counts: U32, flat: U32
) -> tuple[U32, npt.NDArray[np.int64]]:
    """The values of `flat` that each of `at` owns (`counts[a]` from `starts[a]`), end to
    end, and where each one's begin (with the end last)."""
    sizes = counts[at].astype(np.int64)
    bounds = np.zeros(len(at) + 1, dtype=np.int64)
    np.cumsum(sizes, out=bounds[1:])
    picks = np.repeat(starts[at].astype(np.int64) - bounds[:-1], sizes)
    picks += np.arange(int(bounds[-1]), dtype=np.int64)
    return flat[picks], bounds


def _distinct(keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """`np.unique(keys)`: a sort and a comparison of neighbours, several times faster."""
    keys.sort()
    if len(keys) < 2:
        return keys
    kept = np.empty(len(keys), dtype=bool)
    kept[0] = True
    np.not_equal(keys[1:], keys[:-1], out=kept[1:])
    return keys[kept]


def _fields(item: Item) -> tuple[set[str], dict[str, int]]:
    """The terms of an item's text, and those of its title and people with their field bits."""
    return terms_of(set(tokens_of(item.body))), _meta(item)


def _meta(item: Item) -> dict[str, int]:
    """The terms of an item's title and people, with their field bits."""
    masks = dict.fromkeys(fold_set(item.title), TITLE)
    for person in item.participants:
        for term, bits in _person_masks(person).items():
            masks[term] = masks.get(term, 0) | bits
    return masks


def _person_masks(person: Participant) -> dict[str, int]:
    """The terms one participant gives an item, with their field bits."""
    masks = dict.fromkeys(_folded(person.name), NAME)
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
        # Rowids were added in ascending order and a body holds a term once: sorting
        # (term << 32 | rowid) in place groups the body postings as a stable sort by term
        # would, with no permutation to gather (the bulk of a spill: ~160 an item).
        body = (body_terms.astype(np.uint64) << np.uint64(32)) | body_docs
        body.sort()
        # the meta postings carry their field bits along: a stable sort's permutation
        meta_order = _stable_order(meta_terms, count)
        edges = np.arange(count + 1, dtype=np.uint32)
        both_terms = position(np.frombuffer(self.both_terms, dtype=np.uint32))
        df = (
            np.bincount(body_terms, minlength=count)
            + np.bincount(meta_terms, minlength=count)
            - np.bincount(both_terms, minlength=count)
        )
        return _Grouped(
            body_docs=body.astype(np.uint32),
            body_bounds=np.searchsorted(body >> np.uint64(32), edges.astype(np.uint64)),
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
