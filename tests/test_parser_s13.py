"""Press-text parsing rules found on the thirteenth blind set: site furniture of news
agencies, channel posts, feed exports, and dates a page gives in part."""

from __future__ import annotations

from store.ingest.parser import parse_text
from store.ingest.participants import find_participants


def test_a_footer_line_ends_the_item_and_the_next_paragraph_starts_another() -> None:
    text = (
        "Minister visits the border post\n3 March 2025\n"
        "The Minister of Defence visited the border post on Monday.\n"
        "He inspected the new equipment.\n"
        "Views: 1 204\nPrint\n"
        "Dear colleagues!\nI am glad to open our meeting in Minsk.\n"
        "Our work this year was fruitful.\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1][:20] for i in items] == ["He inspected the new", "Our work this year w"]
    assert items[1].body[0] == "Dear colleagues!"


def test_a_line_naming_only_a_news_agency_is_neither_title_nor_text() -> None:
    text = (
        "Foreign ministers meet in Astana\n12 May 2025\n"
        "The foreign ministers of Kazakhstan and Kyrgyzstan met in Astana.\n"
        "They discussed transit.\n"
        "📰 Sputnik Kyrgyzstan\n"
        "Border talks resume in Batken\n14 May 2025\n"
        "The delegations resumed talks in Batken.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1]) for i in items] == [
        ("Foreign ministers meet in Astana", "They discussed transit."),
        ("Border talks resume in Batken", "The delegations resumed talks in Batken."),
    ]


def test_hashtags_links_comment_counts_and_channel_invitations_are_furniture() -> None:
    text = (
        "Drills end in Tajikistan\n20 June 2025\n"
        "Link: https://example.org/news/123\n"
        "The joint drills ended at the Harbmaidon range.\n"
        "#CSTO #drills\n"
        "Subscribe to our channel on Telegram\n"
        "Comments (4)\n"
    )
    [item] = parse_text(text, "x")
    assert item.body == ("The joint drills ended at the Harbmaidon range.",)


def test_a_press_service_credit_under_a_speech_is_not_its_text() -> None:
    text = (
        "Выступление Министра на заседании Совета\nМосква, 3 июня 2025 года\n"
        "Уважаемые коллеги!\nМы подготовили проект решения.\nБлагодарю за внимание.\n"
        "Пресс-служба Президента Республики Беларусь\n"
    )
    [item] = parse_text(text, "x")
    assert item.body[-1] == "Благодарю за внимание."


def test_a_channel_posts_paragraphs_between_blank_lines_are_one_post() -> None:
    text = (
        "Ministers meet in Minsk\n4 April 2025\nThe ministers met in Minsk.\n"
        "Tags: CSTO, Belarus\n\n"
        "🔥 Today the staff training ended at the range near Brest.\n\n"
        "The commander thanked the crews for their work.\n\n"
        "#CSTO #training\n👁 2.1K 18:02\n"
        "Summit opens in Astana\n5 April 2025\nThe summit opened in Astana.\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1][:24] for i in items] == [
        "The ministers met in Min", "The commander thanked th", "The summit opened in Ast",
    ]


def test_tags_listed_a_line_each_under_their_heading_are_furniture() -> None:
    text = (
        "Secretaries meet in Moscow\nMOSCOW, April 3. /TASS/. The secretaries met in Moscow.\n"
        "They discussed security.\nTags\nShoigu\nKazakhstan\n"
        "Ministers meet in Minsk\n7 April 2025\nThe ministers met in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == ["Secretaries meet in Moscow", "Ministers meet in Minsk"]
    assert items[0].body[-1] == "They discussed security."


def test_related_headlines_with_their_dates_in_brackets_are_not_items() -> None:
    text = (
        "Leader receives delegation\n4 February 2025\nThe President received a delegation.\n"
        "Related news:\n"
        "Tajikistan and Uzbekistan expand cooperation in energy (05.02.2025)\n"
        "Capital hosts meeting of border troops commanders (07.02.2025)\n"
    )
    [item] = parse_text(text, "x")
    assert item.body == ("The President received a delegation.",)


def test_a_slashed_date_that_reads_only_month_first_is_read_so() -> None:
    text = "Leaders talk by phone\n02/16/2026\nThe presidents talked by phone.\n"
    [item] = parse_text(text, "x")
    assert item.date == "2026-02-16"


def test_a_feed_entrys_fields_are_not_its_text() -> None:
    text = (
        "Ministers discuss demining\nPublished: Tue, 11 Jun 2024 09:12:44 +0400\n"
        "Link: https://example.org/en/article/1\nSource: Example News\n"
        "YEREVAN, JUNE 11. The Minister received the Secretary General.\n"
        "Border talks held in Batken\nPublished: Wed, 12 Jun 2024 16:30:05 +0600\n"
        "Link: https://example.org/en/article/2\n"
        "The delegations held talks.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, i.body) for i in items] == [
        ("Ministers discuss demining", "2024-06-11",
         ("YEREVAN, JUNE 11. The Minister received the Secretary General.",)),
        ("Border talks held in Batken", "2024-06-12", ("The delegations held talks.",)),
    ]


def test_a_two_part_breadcrumb_from_home_is_furniture() -> None:
    text = "Home > Politics\nMinister speaks on the CSTO\n4 December 2025\nThe Minister spoke.\n"
    [item] = parse_text(text, "x")
    assert item.title == "Minister speaks on the CSTO"


def test_a_full_stamp_under_a_yearless_dateline_gives_its_year_and_ends_the_story() -> None:
    text = (
        "Ministers discuss the agenda\n"
        "MOSCOW, April 3. /TASS/. The ministers held talks in Moscow.\n"
        "They discussed the agenda.\n"
        "APR 3, 2025, 18:47 GMT+3\n"
        "Share this article: Facebook | X | Telegram\n"
        "Secretary General takes office\nThe new Secretary General took office.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date, i.body[-1]) for i in items] == [
        ("Ministers discuss the agenda", "2025-04-03", "They discussed the agenda."),
        ("Secretary General takes office", None, "The new Secretary General took office."),
    ]


def test_an_outlets_rights_line_and_a_chevron_breadcrumb_are_furniture() -> None:
    text = (
        "Главная › Пресс-центр › Новости\nСекретари встретились в Москве\n25.03.2026\n"
        "Секретари провели встречу.\nUzA. All rights reserved.\n"
    )
    [item] = parse_text(text, "x")
    assert item.title == "Секретари встретились в Москве"
    assert item.body == ("Секретари провели встречу.",)


def test_a_title_date_and_place_block_heads_the_text_after_the_blank_line() -> None:
    text = (
        "Summit held in Minsk\n27 November 2024\nThe heads of state met in Minsk.\n\n"
        "Speech by the President at the summit\n28 November 2024\nMinsk\n\n"
        "Dear heads of state!\nI welcome you to our land.\nThank you for your attention.\n\n"
        "Ministers meet in Astana\n29 November 2024\nThe ministers met.\nThey talked.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date, i.body[-1][:12]) for i in items] == [
        ("Summit held in Minsk", "2024-11-27", "The heads of"),
        ("Speech by the Presid", "2024-11-28", "Thank you fo"),
        ("Ministers meet in As", "2024-11-29", "They talked."),
    ]


def test_a_view_counter_with_pictographs_ends_the_post_before_the_next_title() -> None:
    text = (
        "⚡️ BREAKING | Minister arrives in Dushanbe\n"
        "The Minister arrived in Dushanbe on a working visit.\nStay tuned.\n"
        "#Minister #Tajikistan\n👁 21K  ✏️  22:17\n"
        "Statement by the Ministry of Foreign Affairs\n"
        "The Ministry welcomes the progress achieved.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1]) for i in items] == [
        ("BREAKING | Minister arrives in Dushanbe", "Stay tuned."),
        ("Statement by the Ministry of Foreign Affairs",
         "The Ministry welcomes the progress achieved."),
    ]


def test_a_headline_its_lead_restates_starts_an_item_glued_to_the_one_before() -> None:
    text = (
        "Президент принял Генерального секретаря\n20.01.2025\n"
        "Президент принял Генерального секретаря в Душанбе.\n"
        "Стороны обсудили подготовку к саммиту.\n"
        "Президент Узбекистана принял Министра иностранных дел России\n"
        "Глава государства 14 февраля принял Министра иностранных дел Российской Федерации.\n"
        "Были рассмотрены вопросы визита.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:26], i.body[-1]) for i in items] == [
        ("Президент принял Генеральн", "Стороны обсудили подготовку к саммиту."),
        ("Президент Узбекистана прин", "Были рассмотрены вопросы визита."),
    ]


def test_a_documents_title_after_an_items_text_starts_the_document() -> None:
    text = (
        "Министр ответил на вопросы\nДушанбе, 3 ноября 2025 года\n"
        "Вопрос: Как идет работа?\nОтвет: Работа идет по плану.\n"
        "Заявление министров иностранных дел государств – членов ОДКБ\n"
        "Министры иностранных дел отдают дань памяти погибшим.\n"
        "Бишкек, 26 ноября 2025 года\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.kind, i.date) for i in items] == [
        ("Министр ответил на в", "news", "2025-11-03"),
        ("Заявление министров ", "statement", "2025-11-26"),
    ]


def test_an_undated_posts_lead_dates_it_by_the_day_it_puts_the_event_on() -> None:
    text = (
        "Ministers meet in Minsk\n20 October 2025\nThe ministers met in Minsk.\n\n"
        "🇧🇾🇷🇺 Minister: the program will be signed\n\n"
        "The Minister said this on October 21 after talks with his counterpart.\n\n"
        "#Belarus\n👁 9.2K 14:05\n\n"
        "🇷🇺🇦🇲 22 октября Министр провел телефонный разговор с коллегой.\n\n"
        "#Russia\n👁 1.1K 10:05\n\n"
        "Президент Узбекистана принял Министра\n"
        "Шавкат Мирзиёев 23 октября с.г. принял Министра иностранных дел.\n"
        "Summit closes in Astana\n24 October 2025\nThe summit closed.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2025-10-20", "2025-10-21", "2025-10-22", "2025-10-23", "2025-10-24",
    ]


def test_a_line_saying_what_the_piece_is_under_the_date_line_joins_the_title() -> None:
    text = (
        "Секретарь: «Мы не ведем переговоров»\n18 марта 2025 года, 11:05\n"
        "Интервью Секретаря Совета безопасности агентству «Арменпресс»\n"
        "– Как вы оцените отношения?\n– Наше участие заморожено.\n"
    )
    [item] = parse_text(text, "x")
    assert item.kind == "interview" and item.date == "2025-03-18"
    assert item.body[0] == "– Как вы оцените отношения?"


def test_a_place_and_a_day_without_the_year_under_a_title_is_its_date_line() -> None:
    text = (
        "Summit opens in Astana\n1 June 2026\nThe summit opened.\n"
        "Ministers meet in Minsk\n20 July 2026\nThe ministers met.\n"
        "Statement by the Ministry on the anniversary of the Declaration\n"
        "Yerevan, the 8th of August\nThe Ministry welcomes the progress.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2026-06-01", "2026-07-20", "2026-08-08"]


def test_a_day_header_after_a_closed_post_dates_the_post_under_it() -> None:
    text = (
        "Secretaries meet\n3 апреля 2025\nThe secretaries met.\nViews: 120\n"
        "15 мая\n📍 Сегодня в Таврическом дворце прошла встреча делегаций.\n"
        "#ПА\n👁 1,2K 12:40\n"
        "Премьеры встретились\n3 июня 2025\nПремьеры провели встречу.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2025-04-03", "2025-05-15", "2025-06-03"]


def test_a_full_stamp_under_a_story_with_a_yearless_lead_dates_and_ends_it() -> None:
    text = (
        "Minister on the alliance\n"
        "YEREVAN, DECEMBER 4, ARMENPRESS. The Minister spoke at a press conference.\n"
        "He answered questions.\n"
        "04.12.2025, 16:10\n"
        "Interview\n"
        "How the Secretariat prepares for next year\n"
        "Q: How has the Secretariat changed?\nA: We strengthened it.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date) for i in items] == [
        ("Minister on the alli", "2025-12-04"), ("How the Secretariat ", None),
    ]


def test_questions_under_a_papers_quoted_name_make_an_interview() -> None:
    text = (
        "СЕКРЕТАРЬ: «МЫ НИКОМУ НЕ УГРОЖАЕМ»\nОпубликовано: 24.05.2024\n"
        "«СБ»: Чего вы ждете от председательства?\nИ.Т.: Насыщенной программы.\n"
        "«СБ»: Вы согласны, что это блок?\nИ.Т.: Нет.\n"
    )
    [item] = parse_text(text, "x")
    assert item.kind == "interview"


def test_an_excerpts_bracketed_source_note_gives_its_kind_and_date() -> None:
    text = (
        "Ministers meet\n2 February 2026\nThe ministers met.\nViews: 12\n"
        "Dear colleagues!\nI am pleased to welcome you.\nWe must work together.\n"
        "(From the opening speech of the Chairman of the Council, 3 February 2026)\n"
    )
    items = parse_text(text, "x")
    assert [(i.kind, i.date) for i in items] == [("news", "2026-02-02"), ("speech", "2026-02-03")]


def test_hyphenated_initials_belong_to_the_name() -> None:
    [person] = find_participants(["Выступление Президента К.-Ж.Токаева на заседании Совета"])
    assert person.name == "К.-Ж.Токаева"


def test_an_address_by_name_and_patronymic_is_the_dumps_recurring_figure_of_that_name() -> None:
    text = (
        "Secretary General visits Minsk\n19 April 2024\n"
        "CSTO Secretary General Imangali Tasmagambetov arrived in Minsk.\n\n"
        "Leader receives delegation\n4 February 2025\n"
        "The President received a delegation led by Imangali Tasmagambetov.\n\n"
        "Drills observed\n5 February 2025\n"
        "The drills were observed by Andrei Serdyukov.\n\n"
        "Speech by the President at the session\n28 November 2024\n"
        "Dear Imangali Nurgalievich! Dear Andrei Romanovich!\nI welcome you to Minsk.\n"
    )
    speech = parse_text(text, "x")[-1]
    assert [p.name for p in speech.participants] == [
        "Imangali Tasmagambetov", "Andrei Romanovich",
    ]


def test_the_speaker_a_headline_in_capitals_quotes_is_a_participant() -> None:
    text = (
        "ИВАН ПЕТРОВ: «МЫ НИКОМУ НЕ УГРОЖАЕМ»\nОпубликовано: 24.05.2024\n"
        "«СБ»: Иван Сергеевич, чего вы ждете?\nИ.П.: Насыщенной программы.\n"
    )
    [item] = parse_text(text, "x")
    assert [p.name for p in item.participants] == ["Иван Петров"]


def test_a_headline_quoting_its_speaker_heads_the_subtitle_and_date_under_it() -> None:
    text = (
        "ИВАН ПЕТРОВ: «МЫ НИКОМУ НЕ УГРОЖАЕМ»\n"
        "Министр ответил на вопросы газеты\nОпубликовано: 24.05.2024\n"
        "«СБ»: Иван Сергеевич, чего вы ждете?\nИ.П.: Насыщенной программы.\n"
    )
    [item] = parse_text(text, "x")
    assert item.date == "2024-05-24"
    assert item.title.startswith("ИВАН ПЕТРОВ") and item.title.endswith("газеты")


def test_a_post_opening_with_an_emoji_after_a_blank_line_is_not_the_text_above() -> None:
    text = (
        "Statement of the ministers\nThe ministers honour the memory of the fallen.\n"
        "Bishkek, 26 November 2025\n\n"
        "🔥 Colleagues, today the final stage of the staff training was held at the range.\n\n"
        "More in the next posts 👇\n\n"
        "#MoD #training\n👁 740\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1] for i in items] == ["Bishkek, 26 November 2025", "More in the next posts 👇"]
