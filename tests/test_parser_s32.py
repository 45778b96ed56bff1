"""A press office's file of several years, blocks of weeks out of date order (set 37 and
the sets written after it)."""

from store.ingest.parser import parse_text


def test_a_yearless_day_weeks_from_the_item_above_takes_its_year() -> None:
    text = (
        "Secretary General meets Ambassador of Armenia\n"
        "27 November 2020\n"
        "The Secretary General received the Ambassador of Armenia.\n\n"
        "UNRCCA Head meets with Foreign Minister of Turkmenistan\n\n"
        "On 18 November, the Head of UNRCCA met with the Minister of Foreign Affairs of"
        " Turkmenistan in Ashgabat.\n\n"
        "CSTO Permanent Council meets\n"
        "2 December 2019\n"
        "The Permanent Council met in Moscow.\n\n"
        "Exercise ends in Tajikistan\n"
        "20 October 2021\n"
        "The exercise ended in Tajikistan.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2020-11-27", "2020-11-18", "2019-12-02", "2021-10-20"
    ]


def test_a_yearless_day_months_from_every_neighbour_stays_undated() -> None:
    text = (
        "Secretary General meets Ambassador of Armenia\n"
        "27 November 2020\n"
        "The Secretary General received the Ambassador of Armenia.\n\n"
        "UNRCCA Head meets with Foreign Minister of Turkmenistan\n\n"
        "On 3 September, the Head of UNRCCA met with the Minister of Foreign Affairs of"
        " Turkmenistan in Ashgabat.\n\n"
        "CSTO Permanent Council meets\n"
        "2 December 2019\n"
        "The Permanent Council met in Moscow.\n\n"
        "Exercise ends in Tajikistan\n"
        "20 October 2021\n"
        "The exercise ended in Tajikistan.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == [
        "2020-11-27", None, "2019-12-02", "2021-10-20"
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
