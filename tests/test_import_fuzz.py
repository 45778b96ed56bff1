"""Imports never crash: whatever a file holds, `import` and `import --dry-run` agree, and a
refused file is one line naming file and line, exit 2, the archive exactly as it was.

Hypothesis writes JSONL objects (valid and invalid fields, random types, dates that do not
exist, digits of other scripts, lone surrogates, huge and odd strings) and raw press text
(the sample's lines, date lines real and impossible, random text) and runs both commands
in-process through `tui.cli.main.main`; a few named cases also run as real subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.limits import MAX_NAME, MAX_TITLE
from store.model import KINDS
from tui.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_data" / "000_eca40e1e4d17962e.txt"

TRIED = {"jsonl": 0, "text": 0}
"""Inputs tried per importer in this process (printed at the end, `pytest -s`)."""

BAD_DATES = [
    "2024-02-30", "2024-13-01", "0000-01-01", "2023-02-29", "2024-00-10", "2024-04-31",
    "２０２４-01-01", "٢٠٢٤-٠١-٠١", "२०२४-०१-०१", "2024-1-1", "2024-01-01\n", " 2024-01-01",
    "", "yesterday", "2024-01-01T10:00", "99999-01-01",
]
ODD = [
    "\ud800", "a\udfffb", "\udbff\udc00", "\x1b]0;owned\x07", "\x1b[2J", "\u202eevil", "\x00",
    "", " ", "\n\n", "\r", "\u2028", "\ufeff", "٣", "２０２４", "x" * (MAX_TITLE + 1),
    "N" * (MAX_NAME + 1), "🙂" * 300,
]

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(ODD),
    st.tuples(st.text(max_size=4), st.integers(1, 3_000)).map(lambda t: t[0] * t[1]),
)
any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
    max_leaves=6,
)


def field(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes anything at all."""
    return st.one_of(good, good, any_json)


def _no_surrogate(line: str) -> bool:
    """Written as UTF-8 as it is (a lone surrogate cannot be, so those go as escapes)."""
    return not re.search("[\ud800-\udfff]", line)


participant = st.one_of(
    odd_text,
    st.fixed_dictionaries(
        {"name": field(st.sampled_from(["Fyodor Voitolovsky", "Войтоловский Ф.", ""]))},
        optional={"role": field(odd_text), "organisation": field(odd_text)},
    ),
)
jsonl_object = st.fixed_dictionaries(
    {},
    optional={
        "id": field(st.sampled_from(["a", "b", "c"]) | odd_text),
        "title": field(odd_text),
        "date": field(st.dates().map(lambda d: d.isoformat()) | st.sampled_from(BAD_DATES)),
        "kind": field(st.sampled_from(KINDS)),
        "body": field(odd_text | st.lists(odd_text, max_size=4)),
        "participants": field(st.lists(participant, max_size=3)),
        "places": field(st.lists(odd_text, max_size=3)),
        "language": field(st.sampled_from(["en", "ru"]) | odd_text),
        "source": field(odd_text),
    },
)
jsonl_line = st.one_of(
    jsonl_object.map(lambda o: json.dumps(o)),  # ensure_ascii: surrogates as \ud800 escapes
    jsonl_object.map(lambda o: json.dumps(o, ensure_ascii=False)).filter(_no_surrogate),
    any_json.map(json.dumps),
    st.sampled_from(["{not json", "", "   ", "[1, 2]", "null", '{"title": "a"', "\ufeff{}"]),
)

SEED_LINES = [line for line in SEED.read_text("utf-8").splitlines() if line.strip()]
text_line = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from([
        "Speech of the Secretary General", "Statement by the CSTO Secretariat",
        "Заявление Секретариата ОДКБ", "Interview with Imangali Tasmagambetov", "",
    ]),
    st.sampled_from([
        "31.10.2024", "30.02.2024", "31.13.2024", "00.00.0000", "Vienna, June 23, 2020",
        "13 Sep. 2018", "14.01.2016 - Press release", "14 августа 2023 года", "٣١.١٠.٢٠٢٤",
        "３１.１０.２０２４", "February 30, 2024", "On February 30, 2024, the council met.",
        "On 31 April this year, Fyodor Voitolovsky met Ф.Войтоловский in Minsk.",
        "On 29 February 2023, talks were held.",
    ]),
    st.text(max_size=120).map(lambda s: s.replace("\x00", "")),
    st.tuples(st.sampled_from(["word ", "слово ", "x"]), st.integers(1, 1_500)).map(
        lambda t: t[0] * t[1]
    ),
)
raw_text = st.lists(text_line, min_size=1, max_size=14).map("\n".join)


def snapshot(archive: Path) -> list[tuple]:
    """Everything an import could change, read straight from the file."""
    conn = sqlite3.connect(archive)
    try:
        items = conn.execute(
            "SELECT rowid, id, date, kind, title, body, participants, places, language, source"
            " FROM items ORDER BY rowid"
        ).fetchall()
        revisions = conn.execute("SELECT count(*) FROM revisions").fetchall()
        people = conn.execute("SELECT key, name, items FROM people ORDER BY key").fetchall()
        return [*items, *revisions, *people]
    finally:
        conn.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


COUNTS = re.compile(r"added (\d+), updated (\d+), already there (\d+)")


def import_both_ways(capsys: pytest.CaptureFixture[str], archive: Path, path: Path) -> None:
    """Dry run, then import: the same verdict, the same counts or the same one-line error."""
    before = snapshot(archive)
    dry = run(capsys, "import", "--dry-run", "--archive", str(archive), str(path))
    real = run(capsys, "import", "--archive", str(archive), str(path))
    assert dry[0] == real[0] and real[0] in (0, 2), (dry, real)
    if real[0] == 2:
        lines = real[2].splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"pressroom: {path.name}"), real[2]
        assert dry[2] == real[2]  # one validation path: the very same reason
        assert snapshot(archive) == before
    else:
        dry_counts = COUNTS.search(dry[2])
        real_counts = COUNTS.search(real[1])
        assert dry_counts and real_counts and dry_counts.groups() == real_counts.groups()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = tmp_path_factory.mktemp("fuzz") / "archive.sqlite3"
    assert main(["import", "--archive", str(archive), str(SEED)]) == 0
    return archive


EXAMPLES = int(os.environ.get("PRESSROOM_FUZZ_EXAMPLES", "100"))
"""Files per importer; a longer campaign: PRESSROOM_FUZZ_EXAMPLES=2000 pytest -s this file."""
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)


@FUZZ
@given(st.lists(jsonl_line, min_size=1, max_size=6))
def test_any_jsonl_imports_or_is_one_line_and_dry_run_agrees(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str]
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    TRIED["jsonl"] += 1
    import_both_ways(capsys, seeded, path)


@settings(FUZZ, max_examples=max(1, EXAMPLES * 2 // 3))
@given(raw_text)
def test_any_press_text_imports_or_is_one_line_and_dry_run_agrees(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    TRIED["text"] += 1
    import_both_ways(capsys, seeded, path)


def test_zz_report_how_many_inputs_were_tried() -> None:
    print(f"\nfuzzed imports: {TRIED['jsonl']} JSONL files, {TRIED['text']} raw texts")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"title": "A", "date": "2024-02-30"}, "'date' 2024-02-30 is not a day of the calendar"),
        ({"title": "A", "date": "2024-13-01"}, "'date' 2024-13-01 is not a day of the calendar"),
        ({"title": "A", "date": "0000-01-01"}, "'date' 0000-01-01 is not a day of the calendar"),
        ({"title": "A", "date": "２０２４-01-01"}, "'date' must be YYYY-MM-DD"),
        ({"title": "A", "date": "٢٠٢٤-٠١-٠١"}, "'date' must be YYYY-MM-DD"),
        ({"title": "A\ud800"}, "title holds a lone surrogate (\\ud800)"),
        ({"title": "A", "body": ["ok", "x\udc00"]}, "paragraph 2 holds a lone surrogate"),
        ({"title": "A", "participants": [{"name": "N", "role": "\ud800"}]},
         "participant role holds a lone surrogate"),
        ({"title": "A", "places": ["\udfff"]}, "place holds a lone surrogate"),
        ({"id": "\ud800", "title": "A"}, "id holds a lone surrogate"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_dates_that_do_not_exist_and_lone_surrogates_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, Any], reason: str
) -> None:
    archive = tmp_path / "a.sqlite3"
    assert main(["import", "--archive", str(archive), str(SEED)]) == 0
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"title": "fine"}) + "\n" + json.dumps(row) + "\n")
    capsys.readouterr()
    before = snapshot(archive)
    for dry in (["--dry-run"], []):
        code, out, err = run(capsys, "import", *dry, "--archive", str(archive), str(path))
        assert code == 2 and out == ""
        assert err.startswith(f"pressroom: bad.jsonl:2: {reason}") and err.count("\n") == 1
    assert snapshot(archive) == before


def test_a_real_pressroom_process_refuses_impossible_input_in_one_line(tmp_path: Path) -> None:
    """What a user sees: no traceback, exit 2, one line, for the dry run and the import."""
    archive = tmp_path / "a.sqlite3"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}

    def pressroom(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=120,
        )

    assert pressroom("import", "--archive", str(archive), str(SEED)).returncode == 0
    before = snapshot(archive)
    cases = {
        "date.jsonl": '{"title": "A", "date": "2024-02-30"}\n',
        "digits.jsonl": '{"title": "A", "date": "\\uff12\\uff10\\uff12\\uff14-01-01"}\n',
        "surrogate.jsonl": '{"title": "ok"}\n{"title": "A", "body": "x\\ud800y"}\n',
    }
    for name, content in cases.items():
        (tmp_path / name).write_text(content)
        for dry in (["--dry-run"], []):
            result = pressroom("import", *dry, "--archive", str(archive), str(tmp_path / name))
            assert result.returncode == 2, result.stderr
            assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
            assert result.stderr.startswith(f"pressroom: {name}:")
    assert snapshot(archive) == before
