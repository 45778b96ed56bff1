"""A mistyped path is not a new archive: only `import` creates one (and a first run, the
default one from the bundled sample); everything else says there is none and creates
nothing, not even a folder. Files that are not whole archives get a sentence a user can act on.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from store import Archive, ArchiveError, ArchiveMissing
from store.paths import sample_files

ROOT = Path(__file__).resolve().parent.parent
SPEECH_ID = "20241031-193207b4"


def pressroom(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data"), "HOME": str(home),
           "COLUMNS": "120"}
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


COMMANDS = {
    "app": (),
    "list": ("list",),
    "show": ("show", SPEECH_ID),
    "search": ("search", "minsk"),
    "people": ("people",),
    "bookmarks-list": ("bookmarks", "list"),
    "bookmarks-add": ("bookmarks", "add", SPEECH_ID),
    "bookmarks-export": ("bookmarks", "export"),
    "serve": ("serve", "--ssh", "--open", "--port", "0"),
}
"""Every command that opens an archive but `import`. serve's port is filled in per run."""


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_missing_archive_is_one_line_and_nothing_is_created(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    if command and command[0] == "serve":
        command = (*command[:-1], str(_free_port()))
    typo = tmp_path / "srv" / "press" / "arhcive.sqlite3"
    result = pressroom(*command, "--archive", str(typo), home=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"pressroom: no archive at {typo}; create it with pressroom import FILE --archive {typo}\n"
    )
    assert result.stdout == ""
    assert everything_under(tmp_path) == []  # no archive, no folders, no data folder


def test_the_suggested_command_can_be_pasted_as_it_is(tmp_path: Path) -> None:
    typo = tmp_path / "my press" / "archive.sqlite3"
    result = pressroom("list", "--archive", str(typo), home=tmp_path)
    assert result.stderr.endswith(f"--archive '{typo}'\n")


def test_import_creates_the_archive_and_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "srv" / "press" / "archive.sqlite3"
    result = pressroom("import", str(sample_files()[0]), "--archive", str(target), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "added 4" in result.stdout
    listed = pressroom("list", "--archive", str(target), home=tmp_path)
    assert len(listed.stdout.splitlines()) == 4


def test_a_first_run_still_makes_the_default_archive_from_the_sample(tmp_path: Path) -> None:
    result = pressroom("people", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Imangali Tasmagambetov" in result.stdout
    assert (tmp_path / "data" / "pressroom" / "archive.sqlite3").is_file()


# -- files that are not whole archives ---------------------------------------------------------


def _whole_archive(path: Path) -> bytes:
    with Archive.open(path) as archive:
        archive.import_files(sample_files())
    return path.read_bytes()


NOT_WHOLE = [
    pytest.param(lambda whole: b"",
                 "{path} is an empty file, not an archive; "
                 "create it with pressroom import FILE --archive {path}", id="zero-bytes"),
    pytest.param(lambda whole: b"PK\x03\x04 a zip, say " * 200,
                 "{path} is not a pressroom archive (not an SQLite file)", id="not-sqlite"),
    pytest.param(lambda whole: whole[:60],
                 "{path} is cut short (60 bytes), not a whole archive; restore it from a "
                 "backup, or import its files again into a new archive", id="header-only"),
    pytest.param(lambda whole: whole[: len(whole) // 3],
                 "{path} is cut short ({size:,} of {whole:,} bytes), not a whole archive; "
                 "restore it from a backup, or import its files again into a new archive",
                 id="cut-short"),
]


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _whole_archive(tmp_path_factory.mktemp("whole") / "archive.sqlite3")


@pytest.mark.parametrize(("make", "expected"), NOT_WHOLE)
def test_a_file_that_is_not_a_whole_archive_is_a_sentence_a_user_can_act_on(
    tmp_path: Path, whole: bytes, make: Callable[[bytes], bytes], expected: str
) -> None:
    check_not_whole(tmp_path, whole, make, expected, ("list",))


@pytest.mark.parametrize("command", [("show", SPEECH_ID), ()], ids=["show", "app"])
def test_the_app_and_every_command_say_the_same_of_an_empty_file(
    tmp_path: Path, whole: bytes, command: tuple[str, ...]
) -> None:
    """The knowledge is in store (Archive.open): one sentence wherever the file is opened."""
    make, expected = NOT_WHOLE[0].values
    check_not_whole(tmp_path, whole, make, expected, command)


def check_not_whole(tmp_path: Path, whole: bytes, make: Callable[[bytes], bytes],
                    expected: str, command: tuple[str, ...]) -> None:
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(make(whole))
    before = path.read_bytes()
    result = pressroom(*command, "--archive", str(path), home=tmp_path)
    assert result.returncode == 2
    message = expected.format(path=path, size=len(before), whole=len(whole))
    assert result.stderr == f"pressroom: {message}\n"
    assert path.read_bytes() == before


def test_import_into_a_zero_byte_file_makes_it_an_archive(tmp_path: Path) -> None:
    """`touch archive.sqlite3` then import: what SQLite itself would do with the file."""
    path = tmp_path / "archive.sqlite3"
    path.touch()
    result = pressroom("import", str(sample_files()[0]), "--archive", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "added 4" in result.stdout


# -- the Python API ----------------------------------------------------------------------------


def test_the_api_creates_a_missing_archive_unless_told_not_to(tmp_path: Path) -> None:
    """DESIGN.md: `Archive.open(path)` creates if missing; the CLI passes create=False."""
    typo = tmp_path / "deeper" / "arhcive.sqlite3"
    with pytest.raises(ArchiveMissing, match="no archive at"):
        Archive.open(typo, create=False)
    with pytest.raises(ArchiveMissing):
        Archive.open(typo, readonly=True)
    assert not typo.parent.exists()
    with Archive.open(typo) as created:
        assert len(created) == 0
    assert typo.is_file()


def test_an_empty_sqlite_file_is_no_archive_to_read(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "blank.sqlite3"
    sqlite3.connect(path).execute("VACUUM").connection.close()
    with pytest.raises(ArchiveMissing, match="is an empty SQLite file, not an archive"):
        Archive.open(path, readonly=True)
    with pytest.raises(ArchiveError, match="is a folder"):
        Archive.open(tmp_path, readonly=True)
