"""Items of an analyst's dump for spring 2024, newest first (set 17)."""

from store.ingest.parser import kind_of, parse_text


def test_place_and_day_under_a_signature_date_the_address_with_the_neighbours_year() -> None:
    text = (
        "Welcome address of the CSTO Secretary General to the participants of the conference\n"
        "\n"
        "Dear participants of the conference!\n"
        "\n"
        "On behalf of the Secretariat, I welcome the organizers and participants.\n"
        "\n"
        "I wish you fruitful discussions and every success.\n"
        "\n"
        "Secretary General of the CSTO\n"
        "I. Tasmagambetov\n"
        "\n"
        "Dushanbe, 16 April\n"
        "\n"
        "On 15 April 2024, a working meeting of the CSTO Secretariat with a delegation of the"
        " SCO Secretariat was held in Moscow.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2024-04-16"), ("news", "2024-04-15")]
    assert items[0].body[-1] == "Dushanbe, 16 April"


def test_russian_town_and_day_under_a_signature_close_the_welcome_speech() -> None:
    text = (
        "Приветственное слово Генерального секретаря ОДКБ участникам конференции\n"
        "\n"
        "Уважаемые участники конференции!\n"
        "\n"
        "От имени Секретариата Организации приветствую организаторов и участников.\n"
        "\n"
        "Желаю вам плодотворной дискуссии и успехов.\n"
        "\n"
        "Генеральный секретарь ОДКБ\n"
        "И.Тасмагамбетов\n"
        "\n"
        "г. Душанбе, 16 апреля\n"
        "\n"
        "15 апреля 2024 года в Секретариате ОДКБ состоялась рабочая встреча с делегацией"
        " Секретариата ШОС.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2024-04-16"), ("news", "2024-04-15")]


def test_opening_and_welcome_words_are_speeches() -> None:
    assert kind_of("Вступительное слово С.В.Лаврова на переговорах с Министром") == "speech"
    assert kind_of("Приветственное слово Генерального секретаря ОДКБ") == "speech"
    assert kind_of("Слово о полку") == "news"
