"""Noticing that an archive file moved, cheaply, and counting what arrived."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from store import Archive, Item
from store.archive_watch import ArchiveWatch, count_new, read_as_snapshot
from tests.tui.conftest import sample_items


def statement(n: int) -> Item:
    return Item(id=f"new-{n}", date="2025-01-01", kind="statement", title=f"New {n}",
                body=("A paragraph.",), language="en", source="test")


def test_an_untouched_archive_never_counts_as_moved(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items(sample_items())
    watch = ArchiveWatch(path)
    with Archive.open(path, readonly=True) as reader:
        reader.search("minsk")  # reading moves nothing
        assert not watch.moved()


def test_a_commit_moves_the_file_once_and_the_count_names_what_arrived(
    tmp_path: Path,
) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items(sample_items())
    reader = Archive.open(path, readonly=True)
    watch = ArchiveWatch(path)
    with Archive.open(path) as writer:
        writer.import_items([statement(1), statement(2)])
    assert watch.moved() and not watch.moved()
    assert count_new(path, reader.last_rowid) == 2
    assert count_new(path, reader.last_rowid + 2) == 0
    reader.close()


def test_an_updated_item_counts_as_arrived(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items([statement(1)])
        last = writer.last_rowid
        writer.import_items([replace(statement(1), title="New 1, corrected")])
        assert writer.last_rowid == last + 1
    assert count_new(path, last) == 1


def test_a_file_that_cannot_be_read_just_now_counts_nothing(tmp_path: Path) -> None:
    assert count_new(tmp_path / "missing.sqlite3", 0) is None
    (tmp_path / "junk.sqlite3").write_bytes(b"not sqlite at all")
    assert count_new(tmp_path / "junk.sqlite3", 0) is None


def test_only_a_wal_file_without_companions_in_a_closed_folder_reads_as_a_snapshot(
    tmp_path: Path,
) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items(sample_items())
    assert not read_as_snapshot(path)  # at rest, out of WAL mode
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert not read_as_snapshot(path)  # its folder is writable here: -shm can be made
