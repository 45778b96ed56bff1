"""Raw press text becomes items: split, dated, titled, kinded, with participants."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.parser import kind_of, parse_text

SEED = Path(__file__).resolve().parent.parent / "sample_data" / "000_eca40e1e4d17962e.txt"


def test_the_seed_gives_its_four_items() -> None:
    items = parse_text(SEED.read_text("utf-8"), SEED.name)
    assert [(i.date, i.kind) for i in items] == [
        ("2024-12-05", "news"), ("2024-12-03", "news"), ("2024-12-02", "news"),
        ("2024-10-31", "speech"),
    ]
    speech = items[3]
    assert speech.title == (
        "Speech by the CSTO Secretary General Imangali Tasmagambetov at the II Minsk "
        "Conference on Eurasian Security"
    )
    assert [(p.name, p.role, p.organisation) for p in speech.participants] == [
        ("Imangali Tasmagambetov", "Secretary General", "CSTO")
    ]
    assert speech.body[0] == "Dear participants of the Conference,"
    assert speech.body[-1] == "Thank you for your attention."
    assert [p.name for p in items[0].participants] == [
        "Imangali Tasmagambetov", "Fyodor Voitolovsky", "Alexander Shpakovsky", "Igor Korotchenko"
    ]
    assert all(i.source == SEED.name and i.language == "en" for i in items)


def test_the_seed_parses_the_same_with_windows_line_endings_bom_blank_lines_and_nbsp() -> None:
    text = SEED.read_text("utf-8")
    plain = parse_text(text, "s.txt")
    messy = "\ufeff" + text.replace("\n", "\r\n\r\n").replace(" the CSTO", "\u00a0the CSTO")
    assert [(i.id, i.date, i.title) for i in parse_text(messy, "s.txt")] == [
        (i.id, i.date, i.title) for i in plain
    ]


def test_ids_are_stable_across_imports() -> None:
    text = SEED.read_text("utf-8")
    assert [i.id for i in parse_text(text, "a.txt")] == [i.id for i in parse_text(text, "b.txt")]


def test_a_title_followed_directly_by_paragraphs_has_no_date() -> None:
    items = parse_text(
        "Statement of the CSTO Foreign Ministers on Afghanistan\n"
        "The ministers expressed concern about the situation.\n"
        "They called for dialogue.\n",
        "x.txt",
    )
    assert len(items) == 1
    assert items[0].date is None and items[0].kind == "statement"
    assert len(items[0].body) == 2


def test_this_year_takes_the_year_of_the_date_line() -> None:
    items = parse_text(
        "The Permanent Council met\n20.04.2021\nOn March 3, this year, the Council met.\n", "x"
    )
    assert items[0].date == "2021-03-03"


def test_a_date_line_with_a_time_and_no_year_takes_the_year_of_the_items_around() -> None:
    items = parse_text(
        "On 12 March 2025, the Working Group met in Minsk.\n"
        "Foreign Minister Murat Nurtleu met with the OSCE Secretary General\n"
        "7 March, 11:05\n"
        "Today, the Minister met the Secretary General in Astana.\n"
        "The sides discussed the priorities of the Chairpersonship.\n"
        "Statement by the CSTO Secretary General\n"
        "05.03.2025\n"
        "Dear colleagues,\n",
        "x",
    )
    assert [(i.title[:24], i.date) for i in items] == [
        ("The Working Group met in", "2025-03-12"),
        ("Foreign Minister Murat N", "2025-03-07"),
        ("Statement by the CSTO Se", "2025-03-05"),
    ]
    assert len(items[1].body) == 2


def test_a_yearless_date_takes_its_year_across_new_year_from_the_side_it_falls_on() -> None:
    items = parse_text(
        "On 10 January 2025, the Council met.\n"
        "On 28 December this year, the Committee met.\n"
        "On 20 December 2024, the Board met.\n",
        "x",
    )
    assert [i.date for i in items] == ["2025-01-10", "2024-12-28", "2024-12-20"]


def test_a_yearless_date_in_a_dump_out_of_date_order_stays_undated() -> None:
    items = parse_text(
        "On 10 January 2022, the Council met.\n"
        "On 5 May 2025, the Board met.\n"
        "On 11 March this year, the Committee met.\n"
        "On 3 August 2023, the Assembly met.\n",
        "x",
    )
    assert items[2].date is None


def test_a_title_ending_with_a_date_dates_an_item_without_a_date_line() -> None:
    items = parse_text(
        "Foreign Minister Sergey Lavrov's remarks and answers to media questions following "
        "talks with Minister of Foreign Affairs of Tajikistan, Moscow, June 4, 2025\n"
        "Ladies and gentlemen,\n"
        "We have held substantive talks with my colleague.\n"
        "Statement on the anniversary of the Treaty of 15 May 1992 and its lessons\n"
        "Today we recall the signing of the Treaty.\n",
        "x",
    )
    assert [i.date for i in items] == ["2025-06-04", None]


def test_a_yearless_date_alone_stays_undated() -> None:
    items = parse_text("Foreign Minister met the Ambassador\n7 March, 11:05\nThey talked.\n", "x")
    assert len(items) == 1 and items[0].date is None


SPEECH = (
    "Statement by the CSTO Secretary General at the Council of Foreign Ministers\n"
    "05.03.2025\n"
    "Dear colleagues,\n"
    "On 15 November 2024, the heads of our states met in Minsk and adopted the Statement.\n"
    "On 25 January this year, I had the honour to discuss the priorities with the Minister.\n"
)


def test_a_dated_news_item_after_a_speech_s_closing_words_is_an_item_of_its_own() -> None:
    items = parse_text(
        SPEECH + "Thank you for your attention.\n"
        "On 4 March 2025, in Moscow, the CSTO Secretary General Imangali Tasmagambetov "
        "discussed cooperation with the Minister of Foreign Affairs Zheenbek Kulubaev.\n",
        "x",
    )
    assert [(i.kind, i.date, len(i.body)) for i in items] == [
        ("statement", "2025-03-05", 4), ("news", "2025-03-04", 1)
    ]
    assert items[0].body[-1] == "Thank you for your attention."


def test_a_dated_news_lead_ends_a_speech_even_without_closing_words() -> None:
    items = parse_text(
        "Выступление Генерального секретаря ОДКБ на заседании Совета\n"
        "04.03.2025\n"
        "Уважаемые коллеги!\n"
        "15 ноября 2024 года в Минске главы наших государств приняли Заявление.\n"
        "3 марта 2025 года в Секретариате ОДКБ состоялась встреча Генерального секретаря.\n",
        "x",
    )
    assert [(i.kind, i.date, len(i.body)) for i in items] == [
        ("speech", "2025-03-04", 2), ("news", "2025-03-03", 1)
    ]


def test_a_speaker_s_own_dated_sentences_stay_in_the_speech() -> None:
    items = parse_text(SPEECH + "Thank you.\n", "x")
    assert len(items) == 1 and len(items[0].body) == 4


def test_a_dated_sentence_the_speaker_goes_on_from_stays_in_the_speech() -> None:
    """A speech recalls history in the third person ("the heads of state signed ..."), but
    the next paragraph is the speaker's again, so the speech has not ended there."""
    items = parse_text(
        "Speech by the CSTO Secretary General at the ceremony marking the CSTO Day\n"
        "Astana, 15 May 2025\n"
        "Dear guests!\n"
        "Today we mark the anniversary of the signing of the Collective Security Treaty.\n"
        "On 7 October 2002, in Chisinau, the heads of state signed the Charter.\n"
        "I would like to thank the Minister of Defence for organizing today's ceremony.\n"
        "Happy holiday to you!\n"
        "Выступление Генерального секретаря ОДКБ на заседании Совета министров\n"
        "Чолпон-Ата, 9 июня 2025 года\n"
        "Уважаемые коллеги!\n"
        "27 мая 2025 года в Москве состоялось заседание Комитета секретарей.\n"
        "Отдельно хотел бы поблагодарить за совместную работу Министра.\n"
        "Спасибо за внимание.\n"
        "9 июня 2025 года в Чолпон-Ате Генеральный секретарь ОДКБ провел встречу с Министром.\n",
        "x",
    )
    assert [(i.kind, i.date, len(i.body)) for i in items] == [
        ("speech", "2025-05-15", 5), ("speech", "2025-06-09", 4), ("news", "2025-06-09", 1)
    ]


def test_wire_items_without_a_year_take_it_from_the_items_around() -> None:
    """TASS, BelTA and RIA datelines give no year; the dump's neighbours do, even when one
    item sits a day out of place because it is dated by its event."""
    items = parse_text(
        "Лавров и Мирзоян обсудили подготовку к СМИД ОДКБ\n"
        "МОСКВА, 13 июня. /ТАСС/. Министр иностранных дел России провел телефонный разговор.\n"
        "Ранее представитель МИД заявила, что Москва рассчитывает на участие Еревана.\n"
        "МОСКВА, 11 июн — РИА Новости. Секретарь Совета безопасности проведет переговоры.\n"
        "МИНСК, 10 июня (БелТА). Президент Беларуси встретился с Генеральным секретарем ОДКБ.\n"
        "Генеральный секретарь ОБСЕ посетил Бишкек\n"
        "30.05.2025\n"
        "С 28 по 30 мая Генеральный секретарь ОБСЕ находился с визитом в Кыргызской Республике.\n"
        "Начальник Генерального штаба провел встречу с военной делегацией\n"
        "29.05.2025 (12:40)\n"
        "В Москве состоялась встреча начальника Генерального штаба.\n"
        "22 мая в Астане Генеральный секретарь ОДКБ встретился с Государственным советником.\n"
        "Сергей Шойгу провел переговоры с Секретарем Совета безопасности Республики Армения\n"
        "20 мая 2025 года 15:10\n"
        "Стороны обсудили двустороннее сотрудничество.\n",
        "x",
    )
    assert [(i.date, len(i.body)) for i in items] == [
        ("2025-06-13", 2), ("2025-06-11", 1), ("2025-06-10", 1), ("2025-05-28", 1),
        ("2025-05-29", 1), ("2025-05-22", 1), ("2025-05-20", 1),
    ]
    assert items[1].body[0].startswith("Секретарь Совета безопасности")


def test_a_wire_paragraph_is_an_item_dated_by_its_first_sentence_without_the_agency_mark() -> None:
    items = parse_text(
        "Генеральный секретарь ОДКБ встретился с Министром обороны\n"
        "07.03.2025\n"
        "Стороны обсудили ход подготовки к учениям.\n"
        "/ТАСС/ Генеральный секретарь ОДКБ Имангали Тасмагамбетов 5 марта 2025 года в Москве "
        "провел переговоры с Министром иностранных дел.\n",
        "x",
    )
    assert [(i.date, len(i.body)) for i in items] == [("2025-03-07", 1), ("2025-03-05", 1)]
    assert items[1].body[0].startswith("Генеральный секретарь ОДКБ Имангали")


def test_an_undated_paragraph_leading_with_someone_new_is_an_item_of_its_own() -> None:
    items = parse_text(
        "26 февраля 2025 года заместитель Министра иностранных дел А.Ю.Руденко принял Посла.\n"
        "Состоялся обмен мнениями по актуальным вопросам.\n"
        "Генеральный секретарь ОДКБ Имангали Тасмагамбетов принял участие в работе форума.\n",
        "x",
    )
    assert [(i.date, len(i.body)) for i in items] == [("2025-02-26", 2), (None, 1)]
    assert [p.name for p in items[1].participants] == ["Имангали Тасмагамбетов"]


def test_a_titled_storys_paragraph_on_someone_new_stays_in_the_story() -> None:
    items = parse_text(
        "Russia becomes first country to recognize Taliban government\n\n"
        "MOSCOW. July 3 (Interfax) - Russia has officially recognized the Islamic Emirate of"
        " Afghanistan, the Russian Foreign Ministry said on Thursday.\n\n"
        "Deputy Foreign Minister of Russia Andrey Rudenko received the credentials of the newly"
        " appointed Ambassador of the Islamic Emirate of Afghanistan to Russia.\n\n"
        "SCO Secretary-General meets Ambassador of Kyrgyzstan\n\n"
        "10 February 2025 | Views: 412\n\n"
        "On 10 February 2025, the SCO Secretary-General received the Ambassador.\n",
        "x",
    )
    assert [(i.title[:24], len(i.body)) for i in items] == [
        ("Russia becomes first cou", 2), ("SCO Secretary-General me", 1)
    ]


def test_an_english_paragraph_leading_with_someone_new_is_an_item_of_its_own() -> None:
    items = parse_text(
        "On 7 April 2025, SCO Secretary-General Nurlan Yermekbayev took part in the forum.\n"
        "The Minister of Defence of the Republic of Belarus, Lieutenant General Viktor Khrenin, "
        "received a delegation of the CSTO Joint Staff.\n",
        "x",
    )
    assert [(i.date, len(i.body)) for i in items] == [("2025-04-07", 1), (None, 1)]
    assert [p.name for p in items[1].participants] == ["Viktor Khrenin"]


def test_an_english_news_lead_after_a_speech_is_an_item_of_its_own() -> None:
    items = parse_text(
        "Opening remarks by the Secretary of the Security Council at the meeting\n"
        "Dushanbe, 12 April 2025\n"
        "Dear friends!\n"
        "I welcome you to Dushanbe.\n"
        "I wish us all fruitful work.\n"
        "On 11 April 2025, in Dushanbe, the CSTO Secretary General Imangali Tasmagambetov was "
        "received by the President of the Republic of Tajikistan Emomali Rahmon.\n",
        "x",
    )
    assert [(i.date, i.kind, len(i.body)) for i in items] == [
        ("2025-04-12", "speech", 3), ("2025-04-11", "news", 1),
    ]


def test_an_author_s_dated_paragraphs_stay_in_their_article() -> None:
    items = parse_text(
        'Article by the CSTO Secretary General "Collective Security: Tested by Time"\n'
        "28.03.2025\n"
        "In May the Collective Security Treaty will mark its anniversary.\n"
        "On 15 May 1992, in Tashkent, the heads of six states signed the Treaty, which became "
        "the legal foundation of our alliance.\n"
        "I am convinced that the potential of our Organization is far from exhausted.\n"
        "On 27 March 2025, the CSTO Secretary General met with the Ambassador of Armenia.\n",
        "x",
    )
    assert [(i.date, len(i.body)) for i in items] == [("2025-03-28", 3), ("2025-03-27", 1)]


def test_a_later_paragraph_about_someone_already_named_stays_in_the_item() -> None:
    items = parse_text(
        "The Secretary General received the Ambassador of Armenia\n"
        "14.03.2025\n"
        "The CSTO Secretary General Imangali Tasmagambetov received the Ambassador.\n"
        "The parties discussed cooperation.\n"
        "Secretary General Imangali Tasmagambetov met the staff of the Embassy.\n"
        "Deputy Secretary General Samat Ordabaev also took part in the meeting.\n",
        "x",
    )
    assert len(items) == 1 and len(items[0].body) == 4


def test_an_item_without_any_date_stays_undated() -> None:
    items = parse_text("The council will meet soon to discuss the plan.", "x")
    assert len(items) == 1 and items[0].date is None
    assert items[0].title == "The council will meet soon to discuss the plan"


def test_a_place_in_the_date_line_is_kept() -> None:
    text = "Remarks to the Summit\nGeneva, May 4, 2019\nLadies and gentlemen,\nThanks."
    items = parse_text(text, "x")
    assert items[0].places == ("Geneva",) and items[0].kind == "speech"
    assert items[0].date == "2019-05-04"


def test_russian_items_are_marked_russian() -> None:
    items = parse_text("5 сентября 2022 года в Москве состоялась встреча министров.", "x")
    assert items[0].language == "ru" and items[0].date == "2022-09-05"


def test_kinds_from_titles() -> None:
    assert kind_of("Theses of the speech of the Secretary General") == "speech"
    assert kind_of("Abstracts of the speech by the Deputy Secretary General") == "speech"
    assert kind_of("Address of the CSTO Secretary General") == "speech"
    assert kind_of("Interview of the Chief of the Joint Staff to Krasnaya Zvezda") == "interview"
    assert kind_of("Statement of the CSTO Permanent Council") == "statement"
    assert kind_of("The CSTO Secretary General met the Ambassador") == "news"
    assert kind_of("JOINT COMMUNIQUÉ OF THE MINISTERS OF FOREIGN AFFAIRS") == "statement"
    assert kind_of("Comment by the Press Secretary in connection with a media question") == (
        "statement"
    )
    assert kind_of("Комментарий официального представителя МИД") == "statement"
    assert kind_of("Experts comment on the agreement") == "news"
    assert kind_of("Message of the CSTO Secretary General on the Day of the Defender") == "speech"
    assert kind_of("Поздравление Генерального секретаря ОДКБ с Днем Победы") == "speech"
    assert kind_of("The Secretary General sent a message to the forum") == "news"
    assert kind_of("Secretary-General's message on the International Day of Peace") == "speech"
    assert kind_of("Answer by the Spokesperson to a media question on the exercise") == "interview"
    assert kind_of("Ответ официального представителя МИД на вопрос СМИ") == "interview"
    assert kind_of("Выступление и ответы на вопросы СМИ Министра") == "speech"


def test_a_un_release_whose_first_line_announces_remarks_is_a_speech() -> None:
    items = parse_text(
        "Regional Organizations Indispensable Partners, Secretary-General Tells Council\n"
        "21 January 2025\n"
        "Following are UN Secretary-General António Guterres’ remarks to the Security Council "
        "open debate, in New York today:\nI thank the Presidency for convening this debate.\n",
        "x",
    )
    assert [i.kind for i in items] == ["speech"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_any_text_parses_to_a_list_with_valid_dates(text: str) -> None:
    items = parse_text(text, "fuzz.txt")
    assert isinstance(items, list)
    for item in items:
        assert item.date is None or (len(item.date) == 10 and item.date[4] == "-")


def test_a_photo_caption_is_part_of_its_item_not_a_title() -> None:
    text = (
        "CSTO and UNODC discuss joint training\n04.12.2026\n"
        "Photo: Deputy Secretary General Samat Ordabaev (right) and Regional Representative "
        "Ashita Mittal\n"
        "A working meeting took place in Tashkent.\n"
        "Встреча в Секретариате\n6.12.2026\n"
        "На снимке: Генеральный секретарь ОДКБ Талатбек Масадыков и Министр Сироджиддин Мухриддин\n"
        "В ходе встречи стороны обсудили ход реализации программы.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, len(i.body)) for i in items] == [
        ("CSTO and UNODC discuss joint training", "2026-12-04", 2),
        ("Встреча в Секретариате", "2026-12-06", 2),
    ]
    assert "Ashita Mittal" in [p.name for p in items[0].participants]


def test_a_by_line_is_part_of_the_interview_not_the_next_title() -> None:
    text = (
        "Interview of the Chief of the Joint Staff to Krasnaya Zvezda\n01.12.2026\n"
        "Interviewed by Yuri Avdeev\n"
        "Krasnaya Zvezda: What is planned for 2027?\n"
        "Интервью начальника Объединенного штаба\n30.11.2026\n"
        "– Что планируется на 2027 год?\n– План утвердит Совет министров обороны весной.\n"
        "Беседовал Юрий Авдеев\n"
        "18:05, 29 ноября 2026\n"
        "Президент встретился с Генеральным секретарем ОДКБ\n"
        "В Минске состоялась встреча.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date, i.body[-1]) for i in items] == [
        ("Interview of the Chi", "2026-12-01", "Krasnaya Zvezda: What is planned for 2027?"),
        ("Интервью начальника ", "2026-11-30", "Беседовал Юрий Авдеев"),
        ("Президент встретился", "2026-11-29", "В Минске состоялась встреча."),
    ]
    assert items[0].body[0] == "Interviewed by Yuri Avdeev"


def test_a_date_line_above_its_title_dates_that_title() -> None:
    text = (
        "Kazakhstan to host an exercise\n29 November 2026, 18:05\n"
        "The exercise will be held in Kazakhstan.\n"
        "28.11.2026\n"
        "Deputy Foreign Ministers discuss Afghanistan\n"
        "Consultations were held in Moscow.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date) for i in items] == [
        ("Kazakhstan to host an exercise", "2026-11-29"),
        ("Deputy Foreign Ministers discuss Afghanistan", "2026-11-28"),
    ]


def test_end_marks_end_an_item_and_are_not_text() -> None:
    text = (
        "OSCE Secretary General concludes visit\n5 December 2026\n"
        "The Secretary General concluded a visit.\n"
        "He also met civil society.\n"
        "###\n"
        "4 декабря в Ташкенте состоялась рабочая встреча.\n"
        "Стороны договорились провести курсы.\n"
        "* * *\n"
        "3 декабря в Секретариате ОДКБ состоялась встреча.\n"
        "* * *\n"
        "Next item title\n2 December 2026\nText.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.body[-1]) for i in items] == [
        ("2026-12-05", "He also met civil society."),
        ("2026-12-04", "Стороны договорились провести курсы."),
        ("2026-12-03", "3 декабря в Секретариате ОДКБ состоялась встреча."),
        ("2026-12-02", "Text."),
    ]


def test_marks_inside_a_speech_divide_it_without_ending_it() -> None:
    text = (
        "Speech by the Secretary General at the conference\n30 November 2026\n"
        "Dear colleagues,\nIt is a pleasure to speak here.\n* * *\n"
        "No state can ensure its security alone.\nThank you.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1 and items[0].body[-1] == "Thank you."
    assert "* * *" not in items[0].body


def test_a_signature_and_a_closing_place_and_date_end_a_statement_and_date_it() -> None:
    text = (
        "Послание Генерального секретаря ООН\n5 декабря 2026 года\n"
        "Добровольцы первыми приходят на помощь.\n"
        "Антониу Гутерриш\n"
        "4 декабря в Ташкенте состоялась рабочая встреча.\n"
        "Комментарий официального представителя МИД России\n"
        "Обратили внимание на очередные заявления.\n"
        "2 декабря 2026 года\n"
        "Выступление Министра на пресс-конференции\nМинск, 1 декабря 2026 года\n"
        "Уважаемые дамы и господа!\n"
        "Message of the Head of UNRCCA on the International Day\n"
        "Today we join the global campaign.\n"
        "Kaha Imnadze\n"
        "Special Representative of the Secretary-General and Head of UNRCCA\n"
        "Ashgabat, 25 November 2026\n"
        "Belarus and Armenia hold political consultations\n24/11/2026\n"
        "The deputy ministers held consultations in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:25], i.date, i.body[-1]) for i in items] == [
        ("Послание Генерального сек", "2026-12-05", "Антониу Гутерриш"),
        ("4 декабря в Ташкенте сост", "2026-12-04",
         "4 декабря в Ташкенте состоялась рабочая встреча."),
        ("Комментарий официального ", "2026-12-02", "2 декабря 2026 года"),
        ("Выступление Министра на п", "2026-12-01", "Уважаемые дамы и господа!"),
        ("Message of the Head of UN", "2026-11-25", "Ashgabat, 25 November 2026"),
        ("Belarus and Armenia hold ", "2026-11-24",
         "The deputy ministers held consultations in Minsk."),
    ]
    assert [p.name for p in items[0].participants] == ["Антониу Гутерриш"]
    assert [p.name for p in items[4].participants] == ["Kaha Imnadze"]


def test_a_closing_place_and_date_right_above_the_next_title_date_the_item_they_close() -> None:
    text = (
        "Comment by the Press Secretary on a media question\n"
        "Q.: How does the side assess the statement?\n"
        "Press Secretary Aizada Toktogulova: The side welcomes the approach.\n"
        "Bishkek, 2 June 2025\n"
        "The CIS remains a platform for frank dialogue, says its Secretary\n"
        "The Executive Secretary answered questions from the agency.\n"
        "Published: 27 December 2025\n"
        "CIS Executive Committee\n"
        "News\n"
        "Council of Representatives meets in Minsk\n"
        "On 21 October 2025, Minsk hosted a meeting of the Council.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date, i.body[-1]) for i in items] == [
        ("Comment by the Press", "2025-06-02", "Bishkek, 2 June 2025"),
        ("The CIS remains a pl", "2025-12-27", "Published: 27 December 2025"),
        ("Council of Represent", "2025-10-21",
         "On 21 October 2025, Minsk hosted a meeting of the Council."),
    ]


def test_a_title_naming_its_document_s_date_is_a_title_and_dates_the_item() -> None:
    text = (
        "Заявление МИД Кыргызской Республики от 2 июня 2025 года\n"
        "Министерство приветствует конструктивный подход таджикской стороны.\n"
        "Statement of 12 May 2025 by the Secretary General on the situation at the border\n"
        "The Secretary General expresses serious concern over the incident.\n"
        "Statement on the anniversary of the Treaty of 15 May 1992 and its lessons\n"
        "Today we recall the signing of the Treaty.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:25], i.date) for i in items] == [
        ("Заявление МИД Кыргызской ", "2025-06-02"),
        ("Statement of 12 May 2025 ", "2025-05-12"),
        ("Statement on the annivers", None),
    ]


def test_text_copied_from_a_pdf_is_put_back_into_paragraphs() -> None:
    text = (
        "JOINT COMMUNIQUÉ OF THE MINISTERS OF FOREIGN AFFAIRS\n"
        "г. Ереван, 20 ноября 2025 г.\n"
        "The Ministers of Foreign Affairs of the Republic of Armenia, the Republic of Bela-\n"
        "rus and the Republic of Kazakhstan, having met in Yerevan at\n"
        "the invitation of the Armenian side,\n"
        "reaffirmed their commitment to the development of cooperation;\n"
        "- 2 -\n"
        "Joint Communiqué – Yerevan, 20 November 2025\n"
        "agreed to hold regular consultations between the foreign ministries at the level of\n"
        "deputy ministers.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:13], i.date) for i in items] == [("JOINT COMMUNI", "2025-11-20")]
    assert items[0].body == (
        "The Ministers of Foreign Affairs of the Republic of Armenia, the Republic of Belarus "
        "and the Republic of Kazakhstan, having met in Yerevan at the invitation of the "
        "Armenian side, reaffirmed their commitment to the development of cooperation;",
        "agreed to hold regular consultations between the foreign ministries at the level of "
        "deputy ministers.",
    )


def test_a_transcript_s_date_time_and_place_under_its_lead_are_its_date_line() -> None:
    text = (
        "Beginning of meeting with President of Kyrgyzstan\n"
        "Vladimir Putin held talks with the President of Kyrgyzstan.\n"
        "February 18, 2026\n16:20\nThe Kremlin, Moscow\n"
        "Vladimir Putin: Mr President, friends,\n"
        "I am very glad to welcome you to Moscow.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:9], i.date, i.body[-1]) for i in items] == [
        ("Beginning", "2026-02-18", "I am very glad to welcome you to Moscow."),
    ]
    assert "16:20" not in items[0].body and "The Kremlin, Moscow" not in items[0].body


def test_a_title_with_speaker_office_and_place_above_its_date_starts_an_item() -> None:
    text = (
        "Joint statement of the ministers\n"
        "The ministers agreed to hold regular consultations.\n"
        "Hovik Sargsyan\n"
        "Minister of Foreign Affairs of the Republic of Armenia\n"
        "Remarks at a UN Security Council Briefing on the Situation in Afghanistan\n"
        "Ambassador Dorothy K. Whitfield\n"
        "Acting U.S. Representative to the United Nations\n"
        "U.S. Mission to the United Nations\n"
        "New York, New York\n"
        "12 May 2025\n"
        "AS DELIVERED\n"
        "Thank you, Madam President. And thank you for your briefing.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:16], i.date, i.body[-1]) for i in items] == [
        ("Joint statement ", None, "Minister of Foreign Affairs of the Republic of Armenia"),
        ("Remarks at a UN ", "2025-05-12",
         "Thank you, Madam President. And thank you for your briefing."),
    ]
    assert "Dorothy K. Whitfield" in [p.name for p in items[1].participants]


def test_the_transcript_of_a_meeting_s_opening_remarks_is_a_speech_an_interview_is_not() -> None:
    meeting = parse_text(
        "Beginning of meeting with President of Kyrgyzstan\n"
        "Vladimir Putin held talks with the President of Kyrgyzstan.\n"
        "Vladimir Putin: Mr President, friends, I am very glad to welcome you.\n"
        "Adylbek Sultanaliev (retranslated): Thank you for the invitation.\n",
        "x",
    )
    interview = parse_text(
        "Daniyar Zhaksylykov on the year ahead\n"
        "The Executive Secretary answered questions from Kazinform.\n"
        "Kazinform: What will be the priorities next year?\n"
        "Zhaksylykov: First of all, the economy.\n"
        "Kazinform: And humanitarian cooperation?\n"
        "Zhaksylykov: 2026 is the Year of Cultural Heritage.\n",
        "x",
    )
    assert [i.kind for i in meeting] == ["speech"]
    assert [i.kind for i in interview] == ["interview"]


def test_a_slashed_date_on_a_united_states_page_is_read_month_first() -> None:
    text = (
        "Remarks at a UN Security Council Briefing\n"
        "Ambassador Dorothy K. Whitfield\n"
        "U.S. Mission to the United Nations\n"
        "New York, New York\n"
        "05/12/2025\n"
        "Thank you, Madam President.\n"
        "Belarus and Armenia hold political consultations\n05/12/2025\n"
        "The deputy ministers held consultations in Minsk.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2025-05-12", "2025-12-05"]


def test_a_trail_ending_in_a_site_s_transcripts_section_is_not_an_item() -> None:
    text = (
        "President of Russia | Events | News | Transcripts\n"
        "Beginning of meeting with President of Kyrgyzstan\n20.02.2026\n"
        "Vladimir Putin: Mr President, friends, I am very glad to welcome you.\n"
        "Президент России | События | Новости | Стенограммы\n"
        "Начало встречи с Председателем Кабинета Министров\n21.02.2026\n"
        "В.Путин: Уважаемый Эрмек Аскарович! Рад вас видеть.\n"
    )
    assert [i.title[:12] for i in parse_text(text, "x")] == ["Beginning of", "Начало встре"]


def test_a_title_opening_with_a_quotation_is_a_title() -> None:
    text = (
        "Joint press conference following talks\n2 Dec 2026\n"
        "Question: What will Switzerland hand over?\n"
        "Ignazio Cassis: A functioning budget, I hope.\n"
        '"Our task is to be ready": interview of the Chief of the Joint Staff\n01.12.2026\n'
        "Krasnaya Zvezda: What were the main lessons?\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.kind) for i in items] == [
        ("2026-12-02", "news"), ("2026-12-01", "interview")
    ]


def test_a_weekday_or_bare_day_under_a_title_takes_its_year_from_the_neighbours() -> None:
    text = (
        "CIS heads of government to meet\nMONDAY, 23 NOVEMBER 2026\nThe meeting will be held.\n"
        "CSTO Secretary General visits Dushanbe\nFriday, 26 November\n"
        "The Secretary General held talks in Dushanbe.\n"
        "CSTO Parliamentary Assembly session held\n25.11.2021\nThe session was held.\n"
        "Сессия Совета коллективной безопасности\n24 ноября\n"
        "23 ноября в Ереване состоялась сессия Совета.\n"
        "Встреча в Ереване\n22.11.2021\nСостоялась встреча.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == [
        "2026-11-23", "2021-11-26", "2021-11-25", "2021-11-23", "2021-11-22"
    ]
    assert items[0].places == ()  # a weekday is not a place


def test_page_furniture_copied_with_an_item_is_neither_text_nor_title() -> None:
    text = (
        "Home / Press center / News\n\n"
        "Secretary General holds talks in Yerevan\n09 December 2026 | 14:20\n"
        "The Secretary General held talks in Yerevan.\nThe parties exchanged views.\n"
        "Share:\nFacebook Telegram VK\nViews: 214\n\n"
        "PRESS RELEASE\nCentre trains young diplomats\n"
        "Ashgabat, 7 December 2026 – The Centre concluded a two-day workshop.\n"
        '"Preventive diplomacy starts with people," the Head said.\n'
        "Contacts:\nPublic Information Office\nTel.: +993 12 48 16 12\nE-mail: pio@example.org\n\n"
        "Chairperson visits Kyrgyzstan\nBISHKEK, 25 November 2026\n"
        "The Chairperson met today with the President.\n"
        "Related Stories\nProgramme Office supports border management training\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, i.body[-1][:20]) for i in items] == [
        ("Secretary General holds talks in Yerevan", "2026-12-09", "The parties exchange"),
        ("Centre trains young diplomats", "2026-12-07", '"Preventive diplomac'),
        ("Chairperson visits Kyrgyzstan", "2026-11-25", "The Chairperson met "),
    ]


def test_a_subtitle_under_a_headline_joins_it() -> None:
    text = (
        '"We measure success by the crises that did not happen"\n'
        "Interview of the Deputy Secretary General to the newspaper Izvestia\n"
        "5 December 2026\n— How would you assess the year?\n— The year was intense.\n\n"
        "Дата публикации: 25.11.2026 16:05\nКазахстан и ОДКБ обсудили противодействие наркотикам\n"
        "Астана, 25 ноября 2026 г. – Заместитель министра принял делегацию.\n"
        "Стороны обсудили проведение операции.\n"
    )
    items = parse_text(text, "x")
    assert [(i.kind, i.date, len(i.body)) for i in items] == [
        ("interview", "2026-12-05", 2), ("news", "2026-11-25", 2)
    ]
    assert items[0].title.endswith("to the newspaper Izvestia")
    assert items[1].title == "Казахстан и ОДКБ обсудили противодействие наркотикам"


def test_a_weekday_dates_an_untitled_or_undated_lead() -> None:
    text = (
        "Meeting in Moscow\n3 December 2026\nThe meeting was held.\n"
        "Experts meet on biological security\n"
        "Experts met in Minsk on Wednesday, 18 November, to discuss a joint system.\n"
        "Во вторник, 17 ноября, в Ереване состоялись консультации.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2026-12-03", "2026-11-18", "2026-11-17"]


def test_an_undated_item_takes_the_day_its_text_says_the_event_was_held() -> None:
    text = (
        "Meeting in Moscow\n3 December 2026\nThe meeting was held.\n\n"
        "В заседании Совета приняли участие министры обороны: Виктор Хренин (Беларусь).\n"
        "Заседание прошло 24 ноября в Москве.\n\n"
        "Council of Ministers meets\nThe Ministers approved the plan.\n"
        "The previous meeting of the Council was held on 14 May 2026 in Minsk.\n\n"
        "Meeting in Minsk\n20.11.2026\nThe meeting was held.\n"
    )
    items = parse_text(text, "x")
    # an earlier event the item recalls does not date it
    assert [i.date for i in items] == ["2026-12-03", "2026-11-24", None, "2026-11-20"]


def test_a_contact_block_ends_before_the_next_items_title() -> None:
    text = (
        "Centre trains young diplomats\n7 December 2026\nThe Centre held a workshop.\n"
        "Media contacts:\nAnna Ivanova, press officer\n+7 495 123 45 67\n"
        "Secretary General visits Minsk\nThe Secretary General held talks in Minsk.\n"
        "ОДКБ / ШОС / СНГ: встреча генеральных секретарей\n5 декабря 2026\n"
        "Генеральные секретари провели встречу.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1]) for i in items] == [
        ("Centre trains young diplomats", "The Centre held a workshop."),
        ("Secretary General visits Minsk", "The Secretary General held talks in Minsk."),
        ("ОДКБ / ШОС / СНГ: встреча генеральных секретарей",
         "Генеральные секретари провели встречу."),
    ]


def test_a_yearless_date_in_a_dump_out_of_order_takes_the_year_its_neighbours_share() -> None:
    items = parse_text(
        "On 28 November 2025, the Council met.\n"
        "On 3 March this year, the Committee met.\n"
        "On 11 April 2025, the Board met.\n"
        "On 14 January 2025, the Assembly met.\n",
        "x",
    )
    assert [i.date for i in items] == ["2025-11-28", "2025-03-03", "2025-04-11", "2025-01-14"]


def test_pages_copied_with_a_blank_line_after_every_paragraph_keep_their_items_whole() -> None:
    text = (
        "В Минске обсудили подготовку учения\n\n12.02.2025 10:45\n\n"
        "12 февраля в Минске состоялось рабочее совещание.\n\n"
        "Участники уточнили сроки учения.\n\n"
        "Председатель ОБСЕ посетила Бишкек\n\n"
        "Бишкек, 3 марта 2025 г. – Действующий председатель ОБСЕ провела переговоры.\n\n"
        "Стороны обсудили управление границами.\n"
        "Заявление МИД\n2 апреля 2025 года\nМИД приветствует вступление Договора в силу.\n"
        "Встреча с Послом\n10 июля 2025\nСтороны обсудили ход реализации решений.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, len(i.body)) for i in items] == [
        ("В Минске обсудили подготовку учения", "2025-02-12", 2),
        ("Председатель ОБСЕ посетила Бишкек", "2025-03-03", 2),
        ("Заявление МИД", "2025-04-02", 1),
        ("Встреча с Послом", "2025-07-10", 1),
    ]


def test_a_quotation_paragraph_is_not_the_next_items_title() -> None:
    text = (
        "Chairperson concludes visit to Central Asia\n6 February 2025\n"
        "The Chairperson concluded her visit today.\n"
        "“Central Asia is at the heart of the OSCE,” said Lehtinen. “Our offices show it.”\n"
        "The Chairperson was accompanied by the Head of the Office.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1 and len(items[0].body) == 3


def test_release_numbers_and_notes_between_a_title_and_its_date_line_do_not_part_them() -> None:
    text = (
        "Security Council Press Statement on Attack against Peacekeepers\n"
        "14 March 2025 | SC/16012\nThe members of the Security Council condemned the attack.\n"
        "* *** *\n"
        "Regional Organizations Indispensable Partners, Secretary-General Tells Council\n"
        "SG/SM/22541\n21 January 2025\nFollowing are the Secretary-General's remarks:\n"
        "Press release No. 47/2025\n27 May 2025\nCIS Council of Defence Ministers meets\n"
        "The regular meeting of the Council was held in Moscow.\n"
        "Statement by the Permanent Representative at the Permanent Council\n"
        "Check against delivery\nVienna, 6 March 2025\nMr. Chairperson,\n"
        "I thank you, Mr. Chairperson.\n"
        "Moscow, 25 March 2025. The Deputy Secretary General took part in a conference.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:25], i.date, i.body[0][:15]) for i in items] == [
        ("Security Council Press St", "2025-03-14", "The members of "),
        ("Regional Organizations In", "2025-01-21", "Following are t"),
        ("CIS Council of Defence Mi", "2025-05-27", "The regular mee"),
        ("Statement by the Permanen", "2025-03-06", "Mr. Chairperson"),
        ("Moscow, 25 March 2025", "2025-03-25", "Moscow, 25 Marc"),
    ]


def test_photo_counters_tags_and_view_counts_are_page_furniture() -> None:
    text = (
        "Exercise ends in Belarus\nFriday, 12 September 2025\n"
        "The active phase of the exercise was completed.\nPhoto 1 of 12\n"
        "The exercise was observed by the Chief of the Joint Staff.\nФото 3 из 12\n"
        "Tags: CSTO, exercise\nViews: 1 284\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].body == (
        "The active phase of the exercise was completed.",
        "The exercise was observed by the Chief of the Joint Staff.",
    )


def test_a_source_line_ends_its_item_and_a_by_line_may_stand_above_the_date_line() -> None:
    text = (
        "Belarus and Kyrgyzstan to hold consultations\n12.03.2025 14:35\n"
        "MINSK, 12 March (BelTA) – The Deputy Foreign Minister will hold consultations.\n"
        "Source: BelTA\n"
        "Published on 18 February 2025\nInterview of the Chairman to Rossiyskaya Gazeta\n"
        "RG: What will be the main topics?\nThank you for the interview.\n"
        "Kazakhstan, Mongolia sign agreement on military education\nBy our correspondent\n"
        "Ulaanbaatar, 2 June 2025\n"
        "Minister of Defence of Kazakhstan Ruslan Zhaksylykov signed an agreement.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date, i.body[-1][:12]) for i in items] == [
        ("Belarus and Kyrgyzst", "2025-03-12", "Source: BelT"),
        ("Interview of the Cha", "2025-02-18", "Thank you fo"),
        ("Kazakhstan, Mongolia", "2025-06-02", "Minister of "),
    ]


def test_a_contact_block_may_name_its_office_in_several_lines_above_the_phone() -> None:
    text = (
        "Chairperson concludes visit\n6 February 2025\nThe Chairperson concluded her visit.\n"
        "For further information contact:\nPress and Public Information Section\n"
        "OSCE Secretariat\nWallnerstrasse 6, 1010 Vienna, Austria\n"
        "Office: +43 1 514 36 6267\npress@osce.org\n"
        "Council Press Statement on the Attack\n14 March 2025\nThe members condemned it.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body) for i in items] == [
        ("Chairperson concludes visit", ("The Chairperson concluded her visit.",)),
        ("Council Press Statement on the Attack", ("The members condemned it.",)),
    ]


def test_a_title_parted_from_its_item_by_a_blank_line_stays_its_title() -> None:
    text = (
        "On 1 March 2025, the Council met in Minsk.\nThe sides discussed plans.\n\n"
        "Secretary General visits Dushanbe\n\n"
        "3 March 2025\nThe Secretary General held talks in Dushanbe.\nThe talks were good.\n\n"
        "Statement of the Ministry\nAstana, 4 March 2025\nThe Ministry welcomes the decision.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, len(i.body)) for i in items] == [
        ("The Council met in Minsk", "2025-03-01", 2),
        ("Secretary General visits Dushanbe", "2025-03-03", 2),
        ("Statement of the Ministry", "2025-03-04", 1),
    ]


def test_a_page_copied_with_blank_lines_inside_a_dump_without_them_keeps_its_paragraphs() -> None:
    """One page copied with a blank line after every paragraph, in a dump whose items
    follow each other line by line: its blank lines part paragraphs, not items, and the
    items around it still split."""
    text = (
        "On 12 March 2026, the Secretary General received the Ambassador of Kyrgyzstan.\n"
        "Secretary-General holds talks in Beijing  \n\n"
        "Beijing, 17 April 2026  \n\n"
        "On 17 April, the Secretary-General met with the Vice Minister.  \n\n"
        "The sides exchanged views on the summit.  \n\n"
        "The Vice Minister reaffirmed China's support.  \n\n"
        "Statement by the Secretary General\n21.08.2026\n"
        "The Secretariat is following the reports with concern.\n"
        "We call on all parties to exercise restraint.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, len(i.body)) for i in items] == [
        ("The Secretary General received the Ambassador of Kyrgyzstan", "2026-03-12", 1),
        ("Secretary-General holds talks in Beijing", "2026-04-17", 3),
        ("Statement by the Secretary General", "2026-08-21", 2),
    ]


def test_photo_credits_wire_credits_un_footers_and_long_contact_blocks_are_page_furniture() -> None:
    text = (
        "Talks at the Secretariat\n17 April 2026\n"
        "The Secretary-General met with the Vice Minister.\n"
        "Photo: SCO Secretariat press service\n"
        "Security Council Press Statement on Bamako\nSC/16288\n18 March 2026\n"
        "The members of the Security Council condemned the attack.\n"
        "* *** *\nFor information media. Not an official record.\n"
        "Kazakhstan says summit to focus on corridors\nUpdated 14 May 2026, 09:12 GMT\n"
        "ASTANA, May 14 (Reuters) - The Foreign Minister said the summit would focus"
        " on corridors.\n"
        "(Reporting by Olzhas Auyezov; Editing by Mark Heinrich)\n"
        "Related coverage\nKazakhstan, Uzbekistan sign water deal\n"
        "Representative visits Kyrgyzstan\nBISHKEK, 3 November 2026 – The Representative "
        "concluded a visit.\n"
        "For further information contact:\nCommunication and Media Relations Section\n"
        "OSCE Secretariat\nWallnerstrasse 6\n1010 Vienna, Austria\npress@osce.org\n"
        "Министры обороны встретились в Минске\n25.08.2026 11:20\n"
        "25 августа в Минске состоялось заседание Совета министров обороны.\n"
        "Фото: Иван Козлов, Минобороны Беларуси\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.body[-1][:25]) for i in items] == [
        ("2026-04-17", "The Secretary-General met"),
        ("2026-03-18", "The members of the Securi"),
        ("2026-05-14", "The Foreign Minister said"),
        ("2026-11-03", "BISHKEK, 3 November 2026 "),
        ("2026-08-25", "25 августа в Минске состо"),
    ]
    assert all(p.name != "Иван Козлов" for p in items[-1].participants)


def test_a_briefing_keeps_its_topic_headings_and_is_one_voice() -> None:
    text = (
        "Briefing by Foreign Ministry Spokesperson Irina Volkova\nMoscow, June 3, 2026 15:30\n"
        "On the Foreign Minister's upcoming participation in the CIS Council of Foreign Ministers\n"
        "On June 10, the Foreign Minister will take part in the meeting in Dushanbe.\n"
        "Answers to media questions:\n"
        "Question: How does Moscow assess the results?\nAnswer: We regret the outcome.\n"
        "14.01.2026 - Press release\nBelarus and Uzbekistan to hold consultations\n"
        "Political consultations will be held in Minsk on 15-16 January.\n"
        "АСТАНА, 14 мая. /Казинформ/. Министр провел встречу с директором.\n"
        "Читайте также:\nКазахстан и Узбекистан подписали соглашение по воде\n"
        "Брифинг официального представителя МИД России И.А.Волковой, Москва, 3 июня 2026 года\n"
        "О предстоящем участии Министра в заседании СМИД СНГ\n"
        "10 июня Министр иностранных дел России примет участие в заседании.\n"
        "Вопрос: Как в Москве оценивают итоги СМИД ОБСЕ?\nОтвет: Сожалеем.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:12], i.date, i.kind, len(i.body)) for i in items] == [
        ("Briefing by ", "2026-06-03", "speech", 5),
        ("Belarus and ", "2026-01-14", "news", 1),
        ("Министр пров", "2026-05-14", "news", 1),
        ("Брифинг офиц", "2026-06-03", "speech", 4),
    ]


def test_a_headline_ending_with_a_full_stop_above_a_date_line_is_a_title() -> None:
    text = (
        "Глава МИД Армении провел встречу с Генеральным секретарем ОБСЕ\n"
        "Вена, 18 февраля 2026 года\n"
        "Министр встретился с Генеральным секретарем ОБСЕ.\n"
        "Собеседники обсудили вопросы региональной безопасности.\n"
        "Главы делегаций Беларуси и Казахстана обсудили в Москве вопросы сотрудничества. \n"
        "04.03.2026\n4 марта в Москве министры провели переговоры.\n"
        "The sides discussed cooperation.\n31.10.2026\nDear participants,\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:22], i.date, len(i.body)) for i in items] == [
        ("Глава МИД Армении пров", "2026-02-18", 2),
        ("Главы делегаций Белару", "2026-03-04", 2),
        ("Dear participants,", "2026-10-31", 1),
    ]


def test_a_news_titled_page_of_questions_and_answers_is_an_interview() -> None:
    text = (
        'UN envoy: "Dialogue on water is the best investment"\n4 December 2026\n'
        "UN News spoke to the Special Representative ahead of the conference.\n"
        "UN News: What are the main risks?\nLidia Morozan: Climate change.\n"
        "UN News: What can the UN do?\nLidia Morozan: Bring the countries together.\n"
        "Council meets in Minsk\n5 December 2026\nThe Council met: it adopted the plan.\n"
        "The next meeting: in May.\nMinisters: all present.\nDocuments: signed.\n"
    )
    assert [i.kind for i in parse_text(text, "x")] == ["interview", "news"]


def test_a_listing_pasted_in_one_piece_after_blank_separated_items_still_splits() -> None:
    """A dump whose first items are parted by blank lines, then a whole page pasted line
    by line: inside that page the items still split where a reader sees them start (a
    dated lead after a speech's closing words, a titled item after a titled one)."""
    text = (
        "12.02.2025\nSecretary General meets the Ambassador\n"
        "On 12 February, the Secretary General met with the Ambassador.\n\n"
        "10.02.2025\nDeputy Secretary General visits Minsk\n"
        "On 10 February, the Deputy Secretary General took part in a conference.\n\n"
        "Speech by the Secretary General at the Committee\nCholpon-Ata, 18 June 2025\n"
        "Dear colleagues!\nI would like to thank the Kyrgyz side.\n"
        "Thank you for your attention.\n"
        "On 18 June 2025, on the sidelines of the meeting, the Secretary General met with"
        " the Secretary of the Security Council.\n"
        "Statement of the Secretariat on the anniversary\n15.05.2026\n"
        "The Secretariat reaffirms its commitment.\n"
        "UN Special Representative briefs the Secretary General\n"
        "On 19 January 2026, the Secretary General received the Special Representative.\n"
        "On 21 January 2026, a meeting of the Working Group was held at the Secretariat.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.body[-1][:20]) for i in items] == [
        ("2025-02-12", "On 12 February, the "),
        ("2025-02-10", "On 10 February, the "),
        ("2025-06-18", "Thank you for your a"),
        ("2025-06-18", "On 18 June 2025, on "),
        ("2026-05-15", "The Secretariat reaf"),
        ("2026-01-19", "On 19 January 2026, "),
        ("2026-01-21", "On 21 January 2026, "),
    ]


def test_a_wire_story_under_a_speech_keeps_its_head_and_drops_its_credits() -> None:
    """A wire story's reporter line, time stamp ("9:14 AM GMT+3 Updated 3 hours ago") and
    credits are the page's, not text; nor are "Related: ...", the way back to the list, a
    menu row or the site's footer."""
    text = (
        "Home | About | Press Center | Contacts\nPress Center / News\n"
        "Kyrgyzstan to host drills in September, minister says\nBy Olga Dzyubenko\n"
        "July 2, 2025 9:14 AM GMT+3 Updated 3 hours ago\n"
        "BISHKEK, July 2 (Reuters) - Kyrgyzstan will host exercises in September.\n"
        "Armenia will not send troops.\n"
        "Reporting by Olga Dzyubenko; Editing by Mark Trevelyan\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
        "Chairperson visits Astana\nBy Olzhas Auyezov and Mariya Gordeyeva\n"
        "Astana, 23 April 2025, 16:40\n"
        "The Chairperson visited Astana.\nRelated: OSCE Programme Office in Astana\n"
        "Back to news list\nSubscribe to news\n© 2025 Collective Security Treaty Organization\n"
        "Консультации в Минске\nМинск, 28 января 2026 г.\nДипломаты провели консультации.\n"
        "Вернуться к списку новостей\nВсе новости\nНазад\nПодписаться на рассылку\n"
        "© 2026 ОДКБ\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.body) for i in items] == [
        ("2025-07-02", (
            "Kyrgyzstan will host exercises in September.", "Armenia will not send troops.",
        )),
        ("2025-04-23", ("The Chairperson visited Astana.",)),
        ("2026-01-28", ("Дипломаты провели консультации.",)),
    ]
    assert items[0].participants == ()


def test_an_opening_date_long_before_the_date_line_is_history_not_the_event() -> None:
    text = (
        "Statement of the Secretariat on the anniversary of the Treaty\n15.05.2026\n"
        "On 15 May 1992, the Treaty was signed in Tashkent.\n"
        "The Secretariat reaffirms its commitment.\n"
        "From 28 to 30 May, the Forum met in Minsk\n30.05.2025\n"
        "From 28 to 30 May, the Forum of Young Diplomats met in Minsk.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2026-05-15", "2025-05-28"]


def test_t_g_is_this_year_and_takes_the_year_of_the_date_line() -> None:
    text = (
        "Заседание Рабочей группы\n22.01.2026\n"
        "21 января т.г. в Секретариате состоялось заседание Рабочей группы.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2026-01-21"]


def test_a_listing_with_date_lines_above_titles_pasted_in_one_piece_splits() -> None:
    text = (
        "Statement of the Ministry\nAstana, 4 March 2025\nThe Ministry welcomes the decision.\n\n"
        "12.02.2025\nSecretary General meets the Ambassador\n"
        "The Secretary General met with the Ambassador.\nThe sides discussed cooperation.\n"
        "10.02.2025\nDeputy Secretary General visits Minsk\n"
        "The Deputy Secretary General took part in a conference.\n"
        "On 9 February 2025, the Secretary General received the Special Representative.\n"
    )
    assert [(i.date, len(i.body)) for i in parse_text(text, "x")] == [
        ("2025-03-04", 1), ("2025-02-12", 2), ("2025-02-10", 1), ("2025-02-09", 1),
    ]


def test_an_untitled_wire_story_with_a_place_in_capitals_starts_its_own_item() -> None:
    text = (
        "Statement by the Ministry of Foreign Affairs\n8 August 2025\n"
        "The Ministry reaffirms its commitment to peace.\n"
        "BISHKEK (AKIpress) - The Chairman of the Cabinet met the Board Chairman on Monday, "
        "9 June 2025.\nThe parties discussed the digital agenda.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, len(i.body)) for i in items] == [("2025-08-08", 1), ("2025-06-09", 2)]
    assert items[1].body[0].startswith("The Chairman of the Cabinet")


def test_a_label_or_relative_date_above_the_next_title_is_not_the_last_paragraph() -> None:
    text = (
        "Ministers meet in Bishkek\n4 March 2025\nThe ministers met in Bishkek.\n"
        "FOR IMMEDIATE RELEASE\nBank and Ministry sign an agreement\n"
        "Dushanbe, 12 June 2025 — The Bank and the Ministry signed an agreement.\n"
        "Сообщение для СМИ № 123\nО встрече заместителя Министра\n5 марта 2025 года\n"
        "Состоялась встреча.\n"
        "Вчера, 16:40\nГлава МИД встретился с послом\nМинистр принял посла.\n"
        "3 дня назад\nДелегация посетила Ош\nДелегация провела встречу.\n"
        "2 days ago\nThe delegation visits Osh\nThe delegation held a meeting.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1]) for i in items] == [
        ("Ministers meet in Bishkek", "The ministers met in Bishkek."),
        ("Bank and Ministry sign an agreement",
         "Dushanbe, 12 June 2025 — The Bank and the Ministry signed an agreement."),
        ("О встрече заместителя Министра", "Состоялась встреча."),
        ("Глава МИД встретился с послом", "Министр принял посла."),
        ("Делегация посетила Ош", "Делегация провела встречу."),
        ("The delegation visits Osh", "The delegation held a meeting."),
    ]


def test_a_channel_posts_emoji_title_and_place_line_head_the_post() -> None:
    text = (
        "Senate Speaker meets Belarusian counterpart\n15 April 2025\n"
        "The Speaker met the Chairperson.\n"
        "📢 CSTO Secretary General visits Dushanbe\n"
        "🇹🇯 On 15 April, the Secretary General held talks in Dushanbe.\n"
        "🔥 Состоялось заседание Совета ПА ОДКБ\n📍 Санкт-Петербург, Таврический дворец\n"
        "Председатель Совета провел заседание.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1][:12]) for i in items] == [
        ("Senate Speaker meets Belarusian counterpart", "The Speaker "),
        ("CSTO Secretary General visits Dushanbe", "🇹🇯 On 15 Apr"),
        ("Состоялось заседание Совета ПА ОДКБ", "Председатель"),
    ]


def test_numbered_section_headings_stay_inside_their_speech() -> None:
    text = (
        "Statement by the Head of Office at the Border Management Conference\n"
        "Dushanbe, 22 October 2025\n1. Introduction\n"
        "Excellencies, it is an honour to open this conference.\n2. The way forward\n"
        "We will keep working together.\n"
        "Выступление Председателя Совета Республики на заседании Ассамблеи\n"
        "Санкт-Петербург, 15 мая 2025 года\nУважаемые коллеги!\nI. О ВИКТОРИИ И ПАМЯТИ\n"
        "В этом году мы отмечаем 80-летие Великой Победы.\nII. О СОТРУДНИЧЕСТВЕ\n"
        "Беларусь предлагает разработать модельный кодекс.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, len(i.body)) for i in items] == [("2025-10-22", 4), ("2025-05-15", 5)]
    assert items[1].body[1] == "I. О ВИКТОРИИ И ПАМЯТИ"


def test_a_quoted_headline_over_a_subtitle_and_by_line_heads_the_next_interview() -> None:
    text = (
        "Statement by the Head of Office\nDushanbe, 22 October 2025\n"
        "We will keep working together.\n"
        '"SECURITY CANNOT BE BOUGHT ON CREDIT"\n'
        "Chief of the General Staff Yerlan Tulegenov on the CSTO and drones\n"
        "Interviewed by Dmitry Zhuravlev, Izvestia\n17 October 2025\n"
        "Izvestia: General, what is the main lesson?\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.body[-1]) for i in items] == [
        ("2025-10-22", "We will keep working together."),
        ("2025-10-17", "Izvestia: General, what is the main lesson?"),
    ]
    assert items[1].title.startswith('"SECURITY CANNOT BE BOUGHT ON CREDIT" Chief of')


def test_a_list_heading_and_a_contact_block_after_an_end_mark_are_page_furniture() -> None:
    text = (
        "Latest news\nBank and Ministry sign an agreement\n12 June 2025\n"
        "The Bank and the Ministry signed an agreement.\n###\nContacts:\nAigerim Sadykova\n"
        "Head of Media Relations, EDB\n+7 727 244 40 44\npressa@eabr.org\n"
        "Why Central Asia needs a regional water compact\n"
        "By Ambassador Rustam Khamidov, Permanent Representative of Uzbekistan to the UN\n"
        "Published: 18 September 2025\nWater is the most precious resource of our region.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, i.body[-1]) for i in items] == [
        ("Bank and Ministry sign an agreement", "2025-06-12",
         "The Bank and the Ministry signed an agreement."),
        ("Why Central Asia needs a regional water compact", "2025-09-18",
         "Water is the most precious resource of our region."),
    ]


def test_the_post_under_the_last_name_of_a_participants_list_stays_in_the_list() -> None:
    text = (
        "Состоялось заседание Комитета секретарей\n4 марта 2025\n"
        "В заседании приняли участие:\nГеворг Акопян\n"
        "Секретарь Совета безопасности Республики Армения\nМарат Иманкулов\n"
        "Секретарь Совета безопасности Кыргызской Республики\n"
        "Участники обсудили проект Стратегии коллективной безопасности.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].body[-2:] == (
        "Секретарь Совета безопасности Кыргызской Республики",
        "Участники обсудили проект Стратегии коллективной безопасности.",
    )


def test_a_posts_view_count_and_time_below_it_date_that_post_not_the_next() -> None:
    text = (
        "🔥 Состоялось заседание Совета ПА ОДКБ\n"
        "Председатель Совета провел заседание.\n#ПАОДКБ #Володин\n👁 3,4K 27.11.2025 17:05\n"
        "В МПА СНГ обсудили гармонизацию законодательства\n"
        "Генеральный секретарь провел рабочую встречу.\n12 февраля 2026\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date) for i in items] == [
        ("Состоялось заседание Совета ПА ОДКБ", "2025-11-27"),
        ("В МПА СНГ обсудили гармонизацию законодательства", "2026-02-12"),
    ]
