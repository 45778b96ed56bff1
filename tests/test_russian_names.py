"""Russian names and roles in any grammatical case are shown and keyed in the nominative."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Archive, Item, Participant
from store.index.people import person_key
from store.text.filing import filed_name, participant_line
from store.text.russian import nominative_name, nominative_role


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("Сейраном Оганяном", "Сейран Оганян"),
        ("Николая Бордюжи", "Николай Бордюжа"),
        ("Ю.Хачатуровым", "Ю. Хачатуров"),
        ("Сергеем Шойгу", "Сергей Шойгу"),
        ("Халедом Хиари", "Халед Хиари"),
        ("Ирины Петровой", "Ирина Петрова"),
        ("Ирина Петрова", "Ирина Петрова"),
        ("Анны Войтоловской", "Анна Войтоловская"),
        ("Айгуль Войтоловской", "Айгуль Войтоловская"),
        ("Ф.Войтоловским", "Ф. Войтоловский"),
        ("Юрием Георгиевичем", "Юрий Георгиевич"),
        ("Николая Николаевича Бордюжи", "Николай Николаевич Бордюжа"),
        ("Фёдор Войтоловский", "Фёдор Войтоловский"),
        ("Валерием Семериковым", "Валерий Семериков"),  # a surname no dictionary knows
        ("Ольгой Семериковой", "Ольга Семерикова"),
        ("Ириной Галузиной", "Ирина Галузина"),
        ("Виктора Хренина", "Виктор Хренин"),  # the analyser knows "хренина" as a noun only
        ("Анны Хрениной", "Анна Хренина"),
        ("Fyodor Voitolovsky", "Fyodor Voitolovsky"),
        # a surname in -ич declines only for a man: "Александра" here is Александр's genitive
        ("Александра Вольфовича", "Александр Вольфович"),
        ("Александром Вольфовичем", "Александр Вольфович"),
        ("Ивана Вучича", "Иван Вучич"),  # a surname no dictionary knows
        ("Анна Петрович", "Анна Петрович"),
        # a surname the analyser knows as another word (a place): its ending tells the case
        ("Николая Бордюжу", "Николай Бордюжа"),
        ("Николаю Бордюже", "Николай Бордюжа"),
        # a patronymic in an oblique case makes the name oblique, however the first name
        # ("Вячеслава" may be a woman's) and the surname read
        ("Вячеслава Викторовича Володина", "Вячеслав Викторович Володин"),
        ("Романа Александровича Головченко", "Роман Александрович Головченко"),
        ("Валентины Ивановны Матвиенко", "Валентина Ивановна Матвиенко"),
        ("Евгения Николаевна Моисеева", "Евгения Николаевна Моисеева"),
    ],
)
def test_a_russian_name_comes_back_to_the_nominative(written: str, nominative: str) -> None:
    assert nominative_name(written) == nominative


def test_a_surname_alone_that_may_be_a_womans_nominative_is_kept_as_written() -> None:
    assert nominative_name("Петрова") == "Петрова"


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        # the analyser reads each first name as a man's in another case (Евгений, Феруз,
        # Саул, Ильх, Нигор); read so, a woman became a man who does not exist
        ("Евгения Моисеева", "Евгения Моисеева"),
        ("Феруза Хасанова", "Феруза Хасанова"),
        ("Сауле Кенжебаева", "Сауле Кенжебаева"),
        ("Нигора Ёкубова", "Нигора Ёкубова"),
        ("Ильхом Рахманов", "Ильхом Рахманов"),
        ("Ерген Петров", "Ерген Петров"),
        ("Таисия Хлебникова", "Таисия Хлебникова"),
        ("Шахноза Умарова", "Шахноза Умарова"),
        ("Ильхом Турсунов", "Ильхом Турсунов"),
        ("Сауле Калиева", "Сауле Калиева"),
        ("Фарзона Рахимзода", "Фарзона Рахимзода"),
        # and their other cases still come back
        ("Евгении Моисеевой", "Евгения Моисеева"),
        ("Ильхомом Рахмановым", "Ильхом Рахманов"),
        ("Сергея Лаврова", "Сергей Лавров"),
        ("Николаем Бордюжей", "Николай Бордюжа"),
    ],
)
def test_a_name_that_reads_as_a_nominative_is_never_made_another_person(
    written: str, nominative: str
) -> None:
    assert nominative_name(written) == nominative


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("Министром обороны", "Министр обороны"),
        ("Помощником Генерального секретаря ООН", "Помощник Генерального секретаря ООН"),
        ("Генеральным секретарем ОДКБ", "Генеральный секретарь ОДКБ"),
        ("Министр обороны", "Министр обороны"),
        ("Постоянного представителя", "Постоянный представитель"),
        ("Чрезвычайного и Полномочного Посла", "Чрезвычайный и Полномочный Посол"),
        ("Первым заместителем Председателя", "Первый заместитель Председателя"),
        ("полномочным представителем Президента", "полномочный представитель Президента"),
        ("вице-президента", "вице-президент"),
        ("главой МИД", "глава МИД"),
        ("Secretary General", "Secretary General"),
    ],
)
def test_a_russian_role_comes_back_to_the_nominative(written: str, nominative: str) -> None:
    assert nominative_role(written) == nominative


@pytest.mark.parametrize(
    ("person", "filed"),
    [
        # alone, "Дмитрия Пескова" and "С.В.Лаврова" may be women's nominatives; with a
        # post in the genitive or instrumental they are that post's case
        (Participant("Дмитрия Пескова", "пресс-секретаря Президента", "России"), "Дмитрий Песков"),
        (Participant("С.В.Лаврова", "Министра иностранных дел", "России"), "С. В. Лавров"),
        (Participant("Евгения Моисеева", "советника", "посольства"), "Евгений Моисеев"),
        (Participant("Евгении Моисеевой", "советника", "посольства"), "Евгения Моисеева"),
        # a post in the nominative tells nothing: kept as written
        (Participant("Евгения Моисеева", "советник", "посольства"), "Евгения Моисеева"),
        (Participant("Дмитрия Пескова", "", ""), "Дмитрия Пескова"),
        (Participant("Dmitry Peskov", "Kremlin spokesman", ""), "Dmitry Peskov"),
    ],
)
def test_a_name_is_filed_in_the_case_of_the_post_written_with_it(
    person: Participant, filed: str
) -> None:
    assert filed_name(person) == filed


def test_a_name_beside_an_oblique_post_joins_the_same_person_in_the_nominative(
    tmp_path: Path,
) -> None:
    def item(title: str, body: str, *people: Participant) -> Item:
        return Item.from_dict({
            "title": title, "date": "2024-03-07", "kind": "news", "language": "ru",
            "body": [body], "participants": [vars(p) for p in people], "source": "test",
        })

    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items([
            item("Комментарий", "По словам пресс-секретаря Президента России Дмитрия Пескова, ...",
                 Participant("Дмитрия Пескова", "пресс-секретаря Президента", "России")),
            item("Брифинг", "Дмитрий Песков заявил журналистам ...",
                 Participant("Дмитрий Песков", "", "")),
        ])
        [person] = archive.people(with_items=False)
        assert (person.name, person.count) == ("Дмитрий Песков", 2)


def test_case_forms_of_one_person_key_one_person() -> None:
    assert person_key("Сергеем Шойгу") == person_key("Сергей Шойгу")
    assert person_key("Николая Бордюжи") == person_key("Nikolai Bordyuzha")
    assert person_key("Ирины Петровой") != person_key("Ивана Петрова")


def test_people_show_the_nominative_and_items_keep_the_form_as_written(tmp_path: Path) -> None:
    item = Item.from_dict({
        "title": "Встреча", "date": "2024-03-07", "kind": "news", "language": "ru",
        "body": ["Генеральный секретарь встретился с Министром обороны Армении Сейраном Оганяном."],
        "participants": [
            {"name": "Сейраном Оганяном", "role": "Министром обороны", "organisation": "Армении"}
        ],
        "source": "test",
    })
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items([item])
        [person] = archive.people(with_items=False)
        assert (person.name, person.role) == ("Сейран Оганян", "Министр обороны")
        assert [p.name for p in archive.people("Оганяном", with_items=False)] == ["Сейран Оганян"]
        [stored] = [archive.get(i) for i in archive.ids()]
        assert stored.participants[0].name == "Сейраном Оганяном"
        [row] = archive.rows(archive.columns.order)
        assert row.people == "Сейран Оганян"  # the list line names him as People does


def test_a_participant_line_files_a_russian_name_and_keeps_the_text_s_form() -> None:
    written = Participant("Ю.Хачатуровым", "Генеральным секретарем", "ОДКБ")
    assert participant_line(written) == (
        "Ю. Хачатуров — Генеральный секретарь ОДКБ (as written: Ю.Хачатуровым)"
    )
    assert participant_line(Participant("Nikolai Bordyuzha", "Secretary General", "CSTO")) == (
        "Nikolai Bordyuzha — Secretary General, CSTO"
    )
    assert participant_line(Participant("Имангали Тасмагамбетов")) == "Имангали Тасмагамбетов"


_NAME_TEXT = st.text(
    alphabet=st.sampled_from(list("АБВГДЕЖЗИКЛМНОПРСТабвгдежзийклмнопрстуфхцчшщыьэюяё .-\x1b[]0a")),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_NAME_TEXT, _NAME_TEXT, _NAME_TEXT)
def test_any_text_in_a_participant_s_fields_gives_one_line_and_never_fails(
    name: str, role: str, organisation: str
) -> None:
    """Whatever a dump puts where a name or a role goes, the reader gets a line for it."""
    line = participant_line(Participant(name, role, organisation))
    assert "\n" not in line
    assert nominative_role(role).count(" ") == role.count(" ")  # word for word, none lost
