"""How big an item may be: limits no real press item reaches, checked on every item imported.

One unbounded field costs everyone: a 5 MB title takes 480 MB to import and slows every
later search past a second. So every field has a ceiling, each a named constant far above
anything a press office writes, and `check_item` is the one check every importer runs
(JSONL, raw text, items built in Python), so `import --dry-run` and `import` accept exactly
the same items.
"""

from __future__ import annotations

import re

from store.model import Item, Participant

MAX_ID = 2_048
"""Characters in an id. Made ids are 17 ("20241205-1a2b3c4d"); a web item's id is its
canonical URL, and 2,048 is what sitemaps and browsers allow a URL."""
MAX_TITLE = 2_000
"""Characters in a title: the longest real headline is a few hundred."""
MAX_NAME = 200
"""Characters in a participant's name (a full name with patronymic and titles is ~60)."""
MAX_ROLE = 1_000
"""Characters in a participant's role ("Deputy Chairman of the Committee on ...")."""
MAX_ORGANISATION = 1_000
"""Characters in a participant's organisation."""
MAX_PLACE = 200
"""Characters in one place name."""
MAX_LANGUAGE = 35
"""Characters in a language tag (`en`, `ru`, `zh-Hant-TW`: BCP 47 tags fit in 35)."""
MAX_SOURCE = 2_048
"""Characters in a source: a file name or a URL (see MAX_ID)."""
MAX_PARAGRAPH = 100_000
"""Characters in one paragraph, about 15,000 words: a press paragraph is rarely over 2,000
characters, and a text with no paragraph breaks this long is not one a reader can read.
A raw text file has one paragraph per line, so this also bounds its lines (TEXT_LINE_BYTES)."""
MAX_PARAGRAPHS = 20_000
"""Paragraphs in one item (a 100,000-word speech has about a thousand)."""
MAX_ITEM_TEXT = 2_000_000
"""Characters in an item's title and paragraphs together: about 300,000 words, three times
the longest speech the reader is built for (100,000 words)."""
MAX_PARTICIPANTS = 500
"""People named in one item (a summit's list of delegations runs to a hundred)."""
MAX_PLACES = 100
"""Places named in one item."""

TEXT_LINE_BYTES = 4 * MAX_PARAGRAPH
"""Bytes in one line of raw press text: a line is a paragraph, and UTF-8 takes at most four
bytes a character, so a longer line cannot be a paragraph within MAX_PARAGRAPH. It is
refused as it is read, before it is decoded or parsed."""
JSONL_LINE_BYTES = 8 << 20
"""Bytes in one JSON Lines line (8 MB): a whole item at MAX_ITEM_TEXT fits even written
with \\u escapes; a longer line is refused as it is read, before it is parsed."""

_NOT_IN_ID = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, line and paragraph separators, bidi marks, overrides and isolates."""


def check_item(item: Item) -> None:
    """Refuse an item over any limit, or holding what is not text; returns if it is fine.

    Raises ValueError with a message for the user naming the field and the limit
    ("title longer than 2,000 characters (limit MAX_TITLE)"); the caller adds file and line.
    """
    _check_id(item.id)
    _check_field("title", item.title, MAX_TITLE, "MAX_TITLE")
    _check_field("language", item.language, MAX_LANGUAGE, "MAX_LANGUAGE")
    _check_field("source", item.source, MAX_SOURCE, "MAX_SOURCE")
    if len(item.body) > MAX_PARAGRAPHS:
        raise ValueError(
            f"more than {MAX_PARAGRAPHS:,} paragraphs in one item (limit MAX_PARAGRAPHS)"
        )
    if not _paragraphs_fine(item.body):  # then one of them says why
        for number, paragraph in enumerate(item.body, 1):
            _check_field(f"paragraph {number:,}", paragraph, MAX_PARAGRAPH, "MAX_PARAGRAPH")
    if len(item.title) + sum(map(len, item.body)) > MAX_ITEM_TEXT:
        raise ValueError(
            f"item text longer than {MAX_ITEM_TEXT:,} characters (limit MAX_ITEM_TEXT)"
        )
    if len(item.participants) > MAX_PARTICIPANTS:
        raise ValueError(
            f"more than {MAX_PARTICIPANTS:,} participants in one item (limit MAX_PARTICIPANTS)"
        )
    for person in () if _people_fine(item.participants) else item.participants:
        _check_field("participant name", person.name, MAX_NAME, "MAX_NAME")
        _check_field("participant role", person.role, MAX_ROLE, "MAX_ROLE")
        _check_field(
            "participant organisation", person.organisation, MAX_ORGANISATION, "MAX_ORGANISATION"
        )
    if len(item.places) > MAX_PLACES:
        raise ValueError(f"more than {MAX_PLACES:,} places in one item (limit MAX_PLACES)")
    for place in item.places:
        _check_field("place", place, MAX_PLACE, "MAX_PLACE")


def _people_fine(people: tuple[Participant, ...]) -> bool:
    """Every participant's name, role and organisation within their limits and free of
    lone surrogates (then the checks one field at a time need not run)."""
    for person in people:
        if (
            len(person.name) > MAX_NAME
            or len(person.role) > MAX_ROLE
            or len(person.organisation) > MAX_ORGANISATION
        ):
            return False
    return _text_fine([text for p in people for text in (p.name, p.role, p.organisation)])


def _text_fine(texts: list[str] | tuple[str, ...]) -> bool:
    """No lone surrogate in any of `texts`, told by C-level scans."""
    if all(map(str.isascii, texts)):
        return True
    try:
        "".join(texts).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _paragraphs_fine(body: tuple[str, ...]) -> bool:
    """Every paragraph within MAX_PARAGRAPH and free of lone surrogates, told by C-level
    scans of the whole text (a speech has hundreds of paragraphs: checked one call at a
    time they cost an import as much as parsing the JSON)."""
    return max(map(len, body), default=0) <= MAX_PARAGRAPH and _text_fine(body)


def _check_field(what: str, text: str, limit: int, name: str) -> None:
    if len(text) > limit:
        raise ValueError(f"{what} longer than {limit:,} characters (limit {name})")
    _check_text(what, text)


def _check_text(what: str, text: str) -> None:
    """A lone surrogate ("\\ud800" in JSON) is not a character: no file or terminal takes it."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        raise ValueError(
            f"{what} holds a lone surrogate (\\u{code:04x}), which is not text"
        ) from None


def _check_id(item_id: str) -> None:
    """An id is typed in `show ID` and printed one per line: no empty, no control ids."""
    if not item_id.strip():
        raise ValueError("'id' must not be empty")
    if len(item_id) > MAX_ID:
        raise ValueError(f"id longer than {MAX_ID:,} characters (limit MAX_ID)")
    _check_text("id", item_id)
    found = _NOT_IN_ID.search(item_id)
    if found:
        raise ValueError(
            f"'id' holds the control character U+{ord(found.group()):04X};"
            " an id is one line of plain text"
        )
