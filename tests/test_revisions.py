"""Same id, new content: a corrected item replaces the old one, which is kept as a revision."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import store.archive
import store.ingest.pipeline
from store import Archive, Bookmarks
from store.text.fold import fold_word

RELEASE = {
    "id": "csto-2024-12-05-meeting",
    "title": "Meeting of the Committee of Secretaries",
    "date": "2024-12-05",
    "kind": "news",
    "body": ["The committee discussed the quokkaplan for the region.", "It met in Minsk."],
    "participants": [{"name": "Ivan Oldfieldov", "role": "Chairman", "organisation": "CSTO"}],
    "places": ["Minsk"],
}
CORRECTED = {
    **RELEASE,
    "date": "2024-12-06",
    "body": ["The committee discussed the wombatplan for the region.", "It met in Minsk."],
    "participants": [{"name": "Petr Newfieldov", "role": "Chairman", "organisation": "CSTO"}],
}
OTHER = {"id": "other", "title": "Another item", "date": "2024-12-05", "body": "Talks in Minsk."}


def jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    opened = Archive.open(tmp_path / "a.sqlite3")
    opened.import_file(jsonl(tmp_path / "first.jsonl", RELEASE, OTHER))
    return opened


def test_a_corrected_item_replaces_the_old_text_and_keeps_it_as_a_revision(
    archive: Archive, tmp_path: Path
) -> None:
    report = archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED, OTHER))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert report.summary() == "added 0, updated 1, already there 1"
    assert archive.get(RELEASE["id"]).body[0].startswith("The committee discussed the wombat")
    assert len(archive) == 2
    (revision,) = archive.revisions(RELEASE["id"])
    assert revision.body[0] == RELEASE["body"][0]
    assert revision.title == RELEASE["title"] and revision.date == "2024-12-05"
    assert revision.participants[0].name == "Ivan Oldfieldov"
    assert revision.source == "first.jsonl"
    assert archive.changed_on(RELEASE["id"]) == revision.replaced_at[:10]
    assert archive.revisions("other") == [] and archive.changed_on("other") is None


def test_the_old_texts_words_no_longer_find_the_item_and_the_new_ones_do(
    archive: Archive, tmp_path: Path
) -> None:
    assert [h.item_id for h in archive.search("quokkaplan")] == [RELEASE["id"]]
    archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
    assert archive.search("quokkaplan") == []
    assert archive.search("quokkapla") == []  # not as a prefix either
    assert [h.item_id for h in archive.search("wombatplan")] == [RELEASE["id"]]
    assert [h.item_id for h in archive.search("minsk")] == [RELEASE["id"], "other"]
    # the replaced text no longer counts towards its words' weight
    df = dict(archive._conn.execute("SELECT term, df FROM terms"))
    old, new, both = map(fold_word, ("quokkaplan", "wombatplan", "minsk"))
    assert df[old] == 0 and df[new] == 1 and df[both] == 2


def test_a_corrected_date_moves_the_item_in_date_order(archive: Archive, tmp_path: Path) -> None:
    assert archive.ids() == ["other", RELEASE["id"]]  # same day: the later import first
    archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
    assert archive.ids() == [RELEASE["id"], "other"]
    assert archive.ids(after="2024-12-06") == [RELEASE["id"]]
    assert archive.ids(before="2024-12-05") == ["other"]


def test_people_follow_the_corrected_participants(archive: Archive, tmp_path: Path) -> None:
    assert [p.name for p in archive.people("oldfieldov")] == ["Ivan Oldfieldov"]
    archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
    assert archive.people("oldfieldov") == []
    (newcomer,) = archive.people("newfieldov")
    assert newcomer.item_ids == (RELEASE["id"],) and newcomer.count == 1
    assert [h.item_id for h in archive.search("person:newfieldov")] == [RELEASE["id"]]
    assert archive.search("person:oldfieldov") == []


def test_identical_content_is_already_there_even_from_another_file(
    archive: Archive, tmp_path: Path
) -> None:
    report = archive.import_file(jsonl(tmp_path / "copy-under-another-name.jsonl", RELEASE))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 1)
    assert archive.revisions(RELEASE["id"]) == []


def test_bookmarks_keep_pointing_at_the_corrected_item(archive: Archive, tmp_path: Path) -> None:
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    marks.add(RELEASE["id"], note="check the figures")
    archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
    assert marks.get(RELEASE["id"]).note == "check the figures"
    assert archive.get(RELEASE["id"]).date == "2024-12-06"
    hits = archive.search("in:bookmarks wombatplan", bookmarks=marks)
    assert [h.item_id for h in hits] == [RELEASE["id"]]


def test_every_correction_is_kept_oldest_first(archive: Archive, tmp_path: Path) -> None:
    third = {**CORRECTED, "title": "Meeting of the Committee (second correction)"}
    archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
    archive.import_file(jsonl(tmp_path / "fix2.jsonl", third))
    revisions = archive.revisions(RELEASE["id"])
    assert [r.as_item().body[0] for r in revisions] == [RELEASE["body"][0], CORRECTED["body"][0]]
    assert revisions[0].replaced_at <= revisions[1].replaced_at
    assert archive.get(RELEASE["id"]).title == third["title"]


@pytest.mark.parametrize("chunk", [2_000, 1], ids=["one chunk", "chunk per item"])
def test_an_id_repeated_in_one_file_ends_with_its_last_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(store.archive, "CHUNK", chunk)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        report = archive.import_file(
            jsonl(tmp_path / "both.jsonl", RELEASE, OTHER, CORRECTED, CORRECTED)
        )
        assert (report.added, report.updated, report.unchanged) == (2, 1, 1)
        assert archive.get(RELEASE["id"]).date == "2024-12-06"
        assert [r.date for r in archive.revisions(RELEASE["id"])] == ["2024-12-05"]
        assert archive.search("quokkaplan") == []
        assert [p.name for p in archive.people("oldfieldov")] == []


def test_updates_read_on_a_second_core_give_the_same_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = jsonl(tmp_path / "first.jsonl", RELEASE, OTHER)
    fix = jsonl(tmp_path / "fix.jsonl", CORRECTED, OTHER)
    results = []
    for name, parallel in (("one", 1 << 40), ("two", 0)):
        monkeypatch.setattr(store.ingest.pipeline, "PARALLEL_BYTES", parallel)
        with Archive.open(tmp_path / f"{name}.sqlite3") as archive:
            archive.import_file(first)
            report = archive.import_file(fix)
            results.append((
                (report.added, report.updated, report.unchanged),
                [archive.get(i) for i in archive.ids()],
                [h.item_id for h in archive.search("wombatplan")],
                archive.search("quokkaplan"),
            ))
    assert results[0] == results[1]
    assert results[0][0] == (0, 1, 1)


def mixed_import(tmp_path: Path) -> Path:
    """New, corrected, identical and repeated items in one file."""
    repeated = {"id": "twice", "title": "Twice", "date": "2024-01-01", "body": "First."}
    return jsonl(
        tmp_path / "mixed.jsonl",
        {"title": "A new item", "date": "2024-02-02", "body": "New."},
        CORRECTED,
        OTHER,
        repeated,
        {**repeated, "body": "Second."},
        {**repeated, "body": "Second."},
    )


def test_a_dry_run_reports_exactly_what_the_import_then_does(
    archive: Archive, tmp_path: Path
) -> None:
    path = mixed_import(tmp_path)
    before = [archive.get(i) for i in archive.ids()]
    dry = archive.import_file(path, dry_run=True)
    assert [archive.get(i) for i in archive.ids()] == before
    assert archive.revisions(RELEASE["id"]) == []
    real = archive.import_file(path)
    counts = (real.added, real.updated, real.unchanged)
    assert (dry.added, dry.updated, dry.unchanged) == counts == (2, 2, 2)
    assert real.summary() == dry.summary() == "added 2, updated 2, already there 2"
    # again: "twice" goes back to its first text, then on to the second
    again = archive.import_file(path, dry_run=True)
    assert (again.added, again.updated, again.unchanged) == (0, 2, 4)
    real_again = archive.import_file(path)
    assert (real_again.added, real_again.updated, real_again.unchanged) == (0, 2, 4)
    assert len(archive.revisions("twice")) == 3


def test_an_archive_without_the_revisions_table_still_opens_and_gains_it(tmp_path: Path) -> None:
    path = tmp_path / "before-revisions.sqlite3"
    with Archive.open(path) as archive:
        archive.import_file(jsonl(tmp_path / "first.jsonl", RELEASE))
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE revisions")  # an archive written before revisions existed
    conn.commit()
    conn.close()
    with Archive.open(path, readonly=True) as archive:
        assert archive.revisions(RELEASE["id"]) == [] and archive.changed_on(RELEASE["id"]) is None
        assert archive.get(RELEASE["id"]).title == RELEASE["title"]
    conn = sqlite3.connect(path)
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'revisions'")
    assert tables.fetchone()[0] == 0, "a read-only open wrote to the archive"
    conn.close()
    with Archive.open(path) as archive:
        report = archive.import_file(jsonl(tmp_path / "fix.jsonl", CORRECTED))
        assert report.updated == 1
        assert len(archive.revisions(RELEASE["id"])) == 1
