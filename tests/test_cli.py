"""The `pressroom` command as a user runs it: real subprocesses, isolated data folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_data" / "000_eca40e1e4d17962e.txt"


def pressroom(*args: str, data_home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_first_run_lists_the_bundled_sample_newest_first(home: Path) -> None:
    result = pressroom("list", data_home=home)
    assert result.returncode == 0, result.stderr
    dates = [line.split()[0] for line in result.stdout.splitlines()]
    assert dates == ["2024-12-05", "2024-12-03", "2024-12-02", "2024-10-31"]
    assert (home / "pressroom" / "archive.sqlite3").exists()


def test_list_json_prints_items_in_the_design_model(home: Path) -> None:
    result = pressroom("list", "--kind", "speech", "--json", data_home=home)
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == 1
    speech = items[0]
    assert speech["kind"] == "speech" and speech["date"] == "2024-10-31"
    assert set(speech) >= {"id", "date", "kind", "title", "body", "participants", "places",
                           "language", "source"}
    assert any(p["name"] == "Imangali Tasmagambetov" for p in speech["participants"])


def test_dry_run_json_round_trips_through_import(home: Path, tmp_path: Path) -> None:
    dry = pressroom("import", "--dry-run", "--json", str(SEED), data_home=home,
                    )
    assert dry.returncode == 0, dry.stderr
    exported = tmp_path / "export.jsonl"
    exported.write_text(dry.stdout)
    archive = tmp_path / "fresh.sqlite3"
    first = pressroom("import", "--archive", str(archive), str(exported), data_home=home)
    assert first.returncode == 0, first.stderr
    assert "added 4" in first.stdout
    again = pressroom("import", "--archive", str(archive), str(SEED), data_home=home)
    assert "added 0" in again.stdout and "already there 4" in again.stdout


def test_dry_run_does_not_touch_the_archive(home: Path, tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    result = pressroom("import", "--archive", str(archive), "--dry-run", str(SEED), data_home=home)
    assert result.returncode == 0
    assert "added 4, updated 0, already there 0 (dry run: 4 items parsed" in result.stderr
    listed = pressroom("list", "--archive", str(archive), data_home=home)
    assert listed.stdout == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02\xff" * 100, "binary"),
        (b"", "empty"),
        (b'{"title": "ok", "date": "2024-01-01", "body": "x"}\n{broken\n', ":2"),
    ],
    ids=["binary", "empty", "broken-jsonl-line"],
)
def test_bad_input_is_one_line_exit_2_and_archive_unchanged(
    home: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    archive = tmp_path / "a.sqlite3"
    pressroom("import", "--archive", str(archive), str(SEED), data_home=home)
    name = "bad.jsonl" if b"{" in content else "bad.txt"
    bad = tmp_path / name
    bad.write_bytes(content)
    result = pressroom("import", "--archive", str(archive), str(bad), data_home=home)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    listed = pressroom("list", "--archive", str(archive), data_home=home)
    assert len(listed.stdout.splitlines()) == 4


def test_a_missing_file_is_one_line(home: Path, tmp_path: Path) -> None:
    result = pressroom("import", "--archive", str(tmp_path / "a.sqlite3"),
                       str(tmp_path / "nope.txt"), data_home=home)
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_show_prints_an_item_and_refuses_unknown_ids(home: Path) -> None:
    listed = pressroom("list", "--kind", "speech", data_home=home)
    item_id = listed.stdout.split()[2]
    shown = pressroom("show", item_id, data_home=home)
    assert shown.returncode == 0
    assert "Minsk Conference on Eurasian Security" in shown.stdout
    assert "Thank you for your attention." in shown.stdout
    missing = pressroom("show", "no-such-id", data_home=home)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "pressroom: no item with id 'no-such-id'"


def test_show_files_a_russian_participant_in_the_nominative(home: Path, tmp_path: Path) -> None:
    dump = tmp_path / "ru.txt"
    dump.write_text(
        "Генеральный секретарь ОДКБ встретился с Министром обороны Армении\n"
        "12 марта 2025\n"
        "12 марта 2025 года Генеральный секретарь ОДКБ Имангали Тасмагамбетов встретился "
        "с Министром обороны Армении Сейраном Оганяном.\n",
        encoding="utf-8",
    )
    archive = tmp_path / "ru.sqlite3"
    assert pressroom("import", "--archive", str(archive), str(dump), data_home=home).returncode == 0
    listed = pressroom("list", "--archive", str(archive), data_home=home)
    item_id = listed.stdout.split()[2]
    shown = pressroom("show", "--archive", str(archive), item_id, data_home=home)
    assert shown.returncode == 0, shown.stderr
    assert "Сейран Оганян — Министр обороны Армении (as written: Сейраном Оганяном)" in shown.stdout
    assert "Имангали Тасмагамбетов — Генеральный секретарь ОДКБ" in shown.stdout


def test_search_finds_a_person_in_another_spelling_and_script(home: Path) -> None:
    for query in ("Voytolovskiy", "Войтоловский", "voitolovsky"):
        result = pressroom("search", query, "--json", data_home=home)
        assert result.returncode == 0, result.stderr
        hits = [json.loads(line) for line in result.stdout.splitlines()]
        assert hits and hits[0]["date"] == "2024-12-05", query
        assert "score" in hits[0]


def test_people_lists_participants_with_counts(home: Path) -> None:
    result = pressroom("people", "tasmag", "--json", data_home=home)
    assert result.returncode == 0, result.stderr
    people = [json.loads(line) for line in result.stdout.splitlines()]
    assert people[0]["name"] == "Imangali Tasmagambetov"
    assert people[0]["items"] == 2


def test_an_archive_that_is_not_sqlite_is_one_line(home: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database " * 200)
    result = pressroom("list", "--archive", str(bogus), data_home=home)
    assert result.returncode == 2
    assert "not a pressroom archive" in result.stderr and "Traceback" not in result.stderr


def test_version_and_help_on_every_subcommand(home: Path) -> None:
    version = pressroom("--version", data_home=home)
    assert version.returncode == 0 and version.stdout.startswith("pressroom ")
    for command in ("import", "list", "search", "show", "people", "bookmarks", "serve"):
        result = pressroom(command, "--help", data_home=home)
        assert result.returncode == 0, (command, result.stderr)
        assert "--archive" in result.stdout, command


def _many_items(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"title": f"Meeting {n} on regional security",
                                  "date": f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 10}",
                                  "body": [f"Paragraph {n} of the item, about cooperation."]})
                      + "\n")
    return path


def test_a_long_import_shows_progress_on_a_terminal_and_nothing_in_a_pipe(
    home: Path, tmp_path: Path
) -> None:
    import pty

    source = _many_items(tmp_path / "many.jsonl", 40_000)
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    command = [sys.executable, "-m", "tui", "import", "--archive", str(tmp_path / "a.sqlite3"),
               str(source)]
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    out = process.communicate(timeout=120)[0].decode()
    assert process.returncode == 0
    assert b"items read (" in shown and b"/s)" in shown
    assert shown.endswith(b"\r\x1b[K")  # the meter's line is cleared before the summary
    assert "added 40000" in out
    again = pressroom("import", "--archive", str(tmp_path / "a.sqlite3"), str(source),
                      data_home=home)
    assert again.stderr == "" and "already there 40000" in again.stdout


def test_an_archive_of_an_older_layout_is_upgraded_once_and_says_so(
    home: Path, tmp_path: Path
) -> None:
    from tests.test_archive import as_schema_1

    archive = tmp_path / "old.sqlite3"
    assert pressroom("import", "--archive", str(archive), str(SEED), data_home=home).returncode == 0
    before = pressroom("list", "--archive", str(archive), data_home=home).stdout
    as_schema_1(archive)
    served = pressroom("list", "--archive", str(archive), data_home=home)  # read as it is
    assert served.stdout == before and served.stderr == ""
    first = pressroom("import", "--archive", str(archive), str(SEED), data_home=home)
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines() == [
        f"pressroom: upgrading {archive} to this version's layout"
        " (once; about two minutes per million items)"
    ]
    again = pressroom("import", "--archive", str(archive), str(SEED), data_home=home)
    assert again.returncode == 0 and again.stderr == ""
    assert pressroom("list", "--archive", str(archive), data_home=home).stdout == before


def test_a_corrected_item_is_updated_and_its_earlier_text_shown_with_revisions(
    home: Path, tmp_path: Path
) -> None:
    archive = str(tmp_path / "a.sqlite3")
    release = {"id": "release-7", "title": "Statement on the talks", "date": "2024-12-05",
               "kind": "statement", "body": ["The talks took place in Minsk."]}
    (tmp_path / "v1.jsonl").write_text(json.dumps(release) + "\n")
    fixed = dict(release, body=["The talks took place in Astana."])
    (tmp_path / "v2.jsonl").write_text(json.dumps(fixed) + "\n")
    assert pressroom("import", "--archive", archive, str(tmp_path / "v1.jsonl"),
                     data_home=home).returncode == 0
    dry = pressroom("import", "--dry-run", "--archive", archive, str(tmp_path / "v2.jsonl"),
                    data_home=home)
    assert "added 0, updated 1, already there 0 (dry run" in dry.stderr
    assert dry.stdout.startswith("updated ")
    real = pressroom("import", "--archive", archive, str(tmp_path / "v2.jsonl"), data_home=home)
    assert real.stdout.strip().endswith("added 0, updated 1, already there 0")
    shown = pressroom("show", "release-7", "--archive", archive, data_home=home)
    assert "Astana" in shown.stdout and "Minsk" not in shown.stdout
    history = pressroom("show", "release-7", "--revisions", "--archive", archive, data_home=home)
    assert history.returncode == 0 and "version 1 of 2, replaced" in history.stdout
    assert "Minsk" in history.stdout and "Astana" not in history.stdout
    as_json = pressroom("show", "release-7", "--revisions", "--json", "--archive", archive,
                        data_home=home)
    (revision,) = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert revision["item_id"] == "release-7" and revision["body"] == release["body"]
    assert revision["replaced_at"][:4] >= "2024" and revision["source"] == "v1.jsonl"
