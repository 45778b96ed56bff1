"""Reading and folding big import files on a second core while the archive writes.

An import is CPU-bound Python: parsing JSON and folding every word of every item take
about as long as writing rows and postings. For files big enough to pay for starting a
process, a reader process does the first half and streams batches to the importer, so
two cores share the work. Small files (and the tests' usual ones) stay in one process.

The reader numbers index terms itself and sends each item's postings as bytes of term
numbers (`store.index.postings`), with the terms it numbered since the last batch; the importer
mirrors that numbering and files the bytes without touching a string.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from store.errors import InputError
from store.index.postings import Postings, TermNumbers
from store.model import Item, Participant

PARALLEL_BYTES = 16 * 2**20
"""Below this much input, starting a process (about 0.3 s) costs more than it saves."""
BATCH = 500
"""Items (or JSONL lines) per batch sent to the importer."""
QUEUED = 16
LOW = 4
"""Fewer batches than this waiting: the importer would soon wait for the reader."""

Prepared = tuple[Item, "Postings | None"]
"""An item and its postings (None: the importer folds it itself)."""

_ItemFields = tuple[
    tuple[str, str | None, str, str, tuple[str, ...]],  # id, date, kind, title, body
    tuple[tuple[str, str, str], ...],  # participants: name, role, organisation
    tuple[tuple[str, ...], str, str],  # places, language, source
    tuple[bytes, bytes, bytes, bytes, bytes],  # Postings
]
"""One parsed item as the reader sends it: plain tuples pickle several times faster than
dataclasses."""
_Batch = (
    tuple[Literal["items"], list[str], list[_ItemFields]]
    | tuple[Literal["lines"], str, int, list[bytes]]
    | InputError
    | None
)
"""What the reader puts on the queue: parsed items with the terms it numbered since the last
batch, JSONL lines for the importer to parse (name, first line number, lines), the error
that stopped it, or None at the end."""


def prepared_items(
    paths: Sequence[Path], follow: Callable[[list[str]], None]
) -> Iterator[Prepared]:
    """Items of `paths` in order, with their postings, folded on a second core if worth it.

    `follow` learns the terms the reader numbered before the items that use them (see
    `store.index.postings.PostingsWriter.follow`). Raises InputError exactly as
    `store.ingest.sources.iter_items` does, naming file and line.
    """
    from store.ingest.sources import iter_items, jsonl_items

    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < PARALLEL_BYTES or multiprocessing.current_process().daemon:
        for path in paths:
            for item in iter_items(path):
                yield item, None
        return
    context = multiprocessing.get_context("spawn")
    batches: multiprocessing.Queue[_Batch] = context.Queue(maxsize=QUEUED)
    reader = context.Process(
        target=_read, args=([str(p) for p in paths], batches, LOW), daemon=True
    )
    reader.start()
    try:
        while True:
            try:
                batch = batches.get(timeout=1.0)
            except queue.Empty:
                if not reader.is_alive():
                    raise InputError("the file reader stopped unexpectedly") from None
                continue
            if batch is None:
                return
            if isinstance(batch, BaseException):
                raise batch
            if batch[0] == "lines":  # the reader was ahead: this block is ours to parse
                _, name, first, lines = batch
                for item in jsonl_items(lines, name, first):
                    yield item, None
                continue
            _, new_terms, items = batch
            follow(new_terms)
            for fields, people, rest, postings in items:
                participants = tuple(Participant(*p) for p in people)
                yield Item(*fields, participants, *rest), Postings(*postings)
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join(timeout=5)
        batches.close()


def _read(paths: list[str], batches: multiprocessing.Queue[_Batch], low: int) -> None:
    """The reader process: parse and fold, or pass lines on when the importer would wait.

    Whenever fewer than `low` batches are queued, the importer is about to run dry: the
    next block of JSONL lines goes to it unparsed, which costs the reader nothing and gives
    the importer the parsing and folding it has time for. So both cores stay busy whatever
    the balance of the two halves on a machine or an archive.
    """
    from store.ingest.collector import fewer_collections
    from store.ingest.sources import Source, jsonl_items, text_items

    numbers = TermNumbers()
    sent = 0

    def send(items: list[Item]) -> None:
        nonlocal sent
        batches.put(_prepared(items, numbers, sent))
        sent = len(numbers)

    from store.ingest.sources import iter_items
    from store.ingest.web.pages import is_page_path

    with fewer_collections():  # the reader allocates as the importer does
        try:
            for path in paths:
                if is_page_path(Path(path)):
                    send(list(iter_items(Path(path))))
                    continue
                with Source.open(Path(path)) as source:
                    if not source.jsonl:
                        items = list(text_items(source.text(), source.name))
                        for start in range(0, len(items), BATCH):
                            send(items[start : start + BATCH])
                        continue
                    for first, lines in source.blocks(BATCH):
                        if _queued(batches, low) < low:
                            batches.put(("lines", source.name, first, lines))
                        else:
                            send(list(jsonl_items(lines, source.name, first)))
            batches.put(None)
        except InputError as error:
            batches.put(InputError(str(error)))
        except Exception as error:
            batches.put(InputError(f"cannot read the file: {error}"))


def _prepared(
    items: list[Item], numbers: TermNumbers, sent: int
) -> tuple[Literal["items"], list[str], list[_ItemFields]]:
    """A batch of parsed, folded items, with the terms numbered since the last batch."""
    out: list[_ItemFields] = []
    for item, postings in zip(items, Postings.of_items(items, numbers), strict=True):
        fields = (item.id, item.date, item.kind, item.title, item.body)
        rest = (item.places, item.language, item.source)
        people = tuple((p.name, p.role, p.organisation) for p in item.participants)
        out.append((fields, people, rest, (postings.body, postings.meta, postings.masks,
                                           postings.both, postings.sequence)))
    return ("items", numbers.names[sent:], out)


def _queued(batches: multiprocessing.Queue[_Batch], low: int) -> int:
    try:
        return batches.qsize()
    except NotImplementedError:  # macOS: no sem_getvalue; the reader then does all the work
        return low
