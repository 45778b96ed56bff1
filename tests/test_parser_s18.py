"""Items of a press office's chronological file for autumn 2019 (set 18)."""

from store.ingest.parser import parse_text


def test_speech_in_narrow_format_is_dated_by_the_report_of_its_session() -> None:
    text = (
        "Session of the CSTO Collective Security Council held in Bishkek\n"
        "\n"
        "28.11.2019\n"
        "\n"
        "On 28 November 2019, a regular session of the Collective Security Council of the"
        " Collective Security Treaty Organization was held in Bishkek.\n"
        "\n"
        "The chairmanship of the CSTO passed to the Russian Federation.\n"
        "\n"
        "Views: 1 204   Print version   Share\n"
        "\n"
        "Speech by President of Kazakhstan Kassym-Jomart Tokayev at the session of the CSTO"
        " Collective Security Council in narrow format\n"
        "\n"
        "Dear heads of state!\n"
        "\n"
        "On 8 November 2018 in Astana, we handed over the chairmanship to Kyrgyzstan.\n"
        "\n"
        "Thank you for your attention.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("news", "2019-11-28"), ("speech", "2019-11-28")]


def test_a_speech_title_naming_its_whole_occasion_starts_a_new_item() -> None:
    title = (
        "Speech by CSTO Acting Secretary General V. Semerikov at the meeting on the priorities"
        " of the Russian Federation's chairmanship in the CSTO in 2020, held at the Ministry of"
        " Foreign Affairs of Russia under the chairmanship of Minister of Foreign Affairs of the"
        " Russian Federation Sergey Lavrov and with the participation of the permanent"
        " representatives of the member states"
    )
    assert len(title.split()) > 45
    text = (
        "RIA Novosti\n"
        "23.12.2019 08:00\n"
        "Valery Semerikov: \"Afghanistan will remain at the top of the CSTO agenda\"\n"
        "\n"
        "The Acting Secretary General Valery Semerikov summed up the year in an interview"
        " with RIA Novosti.\n"
        "\n"
        "– Valery Nikolaevich, how would you assess the results of the year?\n"
        "\n"
        "– The year was eventful: we held large-scale exercises in Tajikistan.\n"
        "\n"
        "– What will be the priorities next year?\n"
        "\n"
        "– Afghanistan, first of all.\n"
        "\n"
        "– Thank you.\n"
        "\n"
        "\n"
        f"{title}\n"
        "\n"
        "Dear Sergey Viktorovich!\n"
        "Dear colleagues!\n"
        "\n"
        "I am grateful for the opportunity to speak at today's meeting.\n"
        "\n"
        "Thank you for your attention.\n"
        "\n"
        "Moscow, 25 December 2019\n"
        "\n"
        "\n"
        "New Year greeting of the CSTO Acting Secretary General\n"
        "\n"
        "Dear friends! Dear colleagues!\n"
        "\n"
        "Please accept my warmest congratulations on the New Year!\n"
        "\n"
        "V. Semerikov,\n"
        "Acting Secretary General of the CSTO\n"
        "\n"
        "Moscow, 30 December 2019\n"
    )
    items = parse_text(text, "test")
    assert [(i.title[:20], i.kind, i.date) for i in items] == [
        ("Valery Semerikov: \"A", "interview", "2019-12-23"),
        ("Speech by CSTO Actin", "speech", "2019-12-25"),
        ("New Year greeting of", "speech", "2019-12-30"),
    ]
    assert items[0].body[-1] == "– Thank you."
    assert items[2].body[-2:] == (
        "Acting Secretary General of the CSTO", "Moscow, 30 December 2019"
    )


def test_stamp_over_a_title_heads_it_when_the_one_paragraph_item_above_has_its_own_day() -> None:
    text = (
        "25 сентября 2019 года в Нью-Йорке на полях 74-й сессии Генеральной Ассамблеи ООН"
        " исполняющий обязанности Генерального секретаря ОДКБ В.Семериков встретился с"
        " Мирославом Енчей.\n"
        "\n"
        "\n"
        "Интервью\n"
        "03.10.2019 08:00\n"
        "Валерий Семериков: ОДКБ готова к любому развитию ситуации в Афганистане\n"
        "\n"
        "Исполняющий обязанности Генерального секретаря ОДКБ Валерий Семериков в интервью"
        " РИА Новости рассказал о подготовке к саммиту в Бишкеке.\n"
        "\n"
        "– Спасибо за интервью.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2019-09-25", "2019-10-03"]


def test_a_recalled_date_in_a_transcript_under_a_news_title_is_not_a_new_item() -> None:
    text = (
        "Заседание Совета коллективной безопасности ОДКБ\n"
        "28 ноября 2019 года 12:30 Бишкек\n"
        "\n"
        "В Бишкеке состоялось заседание Совета коллективной безопасности ОДКБ.\n"
        "\n"
        "В.Путин: Уважаемый Сооронбай Шарипович! Уважаемые коллеги!\n"
        "\n"
        "Прежде всего хотел бы поблагодарить Президента Кыргызстана за гостеприимство.\n"
        "\n"
        "Напомню, 7 октября 2002 года в Кишиневе был подписан Устав ОДКБ, и с тех пор наша"
        " Организация уверенно развивается.\n"
        "\n"
        "Благодарю за внимание.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].date == "2019-11-28"
    assert items[0].body[-1] == "Благодарю за внимание."


def test_bracketed_photo_credit_and_a_bare_share_on_label_are_page_furniture() -> None:
    text = (
        "Makei, Zas discuss CSTO agenda\n"
        "MINSK, 10 December 2019 (BelTA) – Belarusian Foreign Minister Vladimir Makei met with"
        " State Secretary of the Security Council Stanislav Zas.\n"
        "The parties discussed the priorities of the Organization.\n"
        "[Фото: пресс-служба ОДКБ]\n"
        "Share on:\n"
        "VK | Facebook | Twitter\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].body[-1] == "The parties discussed the priorities of the Organization."
