"""The archive file: imports are one transaction, ids are stable, lists are newest first."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Archive, ArchiveError, InputError, Item, Participant, UnknownItem
from store.schema import CURRENT_VERSION


def item(title: str, date: str | None, kind: str = "news", people: tuple[str, ...] = (),
         body: tuple[str, ...] = ("Some text.",), language: str = "en") -> Item:
    data = {
        "title": title, "date": date, "kind": kind, "body": list(body),
        "participants": [{"name": n, "role": "", "organisation": ""} for n in people],
        "language": language, "source": "test",
    }
    return Item.from_dict(data)


def write_jsonl(path: Path, items: list[Item]) -> Path:
    path.write_text("".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in items))
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive.open(tmp_path / "archive.sqlite3")


def test_a_new_archive_is_created_empty(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "archive.sqlite3"
    with Archive.open(path) as archive:
        assert len(archive) == 0
        assert archive.ids() == []
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION


def test_importing_the_same_file_twice_adds_nothing(archive: Archive, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [item("One", "2024-01-02"), item("Two", None)])
    first = archive.import_file(source)
    second = archive.import_file(source)
    assert (first.added, first.unchanged) == (2, 0)
    assert (second.added, second.unchanged) == (0, 2)
    assert len(archive) == 2


def test_ids_are_stable_across_archives(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [item("One", "2024-01-02"), item("Two", None)])
    with Archive.open(tmp_path / "x.sqlite3") as one, Archive.open(tmp_path / "y.sqlite3") as two:
        one.import_file(source)
        two.import_file(source)
        assert one.ids() == two.ids()


def test_list_is_newest_first_with_undated_items_last(archive: Archive) -> None:
    archive.import_items([
        item("Old", "2019-05-01"), item("Undated", None), item("New", "2024-12-05"),
        item("Middle", "2022-03-03"),
    ])
    titles = [archive.get(i).title for i in archive.ids()]
    assert titles == ["New", "Middle", "Old", "Undated"]


def test_a_later_import_of_older_items_still_lists_by_date(archive: Archive) -> None:
    archive.import_items([item("New", "2024-12-05")])
    archive.import_items([item("Old", "2001-01-01"), item("Newest", "2025-01-01")])
    assert [archive.get(i).title for i in archive.ids()] == ["Newest", "New", "Old"]


def test_filters_by_kind_and_month_or_year_bounds(archive: Archive) -> None:
    archive.import_items([
        item("Speech Oct", "2024-10-31", "speech"), item("News Nov", "2024-11-15"),
        item("Speech Dec", "2024-12-01", "speech"), item("News 2023", "2023-06-01"),
    ])

    def titles(**kw: str) -> list[str]:
        return [archive.get(i).title for i in archive.ids(**kw)]

    assert titles(kind="speech") == ["Speech Dec", "Speech Oct"]
    assert titles(after="2024-11") == ["Speech Dec", "News Nov"]
    assert titles(before="2024-10") == ["Speech Oct", "News 2023"]
    assert titles(after="2024", before="2024-11-30") == ["News Nov", "Speech Oct"]


def test_a_bad_date_bound_is_one_clear_error(archive: Archive) -> None:
    with pytest.raises(InputError, match="not a date"):
        archive.ids(after="yesterday")


def test_a_broken_second_file_leaves_the_archive_unchanged(
    archive: Archive, tmp_path: Path
) -> None:
    archive.import_items([item("Kept", "2020-01-01")])
    good = write_jsonl(tmp_path / "good.jsonl", [item("Good", "2024-01-01")])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(item("Fine", "2024-02-02").to_dict()) + "\n{not json\n")
    with pytest.raises(InputError) as error:
        archive.import_files([good, bad])
    assert "bad.jsonl" in str(error.value) and ":2" in str(error.value)
    assert [archive.get(i).title for i in archive.ids()] == ["Kept"]
    assert archive.search("Good") == []
    reopened = Archive.open(archive.path)
    assert len(reopened) == 1


def test_an_unknown_id_is_a_clear_error(archive: Archive) -> None:
    with pytest.raises(UnknownItem, match="no item with id 'nope'"):
        archive.get("nope")


def test_a_file_that_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello, this is not SQLite" * 100)
    with pytest.raises(ArchiveError, match="not a pressroom archive"):
        Archive.open(path)
    assert path.read_text().startswith("hello")


def test_an_archive_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer pressroom"):
        Archive.open(path)


def test_a_read_only_archive_refuses_imports(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items([item("One", "2024-01-01")])
    with Archive.open(path, readonly=True) as archive:
        assert len(archive) == 1
        with pytest.raises(ArchiveError, match="read-only"):
            archive.import_items([item("Two", "2024-01-02")])


def test_spellings_of_one_person_make_one_person(archive: Archive) -> None:
    archive.import_items([
        item("Meeting one", "2024-01-01", people=("Fyodor Voitolovsky",)),
        item("Meeting two", "2024-02-01", people=("F. Voytolovskiy",)),
        item("Встреча", "2024-03-01", people=("Ф.Войтоловский",), language="ru"),
        item("Meeting four", "2024-04-01", people=("Rustam Sultanov",)),
        item("Meeting five", "2024-05-01", people=("Rustam Sultonov",)),
    ])
    people = archive.people("voitolovsky")
    assert len(people) == 1
    assert set(people[0].spellings) == {"Fyodor Voitolovsky", "F. Voytolovskiy", "Ф.Войтоловский"}
    assert len(people[0].item_ids) == 3
    assert next(p.name for p in archive.people("Sultanov")) == "Rustam Sultanov"
    assert {p.name for p in archive.people("")} >= {"Rustam Sultanov", "Rustam Sultonov"}


def test_people_are_found_by_prefix_typo_and_cyrillic(archive: Archive) -> None:
    archive.import_items([
        item("Speech", "2024-10-31", "speech", people=("Imangali Tasmagambetov",)),
    ])
    for query in ("tasmag", "Tasmagambetof", "Тасмагамбетов", "imangali tasma"):
        assert [p.name for p in archive.people(query)] == ["Imangali Tasmagambetov"], query
    assert archive.people("zzzzqqq") == []


names = st.text(alphabet=st.sampled_from("abcdefgh ĀБвг."), min_size=1, max_size=20)
items_strategy = st.builds(
    item,
    title=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()),
    date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    kind=st.sampled_from(["news", "speech", "statement", "interview"]),
    people=st.lists(names, max_size=3).map(tuple),
    body=st.lists(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()),
                  min_size=1, max_size=4).map(tuple),
)


def test_an_archive_of_items_without_a_word_is_written_and_read_back(tmp_path: Path) -> None:
    """Titles and texts of punctuation only give the index no words at all: its empty
    tables are still written (they once stopped the import)."""
    item = Item.from_dict({"date": None, "kind": "news", "title": ":", "body": [":"]})
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        assert archive.import_items([item]).added == 1
        assert archive.get(item.id) == item.printable()
    with Archive.open(tmp_path / "a.sqlite3") as reopened:
        assert len(reopened) == 1 and reopened.match("word").rowids.size == 0


@settings(
    max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(items_strategy, max_size=8))
def test_imported_items_read_back_as_they_were(tmp_path: Path, items: list[Item]) -> None:
    with Archive.open(tmp_path / f"h{abs(hash(tuple(items)))}.sqlite3") as archive:
        archive.import_items(items)
        latest = {i.id: i for i in items}  # a repeated id with other content updates it
        assert len(archive) == len(latest)
        for newest in latest.values():
            assert archive.get(newest.id) == newest.printable()  # stored as it is drawn


def test_participants_are_stored_with_role_and_organisation(archive: Archive) -> None:
    archive.import_items([Item.from_dict({
        "title": "Meeting", "date": "2024-12-05", "body": ["Text."],
        "participants": [{"name": "Imangali Tasmagambetov", "role": "Secretary General",
                          "organisation": "CSTO"}],
    })])
    got = archive.get(archive.ids()[0])
    assert got.participants == (Participant("Imangali Tasmagambetov", "Secretary General", "CSTO"),)
    assert archive.people("tasmagambetov")[0].role == "Secretary General"


def test_a_woman_and_a_man_with_one_surname_and_initial_stay_two_people(
    archive: Archive,
) -> None:
    archive.import_items([
        item("Visit", "2024-01-01", people=("Ivan Petrov",)),
        item("Briefing", "2024-02-01", people=("Irina Petrova",)),
        item("Брифинг", "2024-03-01", people=("Ирина Петрова",), language="ru"),
    ])
    people = {p.name: p for p in archive.people("petrova")}
    assert set(people) >= {"Irina Petrova", "Ivan Petrov"}
    assert set(people["Irina Petrova"].spellings) == {"Irina Petrova", "Ирина Петрова"}
    assert archive.people("petrova")[0].name == "Irina Petrova"


def test_a_paragraph_holding_the_stored_separator_stays_one_paragraph(tmp_path: Path) -> None:
    item = Item(id="x1", date="2024-01-02", kind="news", title="Separator",
                body=("one\x1etwo", "three"))
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items([item])
        assert archive.get("x1").body == ("one two", "three")


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_first_import_leaves_the_archive_ready_for_readers_beside_a_writer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items([item("First", "2024-01-01")])
    assert _journal_mode(path) == "delete"  # at rest: readable without writing its folder
    with Archive.open(path) as archive, Archive.open(path, readonly=True) as reader:
        assert _journal_mode(path) == "wal"  # a writer open: readers read beside it
        before = reader.ids()
        archive.import_items([item("Second", "2024-01-02")])
        assert len(before) == 1 and len(Archive.open(path, readonly=True).ids()) == 2
    assert not (tmp_path / "a.sqlite3-journal").exists()


def test_a_first_import_while_a_session_has_the_archive_open_still_lands(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(path).close()
    with Archive.open(path, readonly=True) as session, Archive.open(path) as archive:
        assert session.ids() == []
        archive.import_items([item("First", "2024-01-01")])
        assert [archive.get(i).title for i in Archive.open(path, readonly=True).ids()] == [
            "First"
        ]
    assert _journal_mode(path) == "wal"  # the session still had it open: no switch back


def test_an_import_reports_how_far_it_has_read(tmp_path: Path) -> None:
    items = [item(f"Item {n}", "2024-01-02") for n in range(5_000)]
    source = write_jsonl(tmp_path / "items.jsonl", items)
    heard: list[int] = []
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        report = archive.import_files([source], progress=heard.append)
    assert report.added == 5_000
    assert heard == sorted(heard) and len(heard) >= 2 and 0 < heard[-1] <= 5_000


def as_schema_1(path: Path) -> None:
    """Rewrite an archive's items table in schema 1's column order (text before people)."""
    columns = "rowid, id, date, kind, title, body, participants, people, places, language, source"
    with sqlite3.connect(path) as conn:
        conn.executescript(f"""
            CREATE TABLE old_items (
                rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT,
                kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
                participants TEXT NOT NULL, people TEXT NOT NULL, places TEXT NOT NULL,
                language TEXT NOT NULL, source TEXT NOT NULL);
            INSERT INTO old_items({columns}) SELECT {columns} FROM items;
            DROP TABLE items;
            ALTER TABLE old_items RENAME TO items;
            PRAGMA user_version = 1;
        """)


def test_an_archive_of_schema_1_is_upgraded_and_keeps_every_item(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    items = [item("Talks in Minsk", "2024-03-01", "speech", ("Imangali Tasmagambetov",),
                  body=("A long speech. " * 400,)),
             item("Statement", "2023-01-02", people=("Andrei Belousov",))]
    with Archive.open(path) as archive:
        archive.import_items(items)
        before = [archive.get(i) for i in archive.ids()]
        rows_before = archive.rows(archive.order())
    as_schema_1(path)
    with Archive.open(path, readonly=True) as archive:  # served: read as it is, not written
        assert archive.rows(archive.order()) == rows_before

    with Archive.open(path) as archive:
        assert [archive.get(i) for i in archive.ids()] == before
        assert archive.rows(archive.order()) == rows_before
        assert [h.item_id for h in archive.search("tasmagambetov")] == [before[0].id]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        names = [r[1] for r in conn.execute("PRAGMA table_info(items)")]
        assert names[-1] == "body"
        assert names.index("people") < names.index("participants")
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # not twice the size
