"""`pressroom bookmarks ...` as a user types it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Archive
from store.paths import sample_files, short_path
from tui.cli.main import main


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_files(sample_files())
    return path


@pytest.fixture
def speech_id(archive_path: Path) -> str:
    with Archive.open(archive_path, readonly=True) as archive:
        return archive.ids(kind="speech")[0]


@pytest.fixture
def run(archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """Run `pressroom bookmarks ARGS` with a tmp bookmarks file; returns (code, out, err)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    bookmarks = tmp_path / "bookmarks.json"

    def run(*args: str, default_file: bool = False) -> tuple[int, str, str]:
        where = ["--archive", str(archive_path)]
        if not default_file:
            where += ["--bookmarks", str(bookmarks)]
        code = main(["bookmarks", *args, *where])
        out, err = capsys.readouterr()
        return code, out, err

    run.bookmarks = bookmarks
    return run


def test_add_then_list_shows_date_id_title_and_note(
    run, speech_id: str, archive_path: Path
) -> None:
    code, out, err = run("add", speech_id, "--note", "quote the ending")
    assert code == 0, err
    assert out.startswith("Bookmarked " + speech_id)
    code, out, _ = run("list")
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith("2024-10-31  " + speech_id)
    with Archive.open(archive_path, readonly=True) as archive:
        assert archive.get(speech_id).title in line
    assert line.endswith("quote the ending")


def test_list_json_prints_one_bookmark_per_line(run, speech_id: str) -> None:
    run("add", speech_id, "--note", "n1", "--tag", "csto", "--tag", "speech")
    run("add", "missing-id-is-refused")
    code, out, _ = run("list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["item_id"] == speech_id and row["note"] == "n1"
    assert row["tags"] == ["csto", "speech"] and row["date"] == "2024-10-31"
    assert set(row) >= {"created", "position", "title"}


def test_adding_an_id_the_archive_does_not_have_fails_with_one_line(run) -> None:
    code, out, err = run("add", "no-such-item", "--note", "x")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no-such-item" in err
    assert not run.bookmarks.exists()


def test_adding_again_updates_the_note(run, speech_id: str) -> None:
    run("add", speech_id, "--note", "first")
    code, out, _ = run("add", speech_id, "--note", "second")
    assert code == 0 and out.startswith("Updated the bookmark on")
    _, out, _ = run("list", "--json")
    assert [json.loads(line)["note"] for line in out.splitlines()] == ["second"]


def test_removing_a_bookmark_and_removing_it_again(run, speech_id: str) -> None:
    run("add", speech_id)
    code, out, _ = run("remove", speech_id)
    assert code == 0 and speech_id in out
    code, out, err = run("remove", speech_id)
    assert code == 2 and err.count("\n") == 1 and "not bookmarked" in err


def test_export_prints_markdown_or_json(run, speech_id: str) -> None:
    run("add", speech_id, "--note", "for the report")
    code, out, _ = run("export")
    assert code == 0 and out.startswith("# Bookmarks") and "Note: for the report" in out
    code, out, _ = run("export", "--format", "json")
    assert code == 0 and json.loads(out)["bookmarks"][0]["item_id"] == speech_id


def test_export_output_writes_the_file_and_names_it_as_typed(
    run, speech_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", speech_id, "--note", "for the report")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", "--output", "report.md")
    assert code == 0, err
    assert out == "" and err == "Exported 1 item to report.md\n"
    assert "Note: for the report" in (tmp_path / "report.md").read_text(encoding="utf-8")
    code, out, err = run("export", "--format", "json", "-o", str(tmp_path / "missing" / "x"))
    assert code == 2 and out == ""
    assert err == "pressroom: could not write missing/x: No such file or directory\n"


def test_a_short_path_is_relative_to_the_folder_or_the_home(tmp_path: Path) -> None:
    home, here = tmp_path / "home", tmp_path / "home" / "work"
    assert short_path(here / "a.md", cwd=here, home=home) == "a.md"
    assert short_path(home / "notes" / "a.md", cwd=here, home=home) == "~/notes/a.md"
    assert short_path(Path("/srv/a.md"), cwd=here, home=home) == "/srv/a.md"


def test_the_default_file_is_in_the_user_data_folder(run, speech_id: str, tmp_path: Path) -> None:
    code, _, err = run("add", speech_id, default_file=True)
    assert code == 0, err
    assert (tmp_path / "data-home" / "pressroom" / "bookmarks.json").is_file()
    assert not run.bookmarks.exists()


def test_a_corrupt_file_is_one_line_then_repair_recovers_it(run, speech_id: str) -> None:
    run("add", speech_id, "--note", "keep me")
    good = run.bookmarks.read_bytes()
    damaged = good[: good.rindex(b"}") - 1]
    run.bookmarks.write_bytes(damaged)
    for args in (("list",), ("add", speech_id), ("remove", speech_id), ("export",)):
        code, out, err = run(*args)
        assert code == 2 and out == "", args
        assert err.count("\n") == 1 and "pressroom bookmarks repair" in err
        assert str(run.bookmarks) in err
    assert run.bookmarks.read_bytes() == damaged
    code, out, err = run("repair")
    assert code == 0, err
    assert "moved it to" in out and "kept 1" in out
    aside = [p for p in run.bookmarks.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    _, out, _ = run("list", "--json")
    assert json.loads(out)["note"] == "keep me"
