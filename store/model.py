"""The records of the archive: items, their participants, people, search hits."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from itertools import repeat
from typing import Any

from store.text.printable import printable

__all__ = ["KINDS", "Hit", "Item", "Participant", "Person", "Span", "derive_title", "make_id"]

KINDS: tuple[str, ...] = ("news", "speech", "statement", "interview")
"""Every kind an item can have; `news` is the default for anything unrecognised."""

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""ASCII digits only (`\\d` takes other scripts' digits, "２０２４"); used with fullmatch."""


@dataclass(frozen=True)
class Participant:
    """A person named in an item, with role and organisation as the text gives them."""

    name: str
    role: str = ""
    organisation: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "organisation": self.organisation}

    @classmethod
    def from_value(cls, value: Any) -> Participant:
        """Accept a dict from JSON, or a bare name string (hand-written JSONL does that)."""
        if isinstance(value, str):
            return cls(name=value.strip())
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return cls(
                name=value["name"].strip(),
                role=str(value.get("role") or "").strip(),
                organisation=str(value.get("organisation") or "").strip(),
            )
        raise ValueError("a participant must be a name or an object with a 'name'")


@dataclass(frozen=True)
class Item:
    """One entry of the archive: a news item, a speech, a statement or an interview."""

    id: str
    date: str | None
    kind: str
    title: str
    body: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    places: tuple[str, ...] = ()
    language: str = "en"
    source: str = ""

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.body)

    def to_dict(self) -> dict[str, Any]:
        """The item's JSON object: what `--json` prints and JSONL import reads (README,
        "Command line")."""
        data = asdict(self)
        data["body"] = list(self.body)
        data["participants"] = [p.to_dict() for p in self.participants]
        data["places"] = list(self.places)
        return data

    def printable(self) -> Item:
        """This item with every field printable (`store.text.printable`), as an import stores it.

        The item itself when it is already: the usual case costs one scan of each string.
        """
        if self._is_printable():
            return self
        clean = self._cleaned()
        return self if clean == self else clean

    def _cleaned(self) -> Item:
        """This item rebuilt with every field passed through `printable`."""
        body = tuple(c for c in (printable(p, keep_newlines=True).strip() for p in self.body) if c)
        title = " ".join(printable(self.title).split())
        if not title:  # a title that was only control sequences
            title = " ".join(derive_title(body[0]).split()) if body else "(untitled)"
        return replace(
            self,
            id=printable(self.id),
            title=title,
            body=body,
            participants=tuple(
                Participant(printable(p.name), printable(p.role), printable(p.organisation))
                for p in self.participants
            ),
            places=tuple(c for c in (printable(p).strip() for p in self.places) if c),
            language=printable(self.language),
            source=printable(self.source),
        )

    def _is_printable(self) -> bool:
        """Whether `printable` would return this item as it is, told by C-level scans.

        A printable string holds no whitespace but the space, so a title is as
        `printable` makes it when it has no leading, trailing or double space, and a
        paragraph or place when it has no leading or trailing one. Rebuilding the item
        to compare it cost an import more than parsing the JSON.
        """
        texts = [self.id, self.title, self.language, self.source, *self.body, *self.places]
        for person in self.participants:
            texts += (person.name, person.role, person.organisation)
        if not all(map(str.isprintable, texts)):
            return False
        title = self.title
        if not title or title[0] == " " or title[-1] == " " or "  " in title:
            return False
        return all(p and p[0] != " " and p[-1] != " " for p in (*self.body, *self.places))

    @classmethod
    def from_dict(cls, data: Any, source: str = "") -> Item:
        """Build an item from a JSON object, checking every field.

        `source` is the file it came from, kept unless the object names its own. The text
        is as the file gives it: the importer checks it against the limits
        (`store.limits.check_item`, which refuses lone surrogates and ids that are not one
        line of text), then stores `Item.printable()`, so no escape sequence, control or
        bidi override of a file reaches the archive, and so neither a terminal.
        Raises ValueError with a short reason; the caller adds file and line.
        """
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        title = data.get("title")
        body_value = data.get("body", [])
        if isinstance(body_value, str):
            body = _split_paragraphs(body_value)
        elif isinstance(body_value, list) and all(map(isinstance, body_value, repeat(str))):
            body = list(filter(None, map(str.strip, body_value)))
        else:
            raise ValueError("'body' must be a string or a list of strings")
        if title is not None and not isinstance(title, str):
            raise ValueError("'title' must be a string")
        title = " ".join((title or "").split())
        if not title:
            if not body:
                raise ValueError("an item needs a 'title' or a 'body'")
            title = " ".join(derive_title(body[0]).split())
        date = data.get("date")
        if date is not None:
            _check_date(date)
        kind = data.get("kind") or "news"
        if kind not in KINDS:
            raise ValueError(f"'kind' must be one of {', '.join(KINDS)}, not {_shown(kind)}")
        raw_people = data.get("participants") or []
        if not isinstance(raw_people, list):
            raise ValueError("'participants' must be a list")
        participants = tuple(Participant.from_value(p) for p in raw_people)
        places = data.get("places") or []
        if not isinstance(places, list) or not all(map(isinstance, places, repeat(str))):
            raise ValueError("'places' must be a list of strings")
        places = list(filter(None, map(str.strip, places)))
        language = data.get("language") or "en"
        source = data.get("source") or source
        if not isinstance(language, str) or not isinstance(source, str):
            raise ValueError("'language' and 'source' must be strings")
        item_id = data.get("id")
        if item_id is None:
            item_id = make_id(date, title, body)
        elif not isinstance(item_id, str):
            raise ValueError("'id' must be a string")
        return cls(
            id=item_id,
            date=date,
            kind=kind,
            title=title,
            body=tuple(body),
            participants=participants,
            places=tuple(places),
            language=language,
            source=source,
        )


def _check_date(value: object) -> None:
    """Refuse a date that is not a real ISO day: 2024-02-30, 2024-13-01 and 0000-01-01 match
    the pattern but name no day, and would fail later, in the middle of an import."""
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise ValueError(f"'date' must be YYYY-MM-DD or null, not {_shown(value)}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'date' {value} is not a day of the calendar") from None


def _shown(value: object, width: int = 40) -> str:
    """A value quoted in an error message, cut short: the message stays one readable line."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Person:
    """A participant seen across items: one display name, every spelling, their items."""

    name: str
    spellings: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    role: str = ""
    """The role this person is most often given, for the People screen."""
    score: float = 0.0
    key: str = ""
    """The archive's identity key for this person (see `store.index.people.person_key`)."""
    count: int = 0
    """How many items they appear in (filled even when `item_ids` is not)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "spellings": list(self.spellings),
            "role": self.role,
            "items": self.count or len(self.item_ids),
            "item_ids": list(self.item_ids),
        }


@dataclass(frozen=True)
class Span:
    """Where a query matched: a field (`title`, `participants`, `body`) and a character range.

    For `participants` the offsets are into the participant names joined with ", ";
    for `body` into the paragraphs joined with "\\n\\n".
    """

    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """One search result: which item, how well it matched, and where."""

    item_id: str
    score: float
    spans: tuple[Span, ...] = field(default=())


def _split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines into paragraphs, joining wrapped lines inside each.

    The text is taken as given: `Item.from_dict` checks an item as the file gives it, and
    `Item.printable` cleans it after.
    """
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return [" ".join(p.split()) for p in paragraphs if p.strip()]


_OPENING_DATE = re.compile(
    r"^(?:On|From|In|В|С)\s+[^.]{0,40}?\d{4}(?:\s*(?:года|г\.))?\s*,\s*", re.IGNORECASE
)
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<![\s.][A-ZА-ЯЁ]\.)(?<!\s[A-ZА-ЯЁ][a-zа-яё]\.)\s+(?=[A-ZА-ЯЁ])"
)
"""A sentence's end, not an initial's full stop ("I.N. Tasmagambetov met ...", "A. Petrov")."""
_OPENING_PLACE = re.compile(r"^(?:at|in|во?)\s+[^,]{0,60},\s*", re.IGNORECASE)


def derive_title(paragraph: str, max_words: int = 12) -> str:
    """A short title for an untitled one-paragraph item: its first sentence, cut at a word.

    The opening date and place ("On 5 December 2024, at the CSTO Secretariat, ...") are
    dropped: the list shows the date already, and the words after them say what happened.
    """
    sentence = SENTENCE_BREAK.split(paragraph.strip(), maxsplit=1)[0]
    rest = _OPENING_DATE.sub("", sentence, count=1)
    rest = _OPENING_PLACE.sub("", rest, count=1) if rest != sentence else rest
    if len(rest.split()) >= 4:
        sentence = rest[0].upper() + rest[1:]
    words = sentence.split()
    if len(words) <= max_words:
        return sentence.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


def make_id(date: str | None, title: str, body: list[str] | tuple[str, ...]) -> str:
    """A stable id: the same source item always gets the same id.

    Date and a hash of the title and opening words: readable in a list, short to type,
    and different for two items that share a title ("Statement") on different days.
    """
    opening = body[0][:200] if body else ""
    key = "\x1f".join((date or "", " ".join(title.split()).casefold(), opening.casefold()))
    # surrogatepass: a lone surrogate is refused by `store.limits.check_item`, naming the
    # field it is in; here it must not fail first with an encoder's message.
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{date.replace('-', '') if date else 'undated'}-{digest}"
