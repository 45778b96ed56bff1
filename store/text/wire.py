"""Wire-service leads: "/ТАСС/", "(РИА Новости)", "MOSCOW, March 5 (TASS) -", "МОСКВА,
11 июн — РИА Новости.", "Москва. 5 декабря. INTERFAX.RU -" opening a paragraph, the agency's
mark on its item rather than part of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.text.dates import DateLine, first_date, parse_date_line

_SAINT = r"(?:S[Tt]\.\s?)?"  # "ST. PETERSBURG, April 17 /TASS/."
_PLACE = rf"{_SAINT}[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё\-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё\-]+)?"
_PLACE_CAPS = rf"{_SAINT}[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+)?"
_AGENCY = (
    r"/\s?[A-ZА-ЯЁ][\w\-]*(?:\s[\w\-«»\"]+){0,2}\s?/"  # "/ТАСС/", "/Корр. ТАСС/", "/НИАТ «Ховар»/"
    r"|\([A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2}\)"  # "(TASS)", "(РИА Новости)"
)
_LEAD = re.compile(
    rf"^(?:(?P<place>{_PLACE}),\s+(?P<date>[^/()]{{3,30}}?)[.,]?\s+)?"
    rf"(?P<agency>{_AGENCY})\s*[.:]?\s*(?:[-–—]{{1,2}}\s*)?(?=\S)"
)
_DASHED_LEAD = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+)?),\s+(?P<date>[^/()]{3,30}?)"
    r"\s+[-–—]\s+(?P<agency>[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})\.\s+(?=\S)"
)
"""RIA's dateline: "МОСКВА, 11 июн — РИА Новости. ...": a place in capitals, a date, a dash
and the agency's name as a sentence of its own."""
_DOTTED_LEAD = re.compile(
    rf"^(?P<place>{_PLACE})\.\s+(?P<date>[^.]{{3,30}}?)\.\s+"
    r"(?P<agency>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:\.[A-Z]{2,3})?)\s*[-–—]\s+(?=\S)"
)
"""Interfax's dateline: "Москва. 5 декабря. INTERFAX.RU - ...": place and date as sentences
of their own, then the agency's name in capitals and a dash."""
_CAPITALS_LEAD = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+)?)\s+"
    r"(?P<agency>\([A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2}\))\s*[-–—]\s+(?=\S)"
)
"""A dateline of a place in capitals, the agency in brackets and a dash, with no date
("BISHKEK (AKIpress) - ..."): the story's date is in its first sentence."""
_NAMED_AGENCY = r"[A-ZА-ЯЁ]{2,}[a-zа-яё]*"
_AGENCY_NAME_LEAD = re.compile(
    rf"^(?:(?P<place>{_PLACE_CAPS})\.\s+(?P<agency>{_NAMED_AGENCY})\s[-–—]"
    rf"|(?=\w{{4}})(?P<lone>{_NAMED_AGENCY})\s[-–—]\s+(?=[A-ZА-ЯЁ«\"]))\s*(?=\S)"
)
"""An agency's name in capitals and a dash as the dateline ("ASTANA. KAZINFORM – ...",
"AKIpress - ..."): the agency's mark, perhaps after the place in capitals."""
_DOTTED_BRACKET_LEAD = re.compile(
    rf"^(?P<place>{_PLACE_CAPS})\.\s+(?P<date>[^/()]{{3,30}}?)\s+"
    r"(?P<agency>\([A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2}\))\s*[-–—]\s+(?=\S)"
)
"""Interfax's English dateline: "MOSCOW. Nov 12 (Interfax) - ...": place, a full stop, the
date and the agency in brackets."""
_COMMA_AGENCY_LEAD = re.compile(
    rf"^(?P<place>{_PLACE_CAPS}),\s+(?P<date>[^,.()/]{{3,30}}?)[,.]\s+"
    r"(?P<agency>[A-ZА-ЯЁ]{3,}(?:[\s\-][A-ZА-ЯЁ]{2,})?)\.\s+(?=\S)"
)
"""Armenpress's dateline: "YEREVAN, JUNE 2, ARMENPRESS. ...": place in capitals, the date and
the agency's name in capitals, closed by a full stop."""
_NOT_AGENCIES = re.compile(r"\(\s?(?:photo|video|фото|видео|updated|обновлено)", re.I)
"""Brackets that open a paragraph without being an agency's mark."""
_FIRST_SENTENCE = re.compile(r"^.*?(?:[.!?](?=\s+[A-ZА-ЯЁ«\"])|$)", re.S)


@dataclass(frozen=True)
class WireLead:
    """A paragraph's wire-service lead taken off: the text after it and the date it gives."""

    text: str
    """The paragraph without the lead."""
    date_line: DateLine | None
    """The dateline's date and place, else the first date of the first sentence."""


def wire_lead(paragraph: str) -> WireLead | None:
    """The paragraph without its agency lead, and the date that lead or its first sentence
    gives ("/ТАСС/ Генеральный секретарь ОДКБ ... 5 марта 2025 года в Москве ..."); None
    when the paragraph does not open with an agency's mark."""
    m = _LEAD.match(paragraph) or _CAPITALS_LEAD.match(paragraph)
    if m is None:
        m = (
            _DASHED_LEAD.match(paragraph) or _DOTTED_LEAD.match(paragraph)
            or _DOTTED_BRACKET_LEAD.match(paragraph) or _COMMA_AGENCY_LEAD.match(paragraph)
        )
        if m is None or first_date(m.group("date")) is None:
            return _agency_name_lead(paragraph)
    if _NOT_AGENCIES.match(m.group("agency")):
        return None
    date = m.groupdict().get("date")
    if m.re is not _CAPITALS_LEAD and m.group("place") and first_date(date or "") is None:
        return None  # "Minsk, Belarus (photo)": a place and a caption, not a dateline
    text = paragraph[m.end() :]
    dateline = first_date(date) if date else None
    if dateline is not None:
        return WireLead(text, DateLine(dateline, m.group("place").title()))
    sentence = _FIRST_SENTENCE.match(text)
    found = first_date(sentence.group() if sentence else text)
    return WireLead(text, DateLine(found) if found else None)


def _agency_name_lead(paragraph: str) -> WireLead | None:
    """The lead of an agency that signs with its name in capitals ("ASTANA. KAZINFORM –"),
    or None; the date is the first sentence's."""
    m = _AGENCY_NAME_LEAD.match(paragraph)
    if m is None:
        return None
    text = paragraph[m.end() :]
    if parse_date_line(text) is not None:
        return None  # "ASTANA. KAZINFORM - 2 July 2024, 09:30": the page's date line, no lead
    sentence = _FIRST_SENTENCE.match(text)
    found = first_date(sentence.group() if sentence else text)
    return WireLead(text, DateLine(found) if found else None)
