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


_MEETING_NEWS = (
    "Meeting of the CSTO Council of Foreign Ministers held in Almaty\n"
    "24.05.2024\n"
    "On 24 May 2024, a meeting of the CSTO Council of Foreign Ministers was held in Almaty"
    " under the chairmanship of Kazakhstan.\n"
    "The ministers discussed the situation in the region.\n"
    "\n"
)
_SPEECH = (
    "Speech by the CSTO Secretary General at the meeting of the CSTO Council of Foreign"
    " Ministers\n"
    "\n"
    "Dear colleagues!\n"
    "\n"
    "On 15 May 1992, in Tashkent, the heads of our states signed the Collective Security"
    " Treaty.\n"
    "\n"
    "Thank you for your attention.\n"
)


def test_undated_speech_takes_the_date_of_the_news_of_its_meeting_beside_it() -> None:
    items = parse_text(_MEETING_NEWS + _SPEECH, "test")
    assert [(i.kind, i.date) for i in items] == [("news", "2024-05-24"), ("speech", "2024-05-24")]
    assert items[1].id.startswith("20240524-")


def test_undated_speech_stays_undated_when_no_neighbour_reports_its_meeting() -> None:
    other = _MEETING_NEWS.replace("Council of Foreign Ministers", "Parliamentary Assembly")
    items = parse_text(other + _SPEECH, "test")
    assert items[1].date is None
    assert items[1].id.startswith("undated-")


def test_russian_speech_at_a_session_dated_by_the_report_of_that_session() -> None:
    text = (
        "Выступление Генерального секретаря ОДКБ на заседании Совета министров иностранных"
        " дел ОДКБ\n"
        "\n"
        "Уважаемые коллеги!\n"
        "\n"
        "Позвольте поблагодарить казахстанскую сторону за радушный прием.\n"
        "\n"
        "Благодарю за внимание.\n"
        "\n"
        "В Алматы состоялось заседание Совета министров иностранных дел ОДКБ\n"
        "24.05.2024\n"
        "24 мая 2024 года в Алматы под председательством Казахстана прошло заседание Совета"
        " министров иностранных дел ОДКБ.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-05-24", "2024-05-24"]


def test_contact_block_of_name_post_and_office_ends_the_release() -> None:
    text = (
        "Генеральный секретарь ОБСЕ завершила визит в Казахстан\n"
        "АСТАНА, 14 марта 2024 г. – Генеральный секретарь ОБСЕ Хельга Мария Шмид сегодня"
        " завершила двухдневный визит в Казахстан.\n"
        "\n"
        "Генеральный секретарь также посетила Программный офис ОБСЕ в Астане.\n"
        "\n"
        "Контакты\n"
        "Алия Сейтказина\n"
        "Национальный сотрудник по связям с общественностью\n"
        "Программный офис ОБСЕ в Астане\n"
        "\n"
        "В Ереване прошли армяно-казахстанские консультации между министерствами иностранных"
        " дел\n"
        "7 марта 11:05\n"
        "\n"
        "7 марта в Ереване состоялись очередные консультации между министерствами иностранных"
        " дел.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-03-14", "2024-03-07"]
    assert items[0].body[-1].startswith("Генеральный секретарь также посетила")
    assert [p.name for p in items[0].participants] == ["Хельга Мария Шмид"]
    assert items[1].title.startswith("В Ереване прошли")


def test_spokesperson_comments_on_someones_remarks_are_a_statement() -> None:
    assert kind_of(
        "Armenian MFA spokesperson comments on CSTO Secretary General's remarks"
    ) == "statement"
