"""Big imports read and fold on a second core, with the same result and the same errors."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import store.archive
import store.index.postings
import store.ingest.pipeline
from store import Archive, InputError, Item
from store.archive import ImportReport
from store.index.postings import Postings, TermNumbers, _stable_order
from store.ingest.collector import IMPORT_THRESHOLDS, fewer_collections


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


# How the work is shared: the reader parses and folds everything, passes every block of
# lines on to the importer, or balances by the queue (what real imports do).
SHARES = {"reader folds": 0, "importer parses": store.ingest.pipeline.QUEUED + 1, "balanced": 4}


@pytest.mark.parametrize("share", SHARES)
def test_a_second_core_imports_exactly_what_one_core_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: str
) -> None:
    source = write_items(tmp_path / "items.jsonl", 1_200)
    with Archive.open(tmp_path / "one.sqlite3") as one:
        one.import_file(source)
        expected = [one.get(i) for i in one.ids()]
        expected_hits = [h.item_id for h in one.search("terminasyan voytolovskiy", limit=2000)]
    monkeypatch.setattr(store.ingest.pipeline, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(store.ingest.pipeline, "LOW", SHARES[share])
    with Archive.open(tmp_path / "two.sqlite3") as two:
        report = two.import_file(source)
        assert report.added == 1_200
        assert [two.get(i) for i in two.ids()] == expected
        hits = [h.item_id for h in two.search("terminasyan voytolovskiy", limit=2000)]
        assert hits == expected_hits and len(hits) == 1_200


@pytest.mark.parametrize("share", SHARES)
def test_a_broken_line_read_on_a_second_core_is_one_error_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: str
) -> None:
    monkeypatch.setattr(store.ingest.pipeline, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(store.ingest.pipeline, "LOW", SHARES[share])
    source = write_items(tmp_path / "items.jsonl", 1_200, broken_at=1_100)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(InputError, match=r"items\.jsonl:1101"):
            archive.import_file(source)
        assert len(archive) == 0
        assert archive.search("voitolovsky") == []


def stored_index(path: Path) -> dict[str, tuple[int, bytes, bytes, bytes]]:
    """Every term of an archive file with its count and all its postings, by term text."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for term_id, term, df in conn.execute("SELECT id, term, df FROM terms"):
            parts = conn.execute(
                "SELECT body, docs, fields FROM postings WHERE term = ? ORDER BY chunk",
                (term_id,),
            ).fetchall()
            out[term] = (df, *(b"".join(p[n] for p in parts) for n in range(3)))
        return out
    finally:
        conn.close()


@pytest.mark.parametrize("share", SHARES)
def test_the_second_core_builds_the_same_index_over_spills_and_repeated_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: str
) -> None:
    first = write_items(tmp_path / "first.jsonl", 700)
    second = tmp_path / "second.jsonl"
    # Half of it already imported, half new, with words the archive has not seen yet.
    lines = first.read_text(encoding="utf-8").splitlines()[350:]
    lines += [json.dumps({"title": f"Visit {n} of Nurlan Ermekbaev to Dushanbe",
                          "date": "2025-01-02", "body": [f"Word{n} and сотрудничество."]},
                         ensure_ascii=False) for n in range(400)]
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(store.index.postings, "SPILL_ITEMS", 128)  # several chunks per import
    with Archive.open(tmp_path / "one.sqlite3") as one:
        one.import_file(first)
        one.import_file(second)
    monkeypatch.setattr(store.ingest.pipeline, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(store.ingest.pipeline, "LOW", SHARES[share])
    with Archive.open(tmp_path / "two.sqlite3") as two:
        two.import_file(first)
        report = two.import_file(second)
        assert (report.added, report.unchanged) == (400, 350)
        assert [h.item_id for h in two.search("ermekbaev word3")] == [
            h.item_id for h in two.search("Yermekbayev word3")
        ]
    expected = stored_index(tmp_path / "one.sqlite3")
    assert stored_index(tmp_path / "two.sqlite3") == expected
    # Counts: new terms, terms of the skipped half only, and terms both imports brought.
    assert expected["ermekbaev"][0] == 400 and expected["voitolovski"][0] == 700
    assert expected["and"][0] == 1_100


def test_items_folded_by_either_process_in_any_mix_file_the_same_postings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alternate blocks of items between a (simulated) reader's numbering and the importer's
    own, with spills in between: the stored index is the one a single process writes."""
    items = list(Archive.parse_files([write_items(tmp_path / "items.jsonl", 300)]))
    items += [Item.from_dict({"title": f"Удар {n} по Тер-Минасяну", "body": [f"Слово{n}"]})
              for n in range(50)]
    monkeypatch.setattr(store.index.postings, "SPILL_ITEMS", 64)
    # Blocks reach the writer one by one, so the importer numbers terms of its own between
    # terms it follows: the two numberings really diverge.
    monkeypatch.setattr(store.archive, "CHUNK", 37)
    with Archive.open(tmp_path / "one.sqlite3") as one:
        one.import_items(items)
    with Archive.open(tmp_path / "mixed.sqlite3") as mixed:
        reader = TermNumbers()
        sent = 0

        def prepared() -> Iterator[tuple[Item, Postings | None]]:
            nonlocal sent
            for start in range(0, len(items), 37):
                block = items[start : start + 37]
                if (start // 37) % 3 == 1:  # this block the importer folds itself
                    yield from ((item, None) for item in block)
                    continue
                postings = [Postings.of(item, reader) for item in block]
                mixed._index.writer.follow(reader.names[sent:])
                sent = len(reader)
                yield from zip(block, postings, strict=True)

        mixed._import(prepared(), ImportReport())
    assert stored_index(tmp_path / "mixed.sqlite3") == stored_index(tmp_path / "one.sqlite3")


@given(st.lists(st.integers(0, 200_000), max_size=300), st.sampled_from([70_000, 200_001]))
def test_postings_are_grouped_in_term_order_keeping_rowid_order(
    terms: list[int], count: int
) -> None:
    values = np.array([t % count for t in terms], dtype=np.uint32)
    small = values % 1_000
    assert (_stable_order(values, count) == np.argsort(values, kind="stable")).all()
    assert (_stable_order(small, 1_000) == np.argsort(small, kind="stable")).all()


def test_an_import_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    before = gc.get_threshold()
    source = write_items(tmp_path / "items.jsonl", 50, broken_at=40)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(InputError):
            archive.import_file(source)
        assert gc.get_threshold() == before
        archive.import_file(write_items(tmp_path / "good.jsonl", 50))
    assert gc.get_threshold() == before


def test_overlapping_imports_restore_the_collector_once_both_are_done() -> None:
    before = gc.get_threshold()
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to start ends first: the second still runs
    assert gc.get_threshold() == IMPORT_THRESHOLDS
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before
