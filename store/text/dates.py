"""Dates: found in press text (English and Russian forms) and normalised to ISO, the
bounds of a year or month typed in a filter, and the month names pressroom prints."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from store.text import lexicon

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
"""English month names, January first: what list headings and citations print."""
MONTHS_RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                      "августа", "сентября", "октября", "ноября", "декабря")
"""A Russian date names its month in the genitive: "31 октября 2024"."""

_EN_MONTHS = {
    **{name.casefold(): number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
"""English month names and abbreviations ("jan", "sept"), casefolded, to month numbers."""
# Russian dates name the month in the genitive ("5 сентября"); the nominative and the
# usual abbreviations turn up in headings, so the stems cover all of them.
_RU_MONTH_STEMS = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)
_RU_MONTH_WORDS = (
    r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья]|янв\.?|февр?\.?|апр\.?|авг\.?|сент?\.?|окт\.?|нояб?\.?"
    r"|дек\.?|мар\.?|июн\.?|июл\.?"  # RIA's three letters: "11 июн"
)
_EN_MONTH_WORDS = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
"""For patterns that ignore case; longest first, so "September" is not read as "Sep"."""

_DAY = r"(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
_RANGE_END = r"(?:\s*(?:-|–|—|to|and|по|и)\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "this year" in English and "с.г." / "т.г." / "текущего года" / "этого года" in Russian: the
# year comes from the item's date line.
_THIS_YEAR = (
    r"(?P<this_year>this\s+year|of\s+the\s+current\s+year|[ст]\.\s?г\.?|сего\s+года"
    r"|текущего\s+года|этого\s+года)"
)

_NUMERIC = re.compile(
    r"(?<![\d.\-])(?:(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)"
    r"|(?<!- )(?P<hd>[0-3]\d)-(?P<hm>[01]\d)-(?P<hy>(?:19|20)\d\d)(?![\d\-])"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"|(?P<rd>[0-3]?\d)\.(?P<rm>XII|XI|IX|X|VIII|VII|VI|V|IV|III|II|I)\.(?P<ry>(?:19|20)\d\d))(?!\d|-\d)"
)
"""Day, month and year in figures; the month may be a Roman numeral ("17.V.2025"), as
post-Soviet parliaments and some ministries write it. Figures joined on by a hyphen make a
document's number ("1987-09-10-2025", a ministry's release number, "4 - 15-10-2016"), not a
date; a date alone in figures joined by hyphens ("27-11-2025 14:35") is one."""
_MONTHS_IN_YEAR = 12
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_MONTH_FIRST = re.compile(
    # not "Feb 16" of "18 Feb 16:42": the figures before a colon are the hour
    rf"\b(?P<month>{_EN_MONTH_WORDS})\.?\s+{_DAY}(?!:\d){_RANGE_END}"
    rf"(?:(?:\s*,\s*|\s+){_YEAR}\b|\s*,?\s*{_THIS_YEAR})?",
    re.IGNORECASE,
)
# A Russian official paper may quote the day: "«14» мая 2025 г."
_DAY_FIRST = re.compile(
    rf"(?<!\d){_DAY}[»\"”]?{_RANGE_END}\s+(?:of\s+)?(?P<month>{_EN_MONTH_WORDS}|{_RU_MONTH_WORDS})"
    rf"(?![а-яёa-z])\.?(?:(?:\s*,\s*|\s+){_YEAR}(?:\s*(?:года|г\.?))?|\s*,?\s*{_THIS_YEAR})?",
    re.IGNORECASE,
)
_FROM_RANGE = re.compile(
    rf"\b(?:from|с)\s+(?P<month>{_EN_MONTH_WORDS})\.?\s+{_DAY}\s+(?:to|till|until|-|–)\s+"
    rf"(?:(?:{_EN_MONTH_WORDS})\.?\s+)?[0-3]?\d(?:\s*,\s*|\s+){_YEAR}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: where it is, its parts, and whether the year was written."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    this_year: bool = False
    """The text said "this year" / "с.г." rather than a number."""

    def iso(self, default_year: int | None = None) -> str | None:
        """The ISO date, taking a missing year from `default_year`; None if not a real date."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return date(year, self.month, self.day).isoformat()
        except ValueError:
            return None


def month_number(word: str) -> int | None:
    """The month a word names, in English or Russian, full or abbreviated; else None."""
    key = word.lower().rstrip(".")
    if key in _EN_MONTHS:
        return _EN_MONTHS[key]
    if key in ("ма", "май", "мая"):
        return 5
    for stem, number in _RU_MONTH_STEMS:
        if stem != "ма" and (key.startswith(stem) or (len(key) >= 3 and stem.startswith(key))):
            return number
    return None


def _from_match(m: re.Match[str]) -> DateMatch | None:
    groups = m.groupdict()
    if groups.get("rd"):
        day, month = int(groups["rd"]), _ROMAN_MONTHS.index(groups["rm"]) + 1
        year: int | None = int(groups["ry"])
        this_year = False
    elif groups.get("hd"):
        day, month, year, this_year = int(groups["hd"]), int(groups["hm"]), int(groups["hy"]), False
    elif groups.get("d") or groups.get("iy"):
        day = int(groups.get("d") or groups["id"])
        month = int(groups.get("m") or groups["im"])
        if month > _MONTHS_IN_YEAR >= day and "/" in m.group():
            day, month = month, day  # "02/16/2026": only the American order reads
        year = int(groups.get("y") or groups["iy"])
        this_year = False
    else:
        month_value = month_number(groups["month"])
        if month_value is None:
            return None
        day, month = int(groups["day"]), month_value
        year = int(groups["year"]) if groups.get("year") else None
        this_year = bool(groups.get("this_year"))
    candidate = DateMatch(m.start(), m.end(), day, month, year, this_year)
    # A date without a year cannot be checked against a calendar yet; 2000 is a leap year,
    # so "29 February" passes here and fails later only if the real year has no such day.
    if candidate.iso(default_year=2000 if year is None else None) is None:
        return None
    return candidate


def find_dates(text: str) -> list[DateMatch]:
    """Every date expression in `text`, in order of position, without overlaps."""
    found: list[DateMatch] = []  # kept in order of start; no two overlap
    starts: list[int] = []
    for pattern in (_FROM_RANGE, _NUMERIC, _MONTH_FIRST, _DAY_FIRST):
        for m in pattern.finditer(text):
            match = _from_match(m)
            if match is None:
                continue
            # Only the neighbours in order can overlap it, so a line of thousands of dates
            # costs a bisection each, not a pass over every date found.
            at = bisect.bisect_left(starts, match.start)
            if (at > 0 and found[at - 1].end > match.start) or (
                at < len(found) and found[at].start < match.end
            ):
                continue
            starts.insert(at, match.start)
            found.insert(at, match)
    return found


def first_date(text: str) -> DateMatch | None:
    """The first date expression in `text`, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


# What may precede the date at the start of a paragraph: "On", "From", "Today, on",
# a wire-service dateline ("MOSCOW, "), the Russian "В"/"С".
_RECALLING = (
    r"(?!(?:напомн|отмеч|подчеркн|замеч|кстати|впрочем|однако|кроме|также|итак|прежде"
    r"|recall|however|moreover|indeed|again|thus|also|finally|notably|incidentally|first"
    r"|as you know|как известно)\w*,)"
)
"""A word that recalls or goes on rather than names a place ("Напомню, 7 октября 2002 года
...", "Indeed, on 7 May 1992 ..."): a sentence of a speech, not the lead of a news item."""
_OPENING_LEAD = re.compile(
    rf"^\s*(?i:{_RECALLING})"
    r"(?:(?:[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,30}|[A-ZА-ЯЁ][\w\-]+(?:\s(?:[A-ZА-ЯЁ][\w\-]+"
    r"|region|oblast|province|district|област[ьи]|район|края?))?),\s+)?"
    r"(?:[Tt]oday,?\s+|[Сс]егодня,?\s+)?"
    r"(?:(?P<since>[Ff]rom|[Сс]о?)|[Oo]n|[Bb]etween|[Aa]s of|[Вв]о?)?\s*"
    r"(?i:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье),?\s+)?",
)
"""The lead may name the weekday before the date ("Во вторник, 17 ноября, в Ереване ...",
"On Friday, 4 December, ..."), and the place may be a region ("Karaganda region, 20 August.
...", "Карагандинская область, 20 августа. ...")."""

_WEEKDAY_BEFORE = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b,?\s*$"
    r"|(?:^|\s)(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье),?\s*$",
    re.IGNORECASE,
)


def opening_date(paragraph: str) -> DateMatch | None:
    """The date a paragraph opens with ("On 12 June 2023 in Yerevan, ..."), or None."""
    head = paragraph[:160]
    match = first_date(head)
    if match is None:
        return None
    lead = _OPENING_LEAD.match(head)
    if lead is None or lead.end() < match.start:
        return None
    if lead.group("since") and not _RANGE_MARK.search(head[match.start : match.end]):
        return None  # "С 1 января 2023 года пост займет ...": from a day on, not an event
    return match


_RANGE_MARK = re.compile(r"\s(?:по|to|till|until|and|и)\s|[-–—]")


_HELD = re.compile(
    r"\b(?:was|were|will be) held(?: on)?|\btook place(?: on)?|\b(?:прош(?:ло|ла|ел|ли)"
    r"|состоял(?:ось|ась|ся|ись)|проходил(?:о|а|и)?)\s*$",
    re.IGNORECASE,
)


_EARLIER = re.compile(r"\b(?:previous|last|preceding)\b|предыдущ|прошлое|прошлая|прошлый", re.I)
"""An earlier event the item recalls ("The previous meeting ... was held on 14 May")."""


_CLAUSE_END = re.compile(r"[.;!?]\s")


def held_date(paragraph: str) -> DateMatch | None:
    """A date the paragraph says the event was held on ("Заседание прошло 24 ноября в
    Москве", "The meeting was held on 24 November"), for an item with no date line and no
    dated lead; None when the paragraph says no such thing."""
    # Where each clause begins, found once: a paragraph of thousands of dates then costs a
    # bisection per date, not a split of everything before it.
    clause_starts = [m.end() for m in _CLAUSE_END.finditer(paragraph)]
    for found in find_dates(paragraph):
        at = bisect.bisect_right(clause_starts, found.start) - 1
        clause = paragraph[clause_starts[at] if at >= 0 else 0 : found.start]
        if _HELD.search(clause[-40:]) and not _EARLIER.search(clause):
            return found
    return None


def event_date(paragraph: str) -> DateMatch | None:
    """The day a lead paragraph reports: the date it opens with, else a date its first
    sentence gives with its weekday ("Experts ... met in Minsk on Wednesday, 18 November,
    ...", "... в среду, 2 декабря, принял участие ..."). A weekday names the day of the
    event itself; a bare date inside a sentence may be any other day (a previous meeting,
    a deadline), so it is not taken."""
    opening = opening_date(paragraph)
    if opening is not None:
        return opening
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ])", paragraph, maxsplit=1)[0]
    for found in find_dates(sentence):
        if _WEEKDAY_BEFORE.search(sentence[: found.start]):
            return found
    # "📍 Tajikistan, Harb-Maidon range. Today, 20 October, the active phase ... began"
    start = paragraph[:_TODAY_REACH]
    for found in find_dates(start):
        if _TODAY_BEFORE.search(start[: found.start]):
            return found
    return None


_TODAY_BEFORE = re.compile(r"(?:^|[.!?]\s+|\s)(?:today|сегодня)\s*,?\s*$", re.IGNORECASE)
""""Today, 20 October": the day the post tells of is the day it was written."""
_TODAY_REACH = 200


_REFERENCE_BEFORE = re.compile(
    r"\b(?:of|since|until|till|by|before|after|from|dated|to|through)\s*$"
    r"|(?:^|\s)(?:от|с|со|до|по|к|ко|после|начиная с)\s*$",
    re.IGNORECASE,
)
"""A word that makes a date another day than the event's: a document's ("Treaty of 15 May
1992"), a span's edge ("since 1 March 2024", "до 1 июня 2025 года"), a deadline."""


def lead_sentence_date(paragraph: str) -> DateMatch | None:
    """The full date (day, month and year) the first sentence of an undated item's lead
    gives for what it reports ("The Secretary General visited the air base ... on 22 March
    2024 and met ..."), or None: a channel's post has no date line, and its lead says the
    day. A date after "of", "since", "until", "от", "до" is another day (a document's, a
    span's edge), so it is not taken."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ])", paragraph, maxsplit=1)[0]
    for found in find_dates(sentence):
        if found.year is not None and not _REFERENCE_BEFORE.search(
            sentence[max(0, found.start - 20) : found.start]
        ):
            return found
    return None


_DATE_LINE_MAX = 90
_SUFFIX_SPLIT = re.compile(r"\s+[-–—|]\s+|\s+·\s+(?!👁)|\s*/\s*")
_COLON_LABEL = re.compile(r"[^\W\d_][\w\-]*(?:\s+[\w\-]+){0,2}:")
"""A few words and a colon before a date: the site's label for it ("Date of publication:",
"Last updated:", "Дата публикации:")."""
_CLOCK_TIME = re.compile(r"(?<![\d:])[0-2]?\d:[0-5]\d(?![\d:])")
"""A time of day ("11:05"): a news feed's date line gives it instead of the year."""


_UPDATE_MARK = re.compile(
    r"\s+(?:updated|last updated|обновлено)\s*:?\s*[^:]{0,20}?[0-2]?\d:[0-5]\d$", re.IGNORECASE
)
"""An agency's mark of the story's update after its time ("21 April, 14:37 UPDATED: 21
April, 15:02"): the date line is the first day and time."""
_AT_TIME = re.compile(r"^(?:at|в)\s+(?=\d)", re.IGNORECASE)
"""The word before a post's time of day ("27 ноября в 10:05", "Nov 27 at 10:02")."""


_SECTION_LABEL = re.compile(r"[^\W\d_][\w\-]*(?:\s+[\w\-]+){0,2}\s*[|·]")
"""A site's section before a date line, parted by a bar ("Новости | 17 ноября")."""


_DOCUMENT_OF = re.compile(r"(?:\bof|\bdated|(?<!\w)от)$", re.IGNORECASE)
"""The word that joins a document to the day it was issued ("Statement of", "... от")."""
_TOWN = re.compile(r"^(?:г\.|город)\s*")
_TIME_STAMP = re.compile(
    r"[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s?(?:gmt|utc|msk|мск)(?:\s?[+\-−]\s?\d{1,2})?)?"
    r"(?:\s+(?:updated|last updated|обновлено)\b.{0,30})?",
    re.IGNORECASE,
)
"""A news site's time stamp after the date: the time, with "AM"/"PM" and the time zone if
given, and how long ago the page was updated ("9:14 AM GMT+3 Updated 3 hours ago")."""


_PLACE_BEFORE = re.compile(
    r"(?P<place>[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})(?:,?\s+the)?"
)
"""A place before a day written without its year ("Yerevan, the 8th of August")."""


@dataclass(frozen=True)
class DateLine:
    """A line that is only a date, perhaps with a place or a label ("Geneva, May 4, 2019")."""

    date: DateMatch
    place: str = ""


_WEEKDAY = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?",
    re.IGNORECASE,
)
"""A weekday before a date ("Friday, 26 November", "Пятница, 26 ноября"): a site's date line."""


_TRANSLATION_NOTE = re.compile(
    r"\((?:перевод|неофициальный перевод|translat|unofficial translation)[^()]*\)$", re.I
)
"""An editor's note after a digest entry's source and date ("Казинформ, 12.03.2025 (перевод
с казахского)"): what language the text came from, not prose around the date."""


_MARKS_ONLY = re.compile(r"^[^\w\s]+$")
"""Nothing but marks: a pictograph or bullet before a date line."""


_WEEKDAY_THEN = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда"
    r"|четверг|пятница|суббота|воскресенье)\s*,?\s*(?=[0-2]?\d:[0-5]\d)",
    re.IGNORECASE,
)
"""A weekday after a day, before the time ("22 февраля, четверг, 19:40")."""


def _yearless_date_line(
    text: str, match: DateMatch, around: tuple[str, str], *, bare: bool
) -> DateLine | None:
    """`parse_date_line` of a line whose day has no year. "7 March, 11:05": a feed's date
    line with the time instead of the year. Without the time a bare "7 March" is too like a
    heading unless it stands where a date line does (`bare`); the year comes from
    elsewhere. `around` is the text before and after the day, stripped."""
    before, after = around
    before = _MARKS_ONLY.sub("", before)  # "📌 14 September, Yerevan": a post's pin
    after = _UPDATE_MARK.sub("", after)
    weekday_first = _WEEKDAY_THEN.match(after)
    if weekday_first is not None:
        after = after[weekday_first.end() :]  # "22 февраля, четверг, 19:40"
    if _CLOCK_TIME.fullmatch(_AT_TIME.sub("", after)) or _CLOCK_TIME.fullmatch(before):
        return DateLine(match)  # also a post's "27 ноября в 10:05", "Nov 27 at 10:02"
    if not after and bare and _SECTION_LABEL.fullmatch(text[: match.start].strip()):
        return DateLine(match)  # "Новости | 17 ноября": the site's section over a title
    if not after and (_WEEKDAY.fullmatch(before) or (bare and not before)):
        return DateLine(match)
    if not after and before.casefold() in lexicon.NEWS_OUTLETS:
        return DateLine(match)  # "AKIpress - Feb 4": the agency's story of that day
    if not before and bare:
        # "14 September, Yerevan": a post's day and where, over its text
        town = _PLACE_BEFORE.fullmatch(_TOWN.sub("", after))
        if town is not None and not _is_label(town["place"]) and not _WEEKDAY.fullmatch(after):
            return DateLine(match, town["place"])
    town = _PLACE_BEFORE.fullmatch(_TOWN.sub("", before))  # "г. Душанбе, 16 апреля"
    if town is None or _is_label(town["place"]):
        return None
    if not after and bare:
        return DateLine(match, town["place"])  # "Душанбе, 3 ноября", "Yerevan, the 8th"
    if after.casefold() in lexicon.NEWS_OUTLETS:
        return DateLine(match, town["place"])  # "Baku, November 24, AZERTAC": its dateline
    if _AGENCY_MARK.fullmatch(after) and not _NOT_AN_AGENCY.match(after):
        # an agency's dateline on a line of its own ("МИНСК, 4 июня. /БЕЛТА/"), the story
        # in the paragraph below
        place = town["place"]
        return DateLine(match, place.title() if place.isupper() else place)
    return None


_AGENCY_MARK = re.compile(r"/\s?[A-ZА-ЯЁ][\w\-. ]{1,24}/|\([A-ZА-ЯЁ][\w\-. ]{1,24}\)")
"""An agency's mark after a dateline: "/ТАСС/", "/Корр. БЕЛТА/", "(BelTA)", "(РИА Новости)"."""
_NOT_AN_AGENCY = re.compile(r"[/(]\s?(?:photo|video|фото|видео|updated|обновлено)", re.I)


_MFA_NUMBER = re.compile(r"\d{1,5}-(?P<day>[0-3]\d)-(?P<month>[01]\d)-(?P<year>(?:19|20)\d\d)")
"""The Russian MFA's number of a published document ("1285-12-07-2016"): a serial number and
the day, month and year it was published."""


_ADDRESS = re.compile(
    r"(?:[A-ZА-ЯЁ][\w\-]*(?:\s(?:[A-ZА-ЯЁ][\w\-]*|of|the|de|range|ground|region|district"
    r"|полигон|область|район))*,\s){1,2}"
    r"(?:Republic of|Республика|Kingdom of)?\s?[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*)?"
)
"""A place of two or three parts, each capitalised but for a few words of places ("Bagramyan
range, Republic of Armenia", "Chebarkul, Chelyabinsk region, Russia")."""

_ISSUE = re.compile(
    r"[«\"]?[A-ZА-ЯЁ][\w»\"]*(?:\s[\w»\"]+){0,3}\s?[—–,-]\s[^,]{0,30}?(?:№|No\.)\s?\d+"
    r"(?:\s?\(\d+\))?"
)
"""A newspaper's name and issue over a printed piece's date ("Российская газета — Федеральный
выпуск № 81 (7836)", "Krasnaya Zvezda, No. 12")."""

_BYLINE_MAX_WORDS = 12
_PLACE_DASHES = frozenset({"–", "—", "-"})
"""The dash between the places a statement was signed in ("Tirana – Moscow, 3 December
2020")."""


_DIGEST_TITLE = re.compile(
    r"\b(?:digest|week(?:ly)?|week in brief|review|chronicle|brief|roundup)\b"
    r"|дайджест|недел[яиюе]|главное за|обзор|хроника",
    re.IGNORECASE,
)
"""Words of a digest's title before the period it covers ("CSTO DIGEST — 2-8 February 2015",
"ОДКБ ЗА НЕДЕЛЮ | 24–30 ноября 2025"): a title, not a date line."""


def names_a_digest(title: str) -> bool:
    """Whether a title is a digest's ("СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА НЕДЕЛЮ", "CENTRAL ASIA
    SECURITY DIGEST: ..."): its entries, each on a day of its own, are one item."""
    return _DIGEST_TITLE.search(title) is not None


def digest_date(title: str) -> DateLine | None:
    """The first day of the period a digest's title covers ("CSTO DIGEST — 2-8 February
    2015", "Неделя в ОДКБ: 13–17 мая"), or None for any other title."""
    if _DIGEST_TITLE.search(title) is None:
        return None
    found = first_date(title)
    return DateLine(found) if found is not None else None


def is_document_number(line: str) -> bool:
    """Whether the line is the MFA's number of a published document: it dates the item's
    publication, which a date the title names (the day of the event) goes before."""
    return _MFA_NUMBER.fullmatch(line.strip()) is not None


def document_number_date(line: str) -> DateLine | None:
    """The day of publication an MFA document number gives ("1285-12-07-2016": 12 July
    2016), or None for any other line or an impossible day."""
    number = _MFA_NUMBER.fullmatch(line.strip())
    if number is None:
        return None
    found = DateMatch(
        number.start("day"), number.end(), int(number["day"]), int(number["month"]),
        int(number["year"]),
    )
    return DateLine(found) if found.iso() else None


_URL_DATE = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,6}|рф)/\S*?"
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?:/\S*)?"
)
"""A page's address copied with it whose path holds its day ("centralasiadesk.net/en/news/
2017/11/30/csto-leaders-meet-in-minsk"): the day the page was published."""


_CHANNEL_STAMP = re.compile(
    r"(?:[^\[\]]{1,60},\s*)?\[(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)(?:\.(?P<year>(?:20)?\d\d))?"
    r",?\s+[0-2]?\d:[0-5]\d\](?:\s+[^\[\]]{1,60}:)?"
)
"""A channel post copied from Telegram with its two-digit year or none ("Asia-Plus English,
[29.07.18 21:03]", "Russian Defence Ministry, [13.01 15:40]"): the day it was posted."""


_CHANNEL_STAMP_WORDS = re.compile(
    r"(?:[^\[\]]{1,60},\s*)?\[(?P<date>[^\[\]\d]{0,12}\d[^\[\]]{1,30}?),?\s+[0-2]?\d:[0-5]\d\]"
)


def _channel_stamp(text: str) -> DateLine | None:
    """The day of a Telegram post's "Channel, [29.07.18 21:03]" header ("CSTO, [9 May,
    10:02]" with the day written out), or None."""
    posted = _CHANNEL_STAMP.fullmatch(text)
    if posted is None:
        written = _CHANNEL_STAMP_WORDS.fullmatch(text)
        if written is None:
            return None
        found = first_date(written["date"])
        if found is None or found.end != len(written["date"]):
            return None
        start = written.start("date")
        return DateLine(replace(found, start=found.start + start, end=found.end + start))
    year = 2000 + int(posted["year"][-2:]) if posted["year"] else None
    found = DateMatch(
        posted.start("day"), posted.end("month"), int(posted["day"]), int(posted["month"]), year
    )
    return DateLine(found) if found.iso(default_year=year or 2000) else None


def url_date(line: str) -> DateLine | None:
    """The day a page's address on a line of its own gives, or None."""
    found = _URL_DATE.fullmatch(line.strip())
    if found is None:
        return None
    day = DateMatch(
        found.start("year"), found.end("day"), int(found["day"]), int(found["month"]),
        int(found["year"]),
    )
    return DateLine(day) if day.iso() else None


_OUTLET_APART = re.compile(r"\s+[-–—|]\s+")


def _without_outlet(before: str) -> str:
    """What precedes a date line's date, less the outlet that heads it ("AKIpress news
    agency - Astana, Nov 28, 2024": the place is Astana)."""
    parts = _OUTLET_APART.split(before, maxsplit=1)
    if len(parts) == 2 and parts[0].split()[0].casefold() in lexicon.NEWS_OUTLETS:
        return parts[1]
    return before


def parse_date_line(line: str, *, bare: bool = False) -> DateLine | None:
    """Read a date line such as `17.03.2021`, `Geneva, May 4, 2019`, `9 Oct. 2017`,
    `April 2, 2022, Moscow Region`, `11.02.2015 - Press release`, `5 сентября 2022 года`.

    None when the line is longer than a date line or has prose around the date: a
    sentence that merely contains a date is a paragraph, not a date line. A day and month
    without a year is a date line with a time or a weekday beside it ("7 March, 11:05",
    "Friday, 26 November"), or alone when `bare` says the line stands where a date line
    does (right under a title: "24 ноября").
    """
    text = " ".join(line.split())
    stamped = url_date(text) or _channel_stamp(text)
    if stamped is not None:
        return stamped
    if not text or len(text) > _DATE_LINE_MAX:
        return None
    match = first_date(text)
    if match is None:
        return None
    before = text[: match.start].strip(" ,;:-–—«\"“")
    after = text[match.end :].strip(" ,;:.-–—")
    if _DIGEST_TITLE.search(before):
        return None  # "CSTO DIGEST — 2-8 February 2015", "Хроника ОДКБ: 2–8 декабря 2019"
    before = _without_outlet(before)
    if _COLON_LABEL.fullmatch(text[: match.start].strip()):
        before = ""  # "Date of publication: 27.11.2026 16:05": a label, not prose
    elif _DOCUMENT_OF.search(before) and len(before.split()) > 1:
        # "Заявление МИД ... от 2 июня 2025 года", "CSTO DIGEST — 2-8 February 2015": a title
        # naming its date or the week it covers
        return None
    if match.year is None and not match.this_year:
        return _yearless_date_line(text, match, (before, after), bare=bare)
    after = _SUFFIX_SPLIT.split(after, maxsplit=1)[0].strip(" ,;:.") if after else ""
    if _TIME_STAMP.fullmatch(after):
        after = ""
    after = _TRANSLATION_NOTE.sub("", after).strip(" ,;:.")
    place = _place_around(before, after)
    if place is None:
        return None
    if len(text) - (match.end - match.start) > 60:
        return None
    return DateLine(match, place)


def _place_around(before: str, after: str) -> str | None:
    """The place written before or after a full date on a date line ("" for none, or a
    label such as "Press release"); None when the words around the date are prose."""
    place = ""
    if _ISSUE.fullmatch(before):
        # "Российская газета — Федеральный выпуск № 81 (7836), 16.04.2019": the paper's
        # issue the piece was printed in
        before = ""
    if _ADDRESS.fullmatch(before):
        # "Bagramyan range, Republic of Armenia, 16 October 2015": where a speech was made,
        # a site and its country
        place, before = before, ""
    for part in (before, after):
        part = _TOWN.sub("", part)  # "г. Бишкек": the town's name is the place
        if not part or part.casefold() in lexicon.NEWS_RUBRICS:
            continue  # "22 марта 2023 Климат и окружающая среда": the site's rubric
        if part is before and part.casefold().startswith(lexicon.BYLINE_STARTS):
            # an interview's by-line with its date ("Interview by Olga Bykova, "SB. Belarus
            # Segodnya", 14 April 2020"): the date the piece was published
            if len(part.split()) > _BYLINE_MAX_WORDS:
                return None
            continue
        words = [w for w in part.split() if w not in _PLACE_DASHES]  # "Tirana – Moscow"
        # The rest must be a short label: a place ("Moscow Region") or a kind ("Press
        # release"). Prose ("The meeting was held") has lowercase words beyond a few.
        if len(words) > 5 or sum(1 for w in words if w[:1].islower()) > 1:
            return None
        if (
            not place and all(w.lstrip("(")[:1].isupper() for w in words) and not _is_label(part)
            and not _WEEKDAY.fullmatch(part)
        ):
            place = part
    return place


_LABELS = re.compile(
    r"press|release|statement|news|update|пресс|релиз|сообщени|заявлени|interview"
    r"|published|posted|опубликован|обновлен",
    re.I,
)
"""A date line's label, not its place: "Press release", "Published:", "Опубликовано:"."""


def _is_label(text: str) -> bool:
    return bool(_LABELS.search(text))


def date_bound(text: str, *, upper: bool) -> str:
    """Widen a year, month or day to the first (or, with `upper`, last) day it covers.

    "2024" -> 2024-01-01 / 2024-12-31, "2024-02" -> 2024-02-01 / 2024-02-29.
    Raises ValueError with a message fit for the user.
    """
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1 and len(parts[0]) == 4:
            year = numbers[0]
            day = date(year, 12, 31) if upper else date(year, 1, 1)
        elif len(numbers) == 2:
            year, month = numbers
            start = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            day = following - timedelta(days=1) if upper else start
        elif len(numbers) == 3:
            day = date(*numbers)
        else:
            raise ValueError
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {text!r} (use 2024, 2024-10 or 2024-10-31)") from None
    return day.isoformat()
