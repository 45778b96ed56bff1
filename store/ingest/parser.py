"""Raw press text to items: splitting a dump into items, then dating, titling and kinding each."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.ingest.participants import find_participants
from store.model import Item, derive_title, make_id
from store.text import lexicon
from store.text.dates import DateLine, opening_date, parse_date_line
from store.text.printable import printable

_TITLE_MAX_CHARS = 300
_TITLE_MAX_WORDS = 45
_SENTENCE_END = tuple(".,;:?!…")

_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("interview", re.compile(r"\binterview|\bинтервью", re.I)),
    ("speech", re.compile(
        r"\b(?:speech|address|remarks|theses|abstracts of the speech|keynote|lecture)\b"
        r"|выступлени|обращени|тезисы|доклад|речь", re.I)),
    ("statement", re.compile(r"\bstatement\b|\bзаявлени", re.I)),
)


def kind_of(title: str) -> str:
    """The item's kind, from the words of its title: speech, statement, interview or news."""
    for kind, pattern in _KIND_RULES:
        if pattern.search(title):
            return kind
    return "news"


def normalise_text(text: str) -> str:
    """One newline style, no BOM, NBSP and other odd spaces as plain spaces, no controls.

    Escape sequences go whole (`store.text.printable`), so an OSC title leaves no payload in
    the text.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = printable(text, keep_newlines=True)
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch if ch == "\n" else " ")
        elif unicodedata.category(ch) in ("Zs",):
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def is_cyrillic_text(text: str) -> bool:
    """Mostly Cyrillic letters: the item is Russian."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return False
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyrillic * 2 > len(letters)


# -- recognising lines -----------------------------------------------------------------


def _is_title_like(line: str) -> bool:
    if not line or len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    if line.endswith(_SENTENCE_END) or not line[:1].isupper() and not line[:1].isdigit():
        return False
    if line.startswith(("—", "–", "-", "•", "*", "Q:", "A:")):
        return False
    low = line.casefold()
    if low.startswith(lexicon.SALUTATION_STARTS):
        return False
    return parse_date_line(line) is None


def _is_paragraph(line: str) -> bool:
    return not _is_title_like(line) and parse_date_line(line) is None


@dataclass
class _Draft:
    title: str = ""
    date_line: DateLine | None = None
    body: list[str] = field(default_factory=list)
    line: int = 0
    """The line of the text the item starts on, for errors about it."""


def _lines(text: str) -> tuple[list[list[str]], list[list[int]], bool]:
    """The text's blocks of lines, each line's number, and whether blank lines separate
    items.

    When a text breaks paragraphs with single newlines and also has blank lines, the
    blank lines are item boundaries. When every break is a blank line, or none is, the
    blank lines carry no such meaning.
    """
    blocks: list[list[str]] = []
    numbers: list[list[int]] = []
    block: list[str] = []
    block_numbers: list[int] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = " ".join(raw.split())
        if line:
            block.append(line)
            block_numbers.append(number)
        elif block:
            blocks.append(block)
            numbers.append(block_numbers)
            block, block_numbers = [], []
    if block:
        blocks.append(block)
        numbers.append(block_numbers)
    multi_line = sum(1 for b in blocks if len(b) > 1)
    return blocks, numbers, len(blocks) > 1 and multi_line > 0


def _split_block(lines: list[str], numbers: list[int], hard_block: bool) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for i, line in enumerate(lines):
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        date_line = parse_date_line(line)
        if date_line is not None:
            if current is not None and current.date_line is None and not current.body:
                current.date_line = date_line
            else:
                current = _Draft(date_line=date_line, line=numbers[i])
                drafts.append(current)
            continue
        starts_titled = (
            _is_title_like(line)
            and next_line is not None
            and (
                parse_date_line(next_line) is not None
                or (not hard_block and _is_paragraph(next_line))
                or (hard_block and current is None)
            )
        )
        if starts_titled:
            current = _Draft(title=line, line=numbers[i])
            drafts.append(current)
            continue
        opens_with_date = opening_date(line) is not None
        starts_untitled = current is None or (
            opens_with_date
            and current.body
            and (not current.title or kind_of(current.title) == "news")
            and not (hard_block and current.title)
        )
        if starts_untitled:
            current = _Draft(line=numbers[i])
            drafts.append(current)
        assert current is not None
        current.body.append(line)
    return drafts


def _item_date(draft: _Draft) -> str | None:
    """Opening date of the first paragraph (its year from the date line when the text
    says "this year" or omits it); else the date line; else None, never a guess."""
    line_year = None
    if draft.date_line is not None:
        line_year = draft.date_line.date.year
    if draft.body:
        opening = opening_date(draft.body[0])
        if opening is not None:
            value = opening.iso(default_year=line_year)
            if value is not None:
                return value
    if draft.date_line is not None:
        return draft.date_line.date.iso()
    if not draft.title and draft.body and len(draft.body) == 1:
        return None
    return None


def _to_item(draft: _Draft, source: str) -> Item | None:
    return press_item(draft.title, draft.body, source, draft.date_line)


def press_item(
    title: str,
    body: list[str],
    source: str,
    date_line: DateLine | None = None,
    item_id: str | None = None,
) -> Item | None:
    """One item from its parts, by the rules of raw press text: date, kind, people, language.

    Raw text finds the parts by splitting a dump; a web page (`store.ingest.web.pages`) by
    extraction, with the page's own date as the date line. None when there is no title and
    no text to make one from. `item_id` replaces the date-and-title id (a web page is
    identified by its canonical URL).
    """
    draft = _Draft(title=title, date_line=date_line, body=body)
    body = [p for p in draft.body if p]
    title = draft.title or (derive_title(body[0]) if body else "")
    if not title:
        return None
    date = _item_date(draft)
    text_for_people = ([draft.title] if draft.title else []) + body
    participants = tuple(find_participants(text_for_people))
    places = (draft.date_line.place,) if draft.date_line and draft.date_line.place else ()
    language = "ru" if is_cyrillic_text(title + " " + " ".join(body[:3])) else "en"
    return Item(
        id=item_id or make_id(date, title, body),
        date=date,
        kind=kind_of(title),
        title=" ".join(title.split()),
        body=tuple(body),
        participants=participants,
        places=places,
        language=language,
        source=source,
    )


def parse_text(text: str, source: str) -> list[Item]:
    """Split raw press text into items.

    A one-paragraph item opening with its date is an item on its own; a short line without
    a final period, followed by a date line or by paragraphs, starts a titled item that
    runs until the next item starts.
    """
    return [item for _, item in parse_text_by_line(text, source)]


def parse_text_by_line(text: str, source: str) -> list[tuple[int, Item]]:
    """`parse_text`, each item with the line it starts on (errors about an item name it)."""
    source = printable(source)  # a file name is data too
    blocks, numbers, blank_lines_separate = _lines(normalise_text(text))
    drafts: list[_Draft] = []
    if blank_lines_separate:
        for block, block_numbers in zip(blocks, numbers, strict=True):
            drafts.extend(_split_block(block, block_numbers, hard_block=True))
    else:
        drafts = _split_block(
            [line for block in blocks for line in block],
            [number for block in numbers for number in block],
            hard_block=False,
        )
    items = []
    for draft in drafts:
        if draft.date_line is not None and not draft.body and not draft.title:
            continue  # a stray date line with nothing under it
        item = _to_item(draft, source)
        if item is not None:
            items.append((draft.line, item))
    return items
