"""`pressroom person NAME [--json]`: the dossier from the shell, for people and for scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import Archive, Item

ROOT = Path(__file__).resolve().parent.parent


def item(number: int, date: str, kind: str, people: list[tuple[str, str, str]]) -> Item:
    return Item.from_dict({
        "id": f"i{number}", "title": f"Item {number}", "date": date, "kind": kind,
        "body": ["Text."], "language": "en", "source": "test",
        "participants": [{"name": n, "role": r, "organisation": o} for n, r, o in people],
    })


SG = ("Imangali Tasmagambetov", "Secretary General", "CSTO")
SG_RU = ("Имангали Тасмагамбетов", "Генеральный секретарь", "ОДКБ")
FV = ("Fyodor Voitolovsky", "Director", "IMEMO")
AP = ("Anna Petrova", "", "")


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("person") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items([
            item(1, "2022-01-10", "news", [SG, FV]),
            item(2, "2023-05-02", "speech", [SG]),
            item(3, "2024-10-31", "news", [SG, FV, AP]),
            item(4, "2024-11-02", "news", [SG_RU, AP]),
            item(5, "2024-12-05", "interview", [SG, FV]),
            item(6, "2025-01-15", "news", [FV]),
        ])
    return path


def pressroom(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(home), "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )


def test_the_json_is_the_dossier(archive_path: Path, tmp_path: Path) -> None:
    done = pressroom("person", "tasmagambetov", "--json", "--archive", str(archive_path),
                     home=tmp_path)
    assert done.returncode == 0, done.stderr
    dossier = json.loads(done.stdout)
    assert dossier["name"] == "Imangali Tasmagambetov"
    assert dossier["spellings"] == ["Имангали Тасмагамбетов"]
    assert dossier["items"] == 5
    assert dossier["by_year"] == {"2022": 1, "2023": 1, "2024": 3}
    assert dossier["kinds"] == {"news": 3, "speech": 1, "interview": 1}
    assert dossier["roles"][0] == {
        "role": "Secretary General", "organisation": "CSTO",
        "first": "2022-01-10", "last": "2024-12-05", "count": 4,
    }
    assert dossier["met_with"] == [
        {"name": "Fyodor Voitolovsky", "key": "voitolovski fedor", "items": 3,
         "last": "2024-12-05"},
        {"name": "Anna Petrova", "key": "petrov f ana", "items": 2, "last": "2024-11-02"},
    ]
    # speeches, statements and interviews first, then everything, newest first
    assert dossier["item_ids"] == ["i5", "i2", "i4", "i3", "i1"]


def test_the_text_names_roles_years_and_who_they_met(archive_path: Path, tmp_path: Path) -> None:
    done = pressroom("person", "Voytolovskiy", "--archive", str(archive_path), home=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Fyodor Voitolovsky · 4 items (2022 → 2025)")
    assert "Director, IMEMO · 2022-01 → 2025-01 · 4 items" in out
    assert "2023 " in out and "2024 ###" in out
    assert "3  Imangali Tasmagambetov  (last 2024-12-05)" in out


def test_a_name_that_matches_nobody_is_one_line_and_exit_2(
    archive_path: Path, tmp_path: Path
) -> None:
    done = pressroom("person", "a0", "--archive", str(archive_path), home=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "pressroom: no person matches 'a0'\n"
    assert done.stdout == ""
