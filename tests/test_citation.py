"""Citations an analyst can paste under a quote: speaker, what it was, place, date, source."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Archive, Item, Participant
from store.bookmarks.citation import (
    STYLES,
    CitationError,
    citation,
    find_passage,
    long_date,
    parse_range,
    passage,
)

ROOT = Path(__file__).resolve().parent.parent
RU_SAMPLE = ROOT / "tests" / "tui" / "data" / "sample.jsonl"
URL = "https://odkb-csto.org/news/speech-minsk-2024"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The bundled sample_data, imported as a user's first run would."""
    path = tmp_path_factory.mktemp("citation") / "archive.sqlite3"
    with Archive.open(path) as opened:
        opened.import_files(sorted((ROOT / "sample_data").glob("*.txt")))
        yield opened


def _by_title(archive: Archive, start: str) -> Item:
    rows = archive.rows(archive.columns.order)
    return archive.get(next(r.item_id for r in rows if r.title.startswith(start)))


@pytest.fixture(scope="module")
def speech(archive: Archive) -> Item:
    return _by_title(archive, "Speech by the CSTO Secretary General")


@pytest.fixture(scope="module")
def web_speech(speech: Item) -> Item:
    """The speech as a web import would have it: a place and its page's URL."""
    return dataclasses.replace(speech, places=("Minsk",), source=URL)


@pytest.fixture(scope="module")
def russian_news() -> Item:
    for line in RU_SAMPLE.read_text(encoding="utf-8").splitlines():
        item = Item.from_dict(json.loads(line))
        if item.language == "ru" and item.participants:
            return item
    raise AssertionError("the sample has a Russian item with participants")


def test_plain_names_speaker_role_occasion_place_date_and_url(web_speech: Item) -> None:
    assert citation(web_speech) == (
        "— Imangali Tasmagambetov, CSTO Secretary General, speech at the II Minsk "
        f"Conference on Eurasian Security, Minsk, 31 October 2024, {URL}"
    )


def test_an_item_not_from_the_web_is_cited_by_its_archive_id(speech: Item) -> None:
    line = citation(speech)
    assert line.endswith(f", 31 October 2024, archive id {speech.id}")
    assert speech.source.endswith(".txt") and speech.source not in line


def test_a_news_item_is_cited_by_its_title_in_quotes(archive: Archive) -> None:
    news = _by_title(archive, "The CSTO Secretary General Imangali Tasmagambetov met")
    assert citation(news).startswith(
        "— Imangali Tasmagambetov, CSTO Secretary General, “The CSTO Secretary General"
    )
    assert ", 5 December 2024, archive id " in citation(news)


def test_chicago_note_form(web_speech: Item) -> None:
    assert citation(web_speech, "chicago", (2, 4)) == (
        "Imangali Tasmagambetov, “Speech by the CSTO Secretary General Imangali "
        "Tasmagambetov at the II Minsk Conference on Eurasian Security” (speech, Minsk, "
        f"October 31, 2024), pars. 3–5, {URL}."
    )


def test_apa_reference_with_paragraph_locator(web_speech: Item) -> None:
    assert citation(web_speech, "apa", (6, 6)) == (
        "Tasmagambetov, I. (2024, October 31). Speech by the CSTO Secretary General "
        "Imangali Tasmagambetov at the II Minsk Conference on Eurasian Security [Speech]. "
        f"Minsk. {URL} (para. 7)"
    )


def test_gost_for_an_english_item_uses_english_labels(web_speech: Item) -> None:
    assert citation(web_speech, "gost", (0, 1)) == (
        "Tasmagambetov I. Speech by the CSTO Secretary General Imangali Tasmagambetov at "
        "the II Minsk Conference on Eurasian Security [Electronic resource]. Minsk, "
        f"31 October 2024. Para. 1–2. URL: {URL}"
    )


def test_gost_for_a_russian_item_writes_russian_labels_and_genitive_months(
    russian_news: Item,
) -> None:
    line = citation(russian_news, "gost", (0, 0))
    assert line == (
        f"Тасмагамбетов И. {russian_news.title}. 12 июля 2024 г. Абз. 1. "
        f"Идентификатор в архиве: {russian_news.id}."
    )
    web = dataclasses.replace(russian_news, source="https://odkb-csto.org/news/ru/1",
                              places=("Москва",))
    assert "[Электронный ресурс]. Москва, 12 июля 2024 г. Абз. 1. URL: https://" in (
        citation(web, "gost", (0, 0))
    )


def test_russian_role_keeps_russian_word_order(russian_news: Item) -> None:
    assert citation(russian_news).startswith(
        "— Имангали Тасмагамбетов, Генеральный секретарь ОДКБ, “"
    )
    assert "12 июля 2024" in citation(russian_news)


@pytest.mark.parametrize(
    ("date", "language", "expected"),
    [("2024-10-31", "en", "31 October 2024"), ("2024-10-31", "ru", "31 октября 2024"),
     ("2023-05-01", "ru", "1 мая 2023"), ("2024-08-14", "ru", "14 августа 2024"),
     (None, "ru", "")],
)
def test_long_dates(date: str | None, language: str, expected: str) -> None:
    assert long_date(date, language) == expected


@pytest.mark.parametrize("style", STYLES)
def test_every_style_copes_with_an_undated_item_without_people(style: str) -> None:
    item = Item.from_dict({"title": "Undated note", "body": ["Text."], "date": None})
    line = citation(item, style, (0, 0))
    assert item.id in line and "Undated note" in line and "\n" not in line


def test_quote_text_is_the_paragraphs_joined_by_blank_lines_then_the_citation(
    speech: Item,
) -> None:
    quoted = passage(speech, 3, 5)
    assert quoted.text == "\n\n".join(speech.body[3:6])
    assert quoted.quote("plain") == quoted.text + "\n\n" + citation(speech, "plain", (3, 5))
    assert "  " not in quoted.text and quoted.count == 3


def test_paragraph_ranges_count_from_one(speech: Item) -> None:
    assert (parse_range("3-5", speech).first, parse_range("3-5", speech).last) == (2, 4)
    assert (parse_range("7", speech).first, parse_range("7", speech).last) == (6, 6)


@pytest.mark.parametrize("spec", ["0-2", "5-3", "1-999", "three", "", "-4"])
def test_a_bad_range_is_one_clear_line(speech: Item, spec: str) -> None:
    with pytest.raises(CitationError) as raised:
        parse_range(spec, speech)
    assert "\n" not in str(raised.value)


def test_match_finds_the_first_paragraph_with_the_words(speech: Item) -> None:
    found = find_passage(speech, "environment of  STRATEGIC instability")
    assert speech.body[found.first].startswith("In an environment of strategic instability")
    assert found.first == found.last == 4
    with pytest.raises(CitationError, match="no paragraph"):
        find_passage(speech, "no such words anywhere")


def test_an_unknown_style_is_refused(speech: Item) -> None:
    with pytest.raises(CitationError, match="unknown citation style"):
        citation(speech, "mla")


def test_a_speaker_the_text_names_in_another_case_is_cited_in_the_nominative(
    russian_news: Item,
) -> None:
    """"с Министром обороны Армении Сейраном Оганяном": the citation names Сейран Оганян."""
    item = dataclasses.replace(russian_news, title="Встреча с Министром обороны Армении",
                               participants=(Participant("Сейраном Оганяном",
                                                         "Министром обороны", "Армении"),))
    assert citation(item).startswith("— Сейран Оганян, Министр обороны Армении, “")
    assert citation(item, "gost", (0, 0)).startswith("Оганян С. Встреча с Министром")
