"""Reading one input file, raw press text or JSON Lines, into items; bad input is one error.

Every item read here passes `store.limits.check_item`, whichever process reads it and
whether the import is real or `--dry-run`: one validation path, so what a dry run accepts
the import accepts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from store.errors import InputError
from store.ingest.parser import parse_text_by_line
from store.limits import JSONL_LINE_BYTES, TEXT_LINE_BYTES, check_item
from store.model import Item

_SNIFF = 64 << 10


def read_items(path: Path) -> list[Item]:
    """All items of one file; raises InputError naming the file (and line) on bad input."""
    return list(iter_items(path))


def iter_items(path: Path) -> Iterator[Item]:
    """Items of one file, streamed: JSONL line by line, raw text parsed as a whole, a
    saved web page as one item."""
    from store.ingest.web.pages import is_page_path, saved_page_items

    if is_page_path(Path(path)):
        yield from saved_page_items(Path(path))
        return
    source = Source.open(path)
    with source:
        if source.jsonl:
            for first, lines in source.blocks():
                yield from jsonl_items(lines, source.name, first)
        else:
            yield from text_items(source.text(), source.name)


class Source:
    """One open input file, sniffed: JSON Lines or raw press text; binary refused."""

    def __init__(self, handle: BinaryIO, name: str, jsonl: bool) -> None:
        self.handle, self.name, self.jsonl = handle, name, jsonl

    @classmethod
    def open(cls, path: Path) -> Source:
        path = Path(path)
        name = path.name
        try:
            if path.is_dir():
                raise InputError("is a folder, not a file", source=name)
            handle = path.open("rb")
        except FileNotFoundError:
            raise InputError("no such file", source=name) from None
        except PermissionError:
            raise InputError("permission denied", source=name) from None
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
        try:
            head = handle.read(_SNIFF)
            _refuse_binary(head, name)
            handle.seek(0)
        except BaseException:
            handle.close()
            raise
        jsonl = path.suffix.lower() in (".jsonl", ".ndjson") or _looks_like_jsonl(head)
        return cls(handle, name, jsonl)

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def blocks(
        self, size: int = 500, max_bytes: int = 4 << 20
    ) -> Iterator[tuple[int, list[bytes]]]:
        """JSONL lines by blocks of `size` lines or `max_bytes`, each with the number of its
        first line.

        Raises InputError for an over-long line, and for a file with no line at all.
        """
        limit = f"line longer than {JSONL_LINE_BYTES >> 20} MB (limit JSONL_LINE_BYTES)"
        block: list[bytes] = []
        first, held = 1, 0
        any_line = False
        for number, raw in _bounded_lines(self.handle, self.name, JSONL_LINE_BYTES, limit):
            any_line = any_line or bool(raw.strip())
            block.append(raw)
            held += len(raw)
            if len(block) >= size or held >= max_bytes:
                yield first, block
                first, block, held = number + 1, [], 0
        if block:
            yield first, block
        if not any_line:
            raise InputError("empty file, nothing to import", source=self.name)

    def text(self) -> str:
        """The file as text, refusing over-long lines before decoding or parsing anything."""
        limit = (
            f"line longer than {TEXT_LINE_BYTES:,} bytes, more than a paragraph may hold"
            " (limit TEXT_LINE_BYTES)"
        )
        lines = _bounded_lines(self.handle, self.name, TEXT_LINE_BYTES, limit)
        text = _decode(b"".join(raw for _, raw in lines), self.name)
        if not text.strip():
            raise InputError("empty file, nothing to import", source=self.name)
        return text


def jsonl_items(lines: list[bytes], name: str, first: int) -> Iterator[Item]:
    """Items of JSONL `lines` of file `name`, the first being line number `first`."""
    for number, raw in enumerate(lines, first):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise InputError("line is not UTF-8", source=name, line=number) from None
        except RecursionError:
            raise InputError("line is nested too deeply", source=name, line=number) from None
        except ValueError as error:
            reason = str(error).split(":")[0]
            raise InputError(
                f"line is not valid JSON: {reason}", source=name, line=number
            ) from None
        try:
            item = Item.from_dict(data, source=name)
            check_item(item)  # as the file gives it, then stored printable
        except ValueError as error:
            raise InputError(str(error), source=name, line=number) from None
        yield item.printable()


def text_items(text: str, name: str) -> Iterator[Item]:
    """Items of raw press text from file `name`; an item over a limit names its first line."""
    for number, item in parse_text_by_line(text, name):
        try:
            check_item(item)
        except ValueError as error:
            raise InputError(str(error), source=name, line=number) from None
        yield item


def _refuse_binary(head: bytes, name: str) -> None:
    if not head.strip():
        return  # empty: the readers say so with the line-free message below
    if b"\x00" in head:
        raise InputError("binary file, not press text", source=name)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(head) // 20:
        raise InputError("binary file, not press text", source=name)


def _looks_like_jsonl(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _bounded_lines(
    handle: BinaryIO, name: str, limit: int, message: str
) -> Iterator[tuple[int, bytes]]:
    """(number, raw line), refusing a line over `limit` bytes before it is all read.

    A 50 MB single line is turned down after reading `limit` bytes, never fed to a regex
    or a JSON parser.
    """
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            raise InputError(message, source=name, line=number)
        yield number, raw


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        # cp1251 is how older Russian archives were saved; take it only when the bytes
        # read as mostly Cyrillic letters, never as a silent guess for anything else.
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            text = ""
        letters = [c for c in text if c.isalpha()]
        cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
        if letters and cyrillic * 2 > len(letters):
            return text
        raise InputError(
            "the encoding is not UTF-8 (save the file as UTF-8)", source=name, line=line
        ) from None
