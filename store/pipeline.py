"""Reading and folding big import files on other cores while the archive writes.

An import is CPU-bound Python: parsing JSON and folding every word of every body cost
more than writing rows and postings. For files big enough to pay for starting processes,
reader processes do that half and stream batches to the importer. JSON Lines files are
shared between two readers by blocks of lines (each reads every line, parses its own
blocks); the importer takes the blocks back in file order, so rowids, errors and their
line numbers come out exactly as from one process. Small files stay in one process.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Iterator, Sequence
from pathlib import Path

from store.errors import InputError
from store.fold import fold_set
from store.model import Item, Participant

PARALLEL_BYTES = 16 * 2**20
"""Below this much input, starting processes (about 0.3 s) costs more than it saves."""
BLOCK = 500
"""Lines per block handed to one reader."""
READERS = 2

Prepared = tuple[Item, "set[str] | None"]
"""An item and the folded words of its body (None: the importer folds them itself)."""

_Packed = tuple[tuple, tuple, tuple, set[str]]
"""An item as plain tuples: they pickle several times faster than dataclasses."""


def prepared_items(paths: Sequence[Path]) -> Iterator[Prepared]:
    """Items of `paths` in order, with body words folded, on other cores if worth it.

    Raises InputError exactly as `store.sources.iter_items` does, naming file and line.
    """
    from store.sources import is_jsonl, iter_items

    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < PARALLEL_BYTES or multiprocessing.current_process().daemon:
        for path in paths:
            for item in iter_items(path):
                yield item, None
        return
    readers = READERS if all(is_jsonl(p) for p in paths) else 1
    context = multiprocessing.get_context("spawn")
    queues = [context.Queue(maxsize=8) for _ in range(readers)]
    processes = [
        context.Process(
            target=_read, args=([str(p) for p in paths], q, n, readers), daemon=True
        )
        for n, q in enumerate(queues)
    ]
    for process in processes:
        process.start()
    try:
        for _ in paths:
            block = 0
            while True:
                message = _next(queues[block % readers], processes[block % readers])
                if message[0] == "end":
                    for other in range(readers):  # the others' end markers
                        if other != block % readers:
                            _next(queues[other], processes[other])
                    break
                for packed in message[1]:
                    yield _unpack(packed)
                block += 1
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join(timeout=5)
        for q in queues:
            q.close()


def _next(source: multiprocessing.Queue, reader: multiprocessing.Process) -> tuple:
    while True:
        try:
            message = source.get(timeout=1.0)
        except queue.Empty:
            if not reader.is_alive():
                raise InputError("the file reader stopped unexpectedly") from None
            continue
        if isinstance(message, BaseException):
            raise message
        return message


def _pack(item: Item) -> _Packed:
    return (
        (item.id, item.date, item.kind, item.title, item.body),
        tuple((p.name, p.role, p.organisation) for p in item.participants),
        (item.places, item.language, item.source),
        fold_set("\n".join(item.body)),
    )


def _unpack(packed: _Packed) -> Prepared:
    fields, people, rest, terms = packed
    return Item(*fields, tuple(Participant(*p) for p in people), *rest), terms


def _read(paths: list[str], out: multiprocessing.Queue, part: int, parts: int) -> None:
    """A reader process: for each file, ("block", items) for each of its blocks, then ("end",).

    With one reader every item of a file goes in blocks of BLOCK items; with several,
    block k of a file (lines k*BLOCK+1 …) belongs to reader k % parts.
    """
    from store.sources import iter_items, iter_jsonl_lines

    try:
        for name in paths:
            path = Path(name)
            if parts == 1:
                batch: list[_Packed] = []
                for item in iter_items(path):
                    batch.append(_pack(item))
                    if len(batch) >= BLOCK:
                        out.put(("block", batch))
                        batch = []
                if batch:
                    out.put(("block", batch))
            else:

                def keep(line: int) -> bool:
                    return ((line - 1) // BLOCK) % parts == part

                # Every line comes back (skipped and blank ones as None), so each of our
                # blocks gets exactly one message, empty or not, in order.
                current: int | None = None
                for line, item in iter_jsonl_lines(path, keep):
                    block = (line - 1) // BLOCK
                    if block % parts != part:
                        continue
                    if block != current:
                        if current is not None:
                            out.put(("block", batch))
                        current, batch = block, []
                    if item is not None:
                        batch.append(_pack(item))
                if current is not None:
                    out.put(("block", batch))
            out.put(("end",))
    except InputError as error:
        out.put(InputError(str(error)))
    except Exception as error:  # noqa: BLE001 - the importer reports it as one line
        out.put(InputError(f"cannot read the file: {error}"))
