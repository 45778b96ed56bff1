"""A journalist's working file, pasted in the order items were found (set 23)."""

from store.ingest.parser import parse_text


def test_a_yearless_lead_takes_its_year_from_the_full_date_its_own_sentence_names() -> None:
    text = (
        "SCO Secretary-General briefs diplomatic corps on preparations for Astana Summit\n"
        "\n"
        "On 5 April, SCO Secretary-General Zhang Ming held a briefing for heads of diplomatic"
        " missions on the preparations for the meeting of the SCO Council of Heads of State to"
        " be held in Astana on 3-4 July 2024.\n"
        "\n"
        "The briefing was attended by representatives of more than 50 diplomatic missions.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-04-05"]


def test_across_new_year_the_lead_day_takes_the_year_nearest_the_named_date() -> None:
    text = (
        "Secretariat prepares for the session\n"
        "\n"
        "On 28 December, the Secretariat discussed the preparations for the session to be"
        " held on 15 January 2025.\n"
        "\n"
        "The participants agreed the draft agenda.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-12-28"]


def test_the_speakers_wish_over_the_closing_place_and_date_is_the_speech_not_a_headline() -> None:
    text = (
        "Выступление Генерального секретаря ОДКБ И.Н.Тасмагамбетова на Международной"
        " научно-практической конференции\n"
        "\n"
        "Уважаемые участники конференции!\n"
        "\n"
        "Рад приветствовать вас в Алматы.\n"
        "\n"
        "Желаю всем участникам плодотворной работы.\n"
        "\n"
        "г. Алматы, 15 октября 2024 года\n"
        "\n"
        "16 октября 2024 года Генеральный секретарь ОДКБ И.Н.Тасмагамбетов провел встречу с"
        " акимом города Алматы.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2024-10-15"), ("news", "2024-10-16")]
