"""The command line takes what the README shows: queries that begin with `-`, options before
or after the words, and usage errors as one line with a hint, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import Archive, Item
from tui.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
PARSER = build_parser()
"""One parser for the many examples: argparse parsers can be reused."""

ITEMS = [
    Item(id="talks-minsk", date="2024-03-01", kind="news", title="Talks in Minsk",
         body=["The delegations met in Minsk."]),
    Item(id="video-minsk", date="2024-02-01", kind="news", title="Videoconference from Minsk",
         body=["A videoconference was held from Minsk."]),
    Item(id="video-moscow", date="2024-01-01", kind="news", title="Videoconference in Moscow",
         body=["A videoconference was held in Moscow."]),
]


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(ITEMS)
    return path


def search_ids(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["search", "--json", *args]) == 0
    return [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]


def test_a_query_that_begins_with_minus_excludes_the_word(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = f"--archive={archive_path}"
    assert search_ids(capsys, archive, "-videoconference") == ["talks-minsk"]
    assert search_ids(capsys, archive, "minsk", "-videoconference") == ["talks-minsk"]
    assert sorted(search_ids(capsys, archive, "minsk")) == ["talks-minsk", "video-minsk"]


@pytest.mark.parametrize("args", [
    ("minsk", "-videoconference", "--limit", "1", "--json"),
    ("--limit", "1", "minsk", "-videoconference"),
    ("minsk", "--limit=1", "-videoconference"),
    ("--json", "--limit", "1", "--", "minsk", "-videoconference"),
    ("--lim", "1", "minsk", "-videoconference"),  # argparse's abbreviations still work
])
def test_options_work_before_between_and_after_the_query_words(
    archive_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    assert search_ids(capsys, "--archive", str(archive_path), *args) == ["talks-minsk"]


def test_after_a_double_dash_an_option_name_is_searched_for(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = build_parser().parse_args(["search", "--", "--limit", "-x"])
    assert parsed.query == ["--limit", "-x"] and parsed.limit == 20


def test_people_takes_a_query_around_its_options(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = build_parser().parse_args(["people", "-zas", "--limit", "3", "voit"])
    assert parsed.query == ["-zas", "voit"] and parsed.limit == 3


_WORD = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda w: not w.startswith("--") and w not in ("-h",)
)
"""Any word a user may search for; words beginning with `--` are options by the rule."""


@given(words=st.lists(_WORD, min_size=1, max_size=6), limit_at=st.integers(0, 6),
       json_at=st.integers(0, 6), limit=st.integers(1, 999))
def test_every_word_that_is_not_an_option_is_the_query_in_order(
    words: list[str], limit_at: int, json_at: int, limit: int
) -> None:
    args = list(words)
    args.insert(min(limit_at, len(args)), f"--limit={limit}")
    args.insert(min(json_at, len(args)), "--json")
    parsed = PARSER.parse_args(["search", *args])
    assert parsed.query == words and parsed.limit == limit and parsed.json


@pytest.mark.parametrize(("args", "line"), [
    (["--frobnicate"], "pressroom: unknown option --frobnicate; try pressroom --help"),
    (["search", "minsk", "--frobnicate"],
     "pressroom: unknown option --frobnicate; try pressroom search --help"),
    (["search"], "pressroom: the following arguments are required: QUERY; "
                 "try pressroom search --help"),
    (["search", "minsk", "--limit", "many"],
     "pressroom: argument --limit: invalid int value: 'many'; try pressroom search --help"),
    (["show", "one", "two"], "pressroom: unexpected argument two; try pressroom show --help"),
    (["bookmarks", "export", "--format", "pdf"],
     "pressroom: argument --format: invalid choice: 'pdf' (choose from 'md', 'docx', 'json'); "
     "try pressroom bookmarks export --help"),
    # what the user typed is printed without its controls
    (["--frob\u202enicate\x1b]0;owned\x07"],
     "pressroom: unknown option --frobnicate; try pressroom --help"),
])
def test_a_usage_error_is_one_line_with_a_hint_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], line: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.err == line + "\n" and captured.out == ""


def test_the_installed_command_reports_a_usage_error_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--ssh", "--frobnicate"], cwd=ROOT,
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == "pressroom: unknown option --frobnicate; try pressroom serve --help\n"
