"""One People entry per person: different first names never merge, initials join only one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Archive, Item
from store.index.people import person_key
from store.text.names import parse_name


def item(title: str, people: tuple[str, ...], date: str = "2024-01-01") -> Item:
    return Item.from_dict({
        "title": title, "date": date, "kind": "news", "body": ["Some text."],
        "participants": [{"name": n, "role": "", "organisation": ""} for n in people],
        "language": "en", "source": "test",
    })


def entries(archive: Archive) -> dict[str, set[str]]:
    return {p.name: set(p.spellings) for p in archive.people(with_items=False)}


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive.open(tmp_path / "archive.sqlite3")


@pytest.mark.parametrize(
    "spellings",
    [
        ("Yuri Khachaturov", "Yury Khachaturov", "Iurii Khachaturov", "Юрий Хачатуров"),
        ("Sergey Lavrov", "Sergei Lavrov", "Сергей Лавров"),
        ("Andrei Voitolovski", "Andrey Voytolovskiy", "Андрей Войтоловский"),
        ("Aleksandr Shpakovsky", "Alexander Shpakovskiy", "Александр Шпаковский"),
        ("Fyodor Voitolovsky", "Fedor Voitolovskii", "Fiodor Voytolovsky", "Фёдор Войтоловский"),
        ("Matvey Kovalyov", "Matvei Kovaliov", "Матвей Ковалёв"),
        ("Nikolai Bordyuzha", "Nikolai Nikolaevich Bordyuzha", "Бордюжа Николай Николаевич"),
        ("Darya Sokolovskaya", "Daria Sokolovskaia", "Дарья Соколовская"),
    ],
)
def test_spellings_of_one_first_name_key_one_person(spellings: tuple[str, ...]) -> None:
    assert len({person_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Andrei Voitolovski", "Aleksei Voitolovski"),
        ("Aigul Voitolovski", "Askar Voitolovskii"),
        ("Yuri Khachaturov", "Yulia Khachaturova"),
        ("Ivan Petrov", "Irina Petrova"),
        ("Zhyldyz Abdyldayev", "Zhyldyz Abdyldayeva"),
        ("Sergey Lavrov", "Semyon Lavrov"),
    ],
)
def test_two_first_names_are_two_people(archive: Archive, a: str, b: str) -> None:
    archive.import_items([item("one", (a,)), item("two", (b,))])
    assert len(archive.people(with_items=False)) == 2
    assert [p.count for p in archive.people(a, with_items=False)][:1] == [1]


def test_an_initial_joins_the_one_person_it_fits(archive: Archive) -> None:
    archive.import_items([
        item("A. Voitolovsky spoke", ("A. Voitolovsky",)),
        item("Andrei Voitolovsky spoke", ("Andrei Voitolovsky",)),
        item("И.Тасмагамбетов", ("И.Тасмагамбетов",)),
        item("Imangali Tasmagambetov", ("Imangali Tasmagambetov",)),
    ])
    people = entries(archive)
    assert len(people) == 2, people
    assert {"A. Voitolovsky", "Andrei Voitolovsky"} in people.values()


def test_an_initial_two_people_fit_stays_its_own_entry(archive: Archive) -> None:
    archive.import_items([
        item("Andrei", ("Andrei Voitolovsky",)),
        item("Aleksei", ("Aleksei Voitolovsky",)),
        item("A.", ("A. Voitolovsky",)),
        item("bare", ("Voitolovsky",)),
    ])
    assert len(archive.people(with_items=False)) == 4


def test_in_its_own_item_an_initial_means_the_person_named_there(archive: Archive) -> None:
    archive.import_items([
        item("Andrei", ("Andrei Voitolovsky",)),
        item("Aleksei and A.", ("Aleksei Voitolovsky", "A. Voitolovsky")),
    ])
    people = entries(archive)
    assert {"Aleksei Voitolovsky", "A. Voitolovsky"} in people.values()


def test_a_woman_initial_never_joins_a_man(archive: Archive) -> None:
    archive.import_items([item("Ivan", ("Ivan Petrov",)), item("I.", ("I. Petrova",))])
    assert len(archive.people(with_items=False)) == 2


def test_a_russian_womans_initials_join_her_whole_name(archive: Archive) -> None:
    # "М.В.Захарова" is her nominative or a Захаров's genitive; with no Захаров in the
    # archive it is her, and People shows her whole name, not the initials
    archive.import_items([
        item("briefing", ("Мария Захарова",)), item("comment", ("М.В.Захарова",)),
        item("statement", ("M. Zakharova",)),
    ])
    assert entries(archive) == {
        "Мария Захарова": {"Мария Захарова", "М.В.Захарова", "M. Zakharova"}
    }


def test_initials_a_man_and_a_woman_both_fit_stay_their_own_entry(archive: Archive) -> None:
    archive.import_items([
        item("briefing", ("Мария Захарова",)), item("visit", ("Михаил Захаров",)),
        item("comment", ("М.В.Захарова",)),
    ])
    assert len(archive.people(with_items=False)) == 3


def test_a_first_name_and_patronymic_address_joins_the_one_person_with_both(
    archive: Archive,
) -> None:
    archive.import_items([
        item("full", ("Yuri Georgievich Khachaturov",)),
        item("short", ("Yuri Khachaturov",)),
        item("Dear Yuri Georgievich", ("Yuri Georgievich",)),
        item("Dear Yuri Ivanovich", ("Yuri Ivanovich",)),
    ])
    people = entries(archive)
    assert len(people) == 2, people
    assert {"Yuri Georgievich Khachaturov", "Yuri Khachaturov", "Yuri Georgievich"} in (
        people.values()
    )


# -- hypothesis: merging is never looser than the rules --------------------------------------

FIRSTS = ["Andrei", "Aleksei", "Anna", "Askar", "Ivan", "Irina", "Yuri", "Yulia", "Sergey",
          "Мария", "Михаил"]
SURNAMES = ["Petrov", "Petrova", "Voitolovsky", "Voytolovskiy", "Sultanov", "Sultonov",
            "Захаров", "Захарова"]
full_names = st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRSTS), st.sampled_from(SURNAMES))
partial_names = st.one_of(
    st.builds(lambda f, s: f"{f[0]}. {s}", st.sampled_from(FIRSTS), st.sampled_from(SURNAMES)),
    st.sampled_from(SURNAMES),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fulls=st.lists(full_names, min_size=1, max_size=6, unique=True),
    partials=st.lists(partial_names, max_size=4, unique=True),
)
def test_an_entry_holds_one_full_name_and_only_partials_that_fit_it_alone(
    fulls: list[str], partials: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder, Archive.open(
        Path(folder) / "a.sqlite3"
    ) as archive:
        items = [item(f"full {i}", (n,)) for i, n in enumerate(fulls)]
        items += [item(f"partial {i}", (n,)) for i, n in enumerate(partials)]
        archive.import_items(items)
        people = archive.people(with_items=False)
    full_keys = {parse_name(n).key: parse_name(n) for n in fulls}
    for person in people:
        held = [parse_name(s) for s in person.spellings]
        keys = {p.key for p in held if p.kind == "full"}
        assert len(keys) <= 1, person.spellings
        for parts in held:
            if parts.kind == "full" or not keys:
                continue
            fitting = [k for k, full in full_keys.items() if parts.fits(full)]
            assert fitting == list(keys), (person.spellings, fitting)


def test_an_archive_keyed_the_old_way_is_filed_again_at_its_next_import(
    archive: Archive,
) -> None:
    archive.import_items([
        item("Andrei", ("Andrei Voitolovsky",)), item("Aleksei", ("Aleksei Voitolovsky",)),
    ])
    conn = archive._conn
    # What an older pressroom wrote: one entry under surname + initial, no keys version
    with conn:
        conn.execute("DELETE FROM columns WHERE name = 'people_keys'")
        keep = conn.execute("SELECT min(id) FROM people").fetchone()[0]
        conn.execute("UPDATE appearances SET person = ?", (keep,))
        conn.execute("UPDATE spellings SET person = ?", (keep,))
        conn.execute("DELETE FROM people WHERE id <> ?", (keep,))
        conn.execute("UPDATE people SET key = 'voitolovski a', items = 2")
    archive._people.discard()
    assert len(archive.people(with_items=False)) == 1
    archive.import_items([item("Sergey", ("Sergey Lavrov",))])
    assert sorted(p.name for p in archive.people(with_items=False)) == [
        "Aleksei Voitolovsky", "Andrei Voitolovsky", "Sergey Lavrov",
    ]
