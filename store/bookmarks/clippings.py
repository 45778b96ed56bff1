"""Clippings: quoted passages a user kept, as they were when clipped, and the tags of both.

A clipping is `{id, item_id, paragraphs: [first, last], text, note, tags, created}`:
paragraph indexes are 0-based and inclusive, `text` is the paragraphs as they
read then, so an item updated later cannot change what was quoted. Clippings live in the
`clippings` table of the bookmarks file and are written by `Bookmarks` through the same
locked, atomic storage as bookmarks.

Tags gather bookmarks and clippings for one report ("report-kazakhstan-2024"). They are
given explicitly, or typed as `#words` in a note: "for Monday #brief" tags it `brief`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from store.text.printable import printable

TABLE = "clippings"
"""The TinyDB table of clippings, beside `bookmarks` in the same file."""

MAX_TEXT = 1_000_000
"""Characters a clipping keeps: a whole 100k-word speech fits, a runaway paste does not."""

_HASHTAG = re.compile(r"(?<![\w#])#([\w][\w.-]*\w|\w)")
"""'#report-kazakhstan-2024' in a note: letters, digits, '-', '.', '_'; not 'C#' or '##'."""


@dataclass(frozen=True)
class Clipping:
    """One kept passage of an item."""

    id: str
    """Stable across sessions, export and import (record numbers are not)."""
    item_id: str
    paragraphs: tuple[int, int]
    """First and last paragraph, 0-based, inclusive."""
    text: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    """ISO 8601 in UTC, to the second."""

    @property
    def first(self) -> int:
        return self.paragraphs[0]

    @property
    def last(self) -> int:
        return self.paragraphs[1]

    def has_tag(self, tag: str) -> bool:
        return has_tag(self.tags, tag)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "item_id": self.item_id, "paragraphs": list(self.paragraphs),
            "text": self.text, "note": self.note, "tags": list(self.tags),
            "created": self.created,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Clipping:
        first, last = record["paragraphs"]
        return cls(
            id=record["id"], item_id=record["item_id"], paragraphs=(first, last),
            text=record["text"], note=record.get("note", ""),
            tags=tuple(record.get("tags", ())), created=record.get("created", ""),
        )


def new_id() -> str:
    """A clipping id: 12 hex digits, unique enough for one user's clippings."""
    return secrets.token_hex(6)


def clipping_problem(record: Any) -> str:
    """What is wrong with a stored (or imported) clipping, or "" when it is usable."""
    if not isinstance(record, dict):
        return "is not an object"
    for field in ("id", "item_id"):
        if not isinstance(record.get(field), str) or not record[field]:
            return f"has no {field}"
    paragraphs = record.get("paragraphs")
    if (
        not isinstance(paragraphs, list) or len(paragraphs) != 2
        or not all(type(p) is int for p in paragraphs)
        or not 0 <= paragraphs[0] <= paragraphs[1]
    ):
        return "has paragraphs that are not [first, last] with 0 <= first <= last"
    if not isinstance(record.get("text"), str):
        return "has no text"
    for field in ("note", "created"):
        if not isinstance(record.get(field, ""), str):
            return f"has a {field} that is not text"
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return "has tags that are not a list of text"
    return ""


def tags_in(note: str) -> list[str]:
    """The `#tags` typed in a note, in order, without the '#'."""
    return [found.group(1) for found in _HASHTAG.finditer(note)]


def merge_tags(tags: Iterable[str], note: str = "") -> list[str]:
    """`tags` then the note's #tags, cleaned: stripped, no empties, no repeats (any case)."""
    if isinstance(tags, str):
        raise TypeError("tags must be a list of strings, not one string")
    merged: list[str] = []
    seen: set[str] = set()
    for tag in [*tags, *tags_in(note)]:
        if not isinstance(tag, str):
            raise TypeError("tags must be strings")
        tag = printable(tag).strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            merged.append(tag)
    return merged


def parse_tags(text: str) -> list[str]:
    """Tags as a person types them in the `t` prompt: separated by spaces or commas."""
    return merge_tags(re.split(r"[\s,]+", text))


def has_tag(tags: Iterable[str], tag: str) -> bool:
    """Tags match whatever their case: `tag:Brief` finds `brief`."""
    wanted = tag.strip().lstrip("#").casefold()
    return any(t.casefold() == wanted for t in tags)
