"""A published archive works for colleagues who may read it but not write it or its folder.

Each test runs the real `pressroom` in a subprocess as such a colleague: as root (CI),
under `setpriv --reuid=65534 --regid=65534 --clear-groups` on files root made with mode
0644 in a 0755 folder; as any other user, on files made read-only with chmod. See
tests/reader_user.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import asyncssh
import pyte
import pytest

from store import Archive, Item
from store.paths import sample_files
from tests.reader_user import ROOT, Shared, shared_folder, unavailable

SPEECH_ID = "20241031-193207b4"
SPEECH = "Speech by the CSTO Secretary General Imangali Tasmagambetov"
DEADLINE = 30.0
"""Seconds to wait for a screen or a server before failing (never a speed check)."""


@cache
def _unavailable() -> str:
    return unavailable()


@pytest.fixture
def shared() -> Iterator[Shared]:
    if _unavailable():
        pytest.skip(_unavailable())
    yield from shared_folder()


@pytest.fixture
def published(shared: Shared) -> Path:
    """The sample archive as an admin leaves it after `pressroom import`, published."""
    archive = shared.folder / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    shared.publish(archive)
    return archive


def folder_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: its content hash and mode (what a reader must not change)."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
            for p in sorted(folder.iterdir())}


# -- the read commands -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("list",), f"2024-10-31  speech     {SPEECH_ID}  {SPEECH}"),
        (("list", "--json"), f'"id": "{SPEECH_ID}"'),
        (("show", SPEECH_ID), SPEECH),
        (("search", "voytolovskiy"), "20241205-e67f0c51"),
        (("people", "tasmag"), "Imangali Tasmagambetov"),
        (("bookmarks", "list"), ""),
    ],
    ids=["list", "list-json", "show", "search", "people", "bookmarks-list"],
)
def test_every_read_command_reads_an_archive_this_user_may_only_read(
    shared: Shared, published: Path, args: tuple[str, ...], expected: str
) -> None:
    before = folder_state(shared.folder)
    result = shared.run(*args, "--archive", str(published))
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert "Traceback" not in result.stderr
    assert folder_state(shared.folder) == before  # nothing written, nothing beside it


def test_bookmarks_of_ones_own_on_an_archive_one_may_only_read(
    shared: Shared, published: Path
) -> None:
    marks = shared.home / "bookmarks.json"
    added = shared.run("bookmarks", "add", SPEECH_ID, "--note", "for Monday",
                       "--archive", str(published), "--bookmarks", str(marks))
    assert added.returncode == 0, added.stderr
    listed = shared.run("bookmarks", "list", "--archive", str(published), "--bookmarks", str(marks))
    assert listed.returncode == 0, listed.stderr
    assert f"{SPEECH_ID}  {SPEECH}" in listed.stdout and "for Monday" in listed.stdout


def test_a_wal_mode_archive_without_its_shm_file_is_read_as_a_snapshot(shared: Shared) -> None:
    """A WAL-mode file copied into place (or left so by an older pressroom): SQLite would
    need to create its -shm beside it, in a folder the reader may not write."""
    archive = shared.folder / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    conn = sqlite3.connect(archive)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    conn.close()  # the last connection: -wal and -shm are removed, WAL mode stays
    at_rest = ["archive.sqlite3", "archive.sqlite3-index"]  # the index file the import wrote
    assert sorted(p.name for p in shared.folder.iterdir()) == at_rest
    shared.publish(archive)
    result = shared.run("list", "--archive", str(archive))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4
    assert sorted(p.name for p in shared.folder.iterdir()) == at_rest


def test_an_archive_being_written_is_read_beside_the_writer(shared: Shared) -> None:
    """While the owner's import has it open the archive is in WAL mode, its -wal and -shm
    the owner's: the reader reads them read-only, and sees what the writer committed."""
    archive = shared.folder / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    extra = Item(id="x-1", date="2025-01-02", kind="news", title="An item in the WAL",
                 body=("Text.",))
    with Archive.open(archive) as writer:
        writer.import_items([extra])
        companions = [archive.with_name(archive.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in companions)
        shared.publish(archive, *companions)
        for args in (("search", "voytolovskiy"), ("people", "tasmag"), ("show", "x-1")):
            result = shared.run(*args, "--archive", str(archive))
            assert result.returncode == 0, result.stderr
        listed = shared.run("list", "--archive", str(archive))
        assert listed.stdout.splitlines()[0].split() == ["2025-01-02", "news", "x-1", "An", "item",
                                                    "in", "the", "WAL"]
        assert len(listed.stdout.splitlines()) == 5
        shared.unpublish()
    assert sorted(p.name for p in shared.folder.iterdir()) == [
        "archive.sqlite3", "archive.sqlite3-index"
    ]


def test_an_archive_this_user_may_not_even_read_says_whom_to_ask(shared: Shared) -> None:
    archive = shared.folder / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    archive.chmod(0o600 if os.geteuid() == 0 else 0)
    result = shared.run("list", "--archive", str(archive))
    archive.chmod(0o600)
    assert result.returncode == 2
    assert result.stderr == (
        f"pressroom: cannot read {archive}: permission denied; ask its owner for read access\n"
    )


# -- writing is refused in one line -----------------------------------------------------------


def test_importing_into_an_archive_this_user_may_only_read_is_one_line_exit_2(
    shared: Shared, published: Path, tmp_path: Path
) -> None:
    before = folder_state(shared.folder)
    source = shared.home / "new.jsonl"
    source.write_text('{"title": "A new item", "date": "2025-01-02", "body": "Text."}\n')
    source.chmod(0o644)
    result = shared.run("import", str(source), "--archive", str(published))
    assert result.returncode == 2
    assert result.stderr.startswith(f"pressroom: cannot write {published}: ")
    assert "ask its owner" in result.stderr and len(result.stderr.splitlines()) == 1
    assert folder_state(shared.folder) == before


def test_importing_into_a_new_archive_in_a_folder_this_user_may_only_read_is_one_line(
    shared: Shared, published: Path
) -> None:
    target = shared.folder / "mine.sqlite3"
    result = shared.run("import", str(sample_files()[0]), "--archive", str(target))
    assert result.returncode == 2
    assert result.stderr == (
        f"pressroom: cannot write {target}: the folder {shared.folder} is not writable; "
        f"ask its owner ({_owner_name(shared.folder)}) to import, or import into an "
        "archive of your own with --archive PATH\n"
    )
    assert not target.exists()


def _owner_name(path: Path) -> str:
    import pwd

    return pwd.getpwuid(path.stat().st_uid).pw_name


# -- the app and serve --ssh ------------------------------------------------------------------


def _app_screen(shared: Shared, *args: str, wait_for: str) -> str:
    """Run the app as the reader in a pseudo-terminal, wait until `wait_for` is on screen,
    quit with ctrl+q; returns the screen as it was."""
    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    main, child = os.openpty()
    os.set_blocking(main, False)
    env = {**shared.env(), "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(shared.command(*args), stdin=child, stdout=child, stderr=child,
                               env=env, cwd=ROOT, start_new_session=True)
    os.close(child)
    shown = ""
    try:
        end = time.monotonic() + DEADLINE
        while wait_for not in shown:
            if time.monotonic() > end or process.poll() is not None:
                raise AssertionError(f"{wait_for!r} never appeared; the screen shows:\n{shown}")
            try:
                stream.feed(os.read(main, 65536))
            except BlockingIOError:
                time.sleep(0.05)
            except OSError:  # the child closed the terminal
                time.sleep(0.05)
            shown = "\n".join(screen.display)
        os.write(main, b"\x11")  # ctrl+q
        assert process.wait(timeout=DEADLINE) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)
    return shown


@pytest.mark.parametrize("layout", ["current", "older"])
def test_the_app_opens_an_archive_this_user_may_only_read(
    shared: Shared, published: Path, layout: str
) -> None:
    """An archive of an older layout is read as it is: the upgrade needs write access."""
    if layout == "older":
        from tests.test_archive import as_schema_1

        shared.unpublish()
        as_schema_1(published)
        shared.publish(published)
    before = folder_state(shared.folder)
    _app_screen(shared, "--archive", str(published), "--no-mouse", wait_for="Speech by the CSTO")
    assert folder_state(shared.folder) == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _serving(shared: Shared, archive: Path) -> Iterator[tuple[int, asyncssh.SSHKey, Path]]:
    """`pressroom serve --ssh` run by the reader, listening: (port, a client key, its log)."""
    from tests.ssh_support import new_key, write_authorized_keys

    key = new_key()
    keys = write_authorized_keys(shared.home / "authorized_keys", key)
    keys.chmod(0o644)
    port = _free_port()
    log = shared.home / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            shared.command("serve", "--ssh", "--port", str(port), "--authorized-keys", str(keys),
                           "--archive", str(archive)),
            stdout=sink, stderr=subprocess.STDOUT, env=shared.env(), cwd=ROOT,
        )
    try:
        end = time.monotonic() + DEADLINE
        while b"serving" not in log.read_bytes():
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < end, log.read_text()
            time.sleep(0.05)
        yield port, key, log
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=DEADLINE)
    assert "Traceback" not in log.read_text()


def test_serve_ssh_starts_on_an_archive_this_user_may_only_read(
    shared: Shared, published: Path
) -> None:
    before = folder_state(shared.folder)
    with _serving(shared, published) as (_, _, log):
        assert f"serving {published} on 127.0.0.1" in log.read_text()
    assert folder_state(shared.folder) == before


def test_a_served_session_browses_an_archive_the_server_may_only_read(
    shared: Shared, published: Path
) -> None:
    reason = _reader_cannot_spawn(shared)
    if reason:
        pytest.skip(reason)
    from tests.ssh_support import RemoteScreen

    with _serving(shared, published) as (port, key, log):

        async def browse() -> int | None:
            remote = await RemoteScreen.open(port, key, columns=100, rows=30)
            try:
                await remote.wait_for("Speech by the CSTO", DEADLINE)
                remote.type("\x11")  # ctrl+q
                return await remote.exit_status(DEADLINE)
            finally:
                await remote.close()

        assert asyncio.run(browse()) == 0, log.read_text()


def _reader_cannot_spawn(shared: Shared) -> str:
    """Why the reader's own processes cannot start this Python ("" when they can): the
    server starts one app per session. setpriv can exec a Python in a folder only root
    may enter (a pyenv under /root), but the reader's processes cannot."""
    probe = subprocess.run(
        [*shared.command()[:-2], "-c",
         "import subprocess, sys; subprocess.run([sys.executable, '-c', ''], check=True)"],
        env=shared.env(), cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    if probe.returncode:
        return f"the reader's processes cannot run {sys.executable}: " + (
            probe.stderr.strip().splitlines() or ["?"])[-1]
    return ""


# -- a read-only bookmarks file ---------------------------------------------------------------


def _pressroom(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home), "COLUMNS": "120"}
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("action", "content"),
    [
        (("add", SPEECH_ID, "--note", "new note"), "good"),
        (("remove", SPEECH_ID), "good"),
        (("repair",), "corrupt"),
    ],
    ids=["add", "remove", "repair"],
)
def test_a_read_only_bookmarks_file_is_never_replaced(
    tmp_path: Path, action: tuple[str, ...], content: str
) -> None:
    """Mode 0444 in a folder the user may write: the atomic rename that saves bookmarks
    would replace it all the same (it needs only the folder), so it must not be tried.
    The same as root, who may write anything: the mode says read-only."""
    archive = tmp_path / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    marks = tmp_path / "bookmarks.json"
    if content == "good":
        from store import Bookmarks

        Bookmarks.open(marks).add(SPEECH_ID, note="kept as it was")
    else:
        marks.write_text('{"bookmarks": {"1": {"item_id": "' + SPEECH_ID + '"')  # cut short
    marks.chmod(0o444)
    before = (marks.read_bytes(), marks.stat().st_ino, marks.stat().st_mode)
    result = _pressroom("bookmarks", *action, "--archive", str(archive), "--bookmarks",
                        str(marks), home=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr == (
        f"pressroom: {marks} is read-only, so bookmarks cannot be added, changed or removed; "
        "make the file writable to change them\n"
    )
    assert (marks.read_bytes(), marks.stat().st_ino, marks.stat().st_mode) == before
    assert not [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name or p.suffix == ".tmp"]
    if content == "good":
        listed = _pressroom("bookmarks", "list", "--archive", str(archive), "--bookmarks",
                            str(marks), home=tmp_path / "data")
        assert listed.returncode == 0 and "kept as it was" in listed.stdout
