"""A press office's file of several years, blocks of weeks out of date order (set 37 and
the sets written after it)."""

import pytest

from store.ingest.parser import parse_text


@pytest.mark.parametrize(
    ("day", "dated"),
    [
        ("On 18 November", "2020-11-18"),  # weeks from the item above: its year
        ("On 3 September", None),  # months from every neighbour: nothing tells
    ],
)
def test_a_yearless_day_takes_the_year_of_a_neighbour_within_a_month(
    day: str, dated: str | None
) -> None:
    text = (
        "Secretary General meets Ambassador of Armenia\n"
        "27 November 2020\n"
        "The Secretary General received the Ambassador of Armenia.\n\n"
        "UNRCCA Head meets with Foreign Minister of Turkmenistan\n\n"
        f"{day}, the Head of UNRCCA met with the Minister of Foreign Affairs of"
        " Turkmenistan in Ashgabat.\n\n"
        "CSTO Permanent Council meets\n"
        "2 December 2019\n"
        "The Permanent Council met in Moscow.\n\n"
        "Exercise ends in Tajikistan\n"
        "20 October 2021\n"
        "The exercise ended in Tajikistan.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2020-11-27", dated, "2019-12-02", "2021-10-20"
    ]


def test_an_agency_dateline_on_a_line_of_its_own_dates_the_story_under_its_title() -> None:
    text = (
        "В Минске состоялось заседание Комитета секретарей советов безопасности ОДКБ\n"
        "МИНСК, 4 июня. /БЕЛТА/\n\n"
        "Заседание Комитета секретарей советов безопасности ОДКБ прошло в Минске под"
        " председательством Государственного секретаря Совета безопасности Беларуси"
        " Александра Вольфовича.\n\n"
        "Министр иностранных дел Казахстана принял Специального представителя Генсека ООН\n"
        "12 июня 2024 14:12\n\n"
        "АСТАНА. КАЗИНФОРМ - Министр иностранных дел РК Мурат Нуртлеу встретился со"
        " Специальным представителем.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date) for i in items] == [
        ("В Минске состоялось ", "2024-06-04"), ("Министр иностранных ", "2024-06-12")
    ]
    assert items[0].body[0].startswith("Заседание Комитета")
    assert "Минск" in items[0].places


def test_a_forwarded_from_line_starts_the_next_post_and_is_not_its_title() -> None:
    text = (
        "Kazinform: How do you assess the situation?\n\n"
        "I.T.: The door is open, and we are ready for dialogue at any moment.\n\n"
        "Kazinform: Thank you for the interview.\n\n"
        "Forwarded from Sputnik Kazakhstan\n"
        "The active phase of the joint exercises of the CSTO Collective Rapid Reaction Forces"
        " has started.\n"
        "More than 1,500 servicemen are involved. The exercises will last until September 6.\n"
        "👁 4.1K   Sep 3 at 10:14\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].body[-1] == "Kazinform: Thank you for the interview."
    assert items[1].body[0].startswith("The active phase")
    assert "Forwarded" not in items[1].title


def test_a_future_day_in_a_wire_leads_sentence_leaves_the_date_line_to_its_story() -> None:
    text = (
        "2 декабря Генеральный секретарь ОДКБ провел рабочую встречу с Председателем"
        " Исполнительного комитета СНГ Сергеем Лебедевым.\n"
        "Стороны обсудили итоги взаимодействия ОДКБ и СНГ.\n"
        "👁 2,1K   12:08\n\n"
        "Россия с 1 января возглавит ОДКБ\n"
        "25 декабря 2024, 10:30\n\n"
        "/ТАСС/. Российская Федерация с 1 января 2025 года приступит к председательству в"
        " Организации Договора о коллективной безопасности.\n\n"
        "Девиз председательства пока не объявлен.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2024-12-02", "2024-12-25"]
    assert items[0].body[-1] == "Стороны обсудили итоги взаимодействия ОДКБ и СНГ."


def test_a_paragraph_on_who_took_part_in_the_session_goes_on_with_its_story() -> None:
    text = (
        "Leaders of CSTO states sign declaration in Astana\n"
        "28 November 2024, 14:47\n\n"
        "ASTANA, November 28. /TASS/. The heads of state adopted a declaration following the"
        " session of the Collective Security Council, chaired by Kazakh President Kassym-Jomart"
        " Tokayev.\n\n"
        "Russian President Vladimir Putin, Belarusian President Alexander Lukashenko and Tajik"
        " President Emomali Rahmon took part in the session.\n\n"
        "According to the decision of the Council, Russia will chair the Organization in 2025.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert "Vladimir Putin" in [p.name for p in items[0].participants]


def test_a_post_after_a_rank_keeps_the_officers_post_and_opens_its_own_item() -> None:
    text = (
        "On 24 November 2023, I.N. Tasmagambetov met in Minsk with the State Secretary of the"
        " Union State Dmitry Mezentsev.\n\n\n\n"
        "Today the Chief of the CSTO Joint Staff, Colonel General Andrey Serdyukov, held a"
        " working meeting with the heads of the operational departments of the Joint Staff.\n\n"
        "Particular attention was paid to the plans for the next year.\n"
        "👁 2.7K · 5 Dec at 14:20\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].title.startswith("I.N. Tasmagambetov met in Minsk")
    (officer,) = items[1].participants
    assert (officer.name, officer.role) == ("Andrey Serdyukov", "Chief")
    assert items[1].date == "2023-12-05"


_YEARS_APART = (
    "Council meets in Minsk\n3 March 2016\nThe Council met in Minsk.\n\n"
    "Forum opens in Almaty\n12 September 2018\nThe forum opened in Almaty.\n\n"
)


@pytest.mark.parametrize(
    "item",
    [
        # the year a plan runs to
        "Interview of the CSTO Secretary General to the Armenpress news agency\n\n"
        "YEREVAN, JUNE 2, ARMENPRESS. The Secretary General spoke of the Collective Security"
        " Strategy until 2025 adopted in Yerevan.\n\n",
        # a programme's span of years
        "Meeting of the Minister with the Head of the OSCE Programme Office\n\n"
        "On 22 May, the Minister of Foreign Affairs of Tajikistan received the Head of the OSCE"
        " Programme Office in Dushanbe.\n\n"
        "The Minister spoke of the conference on the Decade for Action \"Water for Sustainable"
        " Development\" 2018-2028.\n\n",
    ],
)
def test_a_year_the_item_looks_to_does_not_date_its_yearless_day(item: str) -> None:
    items = parse_text(_YEARS_APART + item + "Board meets\n1 August 2014\nThe Board met.\n", "x")
    assert items[2].title == item.split("\n")[0]
    assert items[2].date is None


def test_an_agencys_update_mark_after_the_time_leaves_a_date_line() -> None:
    text = (
        "Statement of the CSTO Council of Foreign Ministers on the situation in the Middle East\n\n"
        "The Ministers express deep concern over the continuing armed conflict.\n\n"
        "Yerevan, 13 October 2016\n"
        "Print | Send to a friend\n\n"
        "SCO foreign ministers agree on draft documents for Astana summit\n"
        "21 April, 14:37 UPDATED: 21 April, 15:02\n\n"
        "ASTANA, April 21. /TASS/. The foreign ministers of the SCO member states have agreed"
        " on the draft documents.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Statement of the CSTO Council of Foreign Ministers on the situation in the Middle East",
        "SCO foreign ministers agree on draft documents for Astana summit",
    ]


def test_bulleted_headlines_under_related_news_are_other_pages() -> None:
    text = (
        "On 24 April 2017, SCO Secretary-General Rashid Alimov received at the Secretariat the"
        " Ambassador of the Republic of Belarus to China, Kirill Rudy.\n\n"
        "Related news:\n"
        "- SCO Secretary-General receives Ambassador of Mongolia\n"
        "- Meeting of the SCO Council of National Coordinators in Beijing\n\n"
        "Kazakh FM meets SCO Secretary-General\n"
        "10 January 2017 16:40\n\n"
        "ASTANA. KAZINFORM - Minister of Foreign Affairs of Kazakhstan Kairat Abdrakhmanov met"
        " with Secretary-General of the SCO Rashid Alimov.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].body == (
        "On 24 April 2017, SCO Secretary-General Rashid Alimov received at the Secretariat the"
        " Ambassador of the Republic of Belarus to China, Kirill Rudy.",
    )
    assert items[1].title == "Kazakh FM meets SCO Secretary-General"


def test_a_day_alone_over_the_next_title_dates_that_item() -> None:
    text = (
        "Belarus FM talks with OSCE Secretary General\n"
        "5 May 2020\n\n"
        "MINSK, 5 May (BelTA) – Minister of Foreign Affairs Vladimir Makei held a telephone"
        " conversation with OSCE Secretary General Thomas Greminger.\n\n"
        "The sides discussed measures against the spread of COVID-19.\n\n"
        "7 July\n\n"
        "Natalia Gherman: \"Central Asia showed an example of solidarity in the pandemic\"\n\n"
        "The Head of UNRCCA Natalia Gherman answered the questions of Kazinform.\n\n"
        "Q: How did the pandemic affect the work of the Centre?\n\n"
        "A: We moved most of our events online.\n\n"
        "OSCE Office marks anniversary\n"
        "20 July 2020\n\n"
        "The OSCE Programme Office in Dushanbe marked its anniversary.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2020-05-05", "2020-07-07", "2020-07-20"]
    assert items[0].body[-1] == "The sides discussed measures against the spread of COVID-19."
    assert items[1].title.startswith("Natalia Gherman:")


def test_an_agency_copy_dated_only_by_its_weekday_takes_the_day_of_the_meeting_it_copies() -> None:
    text = (
        "UNRCCA Head meets Kyrgyz Foreign Minister\n"
        "14 May 2019\n\n"
        "On 14 May 2019, the Special Representative of the Secretary-General for Central Asia"
        " Natalia Gherman met in Bishkek with the Minister of Foreign Affairs of the Kyrgyz"
        " Republic Chingiz Aidarbekov.\n\n"
        "Kyrgyz FM Ch. Aidarbekov, UN envoy N. Gherman discuss situation in Afghanistan\n\n"
        "BISHKEK (AKIpress) - Foreign Minister of Kyrgyzstan Chingiz Aidarbekov met on Tuesday"
        " with Special Representative of the UN Secretary-General for Central Asia Natalia"
        " Gherman.\n\n"
        "OSCE marks anniversary\n\n"
        "BISHKEK (AKIpress) - The OSCE Programme Office marked its anniversary on Friday.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-05-14", "2019-05-14", None]


def test_an_author_a_photo_credit_print_and_a_box_drawn_rule_are_page_furniture() -> None:
    text = (
        "Кайрат Абдрахманов встретился с главой Программного офиса ОБСЕ в Астане\n\n"
        "АСТАНА. КАЗИНФОРМ – Министр иностранных дел Казахстана Кайрат Абдрахманов провел"
        " встречу с главой Программного офиса ОБСЕ в Астане Дьёрдем Сабо.\n"
        "Автор: Айгерим Сейтказина\n\n"
        "Генсек ООН приветствовал прекращение огня в Нагорном Карабахе\n"
        "10 ноября 2020\n\n"
        "Генеральный секретарь ООН Антониу Гутерриш приветствовал прекращение боевых действий.\n"
        "Фото ООН\n"
        "──────────\n\n"
        "ОБСЕ обучила пограничников\n\n"
        "ДУШАНБЕ, 5 сентября 2018 г. – Сотрудники пограничных войск завершили курс.\n\n"
        "Печать\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1][:20] for i in items] == [
        "Министр иностранных ", "Генеральный секретар", "ДУШАНБЕ, 5 сентября "
    ]
    assert "Айгерим Сейтказина" not in [p.name for p in items[0].participants]


def test_a_closing_date_over_a_rubric_and_a_dated_title_ends_the_statement_above() -> None:
    text = (
        "Statement of the Collective Security Council\n\n"
        "The Heads of State express their support for the measures taken by the leadership of"
        " the Republic of Kazakhstan to restore law and order.\n\n"
        "10 January 2022\n\n"
        "Print version\n\n\n"
        "Military & Defense\n"
        "CSTO leaders hold extraordinary session on Kazakhstan\n"
        "10 JAN 2022, 15:20\n\n"
        "MOSCOW, January 10. /TASS/. The leaders of the CSTO member states held an extraordinary"
        " session of the Collective Security Council via videoconference.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:28], i.date) for i in items] == [
        ("Statement of the Collective ", "2022-01-10"),
        ("CSTO leaders hold extraordin", "2022-01-10"),
    ]
    assert items[0].body[-1] == "10 January 2022"


def test_the_last_related_headline_over_the_next_items_date_line_is_furniture() -> None:
    text = (
        "Belarusian peacekeepers return home from Kazakhstan\n"
        "15 January 2022 | 16:47\n\n"
        "MINSK, 15 January (BelTA) – Servicemen of the brigade returned to Belarus today.\n\n"
        "Share\n"
        "Read also:\n"
        "Lukashenko comments on CSTO mission in Kazakhstan\n"
        "Belarusian servicemen begin to return from Kazakhstan\n\n\n\n"
        "13 January 2022, 14:05\n"
        "Tokayev meets CSTO Collective Peacekeeping Forces Commander\n\n"
        "NUR-SULTAN. KAZINFORM – Head of State Kassym-Jomart Tokayev received the Commander of"
        " the CSTO Collective Peacekeeping Forces Andrey Serdyukov.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:24], i.date) for i in items] == [
        ("Belarusian peacekeepers ", "2022-01-15"), ("Tokayev meets CSTO Colle", "2022-01-13")
    ]


def test_a_part_of_a_briefing_keeps_its_topic_and_questions() -> None:
    text = (
        "Из брифинга официального представителя МИД России М.В.Захаровой, Москва, 6 марта 2024"
        " года\n\n"
        "Об участии Армении в деятельности ОДКБ\n\n"
        "Вопрос: Как прокомментируете заявления армянского руководства о \"заморозке\" участия"
        " в ОДКБ?\n\n"
        "Ответ: Мы неоднократно говорили, что уставные документы Организации не предусматривают"
        " такой процедуры.\n\n"
        "Токаев принял глав МИД Азербайджана и Армении\n"
        "10 мая 2024 16:20\n\n"
        "АЛМАТЫ. КАЗИНФОРМ – Президент Казахстана Касым-Жомарт Токаев принял министров.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, len(i.body)) for i in items] == [("2024-03-06", 3), ("2024-05-10", 1)]
    assert items[0].body[0] == "Об участии Армении в деятельности ОДКБ"


def test_a_caption_with_its_photo_credit_inside_a_story_is_not_a_title() -> None:
    text = (
        "Session of the CSTO Collective Security Council held in Astana\n"
        "28.11.2024\n\n"
        "On 28 November 2024, a regular session of the Collective Security Council was held in"
        " Astana.\n\n"
        "Heads of state of the CSTO member states before the session in narrow format. Photo:"
        " Akorda press service\n\n"
        "In narrow and extended formats, the heads of state discussed collective security.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 1
    assert items[0].body[-1].startswith("In narrow and extended formats")


def test_an_interview_is_dated_by_its_date_line_not_by_the_background_it_opens_with() -> None:
    text = (
        "Stanislav Zas: \"Our main task is to make the crisis response system work\"\n"
        "16 January 2020\n\n"
        "On 1 January, Stanislav Zas took office as Secretary General of the Collective Security"
        " Treaty Organization. In his first interview in this capacity, he spoke about his"
        " plans.\n\n"
        "– Stanislav Vasilievich, what are your priorities?\n\n"
        "– First of all, the crisis response system.\n\n"
        "– And the Organization's peacekeeping forces?\n\n"
        "– They will take part in the exercises this autumn.\n"
    )
    (item,) = parse_text(text, "x")
    assert (item.kind, item.date) == ("interview", "2020-01-16")


def test_a_day_over_a_channels_post_after_a_closed_speech_dates_the_post() -> None:
    text = (
        "Выступление Министра иностранных дел на конференции\n\n"
        "Уважаемые коллеги!\n\n"
        "Мы видим три приоритета: вода и климат, взаимосвязанность и Афганистан.\n\n"
        "Благодарю за внимание.\n\n"
        "г. Туркестан, 17 сентября 2025 года\n\n\n"
        "19 сентября\n"
        "МИД Узбекистана\n"
        "🇺🇿🇦🇫 Сегодня Специальный представитель Президента Республики Узбекистан по"
        " Афганистану провел встречу в Кабуле.\n\n"
        "👁 3.4K  16:05\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2025-09-17", "2025-09-19"]
    assert items[1].body[0].startswith("🇺🇿🇦🇫 Сегодня")


def test_a_place_and_day_ending_a_briefings_title_date_it() -> None:
    text = (
        "Совещание прошло в Москве\n"
        "14 апреля 2025 года\n\n"
        "Совещание прошло в Москве.\n\n"
        "Из брифинга официального представителя МИД России М.В.Захаровой (Москва, 16 апреля)\n"
        "Вопрос: Как в Москве оценивают решение суда?\n\n"
        "М.В.Захарова: Это решение отражает реальности.\n\n"
        "Встреча в Минске\n"
        "18 апреля 2025 года\n\n"
        "Встреча прошла в Минске.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2025-04-14", "2025-04-16", "2025-04-18"]


def test_a_january_day_among_december_items_takes_the_next_year() -> None:
    text = (
        "Council meets\n2 December 2020\nThe Council met in Moscow.\n\n"
        "Ministers meet\n17 December 2020\nThe ministers met in Minsk.\n\n"
        "Secretary General in Dushanbe\n\n"
        "15 января с.г. в Душанбе Генеральный секретарь ОДКБ провел встречу.\n\n"
        "Board meets\n2 December 2020\nThe Board met.\n\n"
        "Forum opens\n9 June 2019\nThe forum opened.\n"
    )
    items = parse_text(text, "x")
    assert items[2].date == "2021-01-15"


def test_a_date_under_a_signature_closes_the_greeting_before_a_dated_news_lead() -> None:
    text = (
        "Greeting of the CSTO Secretary General on the occasion of the 34th anniversary of the"
        " Collective Security Treaty\n\n"
        "Dear colleagues! Dear friends!\n\n"
        "On behalf of the CSTO Secretariat, I cordially congratulate you on the anniversary.\n\n"
        "I wish all of you good health, happiness and new successes!\n\n"
        "T. Masadykov\n"
        "15 May 2026\n"
        "On 14 May 2026, a round table on Eurasian security was held at the CSTO Secretariat.\n"
    )
    items = parse_text(text, "x")
    assert [(i.kind, i.date) for i in items] == [("speech", "2026-05-15"), ("news", "2026-05-14")]


def test_a_headline_over_a_dated_dateline_after_a_briefing_starts_the_next_item() -> None:
    text = (
        "Брифинг официального представителя МИД РК А.Смадиярова\n"
        "29 июня 2020 года\n\n"
        "О возвращении граждан Казахстана из-за рубежа. С начала пандемии на родину вернулись"
        " более 20 тысяч граждан.\n\n"
        "О работе консульских служб\n\n"
        "Прием документов в загранучреждениях осуществляется по предварительной записи.\n\n\n\n"
        "Программный офис ОБСЕ в Бишкеке передал средства индивидуальной защиты кризисным"
        " центрам\n\n"
        "БИШКЕК, 8 июля 2020 г. – Программный офис ОБСЕ в Бишкеке сегодня передал партию средств"
        " индивидуальной защиты.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title[:20], i.date) for i in items] == [
        ("Брифинг официального", "2020-06-29"), ("Программный офис ОБС", "2020-07-08")
    ]
    assert items[0].body[-1].startswith("Прием документов")


def test_a_press_enquiries_line_is_not_the_releases_last_paragraph() -> None:
    text = (
        "OSCE Chair-in-Office welcomes Kyrgyz-Tajik border agreement\n"
        "14 March 2025\n\n"
        "The OSCE Chair-in-Office welcomed the signing of the border treaty.\n\n"
        "For media enquiries, please contact the OSCE Press Office.\n"
    )
    (item,) = parse_text(text, "x")
    assert item.body == ("The OSCE Chair-in-Office welcomed the signing of the border treaty.",)


def test_a_dated_news_lead_after_a_speechs_closing_words_in_one_block_is_its_own_item() -> None:
    text = (
        "Интервью Генерального секретаря СНГ\n"
        "12 апреля 2024 года\n\n"
        "– Содружество сохраняет свою значимость как площадка для диалога.\n\n"
        "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова на заседании СМИД"
        " СНГ\n"
        "Уважаемые коллеги!\n"
        "Рад приветствовать всех в Минске.\n"
        "Напомню, что 22 января 1993 года именно в Минске был принят Устав Содружества.\n"
        "Спасибо.\n"
        "12 апреля 2024 года на полях заседания СМИД СНГ в Минске С.В.Лавров провел переговоры с"
        " Министром иностранных дел Республики Беларусь М.В.Рыженковым.\n"
    )
    items = parse_text(text, "x")
    assert [(i.kind, i.body[-1][:8]) for i in items[1:]] == [
        ("speech", "Спасибо."), ("news", "12 апрел")
    ]


def test_a_channels_stamp_earlier_than_the_lead_above_heads_the_next_post() -> None:
    text = (
        "14 марта 2023 года на полях совместного заседания коллегий состоялась беседа"
        " заместителя Министра иностранных дел.\n\n\n"
        "МИД России, [02.03.2023 19:47]\n"
        "Официальный представитель МИД России М.В.Захарова: Приняли к сведению очередные"
        " заявления литовских официальных лиц.\n\n"
        "Призываем Вильнюс вернуться к здравому смыслу.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, len(i.body)) for i in items] == [("2023-03-14", 1), ("2023-03-02", 2)]


def test_a_day_alone_over_a_forwarded_post_dates_the_post() -> None:
    text = (
        "Minister meets Ambassador\n"
        "3 February 2025\n\n"
        "The Minister met the Ambassador of Kazakhstan.\n\n"
        "The sides also discussed the programme of the chairmanship.\n\n"
        "February 4\n\n"
        "Forwarded from MFA Russia 🇷🇺\n"
        "🇷🇺🇰🇿 Deputy Foreign Minister Mikhail Galuzin met with Ambassador of the Republic of"
        " Kazakhstan to the Russian Federation Dauren Abayev.\n\n"
        "The sides discussed the schedule of upcoming bilateral contacts.\n\n"
        "Council meets\n"
        "10 February 2025\n\n"
        "The Council met.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2025-02-03", "2025-02-04", "2025-02-10"]
    assert items[1].body[0].startswith("🇷🇺🇰🇿 Deputy Foreign Minister")


def test_a_cards_call_to_save_and_share_is_not_its_last_paragraph() -> None:
    text = (
        "📊 INFOGRAPHIC | CSTO Collective Forces\n\n"
        "The CSTO Collective Forces include the Collective Rapid Reaction Forces.\n\n"
        "The total strength of the peacekeeping contingent is about 3,600 servicemen.\n\n"
        "Save and share 👇\n"
        "👁 5.8K\n"
    )
    (item,) = parse_text(text, "x")
    assert item.body[-1].startswith("The total strength")
