"""Big imports read and fold on a second core, with the same result and the same errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import store.pipeline
from store import Archive, InputError


def write_items(path: Path, count: int, broken_at: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            if n == broken_at:
                out.write("{not json\n")
                continue
            out.write(json.dumps({
                "title": f"Meeting {n} with Fyodor Voitolovsky",
                "date": f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 10}",
                "kind": "speech" if n % 7 == 0 else "news",
                "body": [f"Paragraph {n} on Ter-Minasyan and security.", "Второй абзац."],
                "participants": [{"name": "Fyodor Voitolovsky", "role": "Director",
                                  "organisation": "IMEMO"}],
                "places": ["Moscow"],
            }, ensure_ascii=False) + "\n")
    return path


def test_a_second_core_imports_exactly_what_one_core_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_items(tmp_path / "items.jsonl", 1_200)
    with Archive.open(tmp_path / "one.sqlite3") as one:
        one.import_file(source)
        expected = [one.get(i) for i in one.ids()]
        expected_hits = [h.item_id for h in one.search("terminasyan voytolovskiy", limit=2000)]
    monkeypatch.setattr(store.pipeline, "PARALLEL_BYTES", 0)
    with Archive.open(tmp_path / "two.sqlite3") as two:
        report = two.import_file(source)
        assert report.added == 1_200
        assert [two.get(i) for i in two.ids()] == expected
        hits = [h.item_id for h in two.search("terminasyan voytolovskiy", limit=2000)]
        assert hits == expected_hits and len(hits) == 1_200


def test_a_broken_line_read_on_a_second_core_is_one_error_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.pipeline, "PARALLEL_BYTES", 0)
    source = write_items(tmp_path / "items.jsonl", 1_200, broken_at=1_100)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(InputError, match=r"items\.jsonl:1101"):
            archive.import_file(source)
        assert len(archive) == 0
        assert archive.search("voitolovsky") == []
