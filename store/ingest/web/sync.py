"""Sources into the archive: harvested a few hosts at once, each committed whole.

Harvests run in worker threads, one host per worker at a time (so the per-host rate
holds); the archive is written only here, on the calling thread, one transaction per
source, as each harvest completes. A sync killed at any moment leaves the archive as
after the last committed source.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from store.archive import Archive
from store.ingest.web.harvest import Harvest, Progress, Source, harvest
from store.ingest.web.http import PoliteClient, Politeness
from store.ingest.web.state import WebState
from store.model import Item


@dataclass
class SourceReport:
    """What a sync did for one source: the counts the summary prints."""

    name: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    """The harvested items (what `--dry-run` prints)."""

    @property
    def reached(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        counts = f"new {self.new}, changed {self.changed}, unchanged {self.unchanged}"
        if self.failures:
            counts += f", failed {len(self.failures)}"
        return f"{self.name}: {counts}"


def run_sources(
    archive: Archive | None,
    sources: Sequence[Source],
    politeness: Politeness,
    *,
    since: str | None = None,
    limit: int | None = None,
    progress: Callable[[Source, int, int, str], None] | None = None,
    on_report: Callable[[SourceReport], None] | None = None,
) -> list[SourceReport]:
    """Harvest every source and import each one whole into `archive` (None: a dry run,
    nothing written, nothing remembered). Reports come in the order of `sources`."""
    state = WebState.open(archive.path) if archive is not None else WebState.none()
    by_host = _indexes_by_host(sources)
    done: queue.Queue[tuple[int, Harvest | BaseException]] = queue.Queue()
    hosts: queue.Queue[list[int]] = queue.Queue()
    for indexes in by_host:
        hosts.put(indexes)
    reports: list[SourceReport | None] = [None] * len(sources)
    stop = threading.Event()

    def work(client: PoliteClient) -> None:
        while not stop.is_set():
            try:
                indexes = hosts.get_nowait()
            except queue.Empty:
                return
            for index in indexes:
                if stop.is_set():
                    return
                source = sources[index]
                hear = _progress_of(source, progress)
                try:
                    done.put((index, harvest(source, client, state, since=since, limit=limit,
                                             progress=hear)))
                except BaseException as error:
                    done.put((index, error))

    with PoliteClient(politeness, state) as client:
        workers = [
            threading.Thread(target=work, args=(client,), daemon=True)
            for _ in range(max(1, min(politeness.hosts_at_once, len(by_host))))
        ]
        for worker in workers:
            worker.start()
        try:
            for _ in range(len(sources)):
                index, outcome = _next_outcome(done)
                report = _commit(archive, state, sources[index], outcome)
                reports[index] = report
                if on_report is not None:
                    on_report(report)
        finally:
            stop.set()
            state.close()
    return [r for r in reports if r is not None]


def _indexes_by_host(sources: Sequence[Source]) -> list[list[int]]:
    """The sources' indexes, one list per host: a worker harvests a host's sources in turn,
    so no two workers ever fetch from the same host at once."""
    by_host: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        by_host.setdefault(source.host, []).append(index)
    return list(by_host.values())


def _progress_of(
    source: Source, progress: Callable[[Source, int, int, str], None] | None
) -> Progress | None:
    """The harvest's progress callback for `source`: the sync's, told which source it is."""
    if progress is None:
        return None

    def hear(d: int, n: int, url: str) -> None:
        progress(source, d, n, url)

    return hear


def _next_outcome(
    done: queue.Queue[tuple[int, Harvest | BaseException]],
) -> tuple[int, Harvest | BaseException]:
    """The next finished harvest, waiting for it half a second at a time rather than at
    once, so SIGTERM's handler gets to run in between."""
    while True:
        try:
            return done.get(timeout=0.5)
        except queue.Empty:
            continue


def _commit(
    archive: Archive | None, state: WebState, source: Source, outcome: Harvest | BaseException
) -> SourceReport:
    report = SourceReport(source.name)
    if isinstance(outcome, BaseException):
        report.failures.append(f"{source.url}: {outcome}")
        return report
    report.failures = list(outcome.failures)
    report.unchanged = outcome.not_modified
    report.items = outcome.items
    if archive is None:
        report.new = len(outcome.items)
        return report
    if outcome.items:
        imported = archive.import_items(outcome.items)
        report.new = imported.added
        # `updated`: the archive's count of known items whose content changed (the
        # revision mechanism); until it has one, a changed page counts as unchanged.
        report.changed = getattr(imported, "updated", 0)
        report.unchanged += imported.unchanged
    state.save_validators(outcome.validators)
    return report
