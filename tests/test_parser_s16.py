"""Dates of items whose date stands apart from their lead (set 16)."""

from store.ingest.parser import parse_text


def test_speech_closing_date_over_signature_dates_the_speech() -> None:
    text = (
        "Address by the Secretary General to the Council of Ministers\n"
        "Dear colleagues!\n"
        "Let me thank you for the opportunity to speak before the Council today.\n"
        "The Organization has done considerable work on the border programme this year.\n"
        "Thank you for your attention.\n"
        "4 March 2026\n"
        "Ivan Petrovich Sidorov\n"
        "Minister meets ambassador in Astana\n"
        "ASTANA, 5 March 2026 - The minister met the ambassador to discuss trade.\n"
        "The parties agreed to continue their consultations next month.\n"
    )
    items = parse_text(text, "test")
    assert items[0].date == "2026-03-04"
    assert items[0].body[-1] == "Ivan Petrovich Sidorov"


def test_date_line_earlier_than_the_wire_lead_closes_the_speech_above() -> None:
    text = (
        "Выступление Министра на заседании Совета министров\n"
        "Уважаемые коллеги!\n"
        "Позвольте поблагодарить вас за возможность выступить сегодня на заседании Совета.\n"
        "Прошу поддержать проект. Благодарю за внимание!\n"
        "04.03.2026\n"
        "Президент провел встречу с министром обороны\n"
        "МИНСК, 5 марта (БЕЛТА) – Президент провел встречу с министром обороны страны.\n"
        "Обсуждались вопросы военной безопасности и итоги совместных учений.\n"
    )
    items = parse_text(text, "test")
    assert [item.date for item in items] == ["2026-03-04", "2026-03-05"]


def test_post_time_after_at_makes_a_date_line() -> None:
    text = (
        "Council session opens in the capital\n"
        "12.03.2026\n"
        "The session of the Council opened in the capital with a speech by the chairman.\n"
        "The leaders will adopt a declaration on regional security.\n"
        "Mar 13 at 10:02\n"
        "Security Council Channel\n"
        "🔴 The leaders have signed the declaration on regional security in the capital.\n"
        "Ministers review the outcome of the session\n"
        "14.03.2026\n"
        "The foreign ministers reviewed the outcome of the Council session on Saturday.\n"
    )
    items = parse_text(text, "test")
    assert [item.date for item in items] == ["2026-03-12", "2026-03-13", "2026-03-14"]


def test_russian_post_time_after_v_makes_a_date_line() -> None:
    from store.text.dates import parse_date_line

    line = parse_date_line("27 ноября в 10:05")
    assert line is not None and (line.date.day, line.date.month) == (27, 11)


def test_closing_line_repeating_the_date_above_is_not_the_next_items_date() -> None:
    text = (
        "Statement of the Ministry of Foreign Affairs\n"
        "04.03.2026\n"
        "The Ministry of Foreign Affairs condemns the attack on the border post on 2 March.\n"
        "The Ministry calls on all parties to exercise restraint.\n"
        "Astana, 4 March 2026\n"
        "Foreign Minister receives Secretary General in Astana\n"
        "Kazinform - Foreign Minister Ivan Petrov met with the Secretary General of the"
        " Organization on March 5, 2026.\n"
        "They discussed preparations for the summit.\n"
    )
    items = parse_text(text, "test")
    assert [item.date for item in items] == ["2026-03-04", "2026-03-05"]


def test_section_and_day_over_a_title_after_a_closing_date_line() -> None:
    text = (
        "Заявление МИД Республики\n"
        "04.03.2026\n"
        "Министерство иностранных дел решительно осуждает нападение на пограничный пост.\n"
        "Министерство призывает стороны к сдержанности.\n"
        "Астана, 4 марта 2026 года\n"
        "Новости | 6 марта\n"
        "На полигоне завершилось совместное учение сил оперативного реагирования\n"
        "На полигоне завершилось совместное учение с силами оперативного реагирования.\n"
        "За ходом учения наблюдал начальник Объединенного штаба.\n"
        "Министры обсудили итоги учения\n"
        "07.03.2026\n"
        "Министры обороны обсудили итоги совместного учения на полигоне.\n"
    )
    items = parse_text(text, "test")
    assert [item.date for item in items] == ["2026-03-04", "2026-03-06", "2026-03-07"]
    assert items[0].body[-1] == "Астана, 4 марта 2026 года"


def test_newsletter_masthead_opening_the_text_dates_the_item() -> None:
    text = (
        "Министры обсудили итоги учения\n"
        "07.03.2026\n"
        "Министры обороны обсудили итоги совместного учения на полигоне.\n"
        "\n"
        "Самое читаемое\n"
        "ДАЙДЖЕСТ АССАМБЛЕИ · Выпуск от 10.03.2026\n"
        "В этом выпуске: заседание Совета; молодежный форум.\n"
        "Совет Ассамблеи одобрил проект модельного закона о беспилотных системах.\n"
    )
    items = parse_text(text, "test")
    assert items[-1].date == "2026-03-10"


def test_last_sentence_over_a_footer_with_views_is_text_not_a_stopped_title() -> None:
    text = (
        "Lukashenko: the CSTO must be ready for any scenario\n"
        "MINSK, 14 November (BelTA) – The Organization must be ready for any development of"
        " events, President Alexander Lukashenko said at a meeting with Pavel Muraveiko.\n"
        "\"We are not threatening anyone, but we have to be ready,\" the head of state said.\n"
        "Pavel Muraveiko reported on the results of the CSTO exercises held in Belarus.\n"
        "14.11.2025 | 16:20 | Views: 2 311\n"
        "__________________________________\n"
        "CSTO PA NEWSLETTER · Issue 11 · 17 November 2025\n"
        "In this issue: Council meeting in St. Petersburg; model law on unmanned systems.\n"
        "The Council of the CSTO Parliamentary Assembly met in St. Petersburg.\n"
    )
    items = parse_text(text, "test")
    assert items[0].body[-1].startswith("Pavel Muraveiko reported")
    assert items[0].date == "2025-11-14"
    assert items[1].title.startswith("CSTO PA NEWSLETTER")
