"""Reading files: raw text and JSONL become items; every bad file is one clear InputError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.errors import InputError
from store.ingest.sources import read_items

SEED = Path(__file__).resolve().parent.parent / "sample_data" / "000_eca40e1e4d17962e.txt"


def test_the_seed_file_reads_as_four_items() -> None:
    assert len(read_items(SEED)) == 4


def test_jsonl_reads_items_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    rows = [
        {"title": "A speech", "date": "2024-01-02", "kind": "speech", "body": "One.\n\nTwo."},
        {"title": "News", "body": ["Only paragraph."], "participants": ["Zhang Ming"]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows[:1]) + "\n\n" + json.dumps(rows[1]))
    items = read_items(path)
    assert [i.title for i in items] == ["A speech", "News"]
    assert items[0].body == ("One.", "Two.")
    assert items[1].participants[0].name == "Zhang Ming"
    assert items[0].source == "items.jsonl"


def error_for(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_items(path)
    return caught.value


def test_a_broken_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "ok"}\n{not json\n')
    error = error_for(path)
    assert str(error).startswith("bad.jsonl:2: line is not valid JSON")
    assert error.line == 2


def test_a_wrong_field_type_gives_the_model_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "ok", "date": "yesterday"}\n')
    assert "'date' must be YYYY-MM-DD" in str(error_for(path))


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert str(error_for(path)) == "photo.txt: binary file, not press text"


def test_a_latin1_file_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Café meeting in Genève on 5 May 2020.".encode("latin-1"))
    assert "encoding is not UTF-8" in str(error_for(path))


def test_a_cp1251_russian_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("5 сентября 2022 года в Москве состоялась встреча.".encode("cp1251"))
    items = read_items(path)
    assert items[0].date == "2022-09-05" and items[0].language == "ru"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t", b"\xef\xbb\xbf\n"])
def test_an_empty_file_says_there_is_nothing_to_import(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert str(error_for(path)) == "empty.txt: empty file, nothing to import"


def test_a_50_mb_single_line_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Title line\n")
        out.write(b"x" * (50 << 20))
    error = error_for(path)
    assert error.line == 2 and "(limit TEXT_LINE_BYTES)" in str(error)


def test_deeply_nested_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    assert error_for(path).line == 1


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    assert str(error_for(tmp_path / "nope.txt")) == "nope.txt: no such file"


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400), st.sampled_from(["x.txt", "x.jsonl"]))
def test_any_bytes_give_items_or_an_input_error(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        items = read_items(path)
    except InputError:
        return
    assert isinstance(items, list)
