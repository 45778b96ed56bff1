"""A dossier reads arrays of every appearance that each import writes beside the columns."""

from __future__ import annotations

from pathlib import Path

from store import Archive, Item, Participant
from store.index.appearances import Appearances


def meeting(n: int, date: str, *names: str, role: str = "Secretary General") -> Item:
    return Item(
        id=f"m{n}", date=date, kind="speech" if n % 3 == 0 else "news",
        title=f"Meeting {n}", body=(f"Talks number {n}.",),
        participants=tuple(Participant(name, role if i == 0 else "") for i, name in
                           enumerate(names)),
    )


def first_batch() -> list[Item]:
    return [
        meeting(1, "2023-05-02", "Imangali Tasmagambetov", "Sergei Lavrov"),
        meeting(2, "2024-01-10", "Imangali Tasmagambetov", "Sergei Lavrov", "Wang Yi"),
        meeting(3, "2024-06-01", "Imangali Tasmagambetov", role="Secretary General, CSTO"),
        meeting(4, None, "Imangali Tasmagambetov", "Wang Yi"),  # type: ignore[arg-type]
    ]


def same(a: Appearances, b: Appearances) -> bool:
    def rows(x: Appearances) -> set[tuple[int, int, tuple[str, str]]]:
        triples = zip(x.item, x.person, x.role, strict=True)
        return {(int(i), int(p), x.roles[int(r)]) for i, p, r in triples}

    return rows(a) == rows(b)


def test_an_import_writes_the_arrays_a_fresh_scan_would_give(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(first_batch())
        names = {n for (n,) in archive._conn.execute("SELECT name FROM columns")}
        assert {"appearances.item", "appearances.person", "appearances.role"} <= names
        saved = Appearances.load(archive._conn)
        assert len(saved.item) == 8 and same(saved, Appearances.build(archive._conn))
        assert list(saved.person) == sorted(saved.person)


def test_the_dossier_counts_roles_years_and_contacts_from_them(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(first_batch())
        dossier = archive.dossier("Tasmagambetov")
    assert dossier.item_count == 4 and dossier.undated == 1
    assert dossier.by_year == ((2023, 1), (2024, 2))
    assert [(c.name, c.count, c.last) for c in dossier.met_with] == [
        ("Sergei Lavrov", 2, "2024-01-10"), ("Wang Yi", 2, "2024-01-10"),
    ]
    spans = {(r.role, r.first, r.last, r.count) for r in dossier.roles}
    assert ("Secretary General", "2023-05-02", "2024-01-10", 3) in spans
    assert dossier.items[:1] == ("m3",)  # the speech first, then newest first, undated last
    assert dossier.items[-1] == "m4"


def test_a_later_import_reaches_an_open_archives_next_dossier(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(first_batch())
        assert archive.dossier("Tasmagambetov").item_count == 4
        archive.import_items([meeting(5, "2025-02-02", "Imangali Tasmagambetov", "Wang Yi")])
        dossier = archive.dossier("Tasmagambetov")
    assert dossier.item_count == 5
    assert dossier.met_with[0].name == "Wang Yi" and dossier.met_with[0].count == 3


def test_an_archive_without_the_arrays_is_scanned_and_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(first_batch())
        expected = archive.dossier("Tasmagambetov")
        archive._conn.execute("DELETE FROM columns WHERE name LIKE 'appearances.%'")
    with Archive.open(path, readonly=True) as archive:
        assert archive.dossier("Tasmagambetov") == expected
    with Archive.open(path) as archive:
        archive._conn.execute(
            "UPDATE columns SET data = ? WHERE name = 'appearances.roles'", (b"[[1, 2, 3]",)
        )
    with Archive.open(path, readonly=True) as archive:
        assert archive.dossier("Tasmagambetov") == expected


def test_arrays_older_than_the_archive_are_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(first_batch())
        earlier = archive._conn.execute(
            "SELECT name, data FROM columns WHERE name LIKE 'appearances.%'"
        ).fetchall()
        archive.import_items([meeting(5, "2025-02-02", "Imangali Tasmagambetov", "Wang Yi")])
        # as older code, which knows nothing of them, would leave them after its import
        archive._conn.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?)", earlier)
    with Archive.open(path, readonly=True) as archive:
        assert archive.dossier("Tasmagambetov").item_count == 5


def test_damaged_arrays_are_scanned_again_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(first_batch())
        expected = archive.dossier("Tasmagambetov")
        archive._conn.execute(
            "UPDATE columns SET data = ? WHERE name = 'appearances.item'", (b"\x01\x02",)
        )
    with Archive.open(path, readonly=True) as archive:
        assert archive.dossier("Tasmagambetov") == expected
    with Archive.open(path) as archive:
        archive._conn.execute(
            "UPDATE columns SET data = ? WHERE name = 'appearances.roles'", (b"[[1, 2, 3]",)
        )
    with Archive.open(path, readonly=True) as archive:
        assert archive.dossier("Tasmagambetov") == expected
