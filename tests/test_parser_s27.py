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
