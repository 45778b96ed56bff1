"""Reading and folding big import files on a second core while the archive writes.

An import is CPU-bound Python: parsing JSON and folding every word of every body take
about as long as writing rows and postings. For files big enough to pay for starting a
process, a reader process does the first half and streams batches to the importer, so
two cores share the work. Small files (and the tests' usual ones) stay in one process.
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
"""Below this much input, starting a process (about 0.3 s) costs more than it saves."""
BATCH = 500

Prepared = tuple[Item, "set[str] | None"]
"""An item and the folded words of its body (None: the importer folds them itself)."""


def prepared_items(paths: Sequence[Path]) -> Iterator[Prepared]:
    """Items of `paths` in order, with their body words folded, on a second core if worth it.

    Raises InputError exactly as `store.sources.iter_items` does, naming file and line.
    """
    from store.sources import iter_items

    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < PARALLEL_BYTES or multiprocessing.current_process().daemon:
        for path in paths:
            for item in iter_items(path):
                yield item, None
        return
    context = multiprocessing.get_context("spawn")
    batches: multiprocessing.Queue = context.Queue(maxsize=16)
    reader = context.Process(
        target=_read, args=([str(p) for p in paths], batches), daemon=True
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
            for fields, people, rest, terms in batch:
                participants = tuple(Participant(*p) for p in people)
                yield Item(*fields, participants, *rest), terms
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join(timeout=5)
        batches.close()


def _read(paths: list[str], batches: multiprocessing.Queue) -> None:
    """The reader process: parse, fold bodies, send batches; then None, or the error."""
    from store.sources import iter_items

    try:
        # Plain tuples: they pickle and unpickle several times faster than dataclasses.
        batch: list[tuple[tuple, tuple, tuple, set[str]]] = []
        for path in paths:
            for item in iter_items(Path(path)):
                fields = (item.id, item.date, item.kind, item.title, item.body)
                rest = (item.places, item.language, item.source)
                people = tuple((p.name, p.role, p.organisation) for p in item.participants)
                batch.append((fields, people, rest, fold_set("\n".join(item.body))))
                if len(batch) >= BATCH:
                    batches.put(batch)
                    batch = []
        if batch:
            batches.put(batch)
        batches.put(None)
    except InputError as error:
        batches.put(InputError(str(error)))
    except Exception as error:  # noqa: BLE001 - the importer reports it as one line
        batches.put(InputError(f"cannot read the file: {error}"))
