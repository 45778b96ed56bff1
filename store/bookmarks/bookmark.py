"""One bookmark: the record a bookmarks file keeps per item, and when a stored one is usable.

A bookmark is `{item_id, note, tags, created, position}`, one record per item in the
`bookmarks` table; `Bookmarks` writes them, `repair` salvages them, `export` prints them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

TABLE = "bookmarks"
"""The TinyDB table that holds bookmarks; other tables in the file are left alone."""


@dataclass(frozen=True)
class Bookmark:
    """One bookmarked item."""

    item_id: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    """When it was first bookmarked: ISO 8601 in UTC, to the second."""
    position: int = 0
    """The reader's offset in the item, so it reopens where the user stopped."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Bookmark:
        return cls(
            item_id=record["item_id"],
            note=record.get("note", ""),
            tags=tuple(record.get("tags", ())),
            created=record.get("created", ""),
            position=record.get("position", 0),
        )


def record_problem(record: dict[str, Any]) -> str:
    """What is wrong with a stored bookmark, or "" when it is usable.

    Only `item_id` is required: older or hand-written records may lack the rest.
    """
    item_id = record.get("item_id")
    tags = record.get("tags", [])
    position = record.get("position", 0)
    # The shape this module writes, checked in one expression: a file of 10,000 records
    # is checked whenever another session changed it.
    if (
        type(item_id) is str and item_id
        and type(record.get("note", "")) is str
        and type(record.get("created", "")) is str
        and type(position) is int and position >= 0
        and type(tags) is list and all(type(t) is str for t in tags)
    ):
        return ""
    if not isinstance(item_id, str) or not item_id:
        return "has no item_id"
    if not isinstance(record.get("note", ""), str):
        return "has a note that is not text"
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return "has tags that are not a list of text"
    if not isinstance(record.get("created", ""), str):
        return "has a creation time that is not text"
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        return "has a reading position that is not a whole number"
    return ""
