"""Citations: who said a passage, where and when, and where to find it, in four styles.

An analyst pastes a quote into a briefing or an article; the line after it must let a
reader find the source. A citation names the speaker (the item's main participant with
role and organisation), what the item is ("speech at …", taken from its title), the
place where known, the date and the source: the page's URL for web items, else the
item's archive id. ГОСТ Р 7.0.5 is written in the item's language (many users write in
Russian); Chicago and APA are English styles.

    >>> citation(item)
    '— Imangali Tasmagambetov, CSTO Secretary General, speech at the II Minsk Conference on
    Eurasian Security, Minsk, 31 October 2024, https://…'

Paragraph numbers are 0-based in this API (as `item.body` is) and 1-based wherever a
person reads or types them (`--paragraphs 3-5`, "paras. 3–5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.errors import PressroomError
from store.model import Item, Participant
from store.text.dates import MONTHS, MONTHS_RU_GENITIVE
from store.text.filing import filed, role_with_organisation

STYLES = ("plain", "chicago", "apa", "gost")
"""Citation styles; `plain` is the default (config, `--style`, the reader's `y`)."""

DEFAULT_STYLE = "plain"


_KIND_WORDS = r"Speech|Address|Remarks|Statement|Interview|Lecture|Report|Message|Greeting"
_EN_KIND_TITLE = re.compile(
    rf"^(?P<kind>{_KIND_WORDS})\s+(?:by|of)\s+(?P<who>.+?)\s+"
    r"(?P<rest>(?:at|to|before|during|in|on)\s+.+)$"
)
"""'Speech by <speaker> at the II Minsk Conference': the words after the speaker say what
it was ("speech at the II Minsk Conference")."""
_RU_KIND_WORDS = r"Выступление|Речь|Обращение|Заявление|Интервью|Доклад|Приветствие|Лекция"
_RU_KIND_TITLE = re.compile(
    rf"^(?P<kind>{_RU_KIND_WORDS})\s+(?P<who>.+?)\s+(?P<rest>(?:на|в|во|перед|к)\s+.+)$"
)

LABELS = {
    "en": {"undated": "undated", "nd": "n.d.", "id": "archive id", "para": "Para.",
           "electronic": "Electronic resource", "url": "URL"},
    "ru": {"undated": "без даты", "nd": "б. г.", "id": "идентификатор в архиве",
           "para": "Абз.", "electronic": "Электронный ресурс", "url": "URL"},
}
"""Words a citation uses, by the item's language (others fall back to English)."""


class CitationError(PressroomError, ValueError):
    """A paragraph range or match the item does not have, or an unknown style."""


@dataclass(frozen=True)
class Passage:
    """Paragraphs `first`..`last` (0-based, inclusive) of `item`: what a quote quotes."""

    item: Item
    first: int
    last: int

    @property
    def text(self) -> str:
        """The paragraphs as they are stored, joined by blank lines: no wrapping, no marks."""
        return "\n\n".join(self.item.body[self.first : self.last + 1])

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def quote(self, style: str = DEFAULT_STYLE) -> str:
        """The text, a blank line, and the citation: what `y` copies and `quote` prints."""
        return f"{self.text}\n\n{citation(self.item, style, (self.first, self.last))}"


def passage(item: Item, first: int, last: int) -> Passage:
    """Paragraphs `first`..`last` of `item`; CitationError (one line) when out of range."""
    count = len(item.body)
    if not count:
        raise CitationError(f"item {item.id} has no text to quote")
    if not 0 <= first <= last < count:
        raise CitationError(
            f"paragraphs {first + 1}-{last + 1} are not in item {item.id}: "
            f"it has paragraphs 1-{count}"
        )
    return Passage(item, first, last)


def parse_range(spec: str, item: Item) -> Passage:
    """`--paragraphs 3-5` (1-based, inclusive; `4` alone is one paragraph) as a Passage."""
    found = re.fullmatch(r"\s*(\d{1,7})\s*(?:[-–]\s*(\d{1,7})\s*)?", spec)
    if not found:
        raise CitationError(f"--paragraphs takes a range such as 3-5, not {spec!r}")
    first = int(found.group(1))
    last = int(found.group(2) or first)
    if first < 1 or last < first:
        raise CitationError(f"--paragraphs {spec}: paragraphs count from 1, first <= last")
    return passage(item, first - 1, last - 1)


def find_passage(item: Item, needle: str) -> Passage:
    """The first paragraph containing `needle` (case and spacing ignored) as a Passage."""
    words = needle.split()
    if not words:
        raise CitationError("--match needs some text to look for")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for index, paragraph in enumerate(item.body):
        if pattern.search(paragraph):
            return Passage(item, index, index)
    raise CitationError(f"no paragraph of item {item.id} contains {needle!r}")


# -- the parts of a citation -------------------------------------------------------------


def speaker(item: Item) -> Participant | None:
    """The item's main participant: the first one its title names, else its first one;
    filed in the nominative (a citation names "Сейран Оганян", whatever case the text
    wrote him in)."""
    title = item.title.casefold()
    for person in item.participants:
        surname = person.name.split()[-1].casefold() if person.name.split() else ""
        # a Russian title declines the name ("Выступление Тасмагамбетова"): match its stem
        if surname and surname[: max(4, len(surname) - 2)] in title:
            return filed(person)
    return filed(item.participants[0]) if item.participants else None


def role_phrase(person: Participant) -> str:
    """'CSTO Secretary General' for an acronym; 'Director, Institute of …', 'Министр обороны
    Армении' otherwise."""
    role, organisation = person.role.strip(), person.organisation.strip()
    if role and organisation and _is_acronym(organisation) and not _is_cyrillic(role):
        return f"{organisation} {role}"  # English puts the acronym first: "CSTO Secretary General"
    # Russian puts the organisation after, in the genitive: "Министр обороны Армении"
    return role_with_organisation(role, organisation)


def kind_phrase(item: Item, who: Participant | None) -> str:
    """'speech at the II Minsk Conference …' from the title, else the title in quotes."""
    title = " ".join(item.title.split())
    pattern = _RU_KIND_TITLE if item.language == "ru" else _EN_KIND_TITLE
    found = pattern.match(title)
    if found and who is not None and _names(found.group("who"), who):
        return f"{found.group('kind').lower()} {found.group('rest')}"
    return f"“{title}”"


def source_of(item: Item, labels: dict[str, str] | None = None) -> str:
    """The URL of a web item; otherwise the archive id, which `pressroom show` opens."""
    if is_url(item.source):
        return item.source
    return f"{(labels or LABELS['en'])['id']} {item.id}"


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def long_date(date: str | None, language: str = "en") -> str:
    """'31 October 2024'; in Russian '31 октября 2024'; '' when undated."""
    parts = _date_parts(date)
    if parts is None:
        return ""
    year, month, day = parts
    if language == "ru":
        return f"{day} {MONTHS_RU_GENITIVE[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def paragraphs_label(paragraphs: tuple[int, int], singular: str, plural: str) -> str:
    first, last = paragraphs
    if first == last:
        return f"{singular} {first + 1}"
    return f"{plural} {first + 1}–{last + 1}"


# -- the styles --------------------------------------------------------------------------


def citation(item: Item, style: str = DEFAULT_STYLE,
             paragraphs: tuple[int, int] | None = None) -> str:
    """The citation of `item` (of paragraphs `paragraphs`, 0-based, when given) in `style`."""
    if style not in STYLES:
        raise CitationError(f"unknown citation style {style!r} (one of {', '.join(STYLES)})")
    return _STYLES[style](item, paragraphs)


def _plain(item: Item, paragraphs: tuple[int, int] | None) -> str:
    """— Name, Role, speech at …, Place, 31 October 2024, source"""
    labels = _labels(item)
    who = speaker(item)
    parts: list[str] = []
    if who is not None:
        parts += [who.name, role_phrase(who)]
    parts.append(kind_phrase(item, who))
    parts += list(item.places[:1])
    parts.append(long_date(item.date, item.language) or labels["undated"])
    parts.append(source_of(item, labels))
    return "— " + ", ".join(p for p in parts if p)


def _chicago(item: Item, paragraphs: tuple[int, int] | None) -> str:
    """Chicago note form: Name, “Title” (kind, Place, Month D, YYYY), par. N, source."""
    who = speaker(item)
    details = [item.kind, *item.places[:1], _us_date(item.date) or "n.d."]
    parts = [who.name] if who is not None else []
    parts.append(f"“{_plain_title(item)}” ({', '.join(details)})")
    if paragraphs is not None:
        parts.append(paragraphs_label(paragraphs, "par.", "pars."))
    parts.append(source_of(item))
    return ", ".join(parts) + "."


def _apa(item: Item, paragraphs: tuple[int, int] | None) -> str:
    """APA 7: Surname, I. (YYYY, Month D). Title [Kind]. Place. source (paras. N–M)"""
    who = speaker(item)
    parts = _date_parts(item.date)
    when = f"({parts[0]}, {MONTHS[parts[1] - 1]} {parts[2]})" if parts else "(n.d.)"
    title = _plain_title(item)
    kind = f"[{item.kind.capitalize()}]"
    if who is not None:
        text = f"{_surname_initials(who.name, comma=True)} {when}. {title} {kind}."
    else:  # no author: the title moves to the author's place
        text = f"{title} {kind}. {when}."
    if item.places:
        text += f" {_end(item.places[0])}"
    source = source_of(item)
    text += f" {source}" if is_url(item.source) else f" {source[0].upper()}{source[1:]}"
    if paragraphs is not None:
        text += f" ({paragraphs_label(paragraphs, 'para.', 'paras.')})"
    return text


def _gost(item: Item, paragraphs: tuple[int, int] | None) -> str:
    """ГОСТ Р 7.0.5: Surname I. Title [Электронный ресурс]. Place, date г. Абз. N–M. URL: …"""
    labels = _labels(item)
    ru = item.language == "ru"
    who = speaker(item)
    text = f"{_surname_initials(who.name)} " if who is not None else ""
    text += _plain_title(item)
    if is_url(item.source):
        text += f" [{labels['electronic']}]"
    text = _end(text)
    date = long_date(item.date, item.language)
    date = (f"{date} г." if ru else date) if date else labels["nd"]
    text += " " + _end(", ".join([*item.places[:1], date]))
    if paragraphs is not None:
        text += " " + _end(paragraphs_label(paragraphs, labels["para"], labels["para"]))
    if is_url(item.source):
        text += f" {labels['url']}: {item.source}"
    else:
        text += " " + _end(f"{labels['id'][0].upper()}{labels['id'][1:]}: {item.id}")
    return text


_STYLES = {"plain": _plain, "chicago": _chicago, "apa": _apa, "gost": _gost}


# -- helpers -------------------------------------------------------------------------------


def _labels(item: Item) -> dict[str, str]:
    return LABELS.get(item.language, LABELS["en"])


def _date_parts(date: str | None) -> tuple[int, int, int] | None:
    if not date:
        return None
    year, month, day = (int(p) for p in date.split("-"))
    return year, month, day


def _us_date(date: str | None) -> str:
    parts = _date_parts(date)
    return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}" if parts else ""


def _plain_title(item: Item) -> str:
    return " ".join(item.title.split()).rstrip(".")


def _surname_initials(name: str, *, comma: bool = False) -> str:
    """'Imangali Tasmagambetov' -> 'Tasmagambetov I.' (APA: 'Tasmagambetov, I.')."""
    words = name.replace(".", ". ").split()
    if len(words) < 2:
        return name
    initials = " ".join(f"{w[0]}." for w in words[:-1] if w[0].isalpha())
    return f"{words[-1]}{',' if comma else ''} {initials}".strip()


def _end(text: str) -> str:
    """`text` closed with a full stop (unless it already ends a sentence)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _is_acronym(organisation: str) -> bool:
    """CSTO, ОДКБ, IMEMO RAS: words in capitals, short enough to stand before a role."""
    words = organisation.split()
    return len(words) <= 2 and all(w.isupper() and len(w) <= 6 for w in words)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _names(text: str, person: Participant) -> bool:
    """Does `text` (a title's 'by …' part) name `person`? Stems allow Russian cases."""
    surname = person.name.split()[-1].casefold() if person.name.split() else ""
    return bool(surname) and surname[: max(4, len(surname) - 2)] in text.casefold()
