"""People as first-class records: one per person across spellings, scripts and items."""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from store.model import Item, Participant, Person
from store.sql import select_in
from store.text.filing import filed_name
from store.text.fold import fold_word, folds_to_nothing, typo_budget
from store.text.names import FEMININE_MARK, NameParts, name_words, parse_name
from store.text.russian import nominative_name, nominative_role

KEYS_VERSION = b"3"
"""How `person_key` keys people; stored beside the columns, so an archive keyed an older way
(2: surname and initial, namesakes merged; 3: a name read in the case of the post written
with it) is filed again at its next import."""


def person_key(name: str) -> str:
    """The key of a name as written: folded surname plus the whole folded first name.

    "Fyodor Voitolovsky", "Фёдор Войтоловский" and "Fiodor Voytolovskiy" share
    "voitolovski fedor", while Andrei and Aleksei Voitolovski stay two people. An initial
    ("F. Voitolovsky" -> "voitolovski f."), a bare surname and an address ("Yuri
    Georgievich" -> "~iuri georgievich") get keys of their own, which the import links to
    a full name only when exactly one person fits (`PeopleIndex.add`).
    """
    return parse_name(nominative_name(name)).key


class _Names:
    """The names an import has seen, by what a partial name can be matched on."""

    def __init__(self) -> None:
        self.full: dict[str, dict[str, NameParts]] = {}
        """Folded surname -> {key: parts} of the people written with a whole first name."""
        self.initialled: dict[str, set[str]] = {}
        """Folded surname -> keys of entries written with an initial only."""
        self.addressed: dict[tuple[str, str], set[str]] = {}
        """(first name, patronymic) -> keys of the full names written with both."""
        self.partial: dict[str, NameParts] = {}
        """Key -> parts of every entry that is not a full name."""

    def register(self, key: str, parts: NameParts) -> None:
        kind = parts.kind
        if kind == "full":
            if key != parts.key:
                return  # a spelling joined to another entry says nothing of its own
            self.full.setdefault(parts.surname, {}).setdefault(key, parts)
            if parts.patronymic:
                self.addressed.setdefault((parts.first, parts.patronymic), set()).add(key)
        elif kind and key == parts.key:
            self.partial[key] = parts
            if kind == "initial":
                self.initialled.setdefault(parts.surname, set()).add(key)

    def forget(self, key: str) -> None:
        parts = self.partial.pop(key, None)
        if parts is not None:
            self.initialled.get(parts.surname, set()).discard(key)

    def resolve(self, parts: NameParts, in_item: list[NameParts]) -> str:
        """The key `parts` is filed under: its own, or the one full name it fits.

        Candidates are looked for in the same item first, then in the archive; none or
        several leave the name its own entry.
        """
        kind = parts.kind
        if kind in ("full", ""):
            return parts.key
        local = {other.key for other in in_item if parts.fits(other)}
        if len(local) == 1:
            return local.pop()
        if local:
            return parts.key
        if kind == "address":
            keys = self.addressed.get((parts.first, parts.patronymic), set())
            fitting = {k for k in keys if parts.fits(self.full[k.split(" ")[0]][k])}
        else:
            # men's and women's full names with this surname: the gender, if the partial
            # name tells it, keeps to one of them (`NameParts.fits`)
            same_surname = {
                **self.full.get(parts.surname, {}),
                **self.full.get(parts.surname + FEMININE_MARK, {}),
            }
            fitting = {k for k, full in same_surname.items() if parts.fits(full)}
            if not fitting and kind == "surname":
                fitting = {
                    k for k in self.initialled.get(parts.surname, ()) if k in self.partial
                    and parts.fits_initialled(self.partial[k])
                }
        return fitting.pop() if len(fitting) == 1 else parts.key


@dataclass
class Loaded:
    """Everything `find` needs: people (most items first) and a vocabulary of their name
    words. Read from the tables into lists, or views of the index file
    (`store.index.mapped`), which every session shares."""

    ids: Sequence[int]
    keys: Sequence[str]
    names: Sequence[str]
    roles: Sequence[str]
    counts: Sequence[int]
    spellings: Sequence[tuple[str, ...]]
    vocabulary: list[str]
    """Sorted folded name words, for prefix look-up by bisect and typo look-up by rapidfuzz."""
    owners: Mapping[str, Sequence[int]]
    """Folded word -> indexes (into the lists above) of the people whose names contain it."""

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> Loaded:
        spellings: dict[int, list[str]] = {}
        for person, spelling in conn.execute(
            "SELECT person, spelling FROM spellings ORDER BY person, uses DESC"
        ):
            spellings.setdefault(person, []).append(spelling)
        ids: list[int] = []
        keys: list[str] = []
        names: list[str] = []
        roles: list[str] = []
        counts: list[int] = []
        all_spellings: list[tuple[str, ...]] = []
        owners: dict[str, list[int]] = {}
        for person, key, name, role, items in conn.execute(
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
        return cls(ids, keys, names, roles, counts, all_spellings, sorted(owners), owners)


class PeopleIndex:
    """Maintains the people, spellings and appearances tables, and finds people by name."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._loaded: Loaded | None = None
        self._key_ids: dict[str, int] = {}
        self._names = _Names()
        self._appearances: list[tuple[int, int, str, str]] = []
        self._spellings: Counter[tuple[int, str]] = Counter()
        self._touched: set[int] = set()
        self._removed: set[int] = set()
        """Rowids of items this import replaced: their appearances go at `finish_import`."""

    # -- import ----------------------------------------------------------------------------

    def begin_import(self) -> None:
        self._load_names()
        if self._keys_are_stale():
            self._rebuild()
            self._load_names()

    def _keys_are_stale(self) -> bool:
        """Whether the people tables were keyed by an older `person_key` (an archive from
        before KEYS_VERSION): then one entry may hold several people and must be redone."""
        row = self._conn.execute(
            "SELECT data FROM columns WHERE name = 'people_keys'"
        ).fetchone()
        if row is not None and bytes(row[0]) == KEYS_VERSION:
            return False
        return self._conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() is not None

    def _rebuild(self) -> None:
        """File every item's participants again under today's keys (inside the import's
        transaction, so a failed import leaves the old tables as they were)."""
        for table in ("appearances", "spellings", "people"):
            self._conn.execute(f"DELETE FROM {table}")
        self._load_names()
        cursor = self._conn.execute("SELECT rowid, participants FROM items ORDER BY rowid")
        while rows := cursor.fetchmany(5_000):
            for rowid, participants in rows:
                people = tuple(Participant(**p) for p in json.loads(participants))
                self._add(rowid, people)
        self.finish_import()

    def _load_names(self) -> None:
        self._key_ids = {}
        self._names = _Names()
        for person, key, name in self._conn.execute("SELECT id, key, name FROM people"):
            self._key_ids[key] = person
            self._names.register(key, parse_name(name))
        for key, spelling in self._conn.execute(
            "SELECT p.key, s.spelling FROM spellings s JOIN people p ON p.id = s.person"
        ):
            if len(name_words(spelling)) >= 3:
                self._names.register(key, parse_name(spelling))
        self._appearances = []
        self._spellings = Counter()
        self._touched = set()
        self._removed = set()

    def add(self, rowid: int, item: Item) -> None:
        self._add(rowid, item.participants)

    def _add(self, rowid: int, participants: tuple[Participant, ...]) -> None:
        seen: set[int] = set()
        # People are keyed and shown in the nominative ("Сейраном Оганяном" is Сейран
        # Оганян); the item keeps the form as written, which the reader highlights.
        named = [
            (participant, name, parse_name(name))
            for participant in participants
            for name in (filed_name(participant),)
        ]
        in_item = [parts for _, _, parts in named if parts.kind == "full"]
        for participant, name, parts in named:
            key = self._names.resolve(parts, in_item)
            if not key:
                continue
            person = self._key_ids.get(key)
            if person is None:
                person = self._conn.execute(
                    "INSERT INTO people(key, name) VALUES (?, ?)", (key, name)
                ).lastrowid
                assert person is not None
                self._key_ids[key] = person
            if key == parts.key:
                self._names.register(key, parts)
            self._spellings[(person, name)] += 1
            self._touched.add(person)
            if person not in seen:
                seen.add(person)
                role = nominative_role(participant.role)
                self._appearances.append((person, rowid, role, participant.organisation))
        if len(self._appearances) >= 20_000:
            self._write_appearances()

    def _absorb_partial_names(self) -> None:
        """Join each initial, bare surname or address entry to the one person it now fits.

        An import meets "A. Petrov" before or after "Andrei Petrov"; once the archive holds
        exactly one person the name can mean, their entries become one (and stay apart when
        two or more fit: precision first).
        """
        for key, person in list(self._key_ids.items()):
            parts = self._names.partial.get(key)
            if parts is None:
                continue
            target_key = self._names.resolve(parts, [])
            target = self._key_ids.get(target_key)
            if target_key == key or target is None:
                continue
            conn = self._conn
            conn.execute(
                "UPDATE OR IGNORE appearances SET person = ? WHERE person = ?", (target, person)
            )
            conn.execute("DELETE FROM appearances WHERE person = ?", (person,))
            conn.execute(
                "INSERT INTO spellings(person, spelling, uses)"
                " SELECT ?, spelling, uses FROM spellings WHERE person = ?"
                " ON CONFLICT(person, spelling) DO UPDATE SET uses = uses + excluded.uses",
                (target, person),
            )
            conn.execute("DELETE FROM spellings WHERE person = ?", (person,))
            conn.execute("DELETE FROM people WHERE id = ?", (person,))
            del self._key_ids[key]
            self._names.forget(key)
            self._touched.discard(person)
            self._touched.add(target)

    def remove(self, rowid: int, item: Item) -> None:
        """Take the item at `rowid` (replaced by this import) out of its people's records:
        its appearances, its spellings' uses, and so their counts, names and roles."""
        self._removed.add(rowid)
        names = [filed_name(participant) for participant in item.participants]
        parsed = [parse_name(name) for name in names]
        in_item = [parts for parts in parsed if parts.kind == "full"]
        for name, parts in zip(names, parsed, strict=True):
            person = self._key_ids.get(self._names.resolve(parts, in_item))
            if person is not None:
                self._spellings[(person, name)] -= 1
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
        self._spellings = Counter()
        self._absorb_partial_names()
        touched = sorted(self._touched)
        best_name: dict[int, tuple[int, bool, bool, int, str]] = {}
        for person, spelling, uses in select_in(
            self._conn, "SELECT person, spelling, uses FROM spellings WHERE person IN ({ids})",
            touched,
        ):
            # ties: a whole name before an initial's ("Мария Захарова", not "M. Zakharova"),
            # then Latin
            full = parse_name(spelling).kind == "full"
            rank = (uses, full, spelling.isascii(), len(spelling), spelling)
            if rank > best_name.get(person, (0, False, False, 0, "")):
                best_name[person] = rank
        best_role: dict[int, tuple[int, str]] = {}
        counts: Counter[int] = Counter()
        for person, role, n in select_in(
            self._conn,
            "SELECT person, role, count(*) FROM appearances"
            " WHERE person IN ({ids}) GROUP BY person, role",
            touched,
        ):
            counts[person] += n
            if role and (n, role) > best_role.get(person, (0, "")):
                best_role[person] = (n, role)
        self._conn.executemany(
            "UPDATE people SET name = ?, role = ?, items = ? WHERE id = ?",
            [
                (best_name[p][4], best_role.get(p, (0, ""))[1], counts[p], p)
                for p in touched
                if p in best_name
            ],
        )
        gone = [(p,) for p in touched if not counts[p]]
        self._conn.executemany("DELETE FROM spellings WHERE person = ?", gone)
        self._conn.executemany("DELETE FROM people WHERE id = ?", gone)
        if gone:  # a later item naming them again files a new person
            gone_ids = {person for (person,) in gone}
            for key in [k for k, v in self._key_ids.items() if v in gone_ids]:
                del self._key_ids[key]
                self._names.forget(key)
        self._conn.execute(
            "INSERT OR REPLACE INTO columns(name, data) VALUES ('people_keys', ?)",
            (KEYS_VERSION,),
        )
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

    def attach(self, loaded: Loaded | None) -> None:
        """Find people in `loaded` (the index file's), or, with None, in the tables."""
        self._loaded = loaded

    def _load(self) -> Loaded:
        if self._loaded is None:
            self._loaded = Loaded.read(self._conn)
        return self._loaded

    def find(self, query: str, limit: int | None = None, with_items: bool = True) -> list[Person]:
        """People matching every word of `query` (the last as a prefix), best first."""
        loaded = self._load()
        query = nominative_name(query)  # "Оганяном" looks for Оганян, as People shows him
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
                typed = originals[position] if position < len(originals) else word
                if folds_to_nothing(typed, word):
                    totals = {}
                    break
                edits = typo_budget(typed, word)
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
                        (int(loaded.ids[index]),),
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
                    count=int(loaded.counts[index]),
                )
            )
        return people

    def by_key(self, key: str) -> tuple[int, Person] | None:
        """The person filed under `key` and their row id, with every spelling."""
        row = self._conn.execute(
            "SELECT id, name, role, items FROM people WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        person_id, name, role, count = row
        spellings = tuple(
            s for (s,) in self._conn.execute(
                "SELECT spelling FROM spellings WHERE person = ? ORDER BY uses DESC, spelling",
                (person_id,),
            )
        )
        return person_id, Person(name, spellings or (name,), (), role, 0.0, key, count)

    def id_of(self, key: str) -> int | None:
        """The people row id of the person filed under `key` (None: nobody)."""
        row = self._conn.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

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
