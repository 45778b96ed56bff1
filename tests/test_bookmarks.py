"""Bookmarks as a user and the app see them: add, re-add, remove, positions, order, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from store import Archive, Bookmark, Bookmarks
from store.bookmarks.clippings import merge_tags
from store.paths import sample_files
from store.text.printable import printable


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.json"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive.open(tmp_path_factory.mktemp("archive") / "archive.sqlite3")
    archive.import_files(sample_files())
    return archive


def test_opening_a_missing_file_creates_nothing_until_the_first_bookmark(path: Path) -> None:
    marks = Bookmarks.open(path)
    assert marks.list() == [] and not path.exists()
    marks.add("item-1")
    assert path.exists()


def test_an_empty_file_counts_as_no_bookmarks(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    marks = Bookmarks.open(path)
    assert marks.list() == []
    marks.add("item-1")
    assert marks.ids() == {"item-1"}


def test_adding_again_updates_the_note_and_keeps_date_and_position(path: Path) -> None:
    marks = Bookmarks.open(path)
    first = marks.add("item-1", note="first look", tags=("csto",))
    marks.set_position("item-1", 1200)
    again = marks.add("item-1", note="quote para 3", tags=("speech", "speech"))
    assert len(marks.list()) == 1
    assert again == Bookmark("item-1", "quote para 3", ("speech",), first.created, 1200)
    assert Bookmarks.open(path).get("item-1") == again


def test_the_list_is_newest_first(path: Path) -> None:
    marks = Bookmarks.open(path)
    for item_id in ("a", "b", "c"):
        marks.add(item_id)
    marks.add("a", note="re-adding does not make it newer")
    assert [m.item_id for m in marks.list()] == ["c", "b", "a"]


def test_a_restored_bookmark_comes_back_exactly_as_it_was_in_its_place(path: Path) -> None:
    marks = Bookmarks.open(path)
    kept = [
        Bookmark("c", "newest", ("x",), "2024-03-01T10:00:00+00:00", 0),
        Bookmark("b", "the middle one", ("speech", "csto"), "2024-02-01T10:00:00+00:00", 4321),
        Bookmark("a", "", (), "2024-01-01T10:00:00+00:00", 7),
    ]
    for mark in kept:
        assert marks.restore(mark)
    assert marks.list() == kept
    marks.remove("b")
    assert marks.restore(kept[1])
    assert marks.list() == kept
    assert Bookmarks.open(path).list() == kept


def test_restoring_never_overwrites_a_bookmark_made_again_since(path: Path) -> None:
    marks = Bookmarks.open(path)
    old = marks.add("a", note="old note")
    marks.remove("a")
    newer = marks.add("a", note="written after the removal")
    assert not marks.restore(old)
    assert marks.get("a") == newer


def test_removing_reports_whether_there_was_a_bookmark(path: Path) -> None:
    marks = Bookmarks.open(path)
    marks.add("a")
    assert marks.remove("a") is True
    assert marks.remove("a") is False
    assert marks.get("a") is None and Bookmarks.open(path).ids() == set()


def test_a_position_for_an_item_not_bookmarked_changes_nothing(path: Path) -> None:
    marks = Bookmarks.open(path)
    marks.set_position("nowhere", 10)
    assert marks.list() == [] and not path.exists()


def test_a_negative_position_is_refused(path: Path) -> None:
    marks = Bookmarks.open(path)
    marks.add("a")
    with pytest.raises(ValueError, match="whole number >= 0"):
        marks.set_position("a", -1)


def test_two_open_sessions_see_and_keep_each_others_changes(path: Path) -> None:
    """A long-lived instance must not write back its stale view over another's change."""
    one, two = Bookmarks.open(path), Bookmarks.open(path)
    one.add("from-one", note="1")
    two.add("from-two", note="2")
    one.set_position("from-two", 5)
    two.remove("from-one")
    one.add("again-one")
    expected = {"from-two", "again-one"}
    assert one.ids() == two.ids() == Bookmarks.open(path).ids() == expected
    assert two.get("from-two") == Bookmark("from-two", "2", (), two.get("from-two").created, 5)


def test_the_revision_changes_when_another_session_writes(path: Path) -> None:
    one, two = Bookmarks.open(path), Bookmarks.open(path)
    one.add("a")
    before = one.revision
    two.add("b")
    assert one.revision != before


def test_the_file_is_a_tinydb_file_with_one_record_a_line(path: Path) -> None:
    from tinydb import TinyDB

    marks = Bookmarks.open(path)
    marks.add("a", note="Войтоловский said")
    marks.add("b")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 4
    with TinyDB(path) as db:
        notes = {doc["item_id"]: doc["note"] for doc in db.table("bookmarks").all()}
    assert notes == {"a": "Войтоловский said", "b": ""}


def test_other_tables_in_the_file_are_kept(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('{"_default": {"1": {"kept": true}}}')
    Bookmarks.open(path).add("a")
    assert json.loads(path.read_text())["_default"] == {"1": {"kept": True}}


def test_markdown_export_is_ready_for_a_report(path: Path, archive: Archive) -> None:
    speech = archive.get(archive.ids(kind="speech")[0])
    marks = Bookmarks.open(path)
    marks.add(speech.id, note="Quote the second paragraph.\nCheck the figures.")
    marks.add("gone-item", note="from an older archive")
    text = marks.export("md", archive)
    assert text.startswith("# Bookmarks\n")
    assert "## gone-item (not in this archive)" in text
    assert f"## {speech.title}" in text
    assert f"{speech.date} · speech · `{speech.id}`" in text
    assert "Imangali Tasmagambetov" in text.split(f"## {speech.title}")[1]
    assert "> Quote the second paragraph.\n> Check the figures." in text
    assert text.index("gone-item") < text.index(speech.title)  # newest first


def test_json_export_carries_the_items_details(path: Path, archive: Archive) -> None:
    item_id = archive.ids()[0]
    marks = Bookmarks.open(path)
    marks.add(item_id, note="n", tags=["t"])
    marks.add("gone-item")
    exported = json.loads(marks.export("json", archive))
    assert [e["item_id"] for e in exported] == ["gone-item", item_id]
    assert exported[0]["missing"] is True
    item = archive.get(item_id)
    assert exported[1]["title"] == item.title and exported[1]["date"] == item.date
    assert exported[1]["note"] == "n" and exported[1]["tags"] == ["t"]
    assert exported[1]["participants"] == [p.to_dict() for p in item.participants]


def test_export_without_an_archive_still_lists_ids_and_notes(path: Path) -> None:
    marks = Bookmarks.open(path)
    marks.add("x-1", note="keep")
    assert "## x-1\n" in marks.export("md") and "> keep" in marks.export("md")
    with pytest.raises(ValueError, match="export format must be one of"):
        marks.export("pdf")


ITEM_IDS = st.sampled_from([f"item-{n}" for n in range(6)])
NOTES = st.text(max_size=12)
TAGS = st.lists(st.sampled_from(["csto", "speech", "тег"]), max_size=3)


class BookmarksAgainstADict(RuleBasedStateMachine):
    """Any sequence of changes, through two sessions on one file, matches a plain dict."""

    @initialize()
    def start(self) -> None:
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "bookmarks.json"
        self.sessions = [Bookmarks.open(self.path), Bookmarks.open(self.path)]
        self.model: dict[str, tuple[str, tuple[str, ...], int]] = {}
        self.order: list[str] = []

    @rule(session=st.integers(0, 1), item_id=ITEM_IDS, note=NOTES, tags=TAGS)
    def add(self, session: int, item_id: str, note: str, tags: list[str]) -> None:
        mark = self.sessions[session].add(item_id, note=note, tags=tags)
        position = self.model.get(item_id, ("", (), 0))[2]
        # notes are stored printable (store.text.printable); a note's #words are tags too
        note = printable(note, keep_newlines=True)
        self.model[item_id] = (note, tuple(merge_tags(tags, note)), position)
        if item_id not in self.order:
            self.order.append(item_id)
        assert (mark.note, mark.tags, mark.position) == self.model[item_id]

    @rule(session=st.integers(0, 1), item_id=ITEM_IDS)
    def remove(self, session: int, item_id: str) -> None:
        assert self.sessions[session].remove(item_id) == (item_id in self.model)
        self.model.pop(item_id, None)
        if item_id in self.order:
            self.order.remove(item_id)

    @rule(session=st.integers(0, 1), item_id=ITEM_IDS, offset=st.integers(0, 10**6))
    def set_position(self, session: int, item_id: str, offset: int) -> None:
        self.sessions[session].set_position(item_id, offset)
        if item_id in self.model:
            note, tags, _ = self.model[item_id]
            self.model[item_id] = (note, tags, offset)

    @rule(session=st.integers(0, 1), item_id=ITEM_IDS)
    def get(self, session: int, item_id: str) -> None:
        mark = self.sessions[session].get(item_id)
        if item_id in self.model:
            assert mark is not None and (mark.note, mark.tags, mark.position) == self.model[item_id]
        else:
            assert mark is None

    @invariant()
    def every_view_matches_the_model(self) -> None:
        if not hasattr(self, "sessions"):
            return
        fresh = Bookmarks.open(self.path)
        for marks in (*self.sessions, fresh):
            # Same-second adds tie on `created`, then the later add comes first.
            assert [m.item_id for m in marks.list()] == self.order[::-1]
            assert marks.ids() == set(self.model)

    def teardown(self) -> None:
        if hasattr(self, "folder"):
            self.folder.cleanup()


BookmarksAgainstADict.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_any_sequence_of_changes_matches_a_dict = BookmarksAgainstADict.TestCase
