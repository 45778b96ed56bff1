"""Limits a real press item never reaches: each refused with its file, line and limit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import store.limits
from store import Archive, InputError, Item
from store.ingest.sources import read_items
from store.limits import (
    JSONL_LINE_BYTES,
    MAX_ID,
    MAX_LANGUAGE,
    MAX_NAME,
    MAX_ORGANISATION,
    MAX_PARAGRAPH,
    MAX_PARAGRAPHS,
    MAX_PARTICIPANTS,
    MAX_PLACE,
    MAX_PLACES,
    MAX_ROLE,
    MAX_SOURCE,
    MAX_TITLE,
    TEXT_LINE_BYTES,
)

GOOD = {"id": "ok-1", "title": "A fine item", "date": "2024-01-02", "body": ["Text."]}


def person(**fields: str) -> dict[str, str]:
    return {"name": "Anna Petrova", "role": "", "organisation": "", **fields}


OVER_LIMIT: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "title": (lambda d: d.update(title="T" * (MAX_TITLE + 1)), "MAX_TITLE"),
    "id": (lambda d: d.update(id="i" * (MAX_ID + 1)), "MAX_ID"),
    "name": (lambda d: d.update(participants=[person(name="N" * (MAX_NAME + 1))]), "MAX_NAME"),
    "role": (lambda d: d.update(participants=[person(role="r" * (MAX_ROLE + 1))]), "MAX_ROLE"),
    "organisation": (
        lambda d: d.update(participants=[person(organisation="o" * (MAX_ORGANISATION + 1))]),
        "MAX_ORGANISATION",
    ),
    "participants": (
        lambda d: d.update(participants=[person()] * (MAX_PARTICIPANTS + 1)), "MAX_PARTICIPANTS"
    ),
    "place": (lambda d: d.update(places=["p" * (MAX_PLACE + 1)]), "MAX_PLACE"),
    "places": (lambda d: d.update(places=["Minsk"] * (MAX_PLACES + 1)), "MAX_PLACES"),
    "paragraph": (lambda d: d.update(body=["w " * (MAX_PARAGRAPH // 2 + 1)]), "MAX_PARAGRAPH"),
    "paragraphs": (lambda d: d.update(body=["p."] * (MAX_PARAGRAPHS + 1)), "MAX_PARAGRAPHS"),
    "item text": (
        lambda d: d.update(body=["w " * (MAX_PARAGRAPH // 2 - 1)] * 21), "MAX_ITEM_TEXT"
    ),
    "language": (lambda d: d.update(language="x" * (MAX_LANGUAGE + 1)), "MAX_LANGUAGE"),
    "source": (lambda d: d.update(source="s" * (MAX_SOURCE + 1)), "MAX_SOURCE"),
}


def write_jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_items(path)
    return caught.value


@pytest.mark.parametrize("field", OVER_LIMIT)
def test_a_jsonl_field_over_its_limit_names_file_line_and_limit(
    tmp_path: Path, field: str
) -> None:
    mutate, limit = OVER_LIMIT[field]
    bad = dict(GOOD, id="bad")
    mutate(bad)
    error = refusal(write_jsonl(tmp_path / "items.jsonl", GOOD, bad))
    assert str(error).startswith("items.jsonl:2: ") and error.line == 2
    assert f"(limit {limit})" in str(error)
    assert len(str(error)) < 200  # one readable line, never the offending value


@pytest.mark.parametrize("field", OVER_LIMIT)
def test_an_item_at_its_limits_is_accepted(tmp_path: Path, field: str) -> None:
    at_limit = {
        "title": "T" * MAX_TITLE, "id": "i" * MAX_ID, "places": ["p" * MAX_PLACE] * MAX_PLACES,
        "participants": [person(name="N" * MAX_NAME, role="r" * MAX_ROLE,
                                organisation="o" * MAX_ORGANISATION)] * MAX_PARTICIPANTS,
        "body": ["w " * (MAX_PARAGRAPH // 2)] * 3, "language": "x" * MAX_LANGUAGE,
    }
    (item,) = read_items(write_jsonl(tmp_path / "items.jsonl", dict(GOOD, **at_limit)))
    assert len(item.title) == MAX_TITLE and len(item.participants) == MAX_PARTICIPANTS


@pytest.mark.parametrize(
    ("item_id", "reason"),
    [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("two\nlines", "U+000A"),
        ("tab\there", "U+0009"),
        ("esc\x1b]0;pwned\x07", "U+001B"),
        ("c1\x9bcontrol", "U+009B"),
        ("line\u2028separator", "U+2028"),
        ("bidi\u202eoverride", "U+202E"),
        ("isolate\u2066", "U+2066"),
        ("surrogate\ud800", "lone surrogate"),
    ],
)
def test_ids_are_one_line_of_plain_text(tmp_path: Path, item_id: str, reason: str) -> None:
    error = refusal(write_jsonl(tmp_path / "ids.jsonl", dict(GOOD, id=item_id)))
    assert str(error).startswith("ids.jsonl:1: ") and reason in str(error)


def test_a_5_mb_jsonl_title_is_refused_before_it_reaches_the_archive(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "huge.jsonl", GOOD, dict(GOOD, id="big", title="x" * 5_000_000))
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(InputError, match=r"huge.jsonl:2: title longer than 2,000 characters"):
            archive.import_file(path)
        assert len(archive) == 0


def test_a_jsonl_line_over_its_byte_limit_is_refused_as_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("wb") as out:
        out.write(json.dumps(GOOD).encode() + b"\n")
        out.write(b'{"title": "' + b"x" * (JSONL_LINE_BYTES + 10))
    error = refusal(path)
    assert error.line == 2 and "(limit JSONL_LINE_BYTES)" in str(error)


def test_a_raw_text_line_over_its_byte_limit_is_refused_as_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(
        b"On 5 December 2024, the council met.\n\n" + b"word " * (TEXT_LINE_BYTES // 5 + 10)
    )
    error = refusal(path)
    assert error.line == 3 and "(limit TEXT_LINE_BYTES)" in str(error)


def test_a_raw_text_paragraph_over_its_limit_names_the_line_its_item_starts_on(
    tmp_path: Path,
) -> None:
    # Under the byte limit of a line, over the paragraph's: Cyrillic takes two bytes a letter.
    path = tmp_path / "dump.txt"
    long = "слово " * (MAX_PARAGRAPH // 6 + 10)
    path.write_text(
        "On 5 December 2024, the council met in Minsk.\n\n"
        "Statement of the Secretariat\n05.12.2024\nFirst paragraph.\n" + long + "\n",
        encoding="utf-8",
    )
    error = refusal(path)
    assert str(error).startswith("dump.txt:3: paragraph 2 longer than 100,000 characters")
    assert "(limit MAX_PARAGRAPH)" in str(error)


def test_raw_text_items_have_the_same_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.limits, "MAX_PARAGRAPHS", 3)
    path = tmp_path / "dump.txt"
    path.write_text(
        "On 5 December 2024, the council met.\n\n"
        "Speech of the Secretary General\n31.10.2024\n" + "A paragraph.\n" * 4,
        encoding="utf-8",
    )
    error = refusal(path)
    assert str(error) == "dump.txt:3: more than 3 paragraphs in one item (limit MAX_PARAGRAPHS)"


def test_items_built_in_python_have_the_same_limits(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        good = Item.from_dict(GOOD)
        bad = Item(id="x\ny", date=None, kind="news", title="t")
        with pytest.raises(InputError, match="U\\+000A"):
            archive.import_items([good, bad])
        assert len(archive) == 0
