"""Set 12's rules of press text: PDF bulletins' page breaks, e-mail newsletters, channel posts
and documents with a number that looks like a date."""

from __future__ import annotations

from store.ingest.parser import parse_text
from store.ingest.participants import find_participants


def test_a_pdf_running_head_and_its_rule_are_a_page_break_not_an_item() -> None:
    text = (
        "Speech by the Speaker at the spring session\n\n"
        "Dear friends!\n\n"
        "Our Assembly has adopted nine model laws this year.\n\n"
        "Assembly Herald No. 4 (2026)                          page 12\n"
        + "_" * 90 + "\n"
        "I propose that we meet again in the autumn.\n\n"
        "Thank you.\n\n"
        "(Minsk, 3 May 2026)\n\n"
        + "_" * 90 + "\n\n"
        "Council meets in Astana\n\n"
        "On 5 May 2026, the Council met in Astana.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Speech by the Speaker at the spring session", "Council meets in Astana"
    ]
    assert "I propose that we meet again in the autumn." in items[0].body
    assert not any("Herald" in p or "___" in p for p in items[0].body)


def test_a_page_counter_inside_a_text_is_layout_not_the_items_end() -> None:
    text = (
        "INFORMATION NOTE\n\n"
        "On the visit of the Minister to Baku\n\n"
        "1. On 4 May 2026, the Minister arrived in Baku.\n\n"
        "2. The Minister held talks with his counterpart.\n"
        "                                            Стр. 2 из 2\n"
        "3. The parties agreed to meet again.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].body[-1] == "3. The parties agreed to meet again."


def test_a_newsletter_issue_lists_its_stories_once_and_dates_the_undated_ones() -> None:
    text = (
        "------------------------------\n"
        "View this email in your browser\n"
        "TRADE WEEKLY | Issue 12 | 20 March 2026\n"
        "Board of the Commission – Press Office\n"
        "------------------------------\n\n"
        "IN THIS ISSUE\n"
        "Council approves customs rules\n"
        "\"Our markets must stay open\"\n\n"
        "Council approves customs rules\n\n"
        "On 18 March, the Council approved the new customs rules.\n\n"
        "Read more »\n\n"
        "\"Our markets must stay open\"\n\n"
        "The Minister for Trade answered our questions.\n\n"
        "– What comes next?\n– The agreement on services.\n\n"
        "------------------------------\n"
        "You are receiving this e-mail because you subscribed. Unsubscribe\n"
        "© 2026 Board of the Commission\n"
        "------------------------------\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Council approves customs rules", "\"Our markets must stay open\""
    ]
    assert [i.date for i in items] == ["2026-03-18", "2026-03-20"]
    assert items[0].body[-1] == "On 18 March, the Council approved the new customs rules."


def test_a_russian_newsletters_links_and_contents_are_not_text() -> None:
    text = (
        "Рассылка пресс-службы Ассамблеи\n"
        "==============================\n"
        "Если письмо отображается некорректно, откройте веб-версию\n\n"
        "В ЭТОМ ВЫПУСКЕ:\n"
        "1. Спикер встретился с послом Индии\n\n"
        "1. Спикер встретился с послом Индии\n\n"
        "12 мая 2026 года Председатель Ассамблеи встретился с послом Индии.\n\n"
        "Подробнее на сайте →\n\n"
        "==============================\n"
        "Вы получили это письмо, так как подписаны на рассылку. Отписаться\n"
        "© Пресс-служба Ассамблеи, 2026\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == ["1. Спикер встретился с послом Индии"]
    assert items[0].body == ("12 мая 2026 года Председатель Ассамблеи встретился с послом Индии.",)


def test_a_release_number_under_the_title_is_no_date_and_no_new_item() -> None:
    text = (
        "Remarks by the Minister at the meeting of the Council, Minsk, 14 May 2026\n\n"
        "1987-09-10-2026\n\n"
        "Colleagues,\n\n"
        "I thank our hosts for the excellent organisation of the meeting.\n\n"
        "Thank you.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].date == "2026-05-14"
    assert items[0].body[0] == "Colleagues,"


def test_a_channel_posts_view_counter_ends_the_post_and_a_bare_day_below_dates_the_next() -> None:
    text = (
        "Mission to the UN 🇺🇳\n"
        "Sep 28, 2026\n"
        "📌 Remarks by the Permanent Representative at the Security Council: \"We support the "
        "regional organizations.\"\n"
        "👁 5.1K ✏️ edited 11:02\n\n"
        "October 2\n"
        "📌 Deputy Permanent Representative at the meeting on Afghanistan: borders must be "
        "protected.\n"
        "👁 3.2K 🔁 120 16:40\n\n"
        "Oct 5, 2026\n📌 The Permanent Representative met the Secretary General.\n👁 2.0K 10:15\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 3
    assert items[0].title.startswith("📌 Remarks by the Permanent Representative")
    assert items[0].kind == "speech"
    assert [i.date for i in items] == ["2026-09-28", "2026-10-02", "2026-10-05"]
    assert not any("👁" in p or "5.1K" in p for i in items for p in i.body)


def test_a_channel_posts_last_paragraph_above_the_counter_stays_in_the_post() -> None:
    # the counter ends the post: the day under it does not make the paragraph above a title
    text = (
        "МИД 🇷🇺\n"
        "10 ноября 2026\n"
        "❗️Комментарий официального представителя МИД в связи с докладом Бюро\n"
        "Доклад вновь подтверждает политизацию этой структуры.\n"
        "Рассчитываем, что новое председательство в 2027 году вернет организацию к консенсусу.\n"
        "👁 45.2K 🔁 312 12:40\n"
        "12 ноября\n"
        "#ОДКБ Заместитель Министра провел консультации с Генеральным секретарем ОДКБ.\n"
        "👁 21.7K 16:05\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].body[-1] == (
        "Рассчитываем, что новое председательство в 2027 году вернет организацию к консенсусу."
    )
    assert items[1].body == (
        "#ОДКБ Заместитель Министра провел консультации с Генеральным секретарем ОДКБ.",
    )


def test_a_yearless_day_takes_the_year_of_a_neighbour_weeks_away_never_a_guess() -> None:
    text = (
        "Council meets in Baku\n3 March 2026\nThe Council met in Baku.\n\n"
        "Minister visits Minsk\nMarch 9\nThe Minister arrived in Minsk.\n\n"
        "Forum opens in Almaty\n12 September 2024\nThe forum opened in Almaty.\n\n"
        "Board meets\n1 May 2025\nThe Board met.\n\n"
        "Summit ends\nJune 2\nThe summit ended.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == [
        "2026-03-03", "2026-03-09", "2024-09-12", "2025-05-01", None
    ]


def test_a_pages_tag_list_is_not_the_next_items_title() -> None:
    text = (
        "Observers to be sent to the elections - Secretary General\n"
        "MOSCOW, May 4. /TASS/. The Organization is ready to send observers, its Secretary "
        "General said.\n"
        "The mission could start work two weeks before the vote.\n"
        "Tags\nCSTO\nKyrgyzstan\n\n"
        "BISHKEK (AKIpress) - The President received the Secretary General on Monday, "
        "May 4, 2026.\n"
        "AKIpress | May 4, 2026 15:40\n"
        "The President called the Organization the key to regional security.\n"
        "The Secretary General spoke about the border programme.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].body[-1] == "The mission could start work two weeks before the vote."
    assert items[1].body[-1] == "The Secretary General spoke about the border programme."
    assert items[1].date == "2026-05-04"


def test_a_transcripts_place_under_its_time_and_its_topics_are_layout() -> None:
    text = (
        "Meeting of the Council of Heads of State\n"
        "The President took part in a meeting of the Council of Heads of State.\n"
        "October 9, 2026\n14:00\nAshgabat\n"
        "The meeting was chaired by the President of Turkmenistan.\n"
        "The Council adopted a statement.\n"
        "Topics\nForeign policy\nPersons\nPutin Vladimir\nText version\n\n"
        "12 October 2026, 13:05\n"
        "Ministers meet in Minsk\n"
        "MINSK, 12 October. The ministers met in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Meeting of the Council of Heads of State", "Ministers meet in Minsk"
    ]
    assert items[0].body[-1] == "The Council adopted a statement."
    assert "Ashgabat" not in items[0].body


def test_an_interviews_closing_by_line_with_its_date_dates_the_interview() -> None:
    text = (
        "AGENCY Interview\n"
        "Chairman: \"The Union has grown\"\n\n"
        "The Chairman of the Board told the agency about the results of the year.\n\n"
        "Question: How did trade change?\nAnswer: It grew by 7 percent.\n\n"
        "Question: What comes next?\nAnswer: The common gas market.\n\n"
        "Interviewed by Anna Petrova. 29 January 2026\n\n"
        "Ministers meet in Minsk\n\nMinsk, 2 February 2026\n\nThe ministers met in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Chairman: \"The Union has grown\"", "Ministers meet in Minsk"
    ]
    assert items[0].date == "2026-01-29"
    assert items[0].kind == "interview"


def test_a_title_in_capitals_set_over_two_lines_is_one_title() -> None:
    text = (
        "DECLARATION\nOF THE COUNCIL OF HEADS OF STATE\n\n"
        "Astana, 14 October 2026\n\n"
        "We, the Heads of State, declare our commitment to the Treaty.\n\n"
        "1. We reaffirm our goals.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].title == "DECLARATION OF THE COUNCIL OF HEADS OF STATE"
    assert items[0].kind == "statement"


def test_a_title_opening_with_its_genre_is_that_kind_whatever_it_names_after() -> None:
    text = (
        "Комментарий официального представителя МИД в связи с докладом Бюро\n"
        "10 ноября 2026\n"
        "Доклад вновь подтверждает политизацию Бюро.\n"
    )
    assert parse_text(text, "x")[0].kind == "statement"


def test_a_sites_address_under_a_speech_is_its_source_not_its_last_line() -> None:
    text = (
        "Address by the President at the General Debate\n23 September 2026\n\n"
        "Dear Mr. President!\n\nWe propose a regional centre in Almaty.\n\n"
        "I thank you for your attention.\nakorda.kz\n"
    )
    items = parse_text(text, "x")
    assert items[0].body[-1] == "I thank you for your attention."


def test_a_signature_with_a_post_above_the_closing_date_is_the_statements_not_a_title() -> None:
    text = (
        "Заявление пресс-секретаря о договоре о границе\n"
        "Генеральный секретарь приветствует вступление договора в силу.\n"
        "ООН готова поддержать обе страны.\n"
        "Стефан Дюжаррик, Пресс-секретарь Генерального секретаря\n"
        "Нью-Йорк, 19 июня 2026 года\n\n"
        "Главная › Пресс-центр › Новости\n"
        "Министр иностранных дел принял участие в заседании СМИД ШОС в Тяньцзине\n"
        "Опубликовано: 15 июля 2026 14:20\n"
        "Министр принял участие в заседании Совета министров.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Заявление пресс-секретаря о договоре о границе",
        "Министр иностранных дел принял участие в заседании СМИД ШОС в Тяньцзине",
    ]
    assert "Стефан Дюжаррик, Пресс-секретарь Генерального секретаря" in items[0].body
    assert items[0].date == "2026-06-19"
    assert not any("Главная" in p for i in items for p in i.body)


def test_a_documents_signature_table_is_one_block_of_signatures() -> None:
    text = (
        "JOINT DECLARATION\nOF THE HEADS OF STATE\n\nAstana, 3 June 2026\n\n"
        "1. We reaffirm our commitment to the Treaty.\n\n"
        "2. We declare our readiness to cooperate.\n\n"
        "For the Republic of Armenia              N. Pashinyan\n"
        "For the Republic of Kazakhstan           K. Tokayev\n"
        "For the Russian Federation               V. Putin\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].body[-1].startswith("For the Republic of Armenia N. Pashinyan; For the")
    assert items[0].body[-2] == "2. We declare our readiness to cooperate."
    signers = {p.name: p.organisation for p in items[0].participants}
    assert signers["N. Pashinyan"] == "Republic of Armenia"
    assert signers["V. Putin"] == "Russian Federation"


def test_the_plural_noun_ending_a_post_is_not_the_first_name_after_it() -> None:
    people = find_participants([
        "The Minister in charge of Internal Markets Varuzhan Avagyan met the OSCE High "
        "Commissioner on National Minorities Tarmo Leffler."
    ])
    assert [p.name for p in people] == ["Varuzhan Avagyan", "Tarmo Leffler"]
    assert people[0].role == "Minister in charge of Internal Markets"


def test_a_ministrys_name_over_the_date_line_is_the_sites_masthead_not_a_title() -> None:
    text = (
        "Ministry of Foreign Affairs of the Republic of Uzbekistan\n"
        "Home / Press service / News\n"
        "08.12.2026\n"
        "Uzbek delegation takes part in the OSCE Ministerial Council in Vienna\n"
        "The delegation led by the Foreign Minister took part in the meeting.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].title == "Uzbek delegation takes part in the OSCE Ministerial Council in Vienna"
    assert items[0].date == "2026-12-08"


def test_an_address_by_a_patronymic_made_from_the_surname_is_that_person() -> None:
    text = (
        "Выступление Министра на заседании СМИД СНГ, Душанбе, 9 октября 2026 года\n\n"
        "Уважаемый Сироджиддин Мухриддинович!\n\nБлагодарю за гостеприимство.\n\n"
        "Встреча Министра иностранных дел Таджикистана с Председателем ОБСЕ\n\n"
        "22 января 2027 года\n\n"
        "Министр иностранных дел Республики Таджикистан С.Мухриддин принял Председателя ОБСЕ.\n"
    )
    speech = parse_text(text, "x")[0]
    assert [p.name for p in speech.participants if "Мухрид" in p.name] == [
        "Сироджиддин Мухриддин"
    ]


def test_an_address_by_a_slavic_patronymic_is_not_the_person_with_that_surname() -> None:
    text = (
        "Выступление Министра на заседании Совета, Минск, 9 октября 2026 года\n\n"
        "Уважаемый Андрей Иванович!\n\nБлагодарю за гостеприимство.\n\n"
        "Министр принял посла\n\n22 января 2027 года\n\n"
        "Министр иностранных дел Республики Беларусь А.Иванов принял посла Китая.\n"
    )
    speech = parse_text(text, "x")[0]
    assert "Андрей Иван" not in [p.name for p in speech.participants]


def test_the_word_for_son_of_after_a_kyrgyz_surname_is_part_of_the_name() -> None:
    people = find_participants(
        ["The Council was attended by the Speaker of the Jogorku Kenesh Marat Ormon uulu."]
    )
    assert [p.name for p in people] == ["Marat Ormon uulu"]


def test_a_member_of_a_body_named_after_a_list_dash_is_a_participant() -> None:
    people = find_participants(
        ["– Aidos Temirbekov, member of the Committee on Defence and Security of the Senate;"]
    )
    assert [(p.name, p.role) for p in people] == [("Aidos Temirbekov", "member")]
    assert people[0].organisation.startswith("Committee on Defence")
