"""The synthetic archive is deterministic, valid for import, and its ground truth is true."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from store.model import Item
from tests.bench.synth import (
    PASSPORT,
    POPULAR,
    PRESS,
    feminine,
    generate,
    roster,
    surname_case,
    transliterate,
    write_archive,
)
from tests.bench.synth import (
    main as synth_main,
)

N = 1_500


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("synth")
    out, truth = folder / "a.jsonl", folder / "a.truth.json"
    write_archive(N, out, truth, seed=1)
    return out, truth


@pytest.fixture(scope="module")
def items(archive: tuple[Path, Path]) -> list[dict]:
    return [json.loads(line) for line in archive[0].read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def truth(archive: tuple[Path, Path]) -> list[dict]:
    return json.loads(archive[1].read_text(encoding="utf-8"))


def test_the_same_seed_and_size_give_a_byte_identical_file(tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    write_archive(300, first, tmp_path / "1.truth.json", seed=7)
    write_archive(300, second, tmp_path / "2.truth.json", seed=7)
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "1.truth.json").read_bytes() == (tmp_path / "2.truth.json").read_bytes()


def test_another_seed_gives_another_archive() -> None:
    assert list(generate(50, seed=1)) != list(generate(50, seed=2))


def test_a_small_archive_is_the_start_of_a_bigger_one() -> None:
    """So a 100k benchmark archive is the first 100k items of the 1M one."""
    assert list(generate(40)) == list(generate(200))[:40]


def test_every_line_is_an_item_the_archive_accepts_with_the_id_written_in_it(
    items: list[dict],
) -> None:
    assert len(items) == N
    for number, data in enumerate(items, 1):
        item = Item.from_dict(data)
        assert item.id == data["id"] == f"syn-{number:09d}"
        assert item.to_dict() == data
        assert 1 <= len(item.participants) <= 5


def test_kinds_languages_and_dates_look_like_a_real_archive(items: list[dict]) -> None:
    kinds = Counter(i["kind"] for i in items)
    assert 0.68 < kinds["news"] / N < 0.82
    assert 0.06 < kinds["speech"] / N < 0.14
    assert 0.06 < kinds["statement"] / N < 0.14
    assert 0.02 < kinds["interview"] / N < 0.08
    assert 0.06 < sum(i["language"] == "ru" for i in items) / N < 0.14
    dates = [i["date"] for i in items if i["date"]]
    assert 0 < N - len(dates) < 0.03 * N, "a few items are undated"
    assert min(dates) >= "2002-01-01" and max(dates) <= "2026-10-31"
    years = Counter(d[:4] for d in dates)
    assert years["2024"] > 3 * years["2004"], "recent years have more items"


def test_speeches_are_long_and_news_is_short(items: list[dict]) -> None:
    speeches = [len(i["body"]) for i in items if i["kind"] == "speech"]
    news = [len(i["body"]) for i in items if i["kind"] == "news"]
    assert min(speeches) >= 10 and max(speeches) <= 50
    assert max(speeches) >= 35
    assert min(news) >= 1 and max(news) <= 3


def test_russian_items_are_in_cyrillic_with_names_in_case_forms(items: list[dict]) -> None:
    russian = [i for i in items if i["language"] == "ru"]
    assert all(any("а" <= ch <= "я" for ch in i["title"].lower()) for i in russian)
    text = " ".join(i["title"] + " " + " ".join(i["body"]) for i in russian)
    assert "встретился с" in text
    instrumental = [w for w in text.split() if w.endswith(("ым", "ским")) and "." in w]
    assert instrumental, "initial plus surname in the instrumental: В.Хрениным"


def test_body_vocabulary_is_thousands_of_words(items: list[dict]) -> None:
    words = {w.lower() for i in items for p in i["body"] for w in p.split()}
    assert len(words) > 3_000


def test_everyone_named_in_an_item_is_in_its_text(items: list[dict]) -> None:
    people = {p.key: p for p in roster()}
    by_name = {n: p for p in people.values() for n in (*p.spellings, p.cyrillic)}
    for data in items:
        text = data["title"] + "\n" + "\n".join(data["body"])
        for participant in data["participants"]:
            person = by_name[participant["name"]]
            if data["language"] == "en":
                assert participant["name"] in text
            else:
                assert person.surname_ru[:4] in text


def test_truth_lists_exactly_the_items_each_person_appears_in(
    items: list[dict], truth: list[dict]
) -> None:
    people = {p.key: p for p in roster()}
    by_name = {n: p.key for p in people.values() for n in (*p.spellings, p.cyrillic)}
    expected: dict[str, list[str]] = {}
    for data in items:
        for participant in data["participants"]:
            expected.setdefault(by_name[participant["name"]], []).append(data["id"])
    assert {t["key"]: t["item_ids"] for t in truth if t["item_ids"]} == expected


def test_one_person_appears_under_several_spellings(items: list[dict], truth: list[dict]) -> None:
    voitolovsky = next(t for t in truth if t["cyrillic"] == "Фёдор Войтоловский")
    seen = {
        p["name"]
        for i in items
        if i["id"] in set(voitolovsky["item_ids"])
        for p in i["participants"]
    }
    assert {"Fyodor Voitolovsky", "Fedor Voytolovskiy", "Фёдор Войтоловский"} <= seen
    assert len(set(voitolovsky["spellings"]) & seen) >= 3


def test_the_seed_real_people_are_on_the_roster() -> None:
    names = {p.name for p in roster()}
    assert {
        "Imangali Tasmagambetov",
        "Fyodor Voitolovsky",
        "Alexander Shpakovsky",
        "Igor Korotchenko",
    } <= names


def test_the_roster_has_thousands_of_people_each_with_other_spellings() -> None:
    people = roster()
    assert len(people) == 3_000
    assert len({p.key for p in people}) == len(people)
    assert all(2 <= len(p.spellings) <= 4 for p in people)
    spellings = [s.casefold() for p in people for s in p.spellings]
    assert len(spellings) == len(set(spellings)), "no spelling names two people"


def test_near_neighbours_are_different_people() -> None:
    people = {p.key: p for p in roster()}
    pairs = [(p, people[k]) for p in people.values() for k in p.neighbours]
    assert len(pairs) >= 100
    vowel = gender = 0
    for person, other in pairs:
        assert person.key != other.key and person.key in other.neighbours
        a, b = person.surname_ru, other.surname_ru
        if person.gender == other.gender:
            assert Levenshtein.distance(a, b) == 1  # Султанов / Султонов
            vowel += 1
        else:
            male, female = (a, b) if person.gender == "m" else (b, a)
            assert feminine(male) == female != male  # Петров / Петрова
            gender += 1
    assert vowel and gender


def test_typos_are_one_or_two_edits_from_the_canonical_name_and_nobody_else() -> None:
    people = roster()
    spellings = {s.casefold(): p.key for p in people for s in p.spellings}
    for person in people:
        for typo in person.typos:
            distance = Levenshtein.distance(typo, person.name)
            assert distance in (1, 2)
            assert typo.casefold() not in spellings
            surname = person.name.split()[-1]
            assert distance == 1 or len(surname) >= 9, "2 edits only in long words"
    assert sum(len(p.typos) for p in people) > 2 * len(people)


@pytest.mark.parametrize(
    ("cyrillic", "scheme", "latin"),
    [
        ("Фёдор Войтоловский", PRESS, "Fyodor Voitolovsky"),
        ("Фёдор Войтоловский", POPULAR, "Fedor Voytolovskiy"),
        ("Фёдор Войтоловский", PASSPORT, "Fedor Voitolovskii"),
        ("Евгений Сергеев", PRESS, "Yevgeny Sergeyev"),
        ("Наталья Юдина", PASSPORT, "Natalia Iudina"),
    ],
)
def test_transliteration_schemes_give_the_spellings_the_press_uses(
    cyrillic: str, scheme: object, latin: str
) -> None:
    assert transliterate(cyrillic, scheme) == latin  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("surname", "gender", "case", "form"),
    [
        ("Войтоловский", "m", "ins", "Войтоловским"),
        ("Хренин", "m", "ins", "Хрениным"),
        ("Тасмагамбетов", "m", "gen", "Тасмагамбетова"),
        ("Петрова", "f", "ins", "Петровой"),
        ("Коротченко", "m", "ins", "Коротченко"),
        ("Петросян", "f", "gen", "Петросян"),
    ],
)
def test_russian_surnames_take_their_case_forms(
    surname: str, gender: str, case: str, form: str
) -> None:
    assert surname_case(surname, gender, case) == form


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31), n=st.integers(min_value=0, max_value=30))
def test_any_seed_gives_valid_items(seed: int, n: int) -> None:
    items = list(generate(n, seed=seed))
    assert len(items) == n
    for data in items:
        assert Item.from_dict(data).to_dict() == data


def test_the_command_line_writes_the_archive_and_its_truth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, truth = tmp_path / "deep" / "x.jsonl", tmp_path / "x.truth.json"
    assert synth_main(["--items", "25", "--out", str(out), "--truth", str(truth)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 25
    assert len(json.loads(truth.read_text(encoding="utf-8"))) == 3_000
    assert "25 items" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.partial")), "no half-written files are left behind"
