"""Pages, channels and working files of sets 98 to 105: speeches closed at a range in a
country, posts pinned with a day and place, briefings with topics, digests, captions."""

import pytest

from store.ingest.parser import parse_text
from store.text.dates import parse_date_line


def test_a_speech_closed_at_a_range_in_a_country_ends_there() -> None:
    text = (
        "Address by CSTO Secretary General Nikolai Bordyuzha at the closing ceremony of the"
        " exercise\n\n"
        "Comrade generals and officers!\n\n"
        "Today we are completing the joint exercise of the Collective Peacekeeping Forces.\n\n"
        "Glory to the peacekeepers of the CSTO!\n\n"
        "Bagramyan range, Republic of Armenia, 16 October 2015\n\n"
        "* * *\n\n"
        "12.02.2016\n\n"
        'Alexander Studenikin: "Peacekeepers must be ready for any scenario"\n\n'
        "The Chief of the CSTO Joint Staff answered questions from Krasnaya Zvezda.\n"
    )
    speech, interview = parse_text(text, "x")
    assert speech.date == "2015-10-16"
    assert speech.body[-1].startswith(("Glory to the peacekeepers", "Bagramyan range"))
    assert interview.date == "2016-02-12"
    line = parse_date_line("Chebarkul, Chelyabinsk region, Russia, 5 May 2020")
    assert line is not None and line.place == "Chebarkul, Chelyabinsk region, Russia"


def test_a_post_pinned_with_its_day_and_place_takes_its_neighbours_year() -> None:
    text = (
        "CSTO rapid reaction forces to hold drills in Pskov region\n\n"
        "20 August 2015\n\n"
        "The drills will take place in September.\n\n"
        "CSTO Official\n"
        "📌 14 September, Yerevan\n\n"
        "Minister of Defence of Armenia Seyran Ohanian received a delegation of the CSTO"
        " Joint Staff.\n\n"
        "Exercise ends in Armenia\n\n"
        "16 October 2015\n\n"
        "The exercise ended at the Bagramyan range.\n"
    )
    items = parse_text(text, "x")
    post = next(i for i in items if any("Seyran Ohanian" in p for p in i.body))
    assert post.date == "2015-09-14"
    assert "14 September" not in post.title


def test_a_dated_briefings_topic_headings_over_questions_stay_in_the_briefing() -> None:
    text = (
        "Armenia has frozen its participation in CSTO – Pashinyan\n"
        "18:15, 23 February 2024\n\n"
        "YEREVAN, FEBRUARY 23, ARMENPRESS. Armenia has de facto frozen its participation in"
        " the CSTO, Prime Minister Nikol Pashinyan said.\n\n"
        "Asked whether Armenia would leave the organization, the Prime Minister said, \"We"
        " will see.\"\n\n"
        "Kremlin spokesman Dmitry Peskov said Moscow would seek clarification.\n"
        "\n"
        "Tuesday, 27 February 2024\n"
        "Briefing by the Official Representative of the Ministry of Foreign Affairs of"
        " Kazakhstan Aibek Smadiyarov\n"
        "\n"
        "On Armenia's participation in the CSTO\n"
        "Question: How does Kazakhstan assess the statement of the Armenian side?\n"
        "Aibek Smadiyarov: We have taken note of the statements of the Armenian leadership.\n"
        "On the preparation of the SCO summit\n"
        "Question: When will the SCO summit in Astana take place?\n"
        "Aibek Smadiyarov: The meeting will be held in Astana on 3-4 July.\n"
    )
    briefing = parse_text(text, "x")[-1]
    assert briefing.title.startswith("Briefing by the Official Representative")
    assert briefing.date == "2024-02-27"
    assert "On the preparation of the SCO summit" in briefing.body
    assert briefing.body[-1].startswith("Aibek Smadiyarov: The meeting will be held")


def test_a_channels_second_post_of_the_day_takes_the_days_header() -> None:
    text = (
        "July 1, 2024\n\n"
        "The SCO foreign ministers arrived in Astana.\n\n"
        "MFA Kazakhstan\nt.me/mfa_kz\n\n"
        "July 2\n\n"
        "🇰🇿🇨🇳 Foreign Minister Murat Nurtleu met with Minister of Foreign Affairs of China"
        " Wang Yi.\n\n"
        "The parties discussed the preparations for the state visit.\n"
        "👁 2.1K   edited 18:20\n\n"
        "📌 Deputy Minister of Foreign Affairs Roman Vassilenko chaired the final meeting of the"
        " Council of National Coordinators.\n"
        "#SCO2024 #Astana\n"
        "👁 3.4K   21:05\n\n"
        "July 4\n\n"
        "✅ Today in Astana the Heads of State of the SCO signed the Astana Declaration.\n"
    )
    items = parse_text(text, "x")
    pinned = next(i for i in items if any("Roman Vassilenko" in p for p in (i.title, *i.body)))
    assert pinned.date == "2024-07-02"
    assert items[-1].date == "2024-07-04"


def test_an_interview_ends_on_the_papers_issue_and_date_and_the_speech_below_is_its_own() -> (
    None
):
    text = (
        "«Модельный закон — это не копия, а ориентир»\n"
        "Ответственный секретарь Парламентской Ассамблеи ОДКБ Сергей Посохов ответил на"
        " вопросы газеты.\n"
        "Вопрос: Как работает армянская делегация?\n"
        "Сергей Посохов: Армянская делегация работает активно.\n"
        "Вопрос: Каковы планы на этот год?\n"
        "Сергей Посохов: Главное — программа гармонизации законодательства.\n"
        "Российская газета — Федеральный выпуск № 81 (7836), 16.04.2019\n"
        "\n"
        "Выступление Председателя Совета МПА СНГ В.И.Матвиенко на 48-м пленарном заседании\n"
        "30.11.2018\n"
        "Уважаемые коллеги!\n"
        "Рада приветствовать вас в Таврическом дворце.\n"
        "Спасибо за внимание.\n"
        "Санкт-Петербург, 29 ноября 2018 года\n"
    )
    interview, speech = parse_text(text, "x")
    assert interview.date == "2019-04-16"
    assert speech.title.startswith("Выступление Председателя Совета МПА СНГ")
    assert speech.date in ("2018-11-30", "2018-11-29")


def test_an_interviews_standfirst_under_its_dated_headline_is_its_lead_not_a_title() -> None:
    # a page of a paragraph a line, each question with its answer
    text = (
        "На полигоне Харбмайдон завершилось учение «Боевое братство-2021»\n\n"
        "Душанбе. 22 октября. INTERFAX.RU - Совместное учение Коллективных сил ОДКБ"
        " завершилось.\n\n"
        "За заключительным этапом наблюдали министры обороны.\n\n"
        "_______________\n\n"
        "30 ноября 2020, 00:01\n\n"
        "«Миротворцы ОДКБ готовы к действиям и в период пандемии»\n\n"
        "Генеральный секретарь ОДКБ Станислав Зась рассказал «Известиям» о переносе совместных"
        " учений и о том, как Организация работает в условиях пандемии\n\n"
        "– Станислав Васильевич, в этом году не прошло ни одного совместного учения. Почему?\n"
        "– Решение о переносе учений было вынужденным и принималось консенсусом.\n\n"
        "– Когда учения возобновятся?\n"
        "– План на 2021 год уже согласован.\n"
    )
    interview = parse_text(text, "x")[-1]
    assert interview.title == "«Миротворцы ОДКБ готовы к действиям и в период пандемии»"
    assert interview.date == "2020-11-30"
    assert interview.body[0].startswith("Генеральный секретарь ОДКБ Станислав Зась рассказал")
    assert interview.body[-1] == "– План на 2021 год уже согласован."


def test_share_buttons_with_the_comment_count_or_a_link_mark_are_no_item() -> None:
    text = (
        "«Миротворцы ОДКБ готовы к действиям»\n\n30 ноября 2020\n\n"
        "Генеральный секретарь ОДКБ ответил на вопросы газеты.\n\n"
        "Беседовала Елена Крылова\n\n"
        "Поделиться:  Комментарии (18)\n\n"
        "_______________\n\n"
        "Заявление Объединенного штаба ОДКБ\n\n26 мая 2020\n\n"
        "Учения переносятся на следующий год.\n\n"
        "Поделиться: 🔗\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "«Миротворцы ОДКБ готовы к действиям»", "Заявление Объединенного штаба ОДКБ"
    ]
    assert not any("Поделиться" in p for i in items for p in i.body)


def test_a_chronicle_of_a_week_is_titled_by_its_heading_and_dated_by_its_first_day() -> None:
    text = (
        "_______________\n\n"
        "Хроника ОДКБ: 2–8 декабря 2019 года\n\n"
        "– 3 декабря врио Генерального секретаря ОДКБ Валерий Семериков принял участие в"
        " заседании.\n"
        "– 4 декабря в Объединенном штабе ОДКБ подведены итоги совместных учений.\n"
        "– 6 декабря делегация Секретариата ОДКБ посетила Бишкек.\n\n"
        "_______________\n"
    )
    [chronicle] = parse_text(text, "x")
    assert chronicle.title == "Хроника ОДКБ: 2–8 декабря 2019 года"
    assert chronicle.date == "2019-12-02"
    assert len(chronicle.body) == 3


def test_a_press_service_credit_with_its_date_closes_the_release_and_the_next_head_is_whole(
) -> None:
    text = (
        "[прислали из Объединенного штаба, без заголовка]\n\n"
        "В Республике Беларусь на полигоне «Брестский» завершилось командно-штабное учение.\n"
        "В учении приняли участие оперативные группы от Армении, Беларуси и России.\n"
        "Пресс-служба Объединенного штаба ОДКБ, 2 июля 2019 г.\n\n"
        "ПОЛИТИКА\n"
        "«Вопрос о генсеке будет решен в Бишкеке»\n"
        "Врио генерального секретаря ОДКБ Валерий Семериков - о председательстве Киргизии,"
        " Афганистане и миротворцах\n"
        "Алексей Кругов\n"
        "22 июля 2019, 00:01\n\n"
        "Осенью в Бишкеке лидеры стран ОДКБ должны назначить нового генсека.\n\n"
        "- Валерий Николаевич, организация уже девять месяцев живет без генсека. Как это"
        " сказывается на работе?\n\n"
        "- Секретариат работает в штатном режиме.\n"
    )
    release, interview = parse_text(text, "x")
    assert release.date == "2019-07-02"
    assert release.body[-1].startswith("Пресс-служба Объединенного штаба ОДКБ")
    assert interview.title == "«Вопрос о генсеке будет решен в Бишкеке»"
    assert interview.date == "2019-07-22"
    assert interview.body[-1] == "- Секретариат работает в штатном режиме."


def test_a_feeds_source_field_with_its_stamp_dates_the_wire_story_under_it() -> None:
    text = (
        "CIS lawmakers urge preserving INF Treaty\n"
        "Source: Xinhua| 2018-11-29 21:05:11|Editor: Li Xia\n"
        "ST. PETERSBURG, Russia, Nov. 29 (Xinhua) -- Lawmakers of the CIS on Thursday called on"
        " the United States to reconsider its decision.\n"
        "The CIS, founded in 1991, groups nine former Soviet republics.\n"
    )
    [story] = parse_text(text, "x")
    assert story.date == "2018-11-29"  # not 1990, a Thursday 29 November near 1991
    assert not any(p.startswith("Source:") for p in story.body)


def test_a_posted_line_under_a_story_its_lead_dated_without_a_year_dates_it() -> None:
    text = (
        "IPA CIS observers call Kyrgyz election competitive\n"
        "BISHKEK (AKIpress) - Observers from the CIS Inter-Parliamentary Assembly found the"
        " January 10 early presidential election in Kyrgyzstan to be competitive.\n"
        "Sadyr Japarov won 79.2% of the vote.\n"
        "Posted: 11 Jan 2021 13:27\n"
        "\n"
        "Vyacheslav Volodin answered journalists' questions after the plenary session\n"
        "26 November 2021, 17:40\n"
        "The Chairman of the State Duma spoke to journalists.\n"
    )
    observers, volodin = parse_text(text, "x")
    assert observers.date == "2021-01-11"
    assert volodin.date == "2021-11-26"


def test_a_period_of_months_up_to_the_day_gives_the_yearless_wire_story_its_year() -> None:
    text = (
        "Nikolai Bordyuzha: ISAF withdrawal will test the southern borders\n"
        "15 October 2014\n"
        "The Secretary General spoke in Moscow.\n\n"
        "Tajik border guards report rise in drug seizures on Afghan border\n\n"
        "DUSHANBE, November 27. /TASS/. Tajikistan's border troops seized more than 1.8 tonnes"
        " of drugs in January-November 2015, almost a third more than in the same period of"
        " 2014.\n"
        "Russian border guards left the border in 2005.\n\n"
        "Working Group on Afghanistan discusses situation in northern provinces\n"
        "24 June 2016\n"
        "The Working Group met in Moscow.\n"
    )
    story = parse_text(text, "x")[1]
    assert story.date == "2015-11-27"


def test_two_dashes_alone_on_a_line_part_items_and_the_closing_date_stays_the_speechs() -> None:
    text = (
        "Address by the Chairman of the CSTO Parliamentary Assembly Sergey Naryshkin\n\n"
        "Dear colleagues!\n\n"
        "I am glad to welcome you to St. Petersburg.\n\n"
        "Thank you for your attention.\n\n"
        "St. Petersburg, 26 November 2015\n\n\n"
        "——\n\n"
        'Sergey Posokhov: "Parliamentary diplomacy works where others are silent"\n\n'
        "The Executive Secretary told Sputnik Armenia about the results of the year.\n\n"
        "Published: 24.10.2016\n"
    )
    address, interview = parse_text(text, "x")
    assert address.date == "2015-11-26"
    assert interview.title.startswith("Sergey Posokhov:")
    assert not any("——" in i.title for i in (address, interview))


def test_a_post_saying_today_and_the_day_is_dated_that_day() -> None:
    text = (
        "Stanislav Zas: the exercise will be the largest in recent years\n"
        "18 October 2021\n"
        "The Secretary General spoke to journalists.\n\n"
        "----------------------------------------\n\n"
        "Russian MoD\n"
        "📍 Tajikistan, Harb-Maidon range. Today, 20 October, the active phase of the joint"
        " exercises of the CSTO Collective Rapid Reaction Forces began.\n\n"
        "The exercises are commanded by Colonel General Alexander Lapin.\n\n"
        "----------------------------------------\n\n"
        "Statement by the Chairman of the CSTO Collective Security Council\n"
        "6 January 2022\n"
        "The Council decided to send peacekeeping forces.\n"
    )
    post = parse_text(text, "x")[1]
    assert post.date == "2021-10-20"


def test_an_exercise_named_with_its_year_picks_the_year_between_neighbours_a_year_apart() -> (
    None
):
    text = (
        "Tasmagambetov observes final stage of CSTO Interaction-2023 exercise\n"
        "6 September 2023\n"
        "The Secretary General watched the final stage.\n\n"
        "ASTANA, September 18. /TASS/. Joint exercises of the CSTO Collective Forces"
        " Interaction-2024, Search-2024 and Echelon-2024 have started in Kazakhstan.\n"
        "The exercises will run until September 28.\n\n"
        'Imangali Tasmagambetov: "The CSTO has never been a closed club"\n'
        "25 November 2024\n"
        "The Secretary General answered questions.\n"
    )
    story = parse_text(text, "x")[1]
    assert story.date == "2024-09-18"


def test_a_wire_story_under_a_closing_date_early_in_a_year_takes_the_nearer_year() -> None:
    # a dump newest first: the interview closed on 5 January 2018, the session under it is
    # the November before
    text = (
        "К.Абдрахманов: «Председательство в ОДКБ – это прежде всего ответственность»\n\n"
        "Корр.: Господин министр, с 1 января Казахстан председательствует в ОДКБ. С чего"
        " начнется председательство?\n\n"
        "К.Абдрахманов: План мероприятий председательства уже утвержден.\n\n"
        "Корр.: Как будет строиться взаимодействие с Секретариатом?\n\n"
        "К.Абдрахманов: Мы поддерживаем тесный контакт с Генеральным секретарем.\n\n"
        "«Казахстанская правда», 5 января 2018 г.\n\n"
        "МИНСК, 30 ноября (БЕЛТА) – Сессия Совета коллективной безопасности ОДКБ прошла во"
        " Дворце Независимости.\n"
        "В 2018 году председательство в ОДКБ перейдет к Казахстану.\n"
    )
    interview, session = parse_text(text, "x")
    assert interview.date == "2018-01-05"
    assert session.date == "2017-11-30"


def test_a_statement_whose_lead_looks_ahead_is_dated_by_its_closing_place_and_date() -> None:
    text = (
        "ЗАЯВЛЕНИЕ Совета Парламентской Ассамблеи ОДКБ в связи с 30-летием подписания"
        " Договора о коллективной безопасности\n"
        "15 мая 2022 года исполняется 30 лет со дня подписания в Ташкенте Договора о"
        " коллективной безопасности.\n"
        "Совет Парламентской Ассамблеи ОДКБ выражает признательность Генеральному секретарю.\n"
        "г. Санкт-Петербург, 13 мая 2022 года\n"
    )
    [statement] = parse_text(text, "x")
    assert statement.date == "2022-05-13"


def test_an_interview_headline_and_subtitle_after_a_briefing_start_the_interview() -> None:
    text = (
        "Брифинг официального представителя МИД РК Айбека Смадиярова\n"
        "12 марта 2024 года\n"
        "— Планируется ли визит министра в Китай?\n"
        "— Да, такой визит запланирован на апрель.\n"
        "— Когда пройдет заседание СМИД ШОС?\n"
        "— Заседание Совета министров иностранных дел ШОС состоится в Астане 20–21 мая.\n\n"
        "Имангали Тасмагамбетов: «Дверь ОДКБ для Армении остается открытой»\n"
        "Генеральный секретарь ОДКБ ответил на вопросы корреспондента РИА Новости\n\n"
        "— Имангали Нургалиевич, как бы вы оценили первые девять месяцев работы?\n\n"
        "— Это был непростой период.\n\n"
        "«РИА Новости», 10 октября 2023 года\n"
    )
    briefing, interview = parse_text(text, "x")
    assert briefing.body[-1].startswith("— Заседание Совета министров")
    assert interview.title == "Имангали Тасмагамбетов: «Дверь ОДКБ для Армении остается открытой»"
    assert interview.body[0].startswith("Генеральный секретарь ОДКБ ответил")
    assert interview.date == "2023-10-10"


def test_a_headline_by_an_agency_over_its_stamp_starts_a_story_after_another() -> None:
    text = (
        "Mukhtar Tileuberdi takes part in CSTO Council of Foreign Ministers meeting\n"
        "December 1, 2020\n\n"
        "NUR-SULTAN – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi took part in"
        " the meeting.\n\n"
        "In his speech, Mukhtar Tileuberdi noted the importance of joint efforts.\n\n"
        "Russia-led alliance to send troops to Kazakhstan as unrest spreads\n"
        "By Reuters\n"
        "January 6, 2022 4:11 AM GMT+6 Updated 4 years ago\n\n"
        "ALMATY, Jan 6 (Reuters) - A Russia-led military alliance said on Thursday it would send"
        ' "peacekeeping forces" to Kazakhstan.\n\n'
        "The CSTO did not say how many troops would be sent.\n"
    )
    meeting, alliance = parse_text(text, "x")
    assert meeting.body[-1].startswith("In his speech")
    assert alliance.title == "Russia-led alliance to send troops to Kazakhstan as unrest spreads"
    assert alliance.date == "2022-01-06"


def test_a_sites_previous_and_next_news_links_are_no_title() -> None:
    text = (
        "Kyrgyz FM, SCO Secretary General discuss preparations for Bishkek summit\n"
        "Sep 3, 2025 10:15\n\n"
        "AKIpress news agency - Minister of Foreign Affairs Jeenbek Kulubaev met with SCO"
        " Secretary General Nurlan Yermekbayev in Beijing on September 2.\n\n"
        "The minister received the Secretary General.\n\n"
        "Previous news: Kyrgyzstan, Uzbekistan sign agreement on water-energy cooperation\n"
        "Next news: Kyrgyz som strengthens against US dollar\n\n"
        "Briefing of the Head of the Information Policy Department of the Ministry of Foreign"
        " Affairs of the Kyrgyz Republic Aizada Subakozhoeva\n"
        "Bishkek, 15 January 2026\n\n"
        "Good afternoon, dear journalists!\n"
    )
    meeting, briefing = parse_text(text, "x")
    assert meeting.body[-1] == "The minister received the Secretary General."
    assert briefing.title.startswith("Briefing of the Head of the Information Policy")


def test_view_counters_copied_without_their_eye_are_no_items() -> None:
    text = (
        "Valery Semerikov: Karabakh is not part of the CSTO zone\n"
        "28 November 2019\n\n"
        "- Who will head the Secretariat from January 2020?\n\n"
        "- The heads of state have agreed that the post will go to a representative of"
        " Belarus.\n\n"
        "Photo: Sputnik / Asatur Yesayants\n"
        "1 540 views\n\n"
        "## Telegram, MFA Armenia channel (export, times are Yerevan)\n\n"
        "September 29\n"
        "Armenian MFA\n"
        "Spokesperson of the MFA Anna Naghdalyan: Armenia has informed its CSTO partners.\n"
        "15.2K  edited 18:47\n\n"
        "------------------------------------------------\n"
    )
    titles = [i.title for i in parse_text(text, "x")]
    assert not any("views" in t or "edited" in t for t in titles)
    assert len(titles) == 2


def test_a_rubric_in_capitals_over_the_date_gives_way_to_the_headline_under_it() -> None:
    text = (
        "------------------------------------------------\n"
        "MILITARY & DEFENSE\n"
        "2 OCT 2020, 14:11\n\n"
        "CSTO not obliged to intervene in Karabakh, Zas says\n\n"
        "The Secretary General stressed that the fighting is not taking place on the territory"
        " of Armenia\n\n"
        "MOSCOW, October 2. /TASS/. The Collective Security Treaty Organization has no legal"
        " grounds to intervene in the hostilities in Nagorno-Karabakh.\n\n"
        "He added that the Secretariat was in constant contact with the Armenian side.\n"
    )
    [story] = parse_text(text, "x")
    assert story.title == "CSTO not obliged to intervene in Karabakh, Zas says"
    assert story.date == "2020-10-02"
    assert story.body[0].startswith("The Secretary General stressed")
    assert story.body[-1].startswith("He added that the Secretariat")


def test_an_agencys_signature_over_its_date_is_a_date_line_and_an_outlet_over_a_place_too() -> (
    None
):
    text = (
        "Armenia will leave the CSTO, Pashinyan tells parliament\n"
        "12 June, 2024 | 13:44\n"
        "YEREVAN, JUNE 12, ARMENPRESS. Armenia will leave the CSTO, Prime Minister Nikol"
        " Pashinyan said.\n"
        "Views: 6 032\n\n"
        "ASTANA. KAZINFORM - 2 July 2024, 09:30\n"
        "Imangali Tasmagambetov: The door remains open for Armenia\n"
        "By Aigerim Sultanova\n\n"
        "CSTO Secretary General Imangali Tasmagambetov gave an interview to Kazinform.\n\n"
        "- Mr. Secretary General, what is the current status?\n\n"
        "- Armenia remains a full member of the CSTO.\n\n"
        "AKIpress news agency - Astana, Nov 28, 2024\n\n"
        "CSTO summit in Astana held without Armenia\n\n"
        "The session of the CSTO Collective Security Council was held in Astana.\n"
    )
    _, interview, summit = parse_text(text, "x")
    assert (interview.title, interview.date) == (
        "Imangali Tasmagambetov: The door remains open for Armenia", "2024-07-02"
    )
    assert interview.body[-1] == "- Armenia remains a full member of the CSTO."
    assert (summit.title, summit.date) == (
        "CSTO summit in Astana held without Armenia", "2024-11-28"
    )


def test_a_morning_brief_of_an_outlet_is_a_title_not_a_date_line() -> None:
    assert parse_date_line("AKIpress Morning Brief — Thursday, July 2") is None
    assert parse_date_line("AKIpress Morning Digest — Friday, November 22, 2024") is None
    line = parse_date_line("AKIpress news agency - Astana, Nov 28, 2024")
    assert line is not None and line.place == "Astana"


def test_a_row_of_views_share_and_print_is_furniture_between_items() -> None:
    text = (
        "Вторник, 20 февраля 2024 года\n\n"
        "И.Тасмагамбетов провел встречу с Исполнительным секретарем СНГ С.Лебедевым\n\n"
        "Генеральный секретарь ОДКБ Имангали Тасмагамбетов встретился с Председателем"
        " Исполкома СНГ.\n\n"
        "Собеседники обсудили подготовку совместного заседания.\n\n"
        "Фото: пресс-служба ОДКБ\n\n"
        "Просмотров: 1 187   Поделиться   Печать\n\n"
        "08.04.2024\n"
        "Выражение сочувствия в связи с паводками в Республике Казахстан и Российской Федерации\n\n"
        "Генеральный секретарь ОДКБ выражает глубокое сочувствие жителям Казахстана и России.\n\n"
        "28 Ноября 2024 13:05\n"
        "Генсек ОДКБ: Астанинская сессия подтвердила единство союзников\n"
        "Сессия прошла в Астане.\n"
    )
    items = parse_text(text, "x")
    assert [(i.date, i.title[:25]) for i in items] == [
        ("2024-02-20", "И.Тасмагамбетов провел вс"),
        ("2024-04-08", "Выражение сочувствия в св"),
        ("2024-11-28", "Генсек ОДКБ: Астанинская "),
    ]


def test_a_speechs_yearless_closing_over_a_wire_story_of_another_day_stays_the_speechs() -> None:
    text = (
        "Секретарь Совбеза принял Генерального секретаря ОДКБ\n\n"
        "10 сентября 2021 года\n\n"
        "Стороны обсудили подготовку сессии.\n\n"
        "Выступление Генерального секретаря ОДКБ С.В.Зася на сессии Совета коллективной"
        " безопасности\n\n"
        "Уважаемые главы государств!\n\n"
        "Позвольте кратко доложить об основных итогах работы Организации.\n\n"
        "Благодарю за внимание.\n\n"
        "Душанбе, 16 сентября\n\n"
        "МОСКВА, 10 января. /ТАСС/. Генеральный секретарь ОДКБ Станислав Зась доложил участникам"
        " внеочередной сессии о ходе миротворческой операции.\n\n"
        "По его словам, в Казахстан переброшены более 2 тыс. военнослужащих.\n\n"
        "Станислав Зась встретился с Послом Казахстана\n\n"
        "19 января 2022 г.\n\n"
        "Стороны обсудили итоги операции.\n"
    )
    _, speech, story, _ = parse_text(text, "x")
    assert speech.date == "2021-09-16"
    assert story.body[0].startswith("Генеральный секретарь ОДКБ Станислав Зась доложил")
    assert story.date == "2022-01-10"


def test_a_channel_stamp_with_the_day_written_out_is_a_date_line() -> None:
    line = parse_date_line("CSTO, [9 May, 10:02]")
    assert line is not None and (line.date.day, line.date.month) == (9, 5)
    line = parse_date_line("ОДКБ, [9 мая 2020, 10:02]")
    assert line is not None and line.date.iso() == "2020-05-09"
    assert parse_date_line("CSTO, [note 5, 10:02]") is None


def test_a_pictures_caption_and_credit_under_a_dated_headline_are_not_an_item() -> None:
    text = (
        "CSTO leaders discuss terrorist threat at informal meeting in Kremlin\n"
        "21.12.2015 | 19:04 (updated 22:40)\n\n"
        "Presidents of the CSTO member states before the informal meeting in the Kremlin\n"
        "© Sputnik / Mikhail Klimentyev\n\n"
        "MOSCOW, 21 December – Sputnik. The heads of state of the CSTO held an informal meeting"
        " in Moscow on Monday.\n"
        "Earlier on Monday the leaders of the Eurasian Economic Union held a session.\n"
    )
    [story] = parse_text(text, "x")
    assert story.title.startswith("CSTO leaders discuss terrorist threat")
    assert story.date == "2015-12-21"
    assert story.body[-1].startswith("Earlier on Monday")
    assert not any("Presidents of the CSTO member states" in p for p in story.body)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_digests_title_period_line_and_entries_are_one_item(gap: str) -> None:
    text = (
        "Заявление Генерального секретаря ОДКБ о завершении миротворческой операции\n"
        "Операция продемонстрировала способность Организации действовать.\n"
        "г.Москва, 13 января 2022 года\n\n"
        "СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА НЕДЕЛЮ\n"
        f"1–7 ноября 2021 года | выпуск от 8 ноября{gap}"
        "▪ 4 ноября Александр Лукашенко и Владимир Путин провели заседание Высшего"
        " Госсовета.\n"
        "▪ 5 ноября Госсекретарь Дмитрий Мезенцев сделал заявление.\n"
        "▪ Посол Беларуси в России Дмитрий Крутой провёл встречу.\n"
    )
    statement, digest = parse_text(text, "x")
    assert statement.date == "2022-01-13"
    assert digest.title == "СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА НЕДЕЛЮ"
    assert digest.body[-1].startswith("▪ Посол Беларуси")
    assert len(digest.body) == 4


def test_xinhuas_enditem_mark_ends_the_storys_last_sentence_not_a_new_item() -> None:
    text = (
        "SCO anti-terror body approves plan of joint border operations\n"
        "Source: Xinhua   2015-04-02 21:15:47   Editor: huaxia\n\n"
        "TASHKENT, April 2 (Xinhua) -- The Council of the RATS of the SCO held its 26th"
        " meeting.\n\n"
        "The SCO RATS, headquartered in Tashkent, started its work in 2004. Enditem\n\n"
        "Related News:\n\n"
        "China, Uzbekistan pledge closer security cooperation\n"
    )
    [story] = parse_text(text, "x")
    assert story.body[-1] == "The SCO RATS, headquartered in Tashkent, started its work in 2004."


def test_the_keepers_marks_between_dashes_are_breaks_not_text() -> None:
    text = (
        "Iran becomes full member of SCO at virtual summit\n"
        "July 4, 2023\n"
        "Iran became a full member of the Shanghai Cooperation Organisation on Tuesday.\n"
        "Belarus signed a memorandum of obligations, a step towards membership.\n\n"
        "—— Unsorted / undated materials ——\n\n"
        "Fyodor Voitolovsky: \"The Primakov Readings are a dialogue\"\n"
        "24.06.2025\n"
        "Q: What would Primakov say today?\n"
        "A: I think he would say what he always said.\n\n"
        "— end of export —\n"
    )
    summit, interview = parse_text(text, "x")
    assert summit.body[-1].startswith("Belarus signed a memorandum")
    assert interview.body[-1].startswith("A: I think he would say")


def test_an_agencys_update_stamp_under_the_date_line_is_no_item() -> None:
    text = (
        "———\n\n"
        "Лавров и Саидов обсудили подготовку к заседанию СМИД СНГ\n"
        "28 января 2026, 14:10\n"
        "Обновлено 28 января 2026, 14:32\n\n"
        "МОСКВА, 28 января. /ТАСС/. Министр иностранных дел России Сергей Лавров провел в среду"
        " переговоры с главой МИД Узбекистана.\n"
        "Саидов, в свою очередь, отметил, что товарооборот между двумя странами вырос.\n"
    )
    [talks] = parse_text(text, "x")
    assert talks.title == "Лавров и Саидов обсудили подготовку к заседанию СМИД СНГ"
    assert talks.date == "2026-01-28"
    assert talks.body[-1].startswith("Саидов, в свою очередь")


def test_check_against_delivery_in_russian_is_furniture_under_the_speechs_head() -> None:
    text = (
        "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова на заседании"
        " СМИД ОДКБ\n"
        "Бишкек, 26 ноября 2025 года\n\n"
        "Сверять с фактически произнесённым\n\n"
        "Уважаемые коллеги!\n\n"
        "Прежде всего хотел бы поблагодарить наших кыргызских друзей.\n\n"
        "Спасибо.\n"
    )
    [speech] = parse_text(text, "x")
    assert speech.date == "2025-11-26"
    assert speech.body[0] == "Уважаемые коллеги!"
    assert speech.body[-1] == "Спасибо."


def test_a_headline_of_talks_after_a_briefing_starts_its_own_item() -> None:
    text = (
        "Briefing of the Head of the Information Policy Department Aizada Subakozhoeva\n"
        "Bishkek, 15 January 2026\n\n"
        "Question (Kabar): What are the main events of the chairmanship?\n\n"
        "Aizada Subakozhoeva: In February Bishkek will host the meeting.\n\n"
        "Question (Sputnik Kyrgyzstan): Are contacts planned with the Russian side?\n\n"
        "Aizada Subakozhoeva: Yes. Minister Jeenbek Kulubaev will pay a visit to Moscow.\n\n"
        "Jeenbek Kulubaev and Sergey Lavrov discuss preparations for SCO summit in Bishkek\n\n"
        "Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev, who is in Moscow"
        " on a working visit, held talks with Minister of Foreign Affairs of Russia Sergey"
        " Lavrov on 10 March.\n\n"
        "Following the talks the ministers signed the Plan of Consultations.\n"
    )
    briefing, talks = parse_text(text, "x")
    assert briefing.body[-1].startswith("Aizada Subakozhoeva: Yes.")
    assert talks.title.startswith("Jeenbek Kulubaev and Sergey Lavrov discuss")


def test_a_title_dated_before_its_excerpt_note_is_dated() -> None:
    text = (
        "Subscribe to our weekly review\n\n"
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November 8, 2018"
        " (excerpt)\n\n"
        "Question: How does Moscow assess the situation around the post of Secretary General?\n\n"
        "Maria Zakharova: We regret that a domestic case has affected the organization.\n"
    )
    briefing = parse_text(text, "x")[-1]
    assert briefing.date == "2018-11-08"


def test_an_undated_copy_on_a_weekday_between_news_of_two_days_takes_that_day() -> None:
    text = (
        '"We are not a military bloc": CSTO Secretary General Imangali Tasmagambetov\n'
        "22.11.2023 09:15\n"
        "The Secretary General answered questions of BelTA.\n\n"
        "Kassym-Jomart Tokayev arrives in Minsk\n"
        "MINSK. KAZINFORM – President Kassym-Jomart Tokayev arrived in Minsk on Wednesday"
        " evening to take part in Thursday's session of the CSTO Collective Security Council.\n"
        "At the National Airport Minsk, the Head of State was met by Prime Minister of Belarus"
        " Roman Golovchenko.\n\n"
        "CSTO leaders adopt Minsk declaration\n"
        "23 November 2023\n"
        "The leaders of the CSTO member states have adopted the declaration.\n"
    )
    arrival = parse_text(text, "x")[1]
    assert arrival.title == "Kassym-Jomart Tokayev arrives in Minsk"
    assert arrival.date == "2023-11-22"


def test_a_posts_time_before_its_view_count_is_a_counter() -> None:
    from store.ingest.parser import _is_view_counter

    assert _is_view_counter("16:20 3.4K")
    assert _is_view_counter("15.2K edited 18:47")
    assert not _is_view_counter("16:20 Moscow time")


def test_slashes_a_lone_hash_an_editor_and_a_long_photo_credit_are_not_the_storys_end() -> None:
    text = (
        "Kyrgyz servicemen hold tactical exercise in Batken region\n"
        "12 August 2021\n\n"
        "Units of the Southern Regional Command held a tactical exercise.\n\n"
        "Mamyrov said the lessons of 1999 and 2000 had been learned.\n\n"
        "Photo: press service of the General Staff of the Armed Forces of the Kyrgyz Republic\n\n"
        "//////////\n\n"
        "China, Tajikistan hold joint counter-terrorism drill\n"
        "Source: Xinhua| 2019-08-13 21:05:11\n\n"
        "DUSHANBE, Aug. 13 (Xinhua) -- China and Tajikistan held a joint drill.\n\n"
        "It was the second joint exercise of the two countries.\n\n"
        "Editor: Liu Yang\n\n"
        "#\n"
    )
    exercise, drill = parse_text(text, "x")
    assert exercise.body[-1].startswith("Mamyrov said")
    assert drill.body[-1].startswith("It was the second joint exercise")


def test_a_date_in_figures_joined_by_hyphens_is_a_date_line_but_a_page_number_is_not() -> None:
    line = parse_date_line("27-11-2025 14:35")
    assert line is not None and line.date.iso() == "2025-11-27"
    assert parse_date_line("4 - 15-10-2016") is None



def test_a_date_line_under_a_days_digest_of_another_day_heads_the_next_item() -> None:
    text = (
        "Выступление Президента России на внеочередной сессии Совета коллективной"
        " безопасности ОДКБ\n\n"
        "Уважаемые коллеги!\n\n"
        "Спасибо за внимание.\n\n"
        "Ново-Огарёво, 10 января 2022 года\n\n"
        "Главное за 11 января\n\n"
        "• Мажилис единогласно одобрил кандидатуру Алихана Смаилова.\n"
        "• Касым-Жомарт Токаев заявил в Мажилисе, что миссия ОДКБ успешно выполнена.\n\n"
        "Подписывайтесь на наш канал, чтобы не пропустить главное.\n\n"
        "19.01.2022 17:02\n"
        "Шойгу доложил Путину о завершении миротворческой операции ОДКБ в Казахстане\n\n"
        "Министр обороны России Сергей Шойгу доложил о завершении операции.\n"
    )
    items = parse_text(text, "x")
    digest = next(i for i in items if i.title == "Главное за 11 января")
    report = next(i for i in items if i.title.startswith("Шойгу доложил"))
    assert digest.date == "2022-01-11"
    assert report.date == "2022-01-19"


@pytest.mark.parametrize(
    "line", ["More...", "Подробнее...", "< Prev 1 2 3 ... 12 Next >", "« Back to the list Print",
             "Тэги: Айхан Гаджизаде, ОДКБ"],
)
def test_a_list_pages_links_pager_and_tags_are_no_part_of_a_story(line: str) -> None:
    text = (
        "SCO RATS and CSTO hold consultations in Tashkent\n"
        "05.03.2026\n"
        "Imangali Tasmagambetov invited the RATS leadership to take part in the exercise.\n"
        f"{line}\n\n"
        "Secretary-General Nurlan Yermekbayev visits Vienna\n"
        "12 February 2026\n"
        "The Secretary-General also met with the Executive Director.\n"
    )
    first, second = parse_text(text, "x")
    assert first.body[-1].startswith("Imangali Tasmagambetov invited")
    assert second.body[-1].startswith("The Secretary-General also met")


def test_azertacs_dateline_after_a_closed_item_and_under_a_stamped_title() -> None:
    text = (
        "I thank you for your understanding.\n"
        "Yerevan, 23 November 2022\n\n"
        "Aykhan Hajizada comments on CSTO session in Yerevan\n"
        "Baku, November 24, AZERTAC\n"
        "Spokesperson of the Ministry of Foreign Affairs Aykhan Hajizada has commented on the"
        " statements.\n"
        "The spokesperson stressed that Azerbaijan is committed to the peace agenda.\n\n"
        "Джейхун Байрамов принял участие в заседании СМИД СНГ в Душанбе\n"
        "09.10.2025 [16:40]\n"
        "Душанбе, 9 октября, АЗЕРТАДЖ\n"
        "Министр иностранных дел Азербайджанской Республики Джейхун Байрамов принял участие в"
        " заседании.\n"
    )
    items = parse_text(text, "x")
    comment = next(i for i in items if i.title.startswith("Aykhan Hajizada comments"))
    meeting = next(i for i in items if i.title.startswith("Джейхун Байрамов принял"))
    assert comment.date is not None and comment.date.endswith("11-24")
    assert comment.body[-1].startswith("The spokesperson stressed")
    assert meeting.date == "2025-10-09"
    assert meeting.body[0].startswith("Министр иностранных дел")


@pytest.mark.parametrize(
    "line",
    ["Subscribe to BelTA in Telegram!", "Подписывайтесь на наш канал в Яндекс.Дзен!",
     "==================== 2024 ==================== (pasted from the desk file)"],
)
def test_a_channel_invitation_or_a_keepers_banner_with_a_note_ends_no_story(line: str) -> None:
    text = (
        "Semerikov: CSTO will hold three joint exercises this year\n"
        "14 March 2019\n"
        "The Acting Secretary General spoke in Minsk.\n"
        "Andrei Ravkov noted that Belarus attaches great importance to the exercises.\n"
        f"{line}\n\n"
        "Zas takes office as CSTO Secretary General\n"
        "9 January 2020\n"
        "Stanislav Zas took office on 1 January.\n"
    )
    first, second = parse_text(text, "x")
    assert first.body[-1].startswith("Andrei Ravkov noted")
    assert second.title.startswith("Zas takes office")


def test_a_newspapers_name_in_quotes_over_the_headline_is_its_masthead() -> None:
    text = (
        "Заявление Генерального секретаря ОДКБ Н.Н.Бордюжи\n"
        "В связи с резким обострением обстановки в зоне нагорно-карабахского конфликта.\n"
        "Призываем стороны незамедлительно прекратить огонь.\n"
        "Москва, 2 апреля 2016 г.\n\n"
        "«Красная звезда»\n"
        "Валерий СЕМЕРИКОВ: «Секретариат работает в штатном режиме»\n"
        "05.06.2019\n"
        "Исполняющий обязанности Генерального секретаря ОДКБ рассказал «Красной звезде» о"
        " работе Секретариата.\n"
        "– Валерий Николаевич, прошло больше полугода после отзыва Юрия Хачатурова?\n"
        "– Секретариат работает в штатном режиме.\n"
    )
    interview = parse_text(text, "x")[-1]
    assert interview.title == "Валерий СЕМЕРИКОВ: «Секретариат работает в штатном режиме»"
    assert interview.date == "2019-06-05"


def test_a_lone_kind_in_capitals_heads_the_title_on_the_next_line() -> None:
    text = (
        "Лукашенко прибыл в Бишкек с официальным визитом.\n\n"
        "/// вордовский файл из пресс-службы Секретариата, как есть ///\n\n"
        "ВЫСТУПЛЕНИЕ\n"
        "Генерального секретаря ОДКБ И.Н.Тасмагамбетова на заседании Совета министров"
        " иностранных дел ОДКБ\n\n"
        "Уважаемый Жээнбек Молдоканович!\n"
        "Уважаемые коллеги!\n\n"
        "Позвольте прежде всего поблагодарить кыргызстанскую сторону.\n\n"
        "Благодарю за внимание.\n"
    )
    speech = parse_text(text, "x")[-1]
    assert speech.title.startswith("ВЫСТУПЛЕНИЕ Генерального секретаря ОДКБ")
    assert speech.kind == "speech"
    assert not any("вордовский" in p for i in parse_text(text, "x") for p in i.body)


@pytest.mark.parametrize("mark", [" -", ".", ":"])
def test_a_digests_entries_that_open_with_their_day_are_one_item(mark: str) -> None:
    text = (
        "SCO SECRETARIAT: DIGEST OF THE MONTH (NOVEMBER 2017)\n"
        "01.12.2017\n\n"
        f"8 November{mark} The Secretary-General met with Ambassador of Belarus to China.\n\n"
        f"22-23 November{mark} Rashid Alimov paid a working visit to Bishkek.\n\n"
        f"30 November{mark} Secretary-General Rashid Alimov arrived in Sochi.\n"
    )
    [digest] = parse_text(text, "x")
    assert digest.title == "SCO SECRETARIAT: DIGEST OF THE MONTH (NOVEMBER 2017)"
    assert digest.body[-1].startswith("30 November")
    assert len(digest.body) == 3


@pytest.mark.parametrize(
    "line",
    ["-- CSTO website, News, page 4 (copied as is, newest first) --",
     "+++++ Moscow reacts to Washington +++++"],
)
def test_the_keepers_notes_between_hyphens_or_pluses_are_breaks(line: str) -> None:
    text = (
        "CSTO summit in Astana held without Armenia\n"
        "28 November 2024\n"
        "Kyrgyzstan will chair the CSTO in 2025.\n\n"
        f"{line}\n\n"
        "Deputy Secretary General met with the OSCE Secretary General\n"
        "5 December 2024\n"
        "The sides discussed cooperation.\n"
    )
    summit, meeting = parse_text(text, "x")
    assert summit.body[-1] == "Kyrgyzstan will chair the CSTO in 2025."
    assert meeting.date == "2024-12-05"


def test_a_channel_stamp_before_the_channels_name_is_a_date_line() -> None:
    line = parse_date_line("[14.04.26 11:05] MFA Russia 🇷🇺:")
    assert line is not None and line.date.iso() == "2026-04-14"


def test_a_russian_digests_entries_open_with_the_day_and_no_mark() -> None:
    text = (
        "Дайджест внешнеполитических событий (8–14 декабря 2025 г.)\n"
        "Опубликовано: 15.12.2025\n\n"
        "8 декабря Министр иностранных дел Бахтиёр Саидов принял Специального представителя.\n\n"
        "10 декабря заместитель министра иностранных дел провел консультации.\n\n"
        "13 декабря Б.Саидов провел встречу с Министром иностранных дел Туркменистана.\n"
    )
    [digest] = parse_text(text, "x")
    assert digest.body[-1].startswith("13 декабря Б.Саидов")


def test_a_day_its_weekday_and_time_are_a_date_line() -> None:
    line = parse_date_line("22 февраля, четверг, 19:40")
    assert line is not None and (line.date.day, line.date.month) == (22, 2)


def test_a_trail_from_a_section_and_an_invitation_to_subscribe_are_furniture() -> None:
    text = (
        "MINISTRY OF FOREIGN AFFAIRS OF TURKMENISTAN\n"
        "News / Meetings\n\n"
        "Meeting with the Head of UNRCCA\n"
        "Jun 9, 2023\n\n"
        "On 9 June 2023, the Minister of Foreign Affairs met with the Head of UNRCCA.\n\n"
        "Подписаться на Sputnik Армения\n\n"
        "Лавров: Россия рассчитывает на участие Армении в работе СНГ\n"
        "10 октября 2025, 12:47\n"
        "ДУШАНБЕ, 10 октября. /ТАСС/. Россия рассчитывает, что Армения продолжит работу.\n"
    )
    meeting, lavrov = parse_text(text, "x")
    assert meeting.title == "Meeting with the Head of UNRCCA"
    assert lavrov.title.startswith("Лавров: Россия рассчитывает")


def test_a_digest_is_dated_by_its_own_date_line_not_by_its_first_entrys_day() -> None:
    text = (
        "SCO SECRETARIAT: DIGEST OF THE MONTH (NOVEMBER 2017)\n"
        "01.12.2017\n\n"
        "8 November - The Secretary-General met with Ambassador of Belarus to China.\n\n"
        "30 November - Secretary-General Rashid Alimov arrived in Sochi.\n"
    )
    [digest] = parse_text(text, "x")
    assert digest.date == "2017-12-01"
