"""The index file beside the archive: sessions map it, and never trust it more than the archive.

Every check compares a session reading the file with a session that searches from the
archive's tables alone (no file beside it): the same items, scores and highlights, or the
file was not used.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Archive
from store.index.mapped import ALIGN, index_path
from store.paths import sample_files
from tests.bench.synth import write_archive

QUERIES = (
    "minsk", "security council", "voitolovsky", "Войтоловский", "voytolovskiy", "sec", "s",
    "t", "a", "the", "migration", '"collective security"', "kind:speech after:2020-01-01",
    "minsk -security", "-minsk", "person:voitolovsky", "secretary general", "zzzzzzzz",
    "kind:news", "security co",
)


def answers(archive: Archive) -> list[tuple[list[int], list[float], list[str]]]:
    out = []
    for query in QUERIES:
        found = archive.match(query)
        out.append((found.rowids.tolist(), found.scores.tolist(), sorted(found.terms)))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of the sample and 1,500 synthetic items, its index file, and what a
    session with no index file answers (the reference every test compares with)."""
    folder = tmp_path_factory.mktemp("indexed")
    items = folder / "items.jsonl"
    write_archive(1_500, items, seed=3)
    archive = folder / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
        opened.import_paths([items])
    moved = folder / "kept-index"
    shutil.move(index_path(archive), moved)
    with Archive.open(archive, readonly=True) as memory:
        assert memory.index_notice is not None
        (folder / "reference.json").write_text(json.dumps(answers(memory)))
    shutil.move(moved, index_path(archive))
    return archive


@pytest.fixture
def archive(built: Path, tmp_path: Path) -> Path:
    """A copy of the built archive and its index file, for a test to change."""
    copy = tmp_path / "archive.sqlite3"
    shutil.copy(built, copy)
    shutil.copy(index_path(built), index_path(copy))
    return copy


def more_items(path: Path, count: int, seed: int) -> Path:
    """`count` synthetic items with ids of their own (the generator numbers ids from 1)."""
    write_archive(count, path, seed=seed)
    lines = path.read_text("utf-8").splitlines()
    path.write_text("".join(line.replace('"syn-', '"more-', 1) + "\n" for line in lines))
    return path


def reference(built: Path) -> list[list[object]]:
    loaded: list[list[object]] = json.loads((built.parent / "reference.json").read_text())
    return loaded


def same_as_memory(archive: Archive, built: Path) -> bool:
    return json.loads(json.dumps(answers(archive))) == reference(built)


def test_an_import_leaves_an_index_file_that_the_next_session_maps(archive: Path) -> None:
    assert index_path(archive).stat().st_size > ALIGN
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None


def test_searching_the_index_file_answers_as_searching_from_memory(
    archive: Path, built: Path
) -> None:
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None
        assert same_as_memory(opened, built)


def test_a_dossier_from_the_index_file_is_the_one_from_the_tables(archive: Path) -> None:
    with Archive.open(archive, readonly=True) as mapped:
        key = mapped.people("voitolovsky", limit=1)[0].key
        from_file = mapped.dossier(key=key)
    index_path(archive).unlink()
    with Archive.open(archive, readonly=True) as memory:
        assert memory.dossier(key=key) == from_file


def test_a_missing_index_file_is_said_and_search_answers_the_same(
    archive: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.common import say_index_notice

    index_path(archive).unlink()
    with Archive.open(archive, readonly=True) as opened:
        assert "missing" in (opened.index_notice or "")
        assert same_as_memory(opened, built)
        say_index_notice(opened)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert "searching from memory" in lines[0]


def test_an_index_file_older_than_the_archive_is_not_trusted(
    archive: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old-index"
    shutil.copy(index_path(archive), old)
    items = more_items(tmp_path / "more.jsonl", 40, seed=11)
    with Archive.open(archive) as writer:
        writer.import_paths([items])
    shutil.copy(old, index_path(archive))  # as a crash between commit and rename leaves it
    with Archive.open(archive, readonly=True) as stale:
        assert "older than the archive" in (stale.index_notice or "")
        found = stale.match("minsk")
    index_path(archive).unlink()
    with Archive.open(archive, readonly=True) as memory:
        assert found.rowids.tolist() == memory.match("minsk").rowids.tolist()


def test_another_archives_index_file_is_not_read(archive: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with Archive.open(other) as opened:
        opened.import_files(sample_files())
    shutil.copy(index_path(other), index_path(archive))
    with Archive.open(archive, readonly=True) as opened:
        assert "another archive" in (opened.index_notice or "")
        assert len(opened.match("minsk")) > 10  # the sample alone has a few


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda data: data[:ALIGN + 100], "cut short"),
        (lambda data: b"NOTINDEX" + data[8:], "not a pressroom index file"),
        (lambda data: data[:20] + b"\xff" * 30 + data[50:], "damaged"),
        (lambda data: b"", "damaged"),
    ],
    ids=["truncated", "not-an-index", "header", "empty"],
)
def test_a_damaged_index_file_is_detected_and_the_next_import_rewrites_it(
    archive: Path, built: Path, damage: object, said: str
) -> None:
    target = index_path(archive)
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    with Archive.open(archive, readonly=True) as opened:
        assert said in (opened.index_notice or "")
        assert same_as_memory(opened, built)
    with Archive.open(archive) as writer:  # an import with nothing new still puts it right
        report = writer.import_files(sample_files())
        assert report.added == 0
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None
        assert same_as_memory(opened, built)


def _body_region(target: Path) -> tuple[int, int]:
    data = target.read_bytes()
    header = json.loads(data[16 : 16 + int.from_bytes(data[12:16], "little")])
    offset, size = header["sections"]["body"][:2]
    return int(offset), int(size)


def test_damaged_posting_lists_are_caught_when_first_read(archive: Path, built: Path) -> None:
    """Posting lists are checked as a session reads them, not all at opening: a flipped
    byte in the middle of them is found by the search that reads it."""
    target = index_path(archive)
    offset, size = _body_region(target)
    data = bytearray(target.read_bytes())
    for at in range(offset, offset + size, max(1, size // 64)):
        data[at] ^= 0x5A
    target.write_bytes(bytes(data))
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None  # the small sections are whole
        assert same_as_memory(opened, built)
        assert "damaged" in (opened._index.problem or "")


@settings(
    max_examples=25, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=6),
    truncate=st.one_of(st.none(), st.floats(0, 1)),
)
def test_no_damage_to_the_index_file_changes_an_answer_or_raises(
    archive: Path, built: Path, cuts: list[tuple[float, int]], truncate: float | None
) -> None:
    target = index_path(archive)
    pristine = target.with_name("pristine")
    if not pristine.exists():
        shutil.copy(target, pristine)
    data = bytearray(pristine.read_bytes())
    for where, value in cuts:
        data[min(len(data) - 1, int(where * len(data)))] = value
    if truncate is not None:
        data = data[: int(truncate * len(data))]
    target.write_bytes(bytes(data))
    with Archive.open(archive, readonly=True) as opened:
        assert same_as_memory(opened, built)


KILL_WHILE_WRITING = textwrap.dedent(
    """
    import os, signal, sys
    import store.index.mapped as mapped
    from store import Archive

    def killed(*args, **kwargs):  # the import dies in the middle of the index file
        os.kill(os.getpid(), signal.SIGKILL)

    mapped._write_appearances = killed
    with Archive.open(sys.argv[1]) as archive:
        archive.import_paths([sys.argv[2]])
    """
)


def test_a_kill_while_the_index_file_is_rewritten_leaves_the_old_one_valid(
    archive: Path, built: Path, tmp_path: Path
) -> None:
    items = more_items(tmp_path / "more.jsonl", 60, seed=5)
    before = index_path(archive).read_bytes()
    killed = subprocess.run(
        [sys.executable, "-c", KILL_WHILE_WRITING, str(archive), str(items)],
        capture_output=True, text=True, timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL
    assert index_path(archive).read_bytes() == before
    assert list(archive.parent.glob("*.tmp"))  # what the killed writer left
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None  # the import rolled back: the old file fits
        assert same_as_memory(opened, built)
    with Archive.open(archive) as writer:
        assert writer.import_paths([items]).added == 60
    assert not list(archive.parent.glob("*.tmp"))
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None
        assert len(opened) == len(reference_ids(built)) + 60


def reference_ids(built: Path) -> list[int]:
    with Archive.open(built, readonly=True) as opened:
        return opened.order().tolist()


def test_a_session_keeps_the_file_it_mapped_while_an_import_replaces_it(
    archive: Path, tmp_path: Path
) -> None:
    items = more_items(tmp_path / "more.jsonl", 50, seed=9)
    with Archive.open(archive, readonly=True) as session:
        before = session.match("minsk").rowids.tolist()
        with Archive.open(archive) as writer:
            writer.import_paths([items])
        # the old file stays mapped: the session's answers are those of its version
        assert session.match("minsk").rowids.tolist() == before
        assert session.match("security").rowids.max() < len(session.columns.kind)
    with Archive.open(archive, readonly=True) as fresh:
        assert fresh.index_notice is None
        assert len(fresh.match("minsk")) >= len(before)
        assert len(fresh) == len(session.columns) + 50


def test_the_app_writes_a_missing_index_file_when_its_user_may(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from tui.cli.common import open_archive

    index_path(archive).unlink()
    args = argparse.Namespace(archive=archive)
    with open_archive(args, readonly=True, upgrade=True) as opened:
        assert opened.index_notice is None
    assert index_path(archive).exists()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert "writing the index file" in lines[0]



def test_a_persons_items_come_from_the_index_files_arrays_as_from_the_table(
    archive: Path,
) -> None:
    """The People screen's sparklines and `person:` read a person's items: from the index
    file a slice of its appearance arrays, the same items the table gives."""
    with Archive.open(archive, readonly=True) as mapped:
        people = mapped.people()
        from_file = {p.key: mapped.person_rowids(p.key).tolist() for p in people}
        filtered = mapped.match("person:voitolovsky").rowids.tolist()
    index_path(archive).unlink()
    with Archive.open(archive, readonly=True) as memory:
        assert {p.key: memory.person_rowids(p.key).tolist() for p in people} == from_file
        assert memory.match("person:voitolovsky").rowids.tolist() == filtered
    assert sum(map(len, from_file.values())) > 1000


def test_writing_a_missing_index_file_also_files_phrases_an_old_archive_lacks(
    archive: Path, built: Path
) -> None:
    """An archive from before index files may be from before word positions too: the
    writer that puts the file beside it files them, so a phrase never reads every text."""
    import sqlite3

    conn = sqlite3.connect(archive)  # as pressroom left archives before positions
    conn.execute("DROP TABLE phrases")
    conn.execute("DELETE FROM columns WHERE name LIKE 'phrases%'")
    conn.commit()
    conn.close()
    index_path(archive).unlink()
    with Archive.open(archive) as writer:
        assert writer.phrases_pending()
        writer.write_index()
        assert not writer.phrases_pending()
    with Archive.open(archive, readonly=True) as opened:
        assert opened.index_notice is None
        assert same_as_memory(opened, built)


def test_caches_let_go_after_a_pause_change_no_answer(archive: Path, built: Path) -> None:
    """A session whose user paused drops its per-keystroke caches (word scores, phrase
    lists); asked again, every query answers as before."""
    with Archive.open(archive, readonly=True) as opened:
        first = answers(opened)
        opened.release_caches()
        assert answers(opened) == first
        assert json.loads(json.dumps(first)) == reference(built)


def test_people_from_the_index_file_are_the_people_from_the_tables(archive: Path) -> None:
    """The People screen, `people`, and `person:` read the people index from the file."""
    queries = ("", "voitolovsky", "Войтоловский", "voytolovskiy", "tasmag", "a", "sergei",
               "Тасмагамбетов", "zzzz", "f. voitolovsky")
    with Archive.open(archive, readonly=True) as mapped:
        assert mapped.index_notice is None
        from_file = {q: mapped.people(q) for q in queries}
    index_path(archive).unlink()
    with Archive.open(archive, readonly=True) as memory:
        assert {q: memory.people(q) for q in queries} == from_file
    assert len(from_file[""]) > 10
