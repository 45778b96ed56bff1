"""A wire service's mark opening a paragraph is not text, and its date dates the item."""

from __future__ import annotations

import pytest

from store.text.wire import wire_lead


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("/ТАСС/ Министр провел переговоры.", "Министр провел переговоры."),
        ("/БЕЛТА/ - Президент встретился с послом.", "Президент встретился с послом."),
        ("(РИА Новости) Министр встретился с послом.", "Министр встретился с послом."),
        ("MOSCOW, March 5 (TASS) - Sergey Lavrov met the envoy.", "Sergey Lavrov met the envoy."),
        ("МОСКВА, 5 марта. /ТАСС/. Министр встретился с послом.", "Министр встретился с послом."),
        ("МОСКВА, 11 июн — РИА Новости. Министр встретился.", "Министр встретился."),
        ("MINSK, 6 June (BelTA) - The President met the envoy.", "The President met the envoy."),
    ],
)
def test_the_agency_mark_is_taken_off(paragraph: str, text: str) -> None:
    lead = wire_lead(paragraph)
    assert lead is not None and lead.text == text


def test_a_dateline_gives_its_date_and_place() -> None:
    lead = wire_lead("MOSCOW, March 5 (TASS) - Sergey Lavrov met the envoy.")
    assert lead is not None and lead.date_line is not None
    assert (lead.date_line.date.month, lead.date_line.date.day) == (3, 5)
    assert lead.date_line.place == "Moscow"


def test_without_a_dateline_the_first_sentence_gives_the_date() -> None:
    lead = wire_lead(
        "/ТАСС/ Генеральный секретарь ОДКБ 5 марта 2025 года в Москве провел переговоры. "
        "Ранее, 7 мая 2020 года, стороны встречались."
    )
    assert lead is not None and lead.date_line is not None
    assert lead.date_line.date.iso() == "2025-03-05"


@pytest.mark.parametrize(
    "paragraph",
    [
        "On 5 May 2020 the ministers met.",
        "(Unofficial translation) The text of the statement.",
        "(Photo) The ministers at the meeting.",
        "Minsk, Belarus (Photo) the ministers.",
        "Москва, 5 июня — Президент России. Он встретился с послом.",
    ],
)
def test_a_paragraph_without_an_agency_mark_is_left_alone(paragraph: str) -> None:
    assert wire_lead(paragraph) is None


def test_ria_s_dateline_gives_its_day_and_month() -> None:
    lead = wire_lead("МОСКВА, 11 июн — РИА Новости. Министр встретился с послом.")
    assert lead is not None and lead.date_line is not None
    assert (lead.date_line.date.month, lead.date_line.date.day) == (6, 11)
    assert lead.date_line.place == "Москва"


def test_interfax_dateline_is_a_lead() -> None:
    lead = wire_lead("Москва. 5 декабря. INTERFAX.RU - Министр провел переговоры.")
    assert lead is not None and lead.text == "Министр провел переговоры."
    assert lead.date_line is not None and lead.date_line.place == "Москва"
    assert (lead.date_line.date.month, lead.date_line.date.day) == (12, 5)
    assert wire_lead("Москва. 5 декабря. Министр провел переговоры.") is None


@pytest.mark.parametrize(
    ("paragraph", "text", "place", "day"),
    [
        ("Бишкек, 19 ноября /Кабар/. Министр принял посла.", "Министр принял посла.",
         "Бишкек", (11, 19)),
        ("YEREVAN, Nov. 24 (ARMENPRESS) - Armen Grigoryan received the envoy.",
         "Armen Grigoryan received the envoy.", "Yerevan", (11, 24)),
        ("МОСКВА, 5 дек — РИА Новости. Официальный представитель заявила.",
         "Официальный представитель заявила.", "Москва", (12, 5)),
    ],
)
def test_leads_of_other_agencies_and_abbreviated_months(
    paragraph: str, text: str, place: str, day: tuple[int, int]
) -> None:
    lead = wire_lead(paragraph)
    assert lead is not None and lead.text == text and lead.date_line is not None
    assert lead.date_line.place == place
    assert (lead.date_line.date.month, lead.date_line.date.day) == day
