"""Dates as press items write them, English and Russian, normalised to ISO."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.text.dates import event_date, find_dates, held_date, opening_date, parse_date_line


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        ("17.03.2021", "2021-03-17", ""),
        ("Geneva, May 4, 2019", "2019-05-04", "Geneva"),
        ("April 2, 2022, Moscow Region", "2022-04-02", "Moscow Region"),
        ("9 Oct. 2017", "2017-10-09", ""),
        ("11.02.2015 - Press release", "2015-02-11", ""),
        ("5 сентября 2022 года", "2022-09-05", ""),
        ("Vienna, December 10, 2017", "2017-12-10", "Vienna"),
        ("31.10.2024", "2024-10-31", ""),
        ("«14» мая 2025 г.", "2025-05-14", ""),
        ("г. Бишкек, 2 апреля 2025 года", "2025-04-02", "Бишкек"),
        ("29 April 2025, 09:30 (MSK)", "2025-04-29", ""),
        ("Vienna (Austria), 4 July 2025", "2025-07-04", "Vienna (Austria)"),
        ("July 2, 2025 9:14 AM GMT+3 Updated 3 hours ago", "2025-07-02", ""),
        ("12 May 2025 3:10 p.m. UTC", "2025-05-12", ""),
        ("Бишкек, 17.V.2025", "2025-05-17", "Бишкек"),
        ("CIS IPA news | 3.XII.2024", "2024-12-03", ""),
    ],
)
def test_a_date_line_is_read_with_its_place(line: str, iso: str, place: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None
    assert parsed.date.iso() == iso
    assert parsed.place == place


def test_a_title_naming_its_document_s_date_is_not_a_date_line() -> None:
    assert parse_date_line("Заявление МИД Кыргызстана от 2 июня 2025 года") is None
    assert parse_date_line("Statement of 12 May 2025") is None
    assert parse_date_line("Published on 18 February 2025") is not None


def test_a_month_in_roman_numerals_is_read_and_a_roman_word_is_not_a_month() -> None:
    assert [d.iso() for d in find_dates("Signed on 17.IX.2025 and 4.XI.2025")] == [
        "2025-09-17", "2025-11-04",
    ]
    assert find_dates("Chapter 17.VI and 12.XIII.2025") == []


def test_a_sentence_containing_a_date_is_not_a_date_line() -> None:
    assert parse_date_line("The meeting was held on 5 May 2020 in Minsk") is None
    assert parse_date_line("Dear participants of the Conference,") is None


@pytest.mark.parametrize("line", ["7 March, 11:05", "7 марта 11:05", "March 7, 11:05"])
def test_a_date_line_with_a_time_instead_of_a_year_is_a_date_line(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.date.day, parsed.date.month) == (7, 3)
    assert parsed.date.year is None and parsed.date.iso(default_year=2025) == "2025-03-07"


def test_a_day_and_month_alone_is_not_a_date_line() -> None:
    assert parse_date_line("7 March") is None


@pytest.mark.parametrize(
    ("paragraph", "iso"),
    [
        ("On 12 June 2023 in Yerevan, the ministers met.", "2023-06-12"),
        ("On December 5, 2024, at the CSTO Secretariat, the", "2024-12-05"),
        ("From April 8 to 11, 2024, the seminar took place.", "2024-04-08"),
        ("26 декабря 2022 года состоялась встреча", "2022-12-26"),
    ],
)
def test_an_opening_date_is_found(paragraph: str, iso: str) -> None:
    found = opening_date(paragraph)
    assert found is not None and found.iso() == iso


def test_this_year_takes_its_year_from_elsewhere() -> None:
    found = opening_date("On March 3, this year, the council met.")
    assert found is not None and found.this_year
    assert found.iso() is None
    assert found.iso(default_year=2021) == "2021-03-03"
    russian = opening_date("11 марта с.г. в Секретариате ОДКБ")
    assert russian is not None and russian.iso(default_year=2023) == "2023-03-11"
    current = opening_date("21 января т.г. в Секретариате ОДКБ")  # "текущего года"
    assert current is not None and current.this_year


def test_a_date_in_the_middle_of_a_sentence_is_not_an_opening_date() -> None:
    assert opening_date("SCO Secretary-General took part, on 15 September, 2020") is None


def test_impossible_dates_are_not_dates() -> None:
    assert find_dates("31.02.2021 and February 30, 2020") == []


@given(st.text(max_size=300))
def test_any_text_gives_only_valid_dates(text: str) -> None:
    for found in find_dates(text):
        value = found.iso(default_year=2020)
        assert value is None or len(value) == 10


def test_a_labelled_date_line_and_a_weekday_before_the_date() -> None:
    line = parse_date_line("Date of publication: 27.11.2026 16:05")
    assert line is not None and line.date.iso() == "2026-11-27"
    assert parse_date_line("The meeting was held: 5 May 2020") is None
    opening = opening_date("Во вторник, 17 ноября, в Ереване состоялись консультации.")
    assert opening is not None and (opening.day, opening.month) == (17, 11)
    lead = event_date("Experts met in Minsk on Wednesday, 18 November, to discuss it.")
    assert lead is not None and (lead.day, lead.month) == (18, 11)
    # a bare date inside the sentence may be any day: only a weekday marks the event's
    assert event_date("The previous meeting took place on 14 May 2026 in Minsk.") is None


def test_the_day_an_event_was_held() -> None:
    held = held_date("Заседание прошло 24 ноября в Москве под председательством Министра.")
    assert held is not None and (held.day, held.month) == (24, 11)
    held = held_date("The meeting was held on 24 November 2026 in Moscow.")
    assert held is not None and held.iso() == "2026-11-24"
    assert held_date("The previous meeting of the Council was held on 14 May 2026.") is None
    assert held_date("The plan runs until 24 November 2026.") is None
