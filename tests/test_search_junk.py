"""Junk queries match nothing: a word folding to one letter, a person: value naming nobody."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import Archive, Item

ROOT = Path(__file__).resolve().parent.parent

WORDS = (
    "zone zero zapad kazakh kyrgyz kiev quota quest query z k q ka za qa security Sergei"
    " Kazakhstan Zakharov Kuznetsov quantum"
).split()


def item(number: int, title: str, people: tuple[str, ...] = ()) -> Item:
    return Item.from_dict({
        "id": f"i{number}", "title": title, "date": f"2024-01-{number % 28 + 1:02d}",
        "kind": "news", "body": [f"{title} text"], "language": "en", "source": "test",
        "participants": [{"name": n, "role": "", "organisation": ""} for n in people],
    })


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    path = tmp_path_factory.mktemp("junk") / "archive.sqlite3"
    archive = Archive.open(path)
    items = [item(n, f"{WORDS[n % len(WORDS)]} {WORDS[(n * 7) % len(WORDS)]}") for n in range(200)]
    items.append(item(500, "Talks in Astana", ("Andrei Zakharov", "Aigul Kuznetsova")))
    items.append(item(501, "Visit", ("A. Kuznetsov",)))
    archive.import_items(items)
    return archive


@pytest.mark.parametrize("query", ["zzzzzzzz", "kkkkkk", "qqqqqqq", "ZZZZ", "kkkkkq"])
def test_a_long_word_folding_to_one_letter_matches_nothing(archive: Archive, query: str) -> None:
    assert len(archive.match(query)) == 0


def test_real_words_still_match_with_typos_and_as_prefixes(archive: Archive) -> None:
    assert len(archive.match("kazakhstn")) > 0
    assert len(archive.match("quan")) > 0
    assert len(archive.match("securty")) > 0


@pytest.mark.parametrize("value", ["a0", "12345", "zzzzzz"])
def test_a_person_filter_matching_nobody_gives_no_items_and_says_so(
    archive: Archive, value: str
) -> None:
    matches = archive.match(f"person:{value}")
    assert len(matches) == 0
    assert matches.notes == (f"no person matches {value!r}",)
    assert len(archive.match(f"security person:{value}")) == 0


def test_a_person_filter_that_names_someone_is_not_widened_or_noted(archive: Archive) -> None:
    matches = archive.match("person:zakharov")
    assert len(matches) == 1 and matches.notes == ()


def test_the_search_command_says_which_person_matched_nobody(
    archive: Archive, tmp_path: Path
) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "COLUMNS": "120"}
    path = str(archive.path)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "search", "person:a0", "--archive", path],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.strip() == "no person matches 'a0'"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "search", "person:a0", "--json", "--archive", path],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert [json.loads(line) for line in done.stdout.splitlines()] == []
