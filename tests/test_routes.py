"""One release, two routes: a press-text dump's item and its web page are one item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store import Archive, Bookmarks
from tui.cli.main import main

DUMP = {
    "id": "2024-12-05-5f1c2a9e",
    "title": "The CSTO Secretary General met with the Director of the OSCE Centre",
    "date": "2024-12-05",
    "kind": "news",
    "body": ["On 5 December 2024 the CSTO Secretary General met with the Director."],
    "source": "dump-2024-12.txt",
}
PAGE = {
    "id": "web-3a7f09c1d2e4b",
    # the site's own punctuation, case and transliteration: the same title, folded
    "title": "The CSTO Secretary-General met with the director of the OSCE centre.",
    "date": "2024-12-05",
    "kind": "news",
    "body": ["The CSTO Secretary General met with the Director.", "Menu text left out."],
    "source": "https://en.odkb-csto.org/news/2024/12/05/director/",
}


def jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "a.sqlite3") as opened:
        yield opened


def test_the_web_page_of_an_item_from_a_dump_is_the_same_item_with_both_sources(
    archive: Archive, tmp_path: Path
) -> None:
    archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP)])
    report = archive.import_files([jsonl(tmp_path / "page.jsonl", PAGE)])
    assert (report.added, report.unchanged, report.merged) == (0, 1, 1)
    assert "already there 1 (1 by another route)" in report.summary()
    assert archive.ids() == [DUMP["id"]]
    assert archive.get(DUMP["id"]).body == tuple(DUMP["body"])  # the first text stays
    assert archive.sources(DUMP["id"]) == [DUMP["source"], PAGE["source"]]


def test_a_dump_imported_after_the_page_joins_the_page(archive: Archive, tmp_path: Path) -> None:
    archive.import_files([jsonl(tmp_path / "page.jsonl", PAGE)])
    report = archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP)])
    assert report.merged == 1 and archive.ids() == [PAGE["id"]]
    assert archive.sources(PAGE["id"]) == [PAGE["source"], DUMP["source"]]


def test_both_routes_in_one_import_are_one_item(archive: Archive, tmp_path: Path) -> None:
    report = archive.import_files([jsonl(tmp_path / "both.jsonl", DUMP, PAGE)])
    assert (report.added, report.merged) == (1, 1)
    assert archive.ids() == [DUMP["id"]]


def test_importing_either_route_again_unchanged_changes_nothing(
    archive: Archive, tmp_path: Path
) -> None:
    dump, page = jsonl(tmp_path / "dump.jsonl", DUMP), jsonl(tmp_path / "page.jsonl", PAGE)
    archive.import_files([dump])
    archive.import_files([page])
    for again in (dump, page, dump, page):
        report = archive.import_files([again])
        assert (report.added, report.updated, report.unchanged) == (0, 0, 1)
    assert archive.revisions(DUMP["id"]) == []
    assert archive.get(DUMP["id"]).body == tuple(DUMP["body"])


def test_a_page_corrected_at_source_updates_the_item_and_keeps_bookmark_and_earlier_text(
    archive: Archive, tmp_path: Path
) -> None:
    archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP)])
    archive.import_files([jsonl(tmp_path / "page.jsonl", PAGE)])
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    marks.add(DUMP["id"], note="for the report")
    corrected = {**PAGE, "body": ["The CSTO Secretary General met the Director in Vienna."]}
    report = archive.import_files([jsonl(tmp_path / "page2.jsonl", corrected)])
    assert (report.added, report.updated) == (0, 1)
    assert archive.ids() == [DUMP["id"]]
    item = archive.get(DUMP["id"])
    assert item.body == tuple(corrected["body"]) and item.source == DUMP["source"]
    assert [r.body for r in archive.revisions(DUMP["id"])] == [tuple(DUMP["body"])]
    assert marks.get(DUMP["id"]).note == "for the report"
    # and the dump imported again does not take it back
    report = archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP)])
    assert (report.updated, report.unchanged) == (0, 1)
    assert archive.get(DUMP["id"]).body == tuple(corrected["body"])


def test_two_dump_items_of_one_day_with_one_title_stay_two_items(
    archive: Archive, tmp_path: Path
) -> None:
    twin = {**DUMP, "id": "2024-12-05-99999999", "body": ["Another meeting of that day."]}
    report = archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP, twin)])
    assert (report.added, report.merged) == (2, 0)


def test_a_page_of_another_day_or_title_is_its_own_item(archive: Archive, tmp_path: Path) -> None:
    archive.import_files([jsonl(tmp_path / "dump.jsonl", DUMP)])
    other_day = {**PAGE, "date": "2024-12-06"}
    other_title = {**PAGE, "id": "web-0000000000001", "title": "The CSTO met the UN"}
    report = archive.import_files([jsonl(tmp_path / "pages.jsonl", other_day, other_title)])
    assert (report.added, report.merged) == (2, 0)


def test_a_dry_run_counts_what_the_import_then_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "a.sqlite3")
    dump, page = jsonl(tmp_path / "dump.jsonl", DUMP), jsonl(tmp_path / "page.jsonl", PAGE)
    assert main(["import", str(dump), "--archive", path]) == 0
    capsys.readouterr()
    assert main(["import", str(page), "--archive", path, "--dry-run"]) == 0
    planned = "".join(capsys.readouterr())
    assert main(["import", str(page), "--archive", path]) == 0
    done = "".join(capsys.readouterr())
    assert "already there 1 (1 by another route)" in planned
    assert "already there 1 (1 by another route)" in done


def test_show_names_every_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "a.sqlite3")
    both = jsonl(tmp_path / "both.jsonl", DUMP, PAGE)
    assert main(["import", str(both), "--archive", path]) == 0
    capsys.readouterr()
    assert main(["show", DUMP["id"], "--archive", path]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(f"source: {DUMP['source']}\nsource: {PAGE['source']}")
