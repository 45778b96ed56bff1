"""Channel posts and feed entries as a press officer copies them (set 21)."""

from store.ingest.parser import parse_text
from store.text.dates import first_date


def test_a_posts_view_counter_dates_it_with_the_neighbours_year() -> None:
    text = (
        "MFA of the Kyrgyz Republic\n"
        "Kyrgyz Foreign Minister Jeenbek Kulubaev received the Secretary-General of the SCO"
        " Nurlan Yermekbayev, who arrived in Bishkek.\n"
        "\n"
        "Jeenbek Kulubaev expressed confidence that the Bishkek summit will succeed.\n"
        "\n"
        "👁 3 104   16 Feb 11:05\n"
        "Kulubaev, Yermekbayev discuss preparations for SCO summit in Bishkek\n"
        "16.02.2026 14:20\n"
        "BISHKEK (AKIpress) - Foreign Minister Jeenbek Kulubaev met with SCO Secretary-General"
        " Nurlan Yermekbayev.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2026-02-16", "2026-02-16"]
    assert items[0].body[-1].startswith("Jeenbek Kulubaev expressed")


def test_a_russian_posts_stamp_with_views_and_edit_mark_dates_and_ends_it() -> None:
    text = (
        "Генсек ОДКБ встретился с главой РЦООНПДЦА\n"
        "19.02.2026\n"
        "Генеральный секретарь ОДКБ провел встречу с главой Центра.\n"
        "\n"
        "МИД России 🇷🇺\n"
        "Министр иностранных дел Российской Федерации С.В.Лавров провел переговоры с"
        " Министром иностранных дел Казахстана.\n"
        "\n"
        "Стороны обсудили текущее состояние двустороннего сотрудничества.\n"
        "\n"
        "👁 21,4K изменено 18 февраля в 19:02\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2026-02-19", "2026-02-18"]
    assert items[1].body[-1].startswith("Стороны обсудили")


def test_the_figures_before_a_colon_are_the_hour_not_an_american_day() -> None:
    found = first_date("18 Feb 16:42")
    assert found is not None and (found.day, found.month) == (18, 2)
