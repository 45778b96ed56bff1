"""The search index: folded terms -> posting lists in the archive file, ranked with numpy.

Each query word is corrected against the vocabulary (exact, prefix while typing, typos by
length), the posting lists of its candidates are merged into one dense score array over
items, and words are ANDed by keeping only items every word scored. Dense arrays make
every step O(items) in vectorised numpy, a few milliseconds at a million items, where
brute-force fuzzy matching of every title costs hundreds.

Words are scored by rowid, the order posting lists are stored in, so scattering them walks
memory in sequence; the summed scores are then gathered once into date order
(`Columns.order`), where filters apply, the matches come out newest first from one
sequential pass, and ranking them is a stable sort by score alone.
"""

from __future__ import annotations

import bisect
import itertools
import json
import sqlite3
import string
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from store.index import phrases
from store.index.columns import Columns
from store.index.mapped import IndexUnavailable, MappedIndex, MappedVocabulary, TermPostings
from store.index.phrases import PhraseIndex, phrase_terms
from store.index.postings import BODY, NAME, ROLE, TITLE, Postings, PostingsWriter
from store.index.query import Query
from store.model import Item
from store.text.fold import (
    allowed_edits,
    compounds,
    fold_word,
    folds_to_nothing,
    tokens,
    typo_budget,
)
from store.text.lexicon import FUNCTION_WORDS

_FIELD_WEIGHT = np.zeros(16, dtype=np.float32)
for _mask in range(1, 16):
    # The best field counts whole, each other field a quarter: a name that is also in the
    # title ranks above a name alone.
    _weights = sorted(
        (w for bit, w in ((NAME, 4.0), (TITLE, 3.0), (ROLE, 2.0), (BODY, 1.0)) if _mask & bit),
        reverse=True,
    )
    _FIELD_WEIGHT[_mask] = _weights[0] + 0.25 * sum(_weights[1:])

EXACT, PREFIX = 1.0, 0.8
TYPO = (0.0, 0.6, 0.45)
"""Weight of a candidate term by edit distance: a corrected word ranks below an exact one,
so "Sultanov" lists Sultanov's items before Sultonov's."""
MAX_PREFIX_TERMS = 64
"""A one-letter prefix matches thousands of terms; the most frequent ones stand for it.
Shorter prefixes get fewer (16 for one or two letters, 32 for three): a first keystroke at
1M items would otherwise load a hundred megabytes of postings for a result nobody reads."""
CACHE_BYTES = 96 * 2**20
PREFIX_BODY_POSTINGS = 50_000
RECENT_WORDS = 2
"""Whole query words whose dense scores are kept (4 MB each at 1M items, in each session's
own memory), see `_scores_of`."""


PAIR = 1.0
"""Weight of two query words found side by side in one participant's name ("Pavel Arkhipov"
in an item that names Pavel Savelyev and Grigory Arkhipov ranks below one naming him)."""
MAX_PAIR_READINGS = 24
"""Readings per word tried when pairing words: the best-weighted ones."""


@cache
def _function_words() -> frozenset[str]:
    """`lexicon.FUNCTION_WORDS` as index terms, for `SearchIndex.candidates`."""
    return frozenset(fold_word(word) for word in FUNCTION_WORDS)


@dataclass(frozen=True)
class Matches:
    """Every item a query matches, ranked: better match first, then newer first."""

    rowids: np.ndarray
    scores: np.ndarray
    terms: frozenset[str]
    """Folded index terms that matched, for `highlight`; empty for a filter-only query."""
    query: Query = field(repr=False)
    prefixes: frozenset[str] = frozenset()
    """The folded word being typed, when it matched as a prefix (for `highlight`)."""
    positions: np.ndarray | None = field(default=None, repr=False)
    """The matches' positions in `Columns.order` (ascending: newest first), when the query
    had words: what counting them by month needs, without gathering a million rowids."""
    notes: tuple[str, ...] = ()
    """What the user should be told about the query ("no person matches 'a0'")."""

    def __len__(self) -> int:
        return len(self.rowids)


@dataclass
class _Vocabulary:
    """The archive's terms in this session's memory, read from its `terms` table: what
    search uses when there is no index file to map (`store.index.mapped`)."""

    terms: list[str]
    """Sorted, for prefix look-up by bisect."""
    ids: dict[str, int]
    df_of: dict[str, int]
    by_length: dict[int, list[str]]

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> _Vocabulary:
        rows = conn.execute("SELECT term, id, df FROM terms").fetchall()
        # Name pairs are looked up whole, never as prefixes or typo candidates.
        terms = sorted(r[0] for r in rows if " " not in r[0])
        by_length: dict[int, list[str]] = {}
        for term in terms:
            by_length.setdefault(len(term), []).append(term)
        return cls(
            terms=terms,
            ids={r[0]: r[1] for r in rows},
            df_of={r[0]: r[2] for r in rows},
            by_length=by_length,
        )

    def __contains__(self, term: str) -> bool:
        return term in self.ids

    def df(self, term: str) -> int:
        return self.df_of.get(term, 0)

    def term_id(self, term: str) -> int:
        return self.ids[term]

    def count_starting(self, prefix: str) -> int:
        return bisect.bisect_left(self.terms, prefix + "\U0010ffff") - bisect.bisect_left(
            self.terms, prefix
        )

    def completions(self, prefix: str, most: int, leave_out: frozenset[str]) -> list[str]:
        start = bisect.bisect_left(self.terms, prefix)
        stop = bisect.bisect_left(self.terms, prefix + "\U0010ffff")
        found = [t for t in self.terms[start:stop] if t not in leave_out]
        if len(found) > most:
            found = sorted(found, key=self.df_of.__getitem__, reverse=True)[:most]
        return found

    def of_length(self, length: int) -> list[str]:
        return self.by_length.get(length, [])


class SearchIndex:
    """Builds posting lists during imports and answers queries from them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.writer = PostingsWriter(conn)
        self._vocab: _Vocabulary | None = None
        self._mapped: MappedIndex | None = None
        """The index file this session maps (`attach`); None: postings come from the
        archive's tables, cached in `_postings`."""
        self.problem: str | None = None
        """Why the index file is not used, when it was found damaged during the session."""
        self._warmed = 0
        self._columns = Columns.empty()
        """The columns the cached postings' positions refer to (`use`)."""
        self._recent_scores: OrderedDict[
            tuple[str, bool, int, bool], tuple[np.ndarray, int]
        ] = OrderedDict()
        """`_scores_of`: a word's scores, and how many items its readings stand in (what
        scoring it costs)."""
        self._phrases = PhraseIndex(conn)
        self._covered: int | None = None
        """`phrases.covered_through`, read once per import."""
        self._postings: OrderedDict[tuple[int, bool], TermPostings] = OrderedDict()
        self._cached_bytes = 0

    # -- building --------------------------------------------------------------------------

    def add(self, rowid: int, item: Item, postings: Postings | None = None) -> None:
        """File one item's postings (folded here unless a reader process did it)."""
        self.writer.add(rowid, item, postings)

    def fold(self, items: Sequence[Item]) -> list[Postings]:
        """The postings of `items`, folded here as one batch (`Postings.of_items`)."""
        return Postings.of_items(items, self.writer.numbers)

    def retract(self, item: Item) -> None:
        """An item replaced by this import leaves the index (see `PostingsWriter.retract`)."""
        self.writer.retract(item)

    def catch_up(self, separator: str) -> None:
        """Before an import: file in the positional index the items it lacks (an archive
        made before it, or grown by an older pressroom), so the import leaves it whole."""
        phrases.catch_up(self._conn, separator)
        self._covered = None

    def flush(self) -> None:
        """Write everything buffered; the archive calls it once, before COMMIT."""
        if self.writer.flush():
            phrases.mark_covered(self._conn)
            self._forget()

    def discard(self) -> None:
        self.writer.discard()
        self._forget()

    def attach(self, mapped: MappedIndex | None) -> None:
        """Read the vocabulary and postings from `mapped` (an index file matching the
        archive as this session opened it), or, with None, from the archive's tables."""
        self._mapped = mapped
        self._forget()

    def _damaged(self, error: IndexUnavailable) -> None:
        """The index file failed a check while in use: search goes on from the tables."""
        self.problem = f"{error}; searching without it until an import rewrites it"
        self.attach(None)

    def release(self) -> None:
        """Let go of what only the next keystrokes would reuse (the scores of the words
        typed, posting lists read from the tables, phrase lists): a session whose user
        paused keeps a few megabytes instead of tens; typing on recomputes a word's scores
        (~10 ms at 10^6 items)."""
        self._recent_scores.clear()
        self._postings.clear()
        self._cached_bytes = 0
        self._phrases.release()

    def _forget(self) -> None:
        self._vocab = None
        self._warmed = 0
        self._recent_scores.clear()
        self._postings.clear()
        self._cached_bytes = 0
        self._phrases.forget()
        self._covered = None

    # -- loading ---------------------------------------------------------------------------

    def warm(self) -> None:
        self._vocabulary()

    def use(self, columns: Columns) -> None:
        """Rank over `columns` from now on (the archive's, rebuilt by each import): cached
        postings stop at the rowids those columns hold, and cached scores have their size."""
        if columns is not self._columns:
            self._columns = columns
            self._recent_scores.clear()
            self._postings.clear()
            self._cached_bytes = 0
            self._phrases.use(len(columns.kind))

    def first_letters(self) -> list[str]:
        """Letters index terms begin with, those beginning the most terms first.

        Folded terms are ASCII (Cyrillic folds to Latin), so two binary searches of the
        sorted vocabulary per letter count them: no walk over 10^6 terms under the lock.
        """
        vocabulary = self._vocabulary()
        count = {letter: vocabulary.count_starting(letter) for letter in string.ascii_lowercase}
        return sorted((c for c in count if count[c]), key=count.__getitem__, reverse=True)

    def warm_prefix(self, letter: str) -> bool:
        """Load what typing `letter` as a first keystroke reads; False once the cache is
        three quarters full: the rest is for the user's searches (and warm letters nobody
        types are the first the cache lets go)."""
        used = self._warmed if self._mapped is not None else self._cached_bytes
        if used >= CACHE_BYTES * 3 // 4:
            return False
        candidates = self.candidates(letter, prefix=True)
        head_only = self._head_only(candidates)
        for term in candidates:
            # From an index file this reads the pages (shared: another session may have
            # read them already) and checks them; from the tables it fills the cache.
            self._warmed += self._load(term, head_only=term in head_only).nbytes
        return True

    def _vocabulary(self) -> _Vocabulary | MappedVocabulary:
        if self._mapped is not None:
            return self._mapped.vocabulary
        if self._vocab is None:
            self._vocab = _Vocabulary.read(self._conn)
        return self._vocab

    def _load(self, term: str, *, head_only: bool = False) -> TermPostings:
        """The postings of one term; with `head_only`, its title/names/roles alone.

        From the index file they are views of its pages, no copy. From the archive's
        tables they are read (and cached); there, rowids past the columns (items another
        session imported since they were built) are left out until the archive reloads.
        """
        mapped = self._mapped
        if mapped is not None:
            number = mapped.vocabulary.number(term)
            if number is not None:
                try:
                    found = mapped.postings(number, head_only=head_only)
                except IndexUnavailable as error:
                    self._damaged(error)
                else:
                    if head_only:  # as if the text were not read: no BODY bits either
                        masks = found.masks & np.uint8(~BODY & 0xFF)
                        return TermPostings(found.body, found.meta, masks)
                    return found
        term_id = self._vocabulary().term_id(term)
        key = (term_id, head_only)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        columns = "x'', docs, fields" if head_only else "body, docs, fields"
        rows = self._conn.execute(
            f"SELECT {columns} FROM postings WHERE term = ? ORDER BY chunk", (term_id,)
        ).fetchall()
        # Chunks hold disjoint, ascending rowid ranges: joined, each column is one sorted
        # array, so a term of twenty chunks costs three joins instead of sixty small arrays.
        body_docs = np.frombuffer(b"".join(r[0] for r in rows), dtype=np.uint32)
        meta_docs = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint32)
        meta_masks = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.uint8)
        limit = len(self._columns.kind)
        if len(body_docs) and body_docs[-1] >= limit:
            body_docs = body_docs[: np.searchsorted(body_docs, limit)]
        if len(meta_docs) and meta_docs[-1] >= limit:
            meta_masks = meta_masks[: np.searchsorted(meta_docs, limit)]
            meta_docs = meta_docs[: len(meta_masks)]
        if len(body_docs) and len(meta_docs):
            # which title/name rowids also have the word in the text: a mark per rowid
            # (~2 ms for a million postings; a binary search of the body list took 15)
            in_body = np.zeros(limit, dtype=bool)
            in_body[body_docs] = True
            meta_masks = meta_masks | in_body[meta_docs].astype(np.uint8) * BODY
        found = TermPostings(body_docs, meta_docs, meta_masks)
        self._postings[key] = found
        self._cached_bytes += found.nbytes
        while self._cached_bytes > CACHE_BYTES and len(self._postings) > 1:
            _, old = self._postings.popitem(last=False)
            self._cached_bytes -= old.nbytes
        return found

    # -- querying --------------------------------------------------------------------------

    def candidates(self, word: str, *, prefix: bool) -> dict[str, float]:
        """Vocabulary terms that `word` may mean, with the weight of each reading."""
        vocab = self._vocabulary()
        folded = fold_word(word)
        if not folded or folds_to_nothing(word, folded):
            return {}
        found: dict[str, float] = {}
        if folded in vocab:
            found[folded] = EXACT
        if prefix:
            most = MAX_PREFIX_TERMS >> max(0, min(2, 4 - len(folded)))
            for term in vocab.completions(folded, most, _function_words()):
                found.setdefault(term, PREFIX)
        # A word of 5+ letters may have typos; how many follows the longer of the two words
        # as a user would spell them. Folding shortens ("Kh" -> "h"), so a term's spelled
        # length is estimated from the query's own shrinkage: "Beusova" (7 letters) may
        # mean Belousova (9), 2 edits away; "Mink" (4) may not mean Minsk.
        shrink = max(0, len(word) - len(folded))
        own = typo_budget(word, folded)
        for length in range(max(2, len(folded) - 2), len(folded) + 3):
            edits = max(own, allowed_edits("x" * (length + shrink))) if own else 0
            edits = min(edits, length - 2)  # a typo reading shares two letters at least
            if abs(length - len(folded)) > edits or not edits:
                continue
            for term, distance, _ in process.extract(
                folded,
                vocab.of_length(length),
                scorer=Levenshtein.distance,
                score_cutoff=edits,
                limit=None,
            ):
                if term not in found:
                    found[term] = TYPO[int(distance)]
        return found

    def _word_scores(
        self,
        candidates: dict[str, float],
        only: int = 0,
        head_only: frozenset[str] = frozenset(),
    ) -> np.ndarray:
        """A dense score per rowid: the best reading of one word, weighted by field."""
        scores = np.zeros(len(self._columns.kind), dtype=np.float32)
        for n, (term, weight) in enumerate(candidates.items()):
            found = self._load(term, head_only=term in head_only)
            if n == 0 and not only:
                # nothing scored yet, and a title, name or role outweighs the text
                # (`_FIELD_WEIGHT`, at least 2 against 1): two scatters give what `_raise`
                # gives, without its gathers (a common word: 10^6 rowids in each field)
                scores[found.body] = np.float32(weight * _FIELD_WEIGHT[BODY])
                scores[found.meta] = _FIELD_WEIGHT[found.masks] * np.float32(weight)
                continue
            # the text first, then title/names/roles (whose bits say if the text has it
            # too): where a rowid is in both, the better field is the one left
            if not only or only & BODY:
                _raise(scores, found.body, np.float32(weight * _FIELD_WEIGHT[only or BODY]))
            meta, masks = found.meta, found.masks
            if only:
                meta = meta[(masks & only) != 0]
                _raise(scores, meta, np.float32(weight * _FIELD_WEIGHT[only]))
            else:
                _raise(scores, meta, _FIELD_WEIGHT[masks] * np.float32(weight))
        return scores

    def _scores_of(
        self, word: str, prefix: bool, only: int, candidates: dict[str, float],
        exact: bool = False, query: frozenset[tuple[str, bool, int, bool]] = frozenset(),
    ) -> np.ndarray:
        """`_word_scores` of one query word (read-only), kept for the next few keystrokes.

        While "security co" is typed, "security" scores the same at every keystroke: a
        million-item array re-scattered from its postings each time (~10 ms at 1M). The
        word being typed changes at each keystroke: its scores are not kept. When the
        RECENT_WORDS kept are all words of this same `query`, a word's scores replace the
        cheapest of them (in fewest items) only if they cost more: a query of more words
        then scores its cheapest word anew each time, where each word let the one before
        go and every one was scored anew ("part in the": "the" in place of "part", "part"
        in place of "in"...); "the" alone costs 20 ms at 10^6 items.
        """
        key = (word, prefix, only, exact)  # as typed: its length sets the typos allowed
        kept = self._recent_scores.get(key)
        if kept is not None:
            self._recent_scores.move_to_end(key)
            return kept[0]
        head_only = self._head_only(candidates) if prefix else frozenset()
        scores = self._word_scores(candidates, only, head_only)
        scores.flags.writeable = False
        if prefix:
            return scores
        cost = sum(map(self._vocabulary().df, candidates))  # items, as many postings or more
        if len(self._recent_scores) >= RECENT_WORDS:
            spare = [other for other in self._recent_scores if other not in query]
            if not spare:  # all words of this query: the cheapest makes way, if cheaper
                spare = [min(self._recent_scores, key=lambda k: self._recent_scores[k][1])]
                if self._recent_scores[spare[0]][1] >= cost:
                    return scores
            del self._recent_scores[spare[0]]
        self._recent_scores[key] = (scores, cost)
        return scores

    def _head_only(self, candidates: dict[str, float]) -> frozenset[str]:
        """Completions of the word being typed to match in titles, names and roles only.

        While typing "sec", the completions' body postings run to millions at 1M items:
        when they pass PREFIX_BODY_POSTINGS the completions match outside the body alone,
        until the word is complete (an exact term matches everywhere). A one- or
        two-letter term counts as a completion too: "s" as a word of its own is the "s" of
        "CSTO's" in half the texts, a million body postings nobody means by typing "s".
        """
        completions = [
            t for t, w in candidates.items() if w == PREFIX or (w == EXACT and len(t) <= 2)
        ]
        df = self._vocabulary().df
        if sum(map(df, completions)) <= max(PREFIX_BODY_POSTINGS, len(self._columns) // 10):
            return frozenset()
        return frozenset(completions)

    def _pairs(self, readings: list[dict[str, float]]) -> dict[str, float]:
        """Name-pair terms for adjacent query words, weighted by both words' readings."""
        vocab = self._vocabulary()
        found: dict[str, float] = {}
        best = [
            sorted(r.items(), key=lambda kv: kv[1], reverse=True)[:MAX_PAIR_READINGS]
            for r in readings
        ]
        for left, right in itertools.pairwise(best):
            for first, first_weight in left:
                for second, second_weight in right:
                    weight = PAIR * first_weight * second_weight
                    for term in (f"{first} {second}", f"{first[0]} {second}"):
                        if weight > found.get(term, 0.0) and term in vocab:
                            found[term] = weight
        return found

    def match(
        self, query: Query, columns: Columns, *, allowed: np.ndarray | None = None
    ) -> Matches:
        """Every item matching `query` (and among `allowed` rowids, when given), ranked.

        The steps: the filters as a mask over the date order; each required word's scores,
        ANDed; the bonus for words standing together; exclusions and phrases; the ranking.
        """
        self.use(columns)
        keep = self._kept(query, columns, allowed)
        if not query.has_text:  # filters and -words only: the archive in date order
            return self._filtered(query, columns, keep)
        required = _required_words(query)
        scored = self._scored(required, len(columns.kind))
        if scored is None:
            return Matches(
                np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), frozenset(), query
            )
        total, readings, matched_terms = scored
        pairs = self._pairs(readings[: len(query.words)])
        if pairs:
            bonus = self._word_scores(pairs)
            bonus *= total > 0
            total += bonus
        for term in self._excluded(query):
            excluded = self._load(term)
            total[excluded.body] = 0
            total[excluded.meta] = 0
        for phrase in query.phrases:
            self._keep_phrase(total, phrase)
            matched_terms.add(" ".join(phrase_terms(phrase)))
        typed = frozenset(
            fold_word(word) for word, prefix, _, _ in required if prefix and fold_word(word)
        )
        return _ranked(total, columns, keep, query, frozenset(matched_terms), typed)

    def _kept(
        self, query: Query, columns: Columns, allowed: np.ndarray | None
    ) -> np.ndarray:
        """The query's kind and date filters (and `allowed`) as a bool per date position."""
        count = len(columns)
        keep = columns.keep(query.kind, query.after, query.before)
        if allowed is not None:
            permitted = np.zeros(count + 1, dtype=bool)
            permitted[np.take(columns.position, allowed, mode="clip")] = True
            keep &= permitted[:count]
        return keep

    def _filtered(self, query: Query, columns: Columns, keep: np.ndarray) -> Matches:
        """A query of filters and -words only: what they keep, in date order."""
        count = len(columns)
        for term in self._excluded(query):
            positions = np.take(columns.position, self._load(term).rowids(), mode="clip")
            keep[positions[positions < count]] = False
        rowids = columns.order[keep]
        return Matches(rowids, np.ones(len(rowids), dtype=np.float32), frozenset(), query)

    def _scored(
        self, required: list[_Required], size: int
    ) -> tuple[np.ndarray, list[dict[str, float]], set[str]] | None:
        """Summed scores per rowid of the items every required word matches (0: left out),
        each word's readings, and the terms matched; None when a word matches nothing."""
        total = np.zeros(0, dtype=np.float32)
        matched_terms: set[str] = set()
        readings: list[dict[str, float]] = []
        found = np.empty(size, dtype=bool)
        for index, (word, prefix, only, exact) in enumerate(required):
            if exact:
                folded = fold_word(word)
                candidates = {folded: EXACT} if folded in self._vocabulary() else {}
            else:
                candidates = self.candidates(word, prefix=prefix)
                matched_terms.update(candidates)
            if not candidates:
                return None
            readings.append(candidates)
            scores = self._scores_of(word, prefix, only, candidates, exact, frozenset(required))
            if index == 0:
                total = scores.copy()
                continue
            # AND: an item stays only if every word so far scored; in place, no temporaries.
            np.greater(total, 0, out=found)
            np.logical_and(found, scores > 0, out=found)
            total += scores
            total *= found
        return total, readings, matched_terms

    def _keep_phrase(self, total: np.ndarray, phrase: tuple[str, ...]) -> None:
        """Zero the score of every item where `phrase` does not stand, words in order.

        Items the positional index covers are answered from it, the whole archive at
        once; items past it (added by an older pressroom since, until the next import
        files them) are checked on their text.
        """
        terms = phrase_terms(phrase)
        vocab = self._vocabulary()
        if len(terms) < 2:  # a "phrase" of one word is that word, already required
            return
        if self._covered is None:
            self._covered = phrases.covered_through(self._conn)
        covered = self._covered
        holds = np.zeros(len(total), dtype=bool)
        if all(term in vocab for term in terms) and covered:
            term_ids = [vocab.term_id(term) for term in terms]
            self._phrases.mark(term_ids, terms, holds[: covered + 1])
        if covered + 1 < len(total):
            later = np.flatnonzero(total[covered + 1 :] > 0) + covered + 1
            holds[later[self._with_phrases(later, (phrase,))]] = True
        total *= holds

    def _excluded(self, query: Query) -> list[str]:
        """Index terms of the query's -words (a -word nobody wrote excludes nothing)."""
        vocab = self._vocabulary()
        return [term for term in map(fold_word, query.excluded) if term in vocab]

    def _with_phrases(
        self, rowids: np.ndarray, phrases_: tuple[tuple[str, ...], ...]
    ) -> np.ndarray:
        """A bool per rowid of `rowids`: does the item hold each phrase, words in order?
        Read from their text, for items the positional index does not cover yet."""
        wanted = [phrase_terms(phrase) for phrase in phrases_]
        kept: set[int] = set()
        for start in range(0, len(rowids), 500):
            part = [int(r) for r in rowids[start : start + 500]]
            marks = ",".join("?" * len(part))
            for rowid, title, participants, body in self._conn.execute(
                f"SELECT rowid, title, participants, body FROM items WHERE rowid IN ({marks})",
                part,
            ):
                names = [p["name"] for p in json.loads(participants)]
                words = phrases.sequence([title, *names, *body.split("\x1e")])
                if all(phrases.stands_in(terms, words) for terms in wanted):
                    kept.add(rowid)
        return np.array([int(r) in kept for r in rowids], dtype=bool)


def _raise(scores: np.ndarray, rowids: np.ndarray, value: np.ndarray | np.float32) -> None:
    """Raise `scores` at `rowids` to `value` where it is higher (a gather and a scatter)."""
    current = scores[rowids]
    np.maximum(current, value, out=current)
    scores[rowids] = current


def highlight(
    text: str, terms: frozenset[str] | set[str], prefixes: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Character spans of the words in `text` whose folded form is one of `terms`.

    A term of several words (a "phrase", `Matches.terms`) marks each place those words
    stand in that order, as one span from its first word to its last. A word also counts
    when it starts with one of `prefixes` (`Matches.prefixes`: the word being typed), and
    a hyphenated word when its joined form matched.
    """
    if not (terms or prefixes) or not text:
        return []
    starts = tuple(prefixes)
    words = tokens(text)
    spans = [
        (start, end)
        for term, start, end in words
        if term in terms or (starts and term.startswith(starts))
    ]
    runs = [term.split(" ") for term in terms if " " in term]
    if runs:
        spans = sorted(set(spans).union(_phrase_spans(text, words, runs)))
    joined = [(start, end) for term, start, end in compounds(text) if term in terms]
    if joined:
        inside = {i for start, end in joined for i in range(start, end)}
        spans = sorted(joined + [s for s in spans if s[0] not in inside])
    return spans


def _phrase_spans(
    text: str, words: list[tuple[str, int, int]], runs: list[list[str]]
) -> list[tuple[int, int]]:
    """Spans of the places where one of `runs` stands in `words` (tokens of `text`),
    never across a line break (a paragraph end)."""
    folded = [term for term, _, _ in words]
    out = []
    for run in runs:
        size = len(run)
        for at in range(len(folded) - size + 1):
            if folded[at : at + size] == run:
                start, end = words[at][1], words[at + size - 1][2]
                if "\n" not in text[start:end]:
                    out.append((start, end))
    return out


_Required = tuple[str, bool, int, bool]
"""A word every match must hold: (word, as a prefix, only in these fields, exactly)."""


def _required_words(query: Query) -> list[_Required]:
    """The words of the query, of its person: filters and of its phrases, in that order;
    the last one typed is a prefix while the user types it."""
    required: list[_Required] = []
    for index, word in enumerate(query.words):
        last = index == len(query.words) - 1 and not query.phrases and not query.people
        required.append((word, last and query.last_is_prefix, 0, False))
    for person in query.people:
        for index, word in enumerate(person):
            last = index == len(person) - 1 and query.last_is_prefix and not query.words
            required.append((word, last, NAME, False))
    for phrase in query.phrases:
        # a phrase means its words as written (after folding): no typo readings
        required.extend((word, False, 0, True) for word in phrase if fold_word(word))
    return required


def _ranked(
    total: np.ndarray, columns: Columns, keep: np.ndarray, query: Query,
    terms: frozenset[str], typed: frozenset[str],
) -> Matches:
    """The scored items the filters keep, best first, newest first within a score."""
    in_order = total[columns.order]  # the one gather into date order
    in_order *= keep
    hits = np.flatnonzero(in_order > 0)  # positions in `order`: newest first
    scores = in_order[hits]
    # Scores come in few distinct levels: a stable radix sort on a 16-bit key keeps the
    # date order inside each level, so ranking a million matches costs milliseconds.
    key = np.multiply(scores, -64)
    np.maximum(key, -32767, out=key)  # a pasted paragraph of a query must not wrap
    by_rank = np.argsort(key.astype(np.int16), kind="stable")
    return Matches(columns.order[hits[by_rank]], scores[by_rank], terms, query, typed, hits)
