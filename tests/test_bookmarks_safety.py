"""Bookmarks survive what users' machines do: killed writers, parallel sessions, bad files."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Bookmarks, BookmarksUnavailable
from store.bookmarks.repair import salvage
from store.bookmarks.storage import SafeJSONStorage
from tests.reader_user import shared_folder, unavailable

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from store.bookmarks.store import Bookmarks
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = Bookmarks.open(path)
for n in range(count):
    item_id = f"{tag}-{n}"
    marks.add(item_id, note=f"note {n}")
    print("+" + item_id, flush=True)
    if n % 4 == 3:
        old = f"{tag}-{n - 2}"
        marks.remove(old)
        print("-" + old, flush=True)
"""
"""Adds (and now and then removes) bookmarks, printing each change once the call returned."""


def _writer(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _seed(path: Path, count: int) -> set[str]:
    """A file as big as a long-time user's, so that each write takes a while."""
    records = {
        str(n): {"item_id": f"seed-{n:05d}", "note": "an earlier bookmark with a longer note",
                 "tags": [], "created": "2024-01-01T00:00:00+00:00", "position": 0}
        for n in range(1, count + 1)
    }
    storage = SafeJSONStorage(path)
    with storage.transaction():
        storage.write({"bookmarks": records})
    return {r["item_id"] for r in records.values()}


def _next_change(tag: str, log: list[str]) -> str:
    """The change WRITER was making when it died: the one after its last printed line."""
    if not log:
        return f"+{tag}-0"
    n = int(log[-1].rsplit("-", 1)[1])
    if log[-1][0] == "+" and n % 4 == 3:
        return f"-{tag}-{n - 2}"
    return f"+{tag}-{(n + 3 if log[-1][0] == '-' else n + 1)}"


def _apply(state: set[str], change: str) -> set[str]:
    return state | {change[1:]} if change[0] == "+" else state - {change[1:]}


@pytest.mark.slow
def test_a_writer_killed_at_any_moment_loses_no_acknowledged_bookmark(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    expected = _seed(path, 1500)
    rng = random.Random(4)
    kills_mid_write = 0
    round_no = -1
    # 30 kills at least; more (up to 150) until one lands mid-write, since on a fast or
    # busy machine the moment a write is in progress can be missed 30 times in a row.
    while round_no < 29 or (kills_mid_write == 0 and round_no < 149):
        round_no += 1
        tag = f"r{round_no}"
        child = _writer(path, tag, 10_000)
        assert child.stdout is not None
        log: list[str] = []
        # Let it write steadily, then kill it a random moment later.
        for _ in range(rng.randint(1, 6)):
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"writer died: {child.stderr.read() if child.stderr else ''}")
            log.append(line.strip())
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        # Read on through child.stdout itself: readline() may already hold later lines in
        # its buffer, which communicate() (reading the bare pipe) would never see.
        rest = child.stdout.read()
        child.wait()
        if child.stderr is not None:
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        log += rest.split()
        for change in log:
            expected = _apply(expected, change)
        kills_mid_write += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        ids = Bookmarks.open(path).ids()
        # Everything acknowledged is there; only the change in flight may or may not be.
        in_flight = _apply(expected, _next_change(tag, log))
        assert ids in (expected, in_flight), (
            f"round {round_no}: lost {sorted(expected - ids)[:5]}, "
            f"unexpected {sorted(ids - expected)[:5]}"
        )
        expected = ids
    assert kills_mid_write > 0, "no kill landed during a write: the test proves nothing"


@pytest.mark.slow
def test_parallel_sessions_keep_every_change(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    writers = [_writer(path, f"p{n}", 100) for n in range(4)]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    expected: set[str] = set()
    for out, _ in outputs:
        for change in out.split():
            expected = _apply(expected, change)
    marks = Bookmarks.open(path)
    assert len(expected) == 4 * 100 - 4 * 25
    assert marks.ids() == expected
    assert all(marks.get(i).note == f"note {i.split('-')[1]}" for i in expected)


GOOD = (
    '{"bookmarks":{\n'
    '"1":{"item_id":"a","note":"first","tags":["x"],"created":"2024-01-01T00:00:00+00:00",'
    '"position":3},\n'
    '"2":{"item_id":"b","note":"second","tags":[],"created":"2024-01-02T00:00:00+00:00",'
    '"position":0},\n'
    '"3":{"item_id":"c","note":"third","tags":[],"created":"2024-01-03T00:00:00+00:00",'
    '"position":0}\n'
    '}}\n'
)

CORRUPT = {
    "truncated JSON": (GOOD[: GOOD.index('"c"') + 10].encode(), {"a", "b"}),
    "not JSON": (b"bookmarks: a, b, c\n", set()),
    "a JSON list of records": (
        b'[{"item_id": "a", "note": "kept"}, {"item_id": "b", "position": "bad"}]', {"a", "b"}
    ),
    "a record without an item id": (
        b'{"bookmarks": {"1": {"item_id": "a"}, "2": {"note": "orphan"}}}', {"a"}
    ),
    "a table that is not an object": (b'{"bookmarks": [{"item_id": "a"}]}', {"a"}),
    "binary garbage": (bytes(random.Random(1).randrange(256) for _ in range(4096)), set()),
}


def _write_corrupt(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_a_corrupt_file_is_reported_in_one_line_and_never_overwritten(
    tmp_path: Path, case: str
) -> None:
    path = tmp_path / "bookmarks.json"
    content, _ = CORRUPT[case]
    _write_corrupt(path, GOOD.encode())
    already_open = Bookmarks.open(path)
    _write_corrupt(path, content)
    with pytest.raises(BookmarksUnavailable) as opened:
        Bookmarks.open(path)
    message = str(opened.value)
    assert "\n" not in message and str(path) in message and "pressroom bookmarks repair" in message
    for change in (lambda: already_open.add("new"), lambda: already_open.remove("a"),
                   lambda: already_open.set_position("a", 9)):
        with pytest.raises(BookmarksUnavailable):
            change()
    with pytest.raises(BookmarksUnavailable):
        already_open.list()
    assert path.read_bytes() == content


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_repair_moves_a_corrupt_file_aside_and_keeps_every_readable_bookmark(
    tmp_path: Path, case: str
) -> None:
    path = tmp_path / "bookmarks.json"
    content, readable = CORRUPT[case]
    _write_corrupt(path, content)
    report = Bookmarks.repair(path)
    assert report.moved_to is not None and report.moved_to.parent == tmp_path
    assert report.moved_to.name.startswith("bookmarks.json.corrupt-")
    assert report.moved_to.read_bytes() == content
    assert report.kept == len(readable) and report.problem
    marks = Bookmarks.open(path)
    assert marks.ids() == readable
    if "a" in readable and case == "truncated JSON":
        assert marks.get("a").note == "first" and marks.get("a").position == 3


def test_repairing_twice_in_a_second_keeps_both_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    _write_corrupt(path, b"{not json")
    first = Bookmarks.repair(path).moved_to
    _write_corrupt(path, b"{still not json")
    second = Bookmarks.repair(path).moved_to
    assert first != second and first is not None and second is not None
    assert first.read_bytes() == b"{not json" and second.read_bytes() == b"{still not json"


def test_repair_leaves_a_good_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    _write_corrupt(path, GOOD.encode())
    report = Bookmarks.repair(path)
    assert report.moved_to is None and report.kept == 3
    assert path.read_bytes() == GOOD.encode()
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_folder_at_the_bookmarks_path_is_reported_and_repair_moves_it(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    (path / "inside").mkdir(parents=True)
    with pytest.raises(BookmarksUnavailable, match="is a folder"):
        Bookmarks.open(path)
    assert (path / "inside").is_dir()
    report = Bookmarks.repair(path)
    assert report.moved_to is not None and (report.moved_to / "inside").is_dir()
    marks = Bookmarks.open(path)
    marks.add("a")
    assert path.is_file() and marks.ids() == {"a"}


def test_an_unreadable_file_is_reported_and_left_alone() -> None:
    """Run as a user who may not read the file: as root (who reads any file), the command
    runs as uid 65534 under setpriv on a root file of mode 0600; as anyone else, on a file
    of mode 0 (tests/reader_user.py)."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    for shared in shared_folder():
        path = shared.folder / "bookmarks.json"
        _write_corrupt(path, GOOD.encode())
        path.chmod(0o600 if os.geteuid() == 0 else 0)
        shared.folder.chmod(0o777)  # the folder is no obstacle: the file is
        result = shared.run("bookmarks", "list", "--bookmarks", str(path))
        mode = path.stat().st_mode & 0o777
        path.chmod(0o600)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"pressroom: {path} cannot be read (permission denied)")
        assert len(result.stderr.splitlines()) == 1
        assert mode == (0o600 if os.geteuid() == 0 else 0)
        assert path.read_bytes() == GOOD.encode()
        assert sorted(p.name for p in shared.folder.iterdir()) == ["bookmarks.json"]


def test_salvage_keeps_every_complete_record_of_a_big_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    seeded = _seed(path, 3000)
    content = path.read_bytes()
    cut = content[: len(content) * 2 // 3]
    kept = {r["item_id"] for r in salvage(cut)}
    assert len(kept) >= 1990 and kept <= seeded
    lines = cut.decode("utf-8", errors="replace").splitlines()[1:]
    complete = {json.loads(line.split(":", 1)[1][:-1])["item_id"]
                for line in lines if line.endswith(",")}
    assert kept == complete


# -- clippings: the same guarantees ------------------------------------------------------------

CLIPPER = """
import sys
from store.bookmarks.store import Bookmarks
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = Bookmarks.open(path)
for n in range(count):
    kept = marks.clip(f"{tag}-{n}", n % 7, n % 7 + 2, f"quoted text {n} " * 20,
                      note=f"note {n} #{tag}")
    print(kept.item_id, flush=True)
"""
"""Keeps clippings one after another, printing each once `clip` returned."""


def _clipper(path: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLIPPER, str(path), tag, str(count)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_a_clipping_writer_killed_at_any_moment_loses_no_acknowledged_clipping(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bookmarks.json"
    _seed(path, 1500)
    rng = random.Random(14)
    acknowledged: set[str] = set()
    kills_mid_write = 0
    round_no = -1
    # fewer rounds than for bookmarks: the storage is the same, only the table is new
    while round_no < 7 or (kills_mid_write == 0 and round_no < 99):
        round_no += 1
        tag = f"c{round_no}"
        child = _clipper(path, tag, 10_000)
        assert child.stdout is not None
        log: list[str] = []
        for _ in range(rng.randint(1, 5)):
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"writer died: {child.stderr.read() if child.stderr else ''}")
            log.append(line.strip())
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        log += child.stdout.read().split()
        child.wait()
        if child.stderr is not None:
            child.stderr.close()
        acknowledged |= set(log)
        kills_mid_write += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        marks = Bookmarks.open(path)
        kept = {c.item_id for c in marks.clippings()}
        in_flight = f"{tag}-{len(log)}"
        assert acknowledged <= kept <= acknowledged | {in_flight}, (
            f"round {round_no}: lost {sorted(acknowledged - kept)[:5]}"
        )
        acknowledged = kept
        assert len(marks) == 1500  # the bookmarks beside them are untouched
    assert kills_mid_write > 0, "no kill landed during a write: the test proves nothing"


@pytest.mark.slow
def test_four_clipping_writers_at_once_keep_every_clipping(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.open(path)
    marks.add("already-there", note="a bookmark from before")
    writers = [_clipper(path, f"w{n}", 60) for n in range(4)]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    printed = {line for out, _ in outputs for line in out.split()}
    clips = Bookmarks.open(path).clippings()
    assert len(clips) == 240 and {c.item_id for c in clips} == printed
    assert len({c.id for c in clips}) == 240
    assert all(c.tags == (c.item_id.split("-")[0],) for c in clips)  # from "#w0" in the note
    assert Bookmarks.open(path).ids() == {"already-there"}


def test_repair_keeps_clippings_apart_from_bookmarks(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.open(path)
    marks.add("a", note="first")
    kept = marks.clip("b", 2, 3, "two paragraphs", note="for the brief")
    content = path.read_bytes()
    _write_corrupt(path, content[: content.rindex(b"}") - 1])  # cut the closing braces
    report = Bookmarks.repair(path)
    assert report.moved_to is not None and report.kept == 1
    repaired = Bookmarks.open(path)
    assert repaired.ids() == {"a"}
    assert repaired.clippings() == [kept]


def test_a_damaged_clipping_makes_the_file_unavailable_and_it_is_not_overwritten(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bookmarks.json"
    content = (
        b'{"bookmarks":{"1":{"item_id":"a"}},'
        b'"clippings":{"1":{"id":"x","item_id":"a","paragraphs":[3,1],"text":"t"}}}'
    )
    _write_corrupt(path, content)
    marks = Bookmarks.open(path)
    with pytest.raises(BookmarksUnavailable, match="clipping 1 has paragraphs"):
        marks.clip("a", 0, 0, "new")
    with pytest.raises(BookmarksUnavailable):
        marks.clippings()
    assert path.read_bytes() == content
