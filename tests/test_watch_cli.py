"""`pressroom watch ...` as a user (or a cron job) types it: output, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Archive, Bookmarks, Item
from tests.tui.conftest import sample_items
from tui.cli.main import main


def statement(n: int, title: str, date: str | None = "2019-05-01") -> Item:
    return Item(id=f"new-{n}", date=date, kind="statement", title=title,
                body=("A paragraph.",), language="en", source="test")


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(sample_items())
    return path


def import_now(archive_path: Path, *items: Item) -> None:
    with Archive.open(archive_path) as archive:
        archive.import_items(items)


@pytest.fixture
def run(archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """Run `pressroom watch ARGS` with a tmp bookmarks file; returns (code, out, err)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    bookmarks = tmp_path / "bookmarks.json"

    def run(*args: str, bookmarks_file: Path = bookmarks) -> tuple[int, str, str]:
        code = main(["watch", *args, "--archive", str(archive_path),
                     "--bookmarks", str(bookmarks_file)])
        out, err = capsys.readouterr()
        return code, out, err

    run.bookmarks = bookmarks
    return run


def test_add_then_list_names_the_query_and_how_many_are_new(run, archive_path: Path) -> None:
    code, out, err = run("add", "Minsk", "minsk", "-videoconference")
    assert code == 0, err
    assert out.startswith("Watching Minsk: minsk -videoconference (")
    code, out, _ = run("list")
    assert code == 0 and out.split() == ["Minsk", "0", "new", "minsk", "-videoconference"]
    import_now(archive_path, statement(1, "Minsk talks"), statement(2, "Minsk summit"))
    code, out, _ = run("list", "--json")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["name"] == "Minsk" and record["new"] == 2


def test_check_prints_what_is_new_once_then_nothing(run, archive_path: Path) -> None:
    run("add", "Minsk", "minsk")
    run("add", "speeches", "kind:speech")
    import_now(archive_path, statement(1, "Minsk talks"),
               statement(2, "Minsk summit", date="2020-01-01"),
               statement(3, "Unrelated", date=None))
    code, out, err = run("check")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Minsk (minsk): 2 new"
    assert lines[1].startswith("  2020-01-01  statement  new-2") and "Minsk summit" in lines[1]
    assert lines[2].startswith("  2019-05-01  statement  new-1")
    assert "speeches" not in out  # nothing new there: not even a heading
    code, out, err = run("check")
    assert (code, out, err) == (0, "", "")


def test_check_json_prints_items_with_their_watchlist(run, archive_path: Path) -> None:
    run("add", "Minsk", "minsk")
    import_now(archive_path, statement(1, "Minsk talks"))
    code, out, _ = run("check", "--json")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert record["id"] == "new-1" and record["title"] == "Minsk talks"
    assert record["watchlist"] == "Minsk"


def test_each_bookmarks_file_has_its_own_watchlists_and_seen_marks(
    run, archive_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "colleague.json"
    run("add", "Minsk", "minsk")
    run("add", "Minsk", "minsk", bookmarks_file=other)
    import_now(archive_path, statement(1, "Minsk talks"))
    assert "1 new" in run("check")[1]
    assert run("check")[1] == ""
    assert "Minsk talks" in run("check", bookmarks_file=other)[1]


def test_remove_then_list_is_empty_and_says_how_to_add(run) -> None:
    run("add", "Minsk", "minsk")
    code, out, _ = run("remove", "minsk")
    assert code == 0 and out == "Removed the watchlist minsk\n"
    code, out, err = run("list")
    assert code == 0 and out == ""
    assert "pressroom watch add NAME QUERY" in err
    assert Bookmarks.open(run.bookmarks).watchlists() == []


@pytest.mark.parametrize(("args", "message"), [
    (("remove", "nothing"), "pressroom: no watchlist named 'nothing'; pressroom watch list"),
    (("add", "speeches", "kind:poem"), "pressroom: unknown kind:poem"),
    (("add", "x" * 81, "minsk"), "pressroom: a watchlist's name has at most 80 characters"),
])
def test_errors_are_one_line_and_exit_2(run, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith(message) and len(err.splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("add", "Minsk"), "pressroom: the following arguments are required: QUERY"),
    (("frobnicate",), "pressroom: argument ACTION: invalid choice"),
])
def test_usage_errors_are_one_line_and_exit_2(
    run, capsys, args: tuple[str, ...], message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(*args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and len(err.splitlines()) == 1


def test_a_watchlist_whose_query_no_longer_runs_is_reported_and_the_others_still_check(
    run, archive_path: Path
) -> None:
    run("add", "Minsk", "minsk")
    marks = Bookmarks.open(run.bookmarks)
    marks.watch("broken", "kind:poem")  # saved by an older version, or by hand
    import_now(archive_path, statement(1, "Minsk talks"))
    code, out, err = run("check")
    assert code == 2
    assert "Minsk talks" in out
    assert err.startswith("pressroom: watchlist broken: unknown kind:poem")
