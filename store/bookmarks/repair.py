"""Repairing a bookmarks file that cannot be used: the file is moved aside, never written
over, and a new one keeps every bookmark and clipping that can still be read from it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.bookmarks import clippings as clip_records
from store.bookmarks import watchlists as watch_records
from store.bookmarks.bookmark import TABLE, record_problem
from store.bookmarks.clippings import clipping_problem
from store.bookmarks.storage import REPAIR_HINT, SafeJSONStorage, fsync_folder
from store.errors import BookmarksUnavailable


@dataclass(frozen=True)
class RepairReport:
    """What `Bookmarks.repair` did."""

    path: Path
    problem: str
    """Why the file could not be used; "" when it was fine and nothing was done."""
    moved_to: Path | None
    """Where the unusable file now is (None when nothing was moved)."""
    kept: int
    """Bookmarks in the file now."""

    def summary(self) -> str:
        if self.moved_to is None:
            return f"{self.path} is fine ({self.kept} bookmarks); nothing to repair"
        return (
            f"{self.path} could not be used ({self.problem}); moved it to {self.moved_to} "
            f"and kept {self.kept} readable bookmarks"
        )


def rebuild(storage: SafeJSONStorage, unusable: str) -> RepairReport:
    """Move the file aside and write one with what could be read from it; `unusable` is the
    BookmarksUnavailable message that opening it gave. Call inside `storage.transaction()`.
    """
    problem = _problem_of(unusable, storage.path)
    try:
        raw = storage.read_bytes()
    except BookmarksUnavailable:
        raw = b""  # unreadable: nothing to salvage, but it still moves aside
    storage.check_writable()  # a read-only file is never replaced, even to repair it
    records = salvage(raw)
    clips = salvage_clippings(raw)
    moved_to = _move_aside(storage.path)
    storage.forget()
    tables = {TABLE: {str(n): r for n, r in enumerate(records, start=1)}}
    if clips:
        tables[clip_records.TABLE] = {str(n): c for n, c in enumerate(clips, start=1)}
    watches = salvage_watchlists(raw)
    if watches:
        tables[watch_records.TABLE] = {str(n): w for n, w in enumerate(watches, start=1)}
    storage.write(tables)
    return RepairReport(storage.path, problem, moved_to, len(records))


def salvage(raw: bytes) -> list[dict[str, Any]]:
    """Every readable bookmark in damaged bytes, in file order, first of each item_id."""
    found: list[dict[str, Any]] = []
    for value in _readable_values(raw):
        _collect(value, found)
    kept: dict[str, dict[str, Any]] = {}
    for record in found:
        kept.setdefault(record["item_id"], record)
    return list(kept.values())


def salvage_watchlists(raw: bytes) -> list[dict[str, Any]]:
    """Every whole, usable watchlist in damaged bytes, first of each name (see `salvage`)."""
    kept: dict[str, dict[str, Any]] = {}
    stack = list(reversed(_readable_values(raw)))
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if (
                "query" in current and "item_id" not in current
                and not watch_records.watchlist_problem(current)
            ):
                kept.setdefault(" ".join(current["name"].split()).casefold(), current)
                continue
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))
    return list(kept.values())


def salvage_clippings(raw: bytes) -> list[dict[str, Any]]:
    """Every whole, usable clipping in damaged bytes, first of each id (see `salvage`)."""
    kept: dict[str, dict[str, Any]] = {}
    stack = list(reversed(_readable_values(raw)))
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if "paragraphs" in current and not clipping_problem(current):
                kept.setdefault(current["id"], current)
                continue
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))
    return list(kept.values())


def _readable_values(raw: bytes) -> list[Any]:
    """The JSON in damaged bytes: the whole text when it is JSON (of any shape); otherwise
    each `{` that starts a readable object, so a truncated file keeps every complete record.
    """
    text = raw.decode("utf-8", errors="replace")
    try:
        return [json.loads(text)]
    except (json.JSONDecodeError, RecursionError):
        pass
    values: list[Any] = []
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, end = decoder.raw_decode(text, start)
        except (json.JSONDecodeError, RecursionError):
            start = text.find("{", start + 1)
            continue
        values.append(value)
        start = text.find("{", end)
    return values


def _collect(value: Any, found: list[dict[str, Any]]) -> None:
    """Bookmark-like objects anywhere inside a JSON value, normalised to a usable record."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            item_id = current.get("item_id")
            if isinstance(item_id, str) and item_id and "paragraphs" not in current:
                found.append(_normalise(current))  # a clipping is not a bookmark
                continue
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))


def _normalise(record: dict[str, Any]) -> dict[str, Any]:
    """A salvaged record with each field usable; a field that is not is reset."""
    good = {"item_id": record["item_id"], "note": "", "tags": [], "created": "", "position": 0}
    for field, default in list(good.items())[1:]:
        value = record.get(field, default)
        if record_problem({"item_id": "x", field: value}) == "":
            good[field] = value
    return good


def _move_aside(path: Path) -> Path:
    """Keep the unusable file under a timestamped name next to it; return that name.

    A regular file is hard-linked first, so `path` is never missing if we are killed
    before the new file replaces it; anything else (a folder) is renamed.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        suffix = f".corrupt-{stamp}" + (f"-{n}" if n else "")
        aside = path.with_name(path.name + suffix)
        if os.path.lexists(aside):
            continue
        try:
            if path.is_file() and not path.is_symlink():
                os.link(path, aside)
            elif os.path.lexists(path):
                os.rename(path, aside)
            else:
                return aside
        except FileExistsError:
            continue
        except OSError:
            try:
                os.rename(path, aside)
            except OSError as error:
                raise BookmarksUnavailable(
                    f"{path}: cannot move it aside ({(error.strerror or str(error)).lower()})"
                ) from None
        fsync_folder(path.parent)
        return aside
    raise BookmarksUnavailable(f"{path}: too many earlier copies moved aside; remove some")


def _problem_of(message: str, path: Path) -> str:
    """The reason part of a BookmarksUnavailable message, for the repair report."""
    reason = message.split(f"; {REPAIR_HINT}")[0]
    for lead in (f"{path}: ", f"{path} "):
        if reason.startswith(lead):
            return reason[len(lead):]
    return reason
