"""Watchlists: saved queries that say what is new for this user, kept in the bookmarks file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Archive, Bookmarks, BookmarksUnavailable, Item, Watchlist
from store.bookmarks.watchlists import new_matches, seen_marker
from tests.tui.conftest import sample_items


def statement(n: int, title: str, date: str | None = "2019-01-01") -> Item:
    return Item(id=f"new-{n}", date=date, kind="statement", title=title,
                body=("A paragraph.",), language="en", source="test")


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Archive.open(tmp_path / "archive.sqlite3") as opened:
        opened.import_items(sample_items())
        yield opened


def test_a_watchlist_is_kept_beside_bookmarks_and_clippings(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.open(path)
    marks.add("a", note="a bookmark")
    marks.clip("a", 0, 0, "quoted")
    kept = marks.watch("Tasmagambetov", "person:tasmagambetov", seen_until=12)
    assert kept == Watchlist("Tasmagambetov", "person:tasmagambetov", 12, kept.created)
    assert sorted(json.loads(path.read_text())) == ["bookmarks", "clippings", "watchlists"]
    again = Bookmarks.open(path)
    assert again.watchlists() == [kept] and again.ids() == {"a"} and len(again.clippings()) == 1


def test_watchlists_are_listed_by_name_and_removed_by_name_in_any_case(tmp_path: Path) -> None:
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    marks.watch("migration", "migration")
    marks.watch("Minsk", "minsk kind:speech")
    assert [w.name for w in marks.watchlists()] == ["migration", "Minsk"]
    assert marks.watchlist("MINSK") is not None
    assert marks.unwatch("minsk ") and not marks.unwatch("minsk")
    assert [w.name for w in marks.watchlists()] == ["migration"]


def test_watching_under_a_known_name_changes_the_query_and_keeps_what_was_seen(
    tmp_path: Path,
) -> None:
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    marks.watch("Minsk", "minsk", seen_until=5)
    changed = marks.watch("minsk", "minsk -videoconference", seen_until=99)
    assert (changed.name, changed.query, changed.seen_until) == (
        "minsk", "minsk -videoconference", 5)
    assert len(marks.watchlists()) == 1


@pytest.mark.parametrize(("name", "query"), [("", "minsk"), ("  ", "minsk"), ("Minsk", " "),
                                         ("x" * 81, "minsk"), ("Minsk", "q" * 1001)])
def test_a_watchlist_needs_a_name_and_a_query_of_sensible_length(
    tmp_path: Path, name: str, query: str
) -> None:
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    with pytest.raises(ValueError, match="a watchlist"):
        marks.watch(name, query)
    assert marks.watchlists() == []


def test_new_means_imported_since_seen_whatever_the_items_dates(archive: Archive) -> None:
    marks_seen_now = Watchlist("Minsk", "minsk", seen_marker(archive))
    assert len(new_matches(archive, marks_seen_now)) == 0
    # a backfill: items dated years ago, and one without a date, are new all the same
    archive.import_items([statement(1, "Minsk meeting of 2019"),
                          statement(2, "Undated note on Minsk", date=None),
                          statement(3, "Nothing about the capital")])
    new = new_matches(archive, marks_seen_now)
    titles = {archive.get_by_rowid(int(r)).title for r in new}
    assert titles == {"Minsk meeting of 2019", "Undated note on Minsk"}
    assert len(new_matches(archive, Watchlist("Minsk", "minsk", seen_marker(archive)))) == 0


def test_an_updated_item_is_new_again(archive: Archive) -> None:
    archive.import_items([statement(1, "Minsk meeting")])
    seen = Watchlist("Minsk", "minsk", seen_marker(archive))
    archive.import_items([statement(1, "Minsk meeting, corrected")])
    assert [archive.get_by_rowid(int(r)).title for r in new_matches(archive, seen)] == [
        "Minsk meeting, corrected"]


def test_counts_survive_a_restart_and_belong_to_one_bookmarks_file(
    archive: Archive, tmp_path: Path
) -> None:
    alice = Bookmarks.open(tmp_path / "alice.json")
    bob = Bookmarks.open(tmp_path / "bob.json")
    alice.watch("Minsk", "minsk", seen_until=seen_marker(archive))
    bob.watch("Minsk", "minsk", seen_until=seen_marker(archive))
    archive.import_items([statement(1, "Minsk meeting"), statement(2, "Minsk summit")])
    bob.mark_seen("Minsk", seen_marker(archive))
    # a new day: both open their files again
    alice, bob = Bookmarks.open(tmp_path / "alice.json"), Bookmarks.open(tmp_path / "bob.json")
    assert len(new_matches(archive, alice.watchlists()[0])) == 2
    assert len(new_matches(archive, bob.watchlists()[0])) == 0


def test_mark_seen_of_an_unknown_watchlist_is_none(tmp_path: Path) -> None:
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    assert marks.mark_seen("nothing", 3) is None
    with pytest.raises(ValueError, match="whole number >= 0"):
        marks.mark_seen("nothing", -1)


def test_a_damaged_watchlist_makes_the_file_unavailable_and_it_is_not_overwritten(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bookmarks.json"
    content = (b'{"bookmarks":{"1":{"item_id":"a"}},'
               b'"watchlists":{"1":{"name":"Minsk","query":"minsk","seen_until":"yesterday"}}}')
    path.write_bytes(content)
    marks = Bookmarks.open(path)
    with pytest.raises(BookmarksUnavailable, match="watchlist 1 has a seen_until"):
        marks.watch("other", "other")
    with pytest.raises(BookmarksUnavailable):
        marks.watchlists()
    assert path.read_bytes() == content


def test_repair_keeps_watchlists(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.open(path)
    marks.add("a")
    kept = marks.watch("Minsk", "minsk", seen_until=7)
    content = path.read_bytes()
    path.write_bytes(content[: content.rindex(b"}") - 1])  # cut the closing braces
    report = Bookmarks.repair(path)
    assert report.moved_to is not None
    assert Bookmarks.open(path).watchlists() == [kept]
