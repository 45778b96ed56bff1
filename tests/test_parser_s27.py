"""Pages saved whole from websites, with their menus and footers (set 27)."""

from store.ingest.parser import parse_text


def test_a_pages_way_back_pager_copyright_and_reprint_terms_are_furniture() -> None:
    text = (
        "Foreign Minister Ararat Mirzoyan met with UN Secretary-General\n"
        "12.09.2025\n"
        "Foreign Minister Ararat Mirzoyan met with UN Secretary-General António Guterres.\n"
        "The sides discussed the regional situation.\n"
        "« Previous Next »\n"
        "<< Back to news list\n"
        "Ministry of Foreign Affairs of the Republic of Armenia © 2025. All rights reserved.\n"
        "\n"
        "Рыженков: Беларусь поддерживает приоритеты председательства Кыргызстана\n"
        "14.02.2025 10:15\n"
        "МИНСК, 14 февраля (БЕЛТА) – Беларусь поддерживает приоритеты председательства.\n"
        "Министр подчеркнул важность совместной работы.\n"
        "При использовании материалов гиперссылка на БЕЛТА обязательна.\n"
        "« Назад\n"
    )
    items = parse_text(text, "test")
    assert [i.body[-1] for i in items] == [
        "The sides discussed the regional situation.",
        "Министр подчеркнул важность совместной работы.",
    ]


def _dates(text: str) -> list[str | None]:
    return [item.date for item in parse_text(text, "test")]


def test_a_yearless_day_takes_the_one_year_the_item_states() -> None:
    assert _dates(
        "CSTO news\nOn 5 April, the Secretary General presented the priorities of the 2017"
        " chairmanship.\n"
    ) == ["2017-04-05"]
    assert _dates(
        "SCO forum\nOn 14 October, the Secretary-General opened the forum.\nThe forum became the"
        " first major event of the chairmanship in the SCO for 2025–2026.\n"
    ) == ["2025-10-14"]


def test_looking_back_at_a_later_month_of_the_stated_year_dates_the_next_year() -> None:
    assert _dates(
        "CSTO news\nOn 5 April, the ministers reviewed the implementation of the decisions of"
        " the December (2016) session.\n"
    ) == ["2017-04-05"]
    assert _dates(
        "CSTO news\nOn 5 April, preparations for the December 2016 session began.\n"
    ) == ["2016-04-05"]


def test_several_stated_years_tell_no_year() -> None:
    assert _dates("X\nOn 5 April, they discussed the 1992 Treaty and plans for 2025.\n") == [
        None
    ]


def test_post_and_name_sign_an_address_over_its_place_and_date() -> None:
    text = (
        "Address of the CSTO Secretary General on the occasion of the Day of the Collective"
        " Security Treaty\n"
        "Dear veterans!\n"
        "Today we celebrate the Day of the Collective Security Treaty.\n"
        "I sincerely congratulate you on this holiday and wish you good health!\n"
        "Secretary General of the CSTO I. Tasmagambetov\n"
        "Moscow, 15 May 2025\n"
        "On 16 May 2025, the Secretary General met the veterans of the Joint Staff.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2025-05-15"), ("news", "2025-05-16")]
    assert items[0].body[-1] == "Moscow, 15 May 2025"


def test_an_exercise_named_with_its_year_states_the_year_and_a_documents_number_does_not() -> None:
    assert _dates(
        "Министр встретился с Начальником Объединенного штаба ОДКБ\n14 октября с.г. Министр"
        " встретился с Начальником Объединенного штаба ОДКБ. Стороны обсудили итоги учений"
        " «Взаимодействие-2021».\n"
    ) == ["2021-10-14"]
    assert _dates("X\nOn 5 April, the ministry published document 1987-09-10-2025.\n") == [None]
