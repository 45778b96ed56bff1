"""Archive years of an organisation's pages copied with their mastheads, comment boxes and
document numbers (sets 41 and 47 and the sets written after them)."""

import pytest

from store.ingest.parser import parse_text
from store.text.dates import parse_date_line
from store.text.wire import wire_lead


def test_the_un_masthead_over_a_release_is_no_item_and_the_release_is_dated() -> None:
    text = (
        "The SCO summit in Tashkent closed with the signing of twelve documents.\n\n"
        "UNITED NATIONS\n"
        "Meetings Coverage and Press Releases\n\n"
        "SG/SM/17876\n"
        "24 JUNE 2016\n\n"
        "Secretary-General, in Message to Shanghai Cooperation Organization Summit, Calls for"
        " Greater Cooperation\n\n"
        "Following is UN Secretary-General Ban Ki-moon's message to the summit.\n\n"
        "Please accept my best wishes for a successful summit.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items][1:] == [
        "Secretary-General, in Message to Shanghai Cooperation Organization Summit, Calls for"
        " Greater Cooperation"
    ]
    assert items[1].date == "2016-06-24"
    assert not any("UNITED NATIONS" in p for i in items for p in i.body)


def test_a_comment_box_under_an_item_is_no_title_for_the_next() -> None:
    text = (
        "Armenian FM chairs CSTO Council of Foreign Ministers session in Yerevan\n"
        "13 October 2016\n\n"
        "The Council of Foreign Ministers met in Yerevan.\n\n"
        "Add comment\n\n"
        "On 28 October, the Security Council heard briefings from the heads of three"
        " regional organizations.\n\n"
        "Добавить комментарий\n\n"
        "29 октября в Москве состоялось заседание Постоянного совета ОДКБ.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2016-10-13", "2016-10-28", "2016-10-29"]
    assert items[1].title.startswith("On 28 October, the Security Council")
    assert items[2].title.startswith("29 октября в Москве")


def test_an_armenpress_dateline_in_capitals_dates_the_story_and_is_no_text() -> None:
    text = (
        "CSTO exercise ends in Kazakhstan\n"
        "20 May 2017\n\n"
        "The exercise ended.\n\n"
        "Khachaturov answers Armenpress\n"
        "YEREVAN, JUNE 2, ARMENPRESS. CSTO Secretary General Yuri Khachaturov answered"
        " questions from Armenpress.\n\n"
        "ЕРЕВАН, 12 ИЮНЯ, АРМЕНПРЕСС. Министр иностранных дел Армении Эдвард Налбандян"
        " принял Генерального секретаря ОДКБ.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2017-05-20", "2017-06-02", "2017-06-12"]
    assert items[1].body[0].startswith("CSTO Secretary General Yuri Khachaturov")
    assert items[2].body[0].startswith("Министр иностранных дел Армении")


def test_the_mfa_document_number_under_a_title_dates_the_item() -> None:
    text = (
        "О встрече заместителя Министра иностранных дел России Г.М.Гатилова с Генеральным"
        " секретарем ОДКБ Н.Н.Бордюжей\n"
        "1285-12-07-2016\n\n"
        "12 июля заместитель Министра иностранных дел Российской Федерации Г.М.Гатилов провел"
        " встречу с Генеральным секретарем ОДКБ Н.Н.Бордюжей.\n\n"
        "Обсуждены вопросы подготовки заседания Совета Безопасности ООН, намеченного на"
        " октябрь.\n"
    )
    [item] = parse_text(text, "x")
    assert item.date == "2016-07-12"
    assert item.body[0].startswith("12 июля")


def test_an_impossible_mfa_document_number_dates_nothing() -> None:
    text = (
        "О консультациях по Афганистану\n"
        "1285-45-17-2016\n\n"
        "Состоялись консультации по ситуации в Афганистане.\n"
    )
    [item] = parse_text(text, "x")
    assert item.date is None


def test_an_event_ahead_later_in_the_year_tells_a_yearless_days_year() -> None:
    text = (
        "Makei, Bordyuzha discuss CSTO agenda\n\n"
        "MINSK, 3 March (BelTA) - Belarusian Foreign Minister Vladimir Makei met with CSTO"
        " Secretary General Nikolai Bordyuzha in Minsk on 3 March.\n\n"
        "The parties discussed the preparations for the session of the CSTO Collective Security"
        " Council due in Yerevan in October 2016 and the priorities of Belarus' chairmanship of"
        " the organization in 2017.\n\n"
        "В Секретариате ОДКБ обсудили подготовку к сессии\n\n"
        "14 апреля в Секретариате ОДКБ состоялось совещание по подготовке сессии Совета"
        " коллективной безопасности, которая пройдет в Ереване в октябре 2016 года, и"
        " приоритетов председательства Беларуси в 2017 году.\n\n"
        "Makei recalls the CSTO session\n\n"
        "On 3 November, Vladimir Makei spoke of the session held in Yerevan in October 2016 and"
        " of Belarus' chairmanship in 2017.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2016-03-03", "2016-04-14", None]


def test_a_year_the_item_states_goes_before_the_year_its_neighbours_out_of_order_share() -> None:
    text = (
        "В Киргизии осенью пройдут антитеррористические учения ОДКБ\n"
        "26 мая 2016\n\n"
        "Учения пройдут в Киргизии.\n\n"
        "Завершился визит Николая Бордюжи в Таджикистан\n\n"
        "9 сентября завершился рабочий визит Генерального секретаря ОДКБ Николая Бордюжи в"
        " Республику Таджикистан.\n\n"
        "Обсуждались вопросы подготовки сессии, которая завершит председательство Таджикистана"
        " в ОДКБ в 2015 году.\n\n"
        "Выступление заместителя Генерального секретаря ОДКБ на Конференции ОБСЕ\n"
        "31 мая 2016\n\n"
        "Уважаемые коллеги!\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2016-05-26", "2015-09-09", "2016-05-31"]


def test_a_captioned_picture_over_a_region_dated_lead_opens_no_item_of_its_own() -> None:
    text = (
        "Speech by the Secretary General at the Moscow Conference\n"
        "23 May 2014\n\n"
        "Dear colleagues!\n\n"
        "Moscow, 23 May 2014\n\n"
        "* * *\n\n"
        "Chief of the CSTO Joint Staff Colonel General Alexander Studenikin at the command post"
        " of the exercise. Photo: CSTO Joint Staff press service\n\n"
        "Karaganda region, 20 August. The active phase of the joint exercise"
        " \"Interaction-2014\" started today at the Spassky training ground.\n\n"
        "The exercise will end on 22 August.\n\n"
        "👁 3 418    🖨 Print    ✉ Send to a friend\n\n"
        "* * *\n\n"
        "Nikolai Bordyuzha: \"We see no reason for panic\"\n"
        "29 September 2014\n\n"
        "The Secretary General answered questions.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2014-05-23", "2014-08-20", "2014-09-29"]
    assert items[1].body[0].startswith("Karaganda region, 20 August.")
    assert items[1].body[-1] == "The exercise will end on 22 August."


def test_read_also_headlines_marked_with_guillemets_are_not_the_story() -> None:
    text = (
        "Session of the CSTO Collective Security Council held in Moscow\n"
        "23 December 2014\n\n"
        "A regular session of the Collective Security Council was held in the Kremlin today.\n\n"
        "The chairmanship of the CSTO in 2015 passes to the Republic of Tajikistan.\n\n"
        "Read also:\n"
        "» CSTO foreign ministers adopt statement on the situation in Afghanistan\n"
        "» Nikolai Bordyuzha: the Organization's budget for 2015 has been approved\n\n"
        "* * *\n\n"
        "Nikolai Bordyuzha and Seyran Ohanyan discussed exercises in Armenia\n"
        "18 May 2015\n\n"
        "The parties discussed the preparation of exercises.\n"
    )
    items = parse_text(text, "x")
    assert len(items) == 2
    assert items[0].body[-1].startswith("The chairmanship of the CSTO in 2015")


def test_neighbours_years_apart_give_a_yearless_day_no_year_but_its_own_words_do() -> None:
    text = (
        "Statement of the CSTO Secretariat\n"
        "17 October 2018\n\n"
        "The Secretariat expressed condolences.\n\n"
        "CSTO | ОДКБ official\n"
        "16 January\n"
        "Secretary General of the CSTO Taalatbek Masadykov, who took office on 1 January, held a"
        " meeting with the staff. He outlined the priorities for 2026.\n\n"
        "Deputy Secretary General received the Ambassador of Serbia\n\n"
        "On 12 March, the Deputy Secretary General received the Ambassador of Serbia.\n\n"
        "Remarks at the reception on the occasion of CSTO Day\n"
        "7 October 2025\n\n"
        "Dear friends!\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2018-10-17", "2026-01-16", None, "2025-10-07"
    ]


def test_a_yearless_day_after_the_last_dated_item_takes_the_year_its_words_state() -> None:
    text = (
        "Remarks at the reception on the occasion of CSTO Day\n"
        "7 October 2025\n\n"
        "Dear friends!\n\n"
        "Exercise in Tajikistan ends\n"
        "20 October 2025\n\n"
        "The exercise ended.\n\n"
        "MOSCOW. Jan 6 (Interfax) - The first contingents of the CSTO Collective Peacekeeping"
        " Forces have arrived in Kazakhstan after the unrest of the first days of 2022, the"
        " CSTO Secretariat said.\n\n"
        "UNRCCA convenes final meeting of the year\n\n"
        "On 12 November, UNRCCA convened a meeting; the parties will continue cooperation in"
        " 2026.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2025-10-07", "2025-10-20", "2022-01-06", "2025-11-12"
    ]


def test_a_dumps_heading_in_capitals_is_not_the_first_items_title() -> None:
    text = (
        "АРХИВ НОВОСТЕЙ САЙТА ОДКБ (выгрузка, от новых к старым)\n\n"
        "8 Ноября 2018 16:40\n"
        "В Астане завершилась сессия Совета коллективной безопасности ОДКБ\n\n"
        "АСТАНА. КАЗИНФОРМ – Сегодня в Астане прошла сессия Совета коллективной безопасности.\n\n"
        "«Мы договорились», – заявил Нурсултан Назарбаев.\n\n"
        "------------------------------------------------------------\n\n"
        "Главная → Новости → Парламентская Ассамблея\n\n"
        "12.04.2018\n"
        "Вячеслав Володин провел заседание Совета ПА ОДКБ\n\n"
        "Заседание прошло в Санкт-Петербурге.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:26]) for i in items] == [
        ("2018-11-08", "В Астане завершилась сесси"),
        ("2018-04-12", "Вячеслав Володин провел за"),
    ]
    assert items[0].body[-1].startswith("«Мы договорились»")


def test_un_news_masthead_and_topic_around_the_date_are_not_the_story() -> None:
    text = (
        "Новости ООН\n"
        "Глобальный взгляд Человеческие судьбы\n\n"
        "15 февраля 2019\n"
        "Мир и безопасность\n\n"
        "Глава Регионального центра ООН обсудила в Астане водное сотрудничество\n\n"
        "Специальный представитель Генерального секретаря ООН Наталья Герман провела встречи"
        " в Астане.\n\n"
        "* * *\n\n"
        "22 марта 2023 Климат и окружающая среда\n"
        "В Нью-Йорке открылась Конференция ООН по водным ресурсам\n"
        "В Центральных учреждениях ООН в Нью-Йорке в среду открылась конференция.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:20]) for i in items] == [
        ("2019-02-15", "Глава Регионального "),
        ("2023-03-22", "В Нью-Йорке открылас"),
    ]


def test_a_related_list_under_a_bare_related_heading_is_not_the_next_items_head() -> None:
    text = (
        "Readout of the Secretary-General's meeting with the Minister for Foreign Affairs\n"
        "The Secretary-General met with the Minister for Foreign Affairs of Tajikistan.\n\n"
        "=====\n\n"
        "Newsroom\n"
        "Łódź, 2 December 2022\n"
        "OSCE Ministerial Council concludes in Łódź\n"
        "The 29th OSCE Ministerial Council concluded today in Łódź.\n"
        "Osmani said that North Macedonia would chair the Organization.\n"
        "Related\n"
        "Secretary General Schmid's remarks at the Ministerial Council\n\n"
        "=====\n\n"
        "Dushanbe, 9 February\n"
        "Head of UNRCCA meets with Foreign Minister of Tajikistan\n"
        "The Head of UNRCCA discussed the Centre's work plan for 2023.\n"
        "Kaha Imnadze highly appreciated Tajikistan's initiatives.\n"
        "Share this:   Facebook   X   LinkedIn\n\n"
        "=====\n\n"
        "Almaty, 20 April 2023\n"
        "UNRCCA holds a seminar\n"
        "The seminar was held in Almaty.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:22]) for i in items][1:] == [
        ("2022-12-02", "OSCE Ministerial Counc"),
        ("2023-02-09", "Head of UNRCCA meets w"),
        ("2023-04-20", "UNRCCA holds a seminar"),
    ]
    assert items[1].body[-1].startswith("Osmani said")


def test_the_year_the_next_chair_takes_over_is_the_year_after_the_items() -> None:
    text = (
        "CSTO seminar in Moscow\n"
        "2 June 2023\n\n"
        "A seminar was held.\n\n"
        "BISHKEK, October 13. /TASS/. The leaders of the CIS signed a statement and agreed that"
        " Russia will chair the Commonwealth in 2024, the Executive Secretary said.\n\n"
        "CSTO Secretary General meets with Head of UNRCCA\n"
        "5 June 2025\n\n"
        "The sides discussed Afghanistan.\n\n"
        "В Астане завершилась сессия\n\n"
        "8 ноября в Астане прошла сессия Совета коллективной безопасности. «В 2019 году"
        " председательство в ОДКБ перейдет к Кыргызской Республике», – заявил Президент.\n\n"
        "Заседание в Минске\n"
        "20 мая 2016\n\n"
        "Заседание прошло в Минске.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2023-06-02", "2023-10-13", "2025-06-05", "2018-11-08", "2016-05-20"
    ]


def test_a_yearless_day_after_the_dumps_last_dated_item_gets_no_year_from_it() -> None:
    text = (
        "Exercise ends in Tajikistan\n"
        "20 March 2025\n\n"
        "The exercise ended.\n\n"
        "Seminar in Moscow\n"
        "5 June 2025\n\n"
        "A seminar was held.\n\n"
        "RATS Council meets\n\n"
        "On 5 December, the regular meeting of the Council of the Regional Anti-Terrorist"
        " Structure of the SCO was held in Tashkent.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2025-03-20", "2025-06-05", None]


def test_a_headline_between_a_separator_and_its_dated_lead_titles_the_story() -> None:
    text = (
        "We call on our international partners to support the settlement.\n\n"
        "Print | Share\n\n"
        "----\n"
        "Makei, Lebedev discuss preparations for CIS events in Minsk\n\n"
        "MINSK, 3 June (BelTA) - Belarusian Foreign Minister Vladimir Makei met with CIS"
        " Executive Secretary Sergei Lebedev on 3 June.\n"
        "The parties focused on the draft documents to be signed by the heads of state.\n"
        "Belarus chairs the Commonwealth this year.\n\n"
        "MFA of Uzbekistan Official, [10.06.2021 14:32]\n"
        "🇺🇿🇺🇳 Foreign Minister Abdulaziz Kamilov received Under-Secretary-General of the"
        " United Nations Vladimir Voronkov.\n\n"
        "During the meeting, the sides discussed the Joint Plan of Action.\n\n"
        "👁 2.4K\n\n"
        "TASS | World\n"
        "CSTO chief says Organization ready to help Tajikistan reinforce Afghan border\n"
        "15 JUN 2021, 19:02\n\n"
        "DUSHANBE, June 15. /TASS/. The CSTO is ready to provide assistance to Tajikistan.\n"
    )
    items = parse_text(text, "x")
    makei = next(i for i in items if i.title.startswith("Makei, Lebedev"))
    assert makei.date == "2021-06-03"
    assert makei.body[-1] == "Belarus chairs the Commonwealth this year."
    post = next(i for i in items if "Kamilov" in i.title)
    assert post.date == "2021-06-10"


def test_a_banner_around_a_dumps_heading_parts_items_and_is_no_text() -> None:
    text = (
        "Armenia's Pashinyan refuses to sign CSTO declaration at Yerevan summit\n"
        "November 23, 2022 1:47 PM GMT+4\n\n"
        "YEREVAN, Nov 23 (Reuters) - Armenian Prime Minister Nikol Pashinyan refused to sign"
        " a joint declaration of the CSTO.\n"
        "The CSTO groups Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.\n\n"
        "=== Telegram: Kazakhstan MFA (@mfa_kaz), exported 15.12.2023, newest first ===\n\n"
        "#################### INTAKE 2019-2026 (newest first) ####################\n\n"
        "Seminar in Astana\n"
        "14 December 2023\n"
        "A seminar was held in Astana.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2022-11-23", "2023-12-14"]
    assert items[0].body[-1].startswith("The CSTO groups")


def test_a_dated_export_banner_and_each_post_it_dates_date_the_yearless_posts_below() -> None:
    text = (
        "Armenia's Pashinyan refuses to sign CSTO declaration at Yerevan summit\n"
        "November 23, 2022\n\n"
        "Pashinyan refused to sign the declaration.\n\n"
        "=== Telegram: Kazakhstan MFA (@mfa_kaz), exported 15.12.2023, newest first ===\n\n"
        "14 December\n"
        "🇰🇿🇪🇺 Minister of Foreign Affairs of Kazakhstan Murat Nurtleu received the EU"
        " Special Representative.\n"
        "👁 3.1K  edited 18:04\n\n"
        "30 November\n"
        "Deputy Foreign Minister Roman Vassilenko held political consultations in Astana.\n"
        "👁 2.7K  11:15\n\n"
        "2 November\n"
        "❗️Comment of the Official Representative of the MFA of Kazakhstan Aibek Smadiyarov\n"
        "Answer: Kazakhstan calls on all parties to cease hostilities.\n"
        "👁 5.6K  16:40\n\n"
        "=== end of export ===\n\n"
        "Uzbek Foreign Minister, OSCE Secretary General discuss cooperation\n"
        "2024-04-11 16:27\n\n"
        "The sides discussed the activities of the OSCE Project Co-ordinator.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2022-11-23", "2023-12-14", "2023-11-30", "2023-11-02", "2024-04-11"
    ]


def test_a_list_pages_dated_entries_under_its_heading_are_items_of_their_own() -> None:
    text = (
        "Home / Press Center / News / Archive 2019\n"
        "News of the Secretariat\n"
        "On 12 December 2019, Acting Secretary General of the CSTO Valery Semerikov held a"
        " working meeting at the CSTO Secretariat.\n"
        "On 10 December 2019, the CSTO Secretariat hosted a round table with MGIMO University.\n"
        "On 5 December 2019, a regular meeting of the Permanent Council under the CSTO was"
        " held at the Secretariat.\n"
        "Read more\n"
        "CSTO Collective Security Council session held in Bishkek\n"
        "28.11.2019\n"
        "On 28 November, the regular session of the Collective Security Council was held in"
        " Bishkek.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-12-12", "2019-12-10", "2019-12-05", "2019-11-28"]
    assert not any("Home" in i.title or "News of the" in i.title for i in items)


def test_a_yearless_day_takes_the_one_year_that_fits_between_neighbours_a_year_apart() -> None:
    text = (
        "CSTO Collective Security Council session held in Bishkek\n"
        "28.11.2019\n"
        "The session was held in Bishkek.\n\n"
        "CSTO's new chief names Afghanistan main source of threats\n\n"
        "MOSCOW, January 9 (Reuters) - Stanislav Zas said Afghanistan was the main source of"
        " threats, recalling the Organization's decisions of 2018.\n\n"
        "Statement by CSTO Secretary General at the OSCE Ministerial Council\n"
        "3 December 2020\n"
        "Dear Chairperson!\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2019-11-28", "2020-01-09", "2020-12-03"
    ]


def test_the_year_a_tenure_began_is_not_the_items_year() -> None:
    text = (
        "CSTO exercise in Kazakhstan\n"
        "22 August 2014\n"
        "The exercise ended.\n\n"
        "YEREVAN. Oct 14 (Interfax) - The session of the CSTO Collective Security Council did"
        " not decide on the new Secretary General. The term of Nikolai Bordyuzha, who has"
        " headed the organization since 2003, is coming to an end.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2014-08-22", None]


def test_a_statement_signed_in_two_places_closes_on_its_place_and_date() -> None:
    text = (
        "Statement by CSTO Secretary General Stanislav Zas at the 27th meeting of the OSCE"
        " Ministerial Council\n"
        "Mr. Chairperson,\n"
        "Let me thank the Albanian Chairmanship for the invitation.\n"
        "Thank you for your attention.\n"
        "Tirana – Moscow, 3 December 2020\n"
        "CSTO leaders hold session of Collective Security Council by videoconference\n"
        "On December 2, a session of the Collective Security Council was held by"
        " videoconference.\n"
    )
    items = parse_text(text, "x")
    assert items[0].date == "2020-12-03"
    assert items[0].body[-1] == "Tirana – Moscow, 3 December 2020"
    assert items[1].date == "2020-12-02"


def test_an_interviews_closing_byline_with_its_date_dates_it() -> None:
    text = (
        "STANISLAV ZAS: \"THE PANDEMIC HAS NOT CANCELLED OUR OBLIGATIONS\"\n"
        "The CSTO Secretary General answered questions from our newspaper.\n"
        "– Stanislav Vasilyevich, how does the Secretariat work now?\n"
        "– We have switched to a mixed regime.\n"
        "Interview by Olga Bykova, \"SB. Belarus Segodnya\", 14 April 2020\n"
    )
    [item] = parse_text(text, "x")
    assert item.date == "2020-04-14"
    assert item.body[-1].startswith("Interview by Olga Bykova")


def test_a_posts_headline_under_its_date_line_stays_its_title() -> None:
    text = (
        'МИД России 🇷🇺\n'
        't.me/MID_Russia\n'
        '412 тыс. подписчиков\n'
        '\n'
        '23 января\n'
        '\n'
        '🗓 Главное за неделю (19–23 января)\n'
        '\n'
        '🔹 С.В.Лавров провел в Москве переговоры с Министром иностранных дел Республики'
        ' Беларусь М.В.Рыженковым. Обсуждены вопросы председательства России в ОДКБ.\n'
        '\n'
        '🔹 Заместитель Министра иностранных дел А.Ю.Руденко принял Генерального секретаря'
        ' ОДКБ Таалатбека Масадыкова, вступившего в должность 1 января.\n'
        '\n'
        '🔹 Постоянный представитель России при ООН В.А.Небензя выступил на заседании Совета'
        ' Безопасности.\n'
        '\n'
        '🔹 Состоялся брифинг официального представителя МИД России М.В.Захаровой.\n'
        '\n'
        '#ГлавноеЗаНеделю\n'
        '👁 15,3K  изменено  19:40\n'
        '\n'
        '20 января\n'
        '\n'
        'Переслано из Постпредство России при ООН\n'
        '🇷🇺🇺🇳 Выступление Постоянного представителя В.А.Небензи на заседании СБ ООН\n'
        '\n'
        'Господин Председатель,\n'
        '\n'
        'Благодарим руководство МООНСА за брифинг.\n'
        '\n'
        '12 января\n'
        '\n'
        'МИД Казахстана, [12.01.2026 10:03]\n'
        '🇰🇿🤝 Министр иностранных дел Республики Казахстан Ермек Кошербаев принял Т.Масадыкова.\n'
    )
    items = parse_text(text, "x")
    week = next(i for i in items if i.body and i.body[0].startswith("🔹 С.В.Лавров"))
    assert week.title.endswith("Главное за неделю (19–23 января)")
    assert week.date == "2026-01-23"


def test_a_publication_blocks_persons_and_a_banner_between_marks_are_not_text() -> None:
    text = (
        "Telephone conversation with President of Kyrgyzstan Sooronbay Jeenbekov\n"
        "April 28, 2020\n"
        "Vladimir Putin had a telephone conversation with Sooronbay Jeenbekov.\n"
        "Topics: Foreign policy, CSTO\n"
        "Persons: Jeenbekov Sooronbay\n"
        "Direct link: en.kremlin.ru/events/president/news/63285\n\n"
        "==========\n"
        "mfa.gov.by - Press service - 2015 archive\n"
        "==========\n\n"
        "(?? year - copied from my old notes, no source)\n"
        "Consultations of CSTO deputy foreign ministers held in Moscow\n"
        "On 7 April, consultations of the deputy foreign ministers were held in Moscow.\n"
    )
    items = parse_text(text, "x")
    assert [i.title[:30] for i in items] == [
        "Telephone conversation with Pr", "Consultations of CSTO deputy f"
    ]
    assert items[0].body[-1].startswith("Vladimir Putin had")
    assert items[1].body == (
        "On 7 April, consultations of the deputy foreign ministers were held in Moscow.",
    )


def test_a_sites_address_and_name_over_a_page_is_not_its_title() -> None:
    text = (
        "Thank you, Mr. Chairperson.\n\n"
        "------------------------------------------------------------\n"
        "mfa.gov.by | Permanent Mission of the Republic of Belarus to the OSCE\n\n"
        "21 July 2022 17:05\n\n"
        "Statement by the Delegation of the Republic of Belarus at the 1386th meeting of the"
        " OSCE Permanent Council\n\n"
        "Mr. Chairperson,\n\n"
        "We have taken note of the report.\n"
    )
    items = parse_text(text, "x")
    statement = items[-1]
    assert statement.title.startswith("Statement by the Delegation of the Republic of Belarus")
    assert statement.date == "2022-07-21"


@pytest.mark.parametrize(
    "text",
    [
        "On 5 December 2024, the Secretary General met Ivan Petrov. Minsk\n",
        "Summit\n\nOn 5 December 2024, the Secretary General met Ivan Petrov. Minsk\n",
    ],
)
def test_a_dated_story_without_a_full_stop_at_its_end_is_kept(text: str) -> None:
    [item] = parse_text(text, "x")
    assert item.date == "2024-12-05"
    assert item.body[0].startswith("On 5 December 2024, the Secretary General met Ivan Petrov")


def test_plus_marks_and_a_lone_dash_part_items_and_an_unstopped_dated_lead_dates_its_item() -> None:
    text = (
        "Глава МИД Узбекистана принял Генерального секретаря ШОС\n"
        "11.10.2019\n\n"
        "Стороны обсудили приоритеты Секретариата.\n\n"
        "+ + +\n\n"
        "Сергей Лебедев провел встречу в Ереване\n"
        "20.11.2019\n\n"
        "Стороны обсудили сотрудничество.\n\n"
        "~\n\n"
        "20–21 апреля 2017 года в Астане состоялось заседание Совета министров иностранных дел"
        " государств – членов ШОС\n\n"
        "Заседание прошло под председательством Министра иностранных дел Казахстана.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-10-11", "2019-11-20", "2017-04-20"]
    assert items[0].body[-1] == "Стороны обсудили приоритеты Секретариата."
    assert items[1].body[-1] == "Стороны обсудили сотрудничество."


def test_a_dated_address_a_tag_row_and_a_closing_place_date_the_right_items() -> None:
    text = (
        "CENTRAL ASIA SECURITY DESK\n"
        "Home › Archive › Security › 2016 › Page 1 of 2\n\n"
        "Security · Tajikistan · Afghan border\n"
        "Tuesday, 12 April 2016, 09:15\n\n"
        "CSTO to help Tajikistan reinforce Afghan border, says Bordyuzha\n\n"
        "The CSTO will send additional equipment to Tajik border units.\n\n"
        "* * *\n\n"
        "centralasiadesk.net/en/news/2017/11/30/csto-leaders-meet-in-minsk\n"
        "CSTO leaders meet in Minsk, agree on common list of terrorist organisations\n\n"
        "The heads of state, meeting in Minsk on Thursday, instructed their governments.\n\n"
        "Statement by CSTO Secretary General Stanislav Zas on the situation in the Kyrgyz"
        " Republic\n\n"
        "The CSTO Secretariat is closely following the developments in the Kyrgyz Republic.\n"
        "We call on all political forces to show restraint.\n\n"
        "Moscow, 7 October 2020\n\n"
        "Tajikistan's border troops have received 20 patrol vehicles under an OSCE project.\n"
        "Asia-Plus, 23.11.2020\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:24]) for i in items] == [
        ("2016-04-12", "CSTO to help Tajikistan "),
        ("2017-11-30", "CSTO leaders meet in Min"),
        ("2020-10-07", "Statement by CSTO Secret"),
        ("2020-11-23", "Tajikistan's border troo"),
    ]
    assert items[2].body[-1] == "Moscow, 7 October 2020"


def test_a_pages_last_update_note_is_its_footer_not_the_next_items_date() -> None:
    text = (
        "REFERENCE\n"
        "Collective Rapid Reaction Forces of the CSTO\n"
        "The Collective Rapid Reaction Forces were established by the decision of 2009.\n"
        "Joint exercises are held annually.\n"
        "Last updated: 03.04.2019\n\n"
        "OSCE Ministerial Council opens in Łódź\n"
        "1 December 2022\n"
        "The Council opened in Łódź.\n\n"
        "MOSCOW. Nov 30 (Interfax) - The CSTO plans to hold joint exercises in Belarus next"
        " year, Lieutenant General Vladimir Golubev told Interfax.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-04-03", "2022-12-01", "2022-11-30"]
    assert items[0].body[-1] == "Joint exercises are held annually."


def test_a_yearless_day_takes_the_year_of_the_nearer_neighbour() -> None:
    text = (
        "Заседание в Москве\n"
        "18 декабря 2014\n"
        "Заседание прошло в Москве.\n\n"
        "МОСКВА. 2 декабря. ИНТЕРФАКС - Министр иностранных дел РФ Сергей Лавров считает, что"
        " ОБСЕ переживает кризис.\n\n"
        "Совет министров ОБСЕ открылся в Лодзи\n"
        "30 ноября 2022\n"
        "Совет открылся в Лодзи.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2014-12-18", "2022-12-02", "2022-11-30"
    ]


def test_a_headline_under_a_closed_items_stamp_and_over_its_rubric_is_kept() -> None:
    text = (
        "You are receiving this bulletin because you are subscribed to the CSTO press service"
        " mailing list.\n\n"
        "10.11.2022 11:32\n"
        "Stanislav Zas: \"The CSTO has all the mechanisms to respond to the challenges facing"
        " its members\"\n"
        "EXCLUSIVE\n"
        "YEREVAN, NOVEMBER 10, ARMENPRESS. On the eve of the session in Yerevan, CSTO Secretary"
        " General Stanislav Zas answered questions.\n"
        "– Mr. Zas, how does the Organization assess the situation?\n"
    )
    [item] = parse_text(text, "x")
    assert item.title.startswith("Stanislav Zas: \"The CSTO has all the mechanisms")
    assert item.date == "2022-11-10"



def test_the_weekday_on_a_yearless_date_line_picks_its_year() -> None:
    text = (
        "CICA foreign ministers meet\n"
        "28 May 2018\n"
        "The ministers met.\n\n"
        "Monday, 3 June\n"
        "Tajik FM: Dushanbe ready to host CICA summit\n"
        "The Foreign Minister said Dushanbe was ready to host the summit.\n\n"
        "CICA summit opens in Dushanbe\n"
        "15 July 2019\n"
        "The summit opened.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2018-05-28", "2019-06-03", "2019-07-15"]


def test_a_counter_and_share_row_and_a_files_link_are_not_text() -> None:
    text = (
        "Foreign Minister Erlan Abdyldaev: We do not intend to politicise the CSTO\n"
        "12 March 2018\n"
        "E.Abdyldaev: The question of leaving the CSTO is not on the agenda.\n"
        "Views: 2 117 Share:\n"
        "[PDF] unrcca.unmissions.org/sites/default/files/statement.pdf\n"
    )
    [item] = parse_text(text, "x")
    assert item.body[-1].startswith("E.Abdyldaev: The question")


def test_a_day_something_starts_on_bounds_a_yearless_day_before_it() -> None:
    text = (
        "Заседание в Москве\n"
        "15 июня 2016\n"
        "Заседание прошло в Москве.\n\n"
        "Хачатуров назначен генсеком ОДКБ\n"
        "МИНСК, 30 ноября (БелТА) – Генеральным секретарем ОДКБ с 1 января 2018 года назначен"
        " Юрий Хачатуров.\n\n"
        "Выступление на конференции\n"
        "16 сентября 2021\n"
        "Уважаемые коллеги!\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2016-06-15", "2017-11-30", "2021-09-16"]


def test_a_view_counter_between_a_headline_and_its_lead_ends_nothing() -> None:
    text = (
        "Minsk, 26 October 2023\n\n"
        "23 November 2023 | 14:32\n"
        "Lukashenko: CSTO should not turn into a club of sympathizers\n"
        "Views: 2 341\n"
        "MINSK, 23 November (BelTA) - The CSTO must be capable of acting quickly and"
        " decisively, Belarusian President Alexander Lukashenko said.\n\n"
        "The chairmanship of the Organisation passes to Kazakhstan in 2024.\n"
    )
    [item] = parse_text(text, "x")
    assert item.title == "Lukashenko: CSTO should not turn into a club of sympathizers"
    assert item.body[0].startswith("The CSTO must be capable")
    assert item.date == "2023-11-23"


def test_a_dated_headline_its_standfirst_and_wire_lead_are_one_story() -> None:
    text = (
        "Extraordinary session of the CSTO Collective Security Council\n"
        "10 January 2022\n"
        "The session was held by videoconference.\n\n"
        "***\n\n"
        "13 JAN, 11:42\n\n"
        "CSTO peacekeepers to complete withdrawal from Kazakhstan within ten days - Zas\n\n"
        "The Secretary General said that the contingent had fully accomplished its mission\n\n"
        "NUR-SULTAN, January 13. /TASS/. The withdrawal of the CSTO Collective Peacekeeping"
        " Forces from Kazakhstan began on Thursday, Stanislav Zas said.\n\n"
        "\"The mission has been accomplished,\" Zas said.\n\n"
        "The contingent numbered over 2,000 servicemen.\n"
    )
    items = parse_text(text, "x")
    assert [i.title[:30] for i in items] == [
        "Extraordinary session of the C", "CSTO peacekeepers to complete "
    ]
    zas = items[1]
    assert zas.body[0].startswith("The Secretary General said that the contingent")
    assert zas.body[-1] == "The contingent numbered over 2,000 servicemen."
    assert zas.date == "2022-01-13"


def test_a_pdfs_page_number_and_running_head_inside_a_speech_are_not_text() -> None:
    text = (
        "Statement by H.E. Mr. Erlan Idrissov, Minister of Foreign Affairs of the Republic of"
        " Kazakhstan, at the United Nations Summit\n\n"
        "Mr. President,\n\n"
        "It is an honour for me to address this historic Summit.\n\n"
        "2 | Foreign Policy Bulletin No. 9, 2015\n\n"
        "We are convinced that peace and development are inseparable.\n\n"
        "I thank you, Mr. President.\n\n"
        "New York, 26 September 2015\n"
    )
    [item] = parse_text(text, "x")
    assert item.date == "2015-09-26"
    assert not any("Bulletin No. 9" in p for p in item.body)


@pytest.mark.parametrize("line", ["AKIpress - Feb 4", "Kazinform - 3 June", "TASS, 12 March"])
def test_an_agencys_name_and_a_yearless_day_are_a_date_line(line: str) -> None:
    dated = parse_date_line(line, bare=True)
    assert dated is not None and dated.date.year is None


def test_a_year_of_history_in_the_title_does_not_date_a_day_between_later_neighbours() -> None:
    text = (
        "The Commonwealth at 26\n"
        "10 October 2017\n"
        "The Commonwealth marks its anniversary.\n\n"
        "Armenia charges CSTO chief Khachaturov over 2008 events\n\n"
        "On 27 July, Armenian investigators charged Yuri Khachaturov.\n\n"
        "Zas appointed CSTO Secretary General\n"
        "28 November 2019\n"
        "The Council appointed Stanislav Zas.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2017-10-10", None, "2019-11-28"]


def test_a_publication_and_views_footer_dates_the_item_but_is_not_its_text() -> None:
    text = (
        "Coordination Council on Information Security meets in Minsk\n\n"
        "The meeting of the Coordination Council was held in Minsk.\n\n"
        "The meeting was attended by the Head of the Department.\n\n"
        "Published: 14.03.2025 | Views: 388\n\n"
        "Check against delivery!\n\n"
        "Opening remarks by the OSCE Secretary General at the conference\n\n"
        "Dear colleagues,\n\n"
        "Welcome to Vienna.\n"
    )
    items = parse_text(text, "x")
    assert items[0].date == "2025-03-14"
    assert items[0].body[-1] == "The meeting was attended by the Head of the Department."
    assert not any("Check against" in p for i in items for p in (i.title, *i.body))


def test_a_keepers_bracketed_note_and_a_channel_stamp_with_a_short_year() -> None:
    text = (
        "Putin warns Afghan situation 'close to critical' at CSTO summit\n"
        "15 September 2015\n\n"
        "The summit came less than two weeks after the attacks.\n\n"
        "[my weekly digest for the desk]\n\n"
        "Asia-Plus English, [29.07.18 21:03]\n"
        "BREAKING: Four foreign cyclists killed and several injured in an attack in Danghara.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2015-09-15", "2018-07-29"]
    assert items[0].body[-1] == "The summit came less than two weeks after the attacks."


def test_a_statements_title_broken_after_commas_is_one_title() -> None:
    text = (
        "Statement by Mr. Petko Draganov, Special Representative of the UN Secretary-General"
        " for Central Asia,\n"
        "Head of the United Nations Regional Centre for Preventive Diplomacy for Central Asia,\n"
        "at the meeting of Deputy Ministers of Foreign Affairs of Central Asian States\n\n"
        "Mr. Chairman,\n"
        "Excellencies,\n"
        "Ladies and Gentlemen,\n\n"
        "Let me begin by thanking the Government of Turkmenistan.\n\n"
        "Thank you for your kind attention.\n\n"
        "Ashgabat, 28 November 2016\n"
    )
    [item] = parse_text(text, "x")
    assert item.title.endswith("at the meeting of Deputy Ministers of Foreign Affairs of Central"
                               " Asian States")
    assert item.date == "2016-11-28"
    assert item.body[0] == "Mr. Chairman,"


def test_a_saints_city_in_a_wire_dateline_is_its_place() -> None:
    text = (
        "IPA CIS Council meets\n"
        "16 April 2015\n"
        "The Council met.\n\n"
        "ST. PETERSBURG, April 17 /TASS/. The Interparliamentary Assembly of the CIS adopted a"
        " statement.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2015-04-16", "2015-04-17"]
    assert items[1].body[0].startswith("The Interparliamentary Assembly")


@pytest.mark.parametrize("masthead", ["AKIpress news agency", "Азия-Плюс"])
def test_an_agencys_name_over_a_headline_and_its_date_is_not_the_title(masthead: str) -> None:
    text = (
        "DUSHANBE, Sept 15 (AFP) - Russian President Vladimir Putin said on Tuesday that the"
        " situation in Afghanistan was close to critical.\n"
        "The summit came less than two weeks after clashes in and around Dushanbe.\n\n"
        "[my weekly digest for the desk]\n"
        "SECURITY DIGEST / CENTRAL ASIA - 13 June 2016\n"
        "1) Kazakhstan. Death toll from the attacks in Aktobe rose.\n"
        "4) Kyrgyzstan. GKNB reports detaining three suspected recruiters in Osh.\n\n"
        f"{masthead}\n"
        "Suicide car bomber rams gates of Chinese embassy in Bishkek\n"
        "Aug 30, 2016 12:55\n"
        "A car rammed the gates of the Chinese embassy in Bishkek and exploded.\n"
        "Views: 11 203\n"
    )
    item = parse_text(text, "x")[-1]
    assert item.title == "Suicide car bomber rams gates of Chinese embassy in Bishkek"
    assert item.date == "2016-08-30"


def test_each_exported_post_keeps_its_own_header_date() -> None:
    text = (
        "\n"
        "ПА ОДКБ. Дайджест недели: 15–19 ноября 2021 года\n"
        "\n"
        "Пн, 15.11. Руководитель Секретариата Совета ПА ОДКБ Сергей Поспелов провел "
        "рабочую встречу с представителями Секретариата ОДКБ.\n"
        "Ср, 17.11. В Душанбе прошло заседание Постоянной комиссии ПА ОДКБ по вопросам "
        "обороны и безопасности под председательством Андрея Картаполова.\n"
        "Пт, 19.11. Генеральный секретарь ОДКБ Станислав Зась выступил перед депутатами "
        "Палаты представителей Национального собрания Беларуси.\n"
        "\n"
        "Архив дайджестов\n"
        "\n"
        "=== Выгрузка Telegram-канала МПА СНГ (новые сверху) ===\n"
        "\n"
        "МПА СНГ, [21.11.2022 12:30]\n"
        "Наблюдатели МПА СНГ представили предварительные выводы по итогам внеочередных "
        "выборов Президента Казахстана. Руководитель группы Дмитрий Кобицкий: «Выборы "
        "прошли на высоком организационном уровне, в спокойной обстановке, без нарушений, "
        "способных повлиять на их итоги».\n"
        "\n"
        "МПА СНГ, [20.11.2022 09:15]\n"
        "Наблюдатели МПА СНГ приступили к мониторингу голосования на избирательных "
        "участках Астаны, Алматы и Шымкента. В группе – 57 парламентариев из 8 стран.\n"
        "\n"
        "МПА СНГ, [17.11.2022 16:48]\n"
        "В Астане наблюдатели МПА СНГ встретились с председателем ЦИК Казахстана Нурланом "
        "Абдировым. Н.Абдиров проинформировал о ходе подготовки к выборам и о мерах по "
        "обеспечению прозрачности голосования.\n"
        "\n"
        "=== Конец выгрузки ===\n"
    )
    assert [i.date for i in parse_text(text, "x")][-3:] == [
        "2022-11-21", "2022-11-20", "2022-11-17"
    ]


def test_a_stamp_with_rubric_and_views_and_a_row_of_bracketed_actions_are_not_text() -> None:
    text = (
        "Armenpress\n"
        "14.10.2016 19:22 · Politics · 👁 1872\n\n"
        "CSTO Collective Security Council session held in Yerevan\n\n"
        "YEREVAN, OCTOBER 14, ARMENPRESS. The session of the Collective Security Council took"
        " place in Yerevan.\n\n"
        "The next session will be held in Minsk.\n\n"
        "[Print] [Close] [Large] [Medium] [Small]\n"
    )
    [item] = parse_text(text, "x")
    assert item.title == "CSTO Collective Security Council session held in Yerevan"
    assert item.date == "2016-10-14"
    assert item.body[-1] == "The next session will be held in Minsk."


def test_a_transcript_under_a_read_also_headline_is_not_taken_for_another() -> None:
    text = (
        "23.11.2022, 15:01\n"
        "Pashinyan refuses to sign CSTO declaration, calls for reworking it\n"
        "YEREVAN, NOVEMBER 23, ARMENPRESS. Prime Minister Nikol Pashinyan has refused "
        "to sign the declaration of the CSTO Collective Security Council session and "
        "the draft decision on joint measures to provide assistance to Armenia, saying "
        "the documents were not sufficiently finalised.\n"
        "\n"
        "\"I propose to set aside these documents and continue working on them,\" "
        "Pashinyan said at the session in Yerevan, adding that the absence of a clear "
        "political assessment of Azerbaijan's aggression against Armenia was damaging "
        "the image of the Organization.\n"
        "\n"
        "Russian President Vladimir Putin, Belarusian President Alexander Lukashenko "
        "and Kazakh President Kassym-Jomart Tokayev also attended the session.\n"
        "\n"
        "The leaders approved Imangali Tasmagambetov of Kazakhstan as CSTO Secretary "
        "General from January 1, 2023. He will succeed Stanislav Zas.\n"
        "\n"
        "Read also\n"
        "Armenia's chairmanship in the CSTO: results of the year\n"
        "\n"
        "\n"
        "News conference following CSTO Collective Security Council meeting\n"
        "November 23, 2022, 21:00\n"
        "Yerevan\n"
        "Following the Collective Security Council meeting, Vladimir Putin answered "
        "questions from the media.\n"
        "Question: Mr President, the Armenian side refused to sign the declaration. "
        "Does this mean there is a crisis in the CSTO?\n"
        "Vladimir Putin: No, I do not think so. The Prime Minister of Armenia, Mr "
        "Pashinyan, proposed to finalise the documents, and we agreed to ask the "
        "foreign ministers to continue working on them. This is a normal working "
        "process.\n"
        "Question: Will Russia continue its mediation between Armenia and Azerbaijan?\n"
        "Vladimir Putin: Of course. I will talk with President Ilham Aliyev in the near "
        "future. Our task is to make sure that the agreements of November 2020 and the "
        "subsequent trilateral statements are implemented.\n"
        "Question: And the last question. What do you expect from Kazakhstan's "
        "chairmanship?\n"
        "Vladimir Putin: Continuity. The main thing is that the Organization works and "
        "develops.\n"
        "Publication date: November 23, 2022, 21:00\n"
        "Text version\n"
    )
    items = parse_text(text, "x")
    assert items[-1].title == "News conference following CSTO Collective Security Council meeting"
    assert items[-1].date == "2022-11-23"


def test_a_toasts_title_after_a_briefings_last_answer_opens_the_toast() -> None:
    text = (
        "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 18 июня 2025"
        " года\n\n"
        "Вопрос: Обсуждалась ли эта тема на переговорах?\n\n"
        "М.В.Захарова: Министр иностранных дел России С.В.Лавров в ходе контактов подчеркнул"
        " нашу позицию.\n\n"
        "Тост Президента Республики Казахстан Касым-Жомарта Токаева на официальном приеме\n\n"
        "Уважаемый Владимир Владимирович!\n\n"
        "Предлагаю поднять бокалы за дружбу и союзничество!\n\n"
        "Астана, 27 ноября 2024 года\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2025-06-18", "2024-11-27"]
    assert items[1].title.startswith("Тост Президента")


def test_a_more_heading_and_a_ministrys_news_feed_masthead_are_not_items() -> None:
    text = (
        "CSTO chief calls on Baku and Yerevan to stop fire in Karabakh\n\n"
        "MOSCOW, April 5 /TASS/. CSTO Secretary General Nikolai Bordyuzha urged the sides to"
        " stop fire.\n"
        "Bordyuzha added that the member states would support the OSCE Minsk Group.\n\n"
        "More:\n"
        "Lavrov to hold talks with Nalbandyan in Moscow\n"
        "Russian Defence Ministry: situation in Aleppo remains tense\n\n"
        "26 April 2016\n"
        "Meeting of the Working Group on Afghanistan under the CSTO Council of Foreign"
        " Ministers\n\n"
        "A regular meeting of the Working Group was held at the CSTO Secretariat.\n\n"
        "МИД Республики Узбекистан | Лента новостей\n\n"
        "05.12.2024\n"
        "Б.Саидов принял участие в 31-м заседании СМИД ОБСЕ на Мальте\n"
        "Министр иностранных дел Бахтиёр Саидов принял участие в заседании Совета.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:24]) for i in items][1:] == [
        ("2016-04-26", "Meeting of the Working G"),
        ("2024-12-05", "Б.Саидов принял участие "),
    ]
    assert items[0].body[-1].startswith("Bordyuzha added")


def test_a_place_and_date_of_another_day_under_a_dated_untitled_story_heads_the_next() -> None:
    text = (
        "\n"
        "Поделиться:\n"
        "\n"
        "14 мая заместитель Министра иностранных дел Республики Таджикистан Сохиб "
        "Саидзода принял руководителя Программного офиса ОБСЕ в Душанбе Валериу Кивера. "
        "Обсуждены вопросы реализации совместных проектов в сфере пограничной "
        "безопасности и противодействия торговле людьми.\n"
        "\n"
        "Ереван, 22 ноября 2022 года\n"
        "\n"
        "Министр иностранных дел Казахстана Мухтар Тлеуберди принял участие в "
        "совместном заседании СМИД, СМО и КССБ ОДКБ\n"
        "\n"
        "В ходе заседания под председательством Министра иностранных дел Армении "
        "Арарата Мирзояна были рассмотрены вопросы, вынесенные на сессию Совета "
        "коллективной безопасности.\n"
        "\n"
        "Министр иностранных дел Армении отметил, что армянская сторона ожидает от "
        "союзников четкой политической оценки ситуации на армяно-азербайджанской "
        "границе.\n"
    )
    items = parse_text(text, "x")
    assert items[0].body[-1].startswith("14 мая заместитель")
    assert items[1].date == "2022-11-22"


def test_a_photo_caption_ends_a_story_over_a_channel_post() -> None:
    text = (
        "Всего в операции приняли участие более 2 тысяч военнослужащих и около 250 "
        "единиц техники из пяти государств.\n"
        "\n"
        "На фото: церемония проводов миротворцев в аэропорту Алматы. Фото: Минобороны "
        "России\n"
        "\n"
        "🇰🇬🇹🇯 Садыр Жапаров и Эмомали Рахмон на полях саммита ШОС в Самарканде "
        "договорились о прекращении огня и отводе войск от границы. Об этом сообщил "
        "глава ГКНБ Кыргызстана Камчыбек Ташиев.\n"
        "«Договоренность достигнута, стороны отводят технику», – написал Ташиев в своем "
        "телеграм-канале.\n"
        "16 сентября, 14:48 · 👁 12,4K\n"
        "\n"
    )
    items = parse_text(text, "x")
    assert items[0].body[-1].startswith("На фото:")
    assert items[1].body[0].startswith("🇰🇬🇹🇯 Садыр Жапаров и Эмомали Рахмон")


def test_box_drawn_banners_part_items_and_a_yearless_channel_stamp_dates_its_post() -> None:
    text = (
        "Сессия Совета коллективной безопасности прошла в Ереване\n"
        "14 октября 2016\n"
        "В 2017 году председательство в ОДКБ переходит к Беларуси.\n\n"
        "════ 2017–2019 ════\n\n"
        "Минобороны России, [10.08 14:12]\n"
        "На полигоне Харб-Майдон в Таджикистане началось учение.\n\n"
        "Учение ОДКБ в Таджикистане\n"
        "20 августа 2021\n"
        "Учение завершилось.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2016-10-14", "2021-08-10", "2021-08-20"]
    assert items[0].body[-1].startswith("В 2017 году")


@pytest.mark.parametrize("mark", ["—", "–", "~", "*", "+ + +", "════"])
def test_a_lone_mark_between_stories_parts_them(mark: str) -> None:
    text = (
        "Глава МИД принял посла\n"
        "11.10.2019\n\n"
        "Стороны обсудили сотрудничество.\n\n"
        f"{mark}\n\n"
        "Сергей Лебедев провел встречу в Ереване\n"
        "20.11.2019\n\n"
        "Стороны обсудили подготовку саммита.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-10-11", "2019-11-20"]
    assert items[0].body[-1] == "Стороны обсудили сотрудничество."


def test_a_digests_bulleted_entries_stay_one_list() -> None:
    text = (
        "CSTO DIGEST — 2-8 February 2015\n\n"
        "• On 3 February, CSTO Secretary General Nikolai Bordyuzha held talks in Bishkek with"
        " the Minister of Foreign Affairs.\n"
        "• On 4 February, the Working Group on Afghanistan met at the CSTO Secretariat.\n"
        "• On 5 February, Chief of the CSTO Joint Staff Colonel General Alexander Studenikin"
        " took part in a meeting.\n"
        "• On 6 February, CSTO Deputy Secretary General Valery Semerikov delivered a lecture.\n"
        "Sources: CSTO Secretariat, AKIpress, Asia-Plus\n"
    )
    [item] = parse_text(text, "x")
    assert len([p for p in item.body if p.startswith("•")]) == 4


@pytest.mark.parametrize(
    "heading", ["CSTO DIGEST — 2-8 February 2015", "ОДКБ ЗА НЕДЕЛЮ | 24–30 ноября 2025"]
)
def test_a_digests_heading_naming_its_week_is_its_title_not_a_date_line(heading: str) -> None:
    assert parse_date_line(heading, bare=True) is None
    text = f"{heading}\n\n• On 3 February, the Secretary General held talks in Bishkek.\n"
    [item] = parse_text(text, "x")
    assert item.title == heading


def test_a_digest_is_dated_by_the_first_day_of_its_week() -> None:
    text = (
        "Заседание Постоянного совета ОДКБ\n"
        "10 мая 2024\n"
        "В Москве прошло заседание Постоянного совета.\n\n"
        "ДАЙДЖЕСТ: СНГ и ОДКБ за неделю (13–19 мая)\n\n"
        "• Армения не направила своих представителей на заседания.\n"
        "• В Бишкеке прошла встреча Генерального секретаря с министром.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2024-05-10", "2024-05-13"]


@pytest.mark.parametrize("mark", ["-----Original Message-----", "<...>", "[…]"])
def test_a_mail_break_or_a_cut_mark_is_no_text(mark: str) -> None:
    text = (
        "Briefing by the Official Representative of the MFA\n"
        "12 March 2025\n\n"
        "Question: Are the ministers in contact?\n\n"
        "Answer: The ministers are in constant contact.\n\n"
        f"{mark}\n"
    )
    [item] = parse_text(text, "x")
    assert item.body[-1] == "Answer: The ministers are in constant contact."


@pytest.mark.parametrize(
    ("line", "day"),
    [("[23.08.21 16:05]", "2021-08-23"), ("Kazinform, [28.11.2024 13:20]", "2024-11-28")],
)
def test_a_channel_stamp_with_or_without_a_name_is_a_date_line(line: str, day: str) -> None:
    dated = parse_date_line(line)
    assert dated is not None and dated.date.iso() == day


def test_the_day_an_anniversary_marks_is_not_the_year_of_the_items_day() -> None:
    text = (
        "CSTO Secretary General at the exercise\n"
        "20 April 2017\n"
        "The exercise ended.\n\n"
        "15 May, 10:30\n"
        "Congratulatory address of the CSTO Secretary General on the anniversary of the"
        " Collective Security Treaty\n"
        "Dear friends! The Treaty was signed in Tashkent on 15 May 1992. I congratulate you on"
        " the anniversary.\n\n"
        "Session of the Council\n"
        "30 May 2017\n"
        "The Council met.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2017-04-20", "2017-05-15", "2017-05-30"]


def test_a_xinhua_lead_and_the_nearer_of_two_far_apart_neighbours() -> None:
    text = (
        "CSTO foreign ministers meet in Bishkek\n"
        "27 November 2019\n"
        "The ministers met.\n\n"
        "BISHKEK, Nov. 28 (Xinhua) -- Leaders of the Collective Security Treaty Organization"
        " member states held a session in Bishkek.\n\n"
        "The next session is scheduled for 2020 in Moscow.\n\n"
        "Session of the Collective Security Council by videoconference\n"
        "2 December 2020\n"
        "The session was held.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2019-11-27", "2019-11-28", "2020-12-02"]
    assert items[1].body[0].startswith("Leaders of the Collective")


def test_an_agency_mark_with_quotes_is_a_wire_lead() -> None:
    lead = wire_lead("Душанбе, 2.06.2021 /НИАТ «Ховар»/. Сегодня в Душанбе прошло заседание.")
    assert lead is not None and lead.text.startswith("Сегодня в Душанбе")
    assert lead.date_line is not None and lead.date_line.date.iso() == "2021-06-02"


def test_a_wire_storys_last_sentence_over_its_own_stamp_is_not_a_headline() -> None:
    text = (
        "\n"
        "Yerevan, 14 October 2016\n"
        "\n"
        "Print | Back to list\n"
        "\n"
        "CSTO defense ministers agree on joint air defense plans\n"
        "\n"
        "YEREVAN, OCTOBER 14, ARMENPRESS. Defense Minister of Armenia Vigen Sargsyan "
        "had a meeting on the sidelines of the CSTO summit with Defense Minister of "
        "Russia Sergei Shoigu. The ministers discussed the implementation of the "
        "agreement on the Joint Regional Air Defense System of Armenia and Russia "
        "signed in 2015.\n"
        "\n"
        "Foreign Minister Edward Nalbandian told reporters that the Yerevan session had "
        "been \"substantive and frank\".\n"
        "\n"
        "20:41, 14 October, 2016\n"
        "\n"
        "Read also:\n"
        "- Armenian President receives CSTO Secretary General\n"
        "- Yerevan hosts CSTO Council of Foreign Ministers\n"
    )
    story = next(i for i in parse_text(text, "x") if i.title.startswith("CSTO defense ministers"))
    assert story.date == "2016-10-14"
    assert story.body[-1].startswith("Foreign Minister Edward Nalbandian")


def test_a_hostile_line_of_repeated_counter_words_is_read_in_one_pass() -> None:
    # each "views" could be split from its spaces two ways: without an atomic group the
    # furniture pattern tries 2^n splits and never returns
    text = "Meeting in Minsk\n12 March 2025\nThe ministers met.\n\n" + "Views " * 3000 + "!\n"
    items = parse_text(text, "x")
    assert items[0].date == "2025-03-12"
    assert any("Views Views" in p for i in items for p in (i.title, *i.body))  # kept
