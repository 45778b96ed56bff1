"""Clippings and tags as a user keeps them: passages with notes, #tags, beside bookmarks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Bookmarks
from store.bookmarks.clippings import Clipping, parse_tags, tags_in


@pytest.fixture
def marks(tmp_path: Path) -> Bookmarks:
    return Bookmarks.open(tmp_path / "bookmarks.json")


def test_a_clipping_keeps_its_paragraphs_text_note_and_time(marks: Bookmarks) -> None:
    kept = marks.clip("item-1", 2, 4, "Para three.\n\nPara four.\n\nPara five.",
                      note="for Monday")
    again = Bookmarks.open(marks.path).clippings()
    assert again == [kept]
    assert kept.paragraphs == (2, 4) and kept.text.count("\n\n") == 2
    assert kept.note == "for Monday" and kept.created.endswith("+00:00")
    assert marks.ids() == set()  # clipping does not bookmark the item


def test_hashtags_in_a_note_become_tags(marks: Bookmarks) -> None:
    kept = marks.clip("item-1", 0, 0, "text", note="quote #report-kazakhstan-2024 and #brief.")
    assert kept.tags == ("report-kazakhstan-2024", "brief")
    mark = marks.add("item-2", note="see #Brief", tags=["brief", "csto"])
    assert mark.tags == ("brief", "csto")  # one tag whatever its case


def test_tags_in_ignores_what_is_not_a_hashtag() -> None:
    assert tags_in("C# and ## and a#b and #ok, #тег") == ["ok", "тег"]
    assert parse_tags("brief, report-2024  #csto brief") == ["brief", "report-2024", "csto"]


def test_clippings_filter_by_tag_and_item_newest_first(marks: Bookmarks) -> None:
    first = marks.clip("item-1", 0, 0, "one", tags=["Brief"])
    second = marks.clip("item-2", 1, 1, "two", note="#brief")
    marks.clip("item-1", 3, 3, "three", tags=["other"])
    assert {c.id for c in marks.clippings(tag="brief")} == {first.id, second.id}
    assert [c.text for c in marks.clippings(item_id="item-1")] in (
        ["three", "one"], ["one", "three"]  # same second: either order
    )
    assert marks.tags() == ["Brief", "other"]


def test_a_clipping_can_be_removed_retagged_and_restored_exactly(marks: Bookmarks) -> None:
    kept = marks.clip("item-1", 0, 1, "text", note="n")
    retagged = marks.set_clipping(kept.id, tags=["a", "b"])
    assert retagged is not None and retagged.tags == ("a", "b") and retagged.note == "n"
    assert marks.remove_clipping(kept.id) and not marks.remove_clipping(kept.id)
    assert marks.clippings() == []
    assert marks.restore_clipping(retagged) and not marks.restore_clipping(retagged)
    assert marks.clippings() == [retagged]


def test_bookmark_tags_are_set_by_t_and_tagged_finds_both_kinds(marks: Bookmarks) -> None:
    marks.add("item-1")
    marks.add("item-2")
    assert marks.set_tags("item-1", ["brief"]).tags == ("brief",)
    assert marks.set_tags("missing", ["x"]) is None
    marks.clip("item-3", 0, 0, "t", tags=["BRIEF"])
    assert marks.tagged("brief") == {"item-1", "item-3"}


def test_an_old_file_without_tags_or_clippings_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text(json.dumps({"bookmarks": {"1": {"item_id": "a", "note": "old"}}}))
    marks = Bookmarks.open(path)
    assert marks.get("a").tags == () and marks.clippings() == []
    marks.clip("a", 0, 0, "x")
    assert marks.get("a").note == "old" and len(marks.clippings()) == 1


@pytest.mark.parametrize(
    ("first", "last"), [(-1, 0), (3, 2)],
)
def test_a_bad_range_is_refused_before_anything_is_written(
    marks: Bookmarks, first: int, last: int
) -> None:
    with pytest.raises(ValueError, match="paragraphs"):
        marks.clip("item-1", first, last, "text")
    assert not marks.path.exists()


def test_clipping_round_trips_through_its_dict() -> None:
    clip = Clipping("abc", "item", (1, 2), "t", "n", ("x",), "2024-01-01T00:00:00+00:00")
    assert Clipping.from_record(clip.to_dict()) == clip
