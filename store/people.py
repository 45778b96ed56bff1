"""People as first-class records: one per person across spellings, scripts and items."""

from __future__ import annotations

import bisect
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from store.fold import fold_word
from store.model import Item, Person
from store.search import allowed_edits

_NAME_WORD = re.compile(r"[^\W\d_]+")
"""Letters only, so "K.M.Sadykov" gives K, M, Sadykov and "И.Тасмагамбетов" И, Тасмагамбетов."""


def name_words(name: str) -> list[str]:
    return _NAME_WORD.findall(name)


@lru_cache(maxsize=100_000)  # an import keys the same few thousand names again and again
def person_key(name: str) -> str:
    """One key per person: the folded surname and the initial of the first name.

    "Fyodor Voitolovsky", "F. Voytolovskiy" and "Ф.Войтоловский" share "voitolovski f"
    (whatever `fold_word` makes of the surname), while Sultanov and Sultonov stay apart.
    A bare surname keys on the surname alone; the import links it to the one person with
    that surname when there is exactly one.
    """
    words = name_words(name)
    if not words:
        return ""
    surname = fold_word(words[-1])
    if len(words) == 1:
        return surname
    key = f"{surname} {fold_word(words[0])[:1]}"
    return key + " f" if _feminine(words[0], words[-1]) else key


_MASCULINE_IN_A = frozenset(
    "nikita ilya ilia foma kuzma luka savva danila musa isa mustafa hamza yahya taha usama "
    "zakariya никита илья фома кузьма лука савва данила муса иса мустафа хамза".split()
)
_FEMININE_SURNAME = re.compile(r"(ova|eva|yova|ina|yna|aya|kaya|skaya)$")


def _feminine(first: str, surname: str) -> bool:
    """Whether a name is a woman's, so Irina Petrova and Ivan Petrov stay two people.

    Folding makes Petrova meet Петровой, and so Petrov too; the first name decides (in
    Russian and its transliterations women's names end in -a/-ya), else a Latin surname
    ending (-ova, -eva, -ina, -skaya). A Cyrillic surname alone cannot tell: "Петрова"
    is also a case form of Петров.
    """
    lowered = first.casefold()
    if len(lowered) >= 3:
        return lowered.endswith(("a", "я", "а")) and lowered not in _MASCULINE_IN_A
    return surname.isascii() and bool(_FEMININE_SURNAME.search(surname.casefold()))


@dataclass
class _Loaded:
    """Everything `find` needs in memory: people and a vocabulary of their name words."""

    ids: list[int]
    keys: list[str]
    names: list[str]
    roles: list[str]
    counts: list[int]
    spellings: list[tuple[str, ...]]
    vocabulary: list[str]
    """Sorted folded name words, for prefix look-up by bisect and typo look-up by rapidfuzz."""
    owners: dict[str, list[int]]
    """Folded word -> indexes (into the lists above) of the people whose names contain it."""


class PeopleIndex:
    """Maintains the people, spellings and appearances tables, and finds people by name."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._loaded: _Loaded | None = None
        self._key_ids: dict[str, int] = {}
        self._surnames: dict[str, list[str]] = {}
        self._appearances: list[tuple[int, int, str, str]] = []
        self._spellings: Counter[tuple[int, str]] = Counter()
        self._touched: set[int] = set()
        self._removed: set[int] = set()
        """Rowids of items this import replaced: their appearances go at `finish_import`."""

    # -- import ----------------------------------------------------------------------------

    def begin_import(self) -> None:
        self._key_ids = dict(self._conn.execute("SELECT key, id FROM people"))
        self._surnames = {}
        for key in self._key_ids:
            self._surnames.setdefault(key.split(" ")[0], []).append(key)
        self._appearances = []
        self._spellings = Counter()
        self._touched = set()
        self._removed = set()

    def _key(self, name: str) -> str:
        """The person key a participant of this name files under (a lone surname: the one
        person of that surname, when there is exactly one)."""
        key = person_key(name)
        if key and " " not in key and len(self._surnames.get(key, ())) == 1:
            key = self._surnames[key][0]
        return key

    def add(self, rowid: int, item: Item) -> None:
        seen: set[int] = set()
        for participant in item.participants:
            key = self._key(participant.name)
            if not key:
                continue
            person = self._key_ids.get(key)
            if person is None:
                person = self._conn.execute(
                    "INSERT INTO people(key, name) VALUES (?, ?)", (key, participant.name)
                ).lastrowid
                assert person is not None
                self._key_ids[key] = person
                self._surnames.setdefault(key.split(" ")[0], []).append(key)
            self._spellings[(person, participant.name)] += 1
            self._touched.add(person)
            if person not in seen:
                seen.add(person)
                self._appearances.append(
                    (person, rowid, participant.role, participant.organisation)
                )
        if len(self._appearances) >= 20_000:
            self._write_appearances()

    def remove(self, rowid: int, item: Item) -> None:
        """Take the item at `rowid` (replaced by this import) out of its people's records:
        its appearances, its spellings' uses, and so their counts, names and roles."""
        self._removed.add(rowid)
        for participant in item.participants:
            person = self._key_ids.get(self._key(participant.name))
            if person is not None:
                self._spellings[(person, participant.name)] -= 1
                self._touched.add(person)
        self._touched.update(
            r[0]
            for r in self._conn.execute("SELECT person FROM appearances WHERE item = ?", (rowid,))
        )
        self._touched.update(p for p, item_rowid, _, _ in self._appearances if item_rowid == rowid)

    def _write_appearances(self) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO appearances(person, item, role, organisation)"
            " VALUES (?, ?, ?, ?)",
            self._appearances,
        )
        self._appearances = []

    def finish_import(self) -> None:
        """Write what is pending and refresh each touched person's name, role and count.

        A person left with no item (every item naming them was replaced by one that does
        not) is removed, so People never lists someone no item names.
        """
        self._write_appearances()
        self._conn.executemany(
            "DELETE FROM appearances WHERE item = ?", [(r,) for r in sorted(self._removed)]
        )
        self._conn.executemany(
            "INSERT INTO spellings(person, spelling, uses) VALUES (?, ?, ?)"
            " ON CONFLICT(person, spelling) DO UPDATE SET uses = uses + excluded.uses",
            [(person, spelling, n) for (person, spelling), n in self._spellings.items()],
        )
        if self._removed:
            self._conn.execute("DELETE FROM spellings WHERE uses <= 0")
        touched = sorted(self._touched)
        for start in range(0, len(touched), 500):
            part = touched[start : start + 500]
            marks = ",".join("?" * len(part))
            best_name: dict[int, tuple[int, bool, int, str]] = {}
            for person, spelling, uses in self._conn.execute(
                f"SELECT person, spelling, uses FROM spellings WHERE person IN ({marks})", part
            ):
                rank = (uses, spelling.isascii(), len(spelling), spelling)  # ties: Latin
                if rank > best_name.get(person, (0, False, 0, "")):
                    best_name[person] = rank
            best_role: dict[int, tuple[int, str]] = {}
            counts: Counter[int] = Counter()
            for person, role, n in self._conn.execute(
                "SELECT person, role, count(*) FROM appearances"
                f" WHERE person IN ({marks}) GROUP BY person, role",
                part,
            ):
                counts[person] += n
                if role and (n, role) > best_role.get(person, (0, "")):
                    best_role[person] = (n, role)
            self._conn.executemany(
                "UPDATE people SET name = ?, role = ?, items = ? WHERE id = ?",
                [
                    (best_name[p][3], best_role.get(p, (0, ""))[1], counts[p], p)
                    for p in part
                    if p in best_name
                ],
            )
            gone = [(p,) for p in part if not counts[p]]
            self._conn.executemany("DELETE FROM spellings WHERE person = ?", gone)
            self._conn.executemany("DELETE FROM people WHERE id = ?", gone)
        self._loaded = None
        self._touched = set()
        self._removed = set()

    def discard(self) -> None:
        self._appearances = []
        self._spellings = Counter()
        self._touched = set()
        self._removed = set()
        self._loaded = None

    # -- finding ---------------------------------------------------------------------------

    def warm(self) -> None:
        self._load()

    def _load(self) -> _Loaded:
        if self._loaded is not None:
            return self._loaded
        spellings: dict[int, list[str]] = {}
        for person, spelling in self._conn.execute(
            "SELECT person, spelling FROM spellings ORDER BY person, uses DESC"
        ):
            spellings.setdefault(person, []).append(spelling)
        ids, keys, names, roles, counts, all_spellings = [], [], [], [], [], []
        owners: dict[str, list[int]] = {}
        for person, key, name, role, items in self._conn.execute(
            "SELECT id, key, name, role, items FROM people ORDER BY items DESC, name"
        ):
            index = len(ids)
            ids.append(person)
            keys.append(key)
            names.append(name)
            roles.append(role)
            counts.append(items)
            forms = tuple(spellings.get(person, [name]))
            all_spellings.append(forms)
            words = {fold_word(w) for form in forms for w in name_words(form)}
            for word in words:
                if word:
                    owners.setdefault(word, []).append(index)
        self._loaded = _Loaded(
            ids, keys, names, roles, counts, all_spellings, sorted(owners), owners
        )
        return self._loaded

    def find(self, query: str, limit: int | None = None, with_items: bool = True) -> list[Person]:
        """People matching every word of `query` (the last as a prefix), best first."""
        loaded = self._load()
        words = [fold_word(w) for w in name_words(query)]
        words = [w for w in words if w]
        originals = name_words(query)
        if not words:
            order = list(range(len(loaded.ids)))
            scores = [0.0] * len(order)
        else:
            totals: dict[int, float] | None = None
            for position, word in enumerate(words):
                last = position == len(words) - 1
                edits = allowed_edits(originals[position] if position < len(originals) else word)
                best: dict[int, float] = {}
                for term, score in _candidates(loaded.vocabulary, word, last, edits):
                    for index in loaded.owners[term]:
                        if score > best.get(index, 0.0):
                            best[index] = score
                if totals is None:
                    totals = best
                else:
                    totals = {i: totals[i] + s for i, s in best.items() if i in totals}
                if not totals:
                    break
            totals = totals or {}
            order = sorted(totals, key=lambda i: (-totals[i], -loaded.counts[i], loaded.names[i]))
            scores = [totals[i] for i in order]
        if limit is not None:
            order = order[:limit]
        people = []
        for index, score in zip(order, scores, strict=False):
            item_ids: tuple[str, ...] = ()
            if with_items:
                item_ids = tuple(
                    r[0]
                    for r in self._conn.execute(
                        "SELECT i.id FROM appearances a JOIN items i ON i.rowid = a.item"
                        " WHERE a.person = ? ORDER BY i.date DESC",
                        (loaded.ids[index],),
                    )
                )
            people.append(
                Person(
                    name=loaded.names[index],
                    spellings=loaded.spellings[index],
                    item_ids=item_ids,
                    role=loaded.roles[index],
                    score=score,
                    key=loaded.keys[index],
                    count=loaded.counts[index],
                )
            )
        return people

    def rowids(self, key: str) -> np.ndarray:
        """Sorted rowids of the items a person (by key) appears in."""
        rows = self._conn.execute(
            "SELECT a.item FROM appearances a JOIN people p ON p.id = a.person"
            " WHERE p.key = ? ORDER BY a.item",
            (key,),
        ).fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)


def _candidates(
    vocabulary: list[str], word: str, prefix: bool, edits: int
) -> list[tuple[str, float]]:
    """Vocabulary words matching `word`: exactly (3), as a prefix (2), or with typos (<2)."""
    found: dict[str, float] = {}
    position = bisect.bisect_left(vocabulary, word)
    if position < len(vocabulary) and vocabulary[position] == word:
        found[word] = 3.0
    if prefix:
        for term in vocabulary[position : position + 2000]:
            if not term.startswith(word):
                break
            found.setdefault(term, 2.0 + len(word) / (len(term) + 1) * 0.5)
    if edits:
        for term, distance, _ in process.extract(
            word, vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=None
        ):
            if term not in found:
                found[term] = 1.5 - 0.5 * distance
    return list(found.items())
