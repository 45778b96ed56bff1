"""`pressroom fetch|sync|config show`: press items from the web, kept current from cron."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from store.text.printable import printable
from tui.cli.common import archive_path, config, fail, open_archive

EXIT_SOME_FAILED = 1
"""`sync` exits 1 when some source could not be reached (0: all were, 2: a bad config)."""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "fetch", parents=[common], help="import an article URL, a feed or a sitemap",
        description="Fetch article pages (an article URL, every entry of an RSS/Atom feed, "
        "every page of a sitemap or a paginated listing; the kind is found from the content) "
        "and import them, one transaction per URL. Politely: see `pressroom config show`.",
    )
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--since", metavar="DATE", help="only items on or after: 2024, 2024-10, ...")
    p.add_argument("--limit", type=int, metavar="N", help="at most N article pages per URL")
    p.add_argument("--dry-run", action="store_true", help="fetch and parse, import nothing")
    p.add_argument("--json", action="store_true", help="with --dry-run: items as JSON Lines")
    p.set_defaults(run=run_fetch)

    p = sub.add_parser(
        "sync", parents=[common], help="fetch what is new from every configured source",
        description="Fetch every [[source]] of the config file and import what is new or "
        "changed, one transaction per source. Exit 0 when every source was reached, 1 when "
        "some failed (the summary says which and why), 2 for a bad config.",
    )
    p.set_defaults(run=run_sync)

    p = sub.add_parser("config", parents=[common], help="the settings in effect")
    p.add_argument("action", choices=["show"])
    p.set_defaults(run=run_config)


def run_fetch(args: argparse.Namespace) -> int:
    from store.ingest.web.harvest import check_since, source_for_url

    if args.json and not args.dry_run:
        return fail("--json prints fetched items and needs --dry-run")
    if args.limit is not None and args.limit < 1:
        return fail("--limit must be at least 1")
    check_since(args.since)
    sources = [source_for_url(url) for url in args.urls]
    return _run(args, sources, dry_run=args.dry_run)


def run_sync(args: argparse.Namespace) -> int:
    settings = config(args)
    if not settings.sources:
        return fail(f"{settings.path}: no [[source]] to sync")
    import filelock

    lock_path = Path(str(archive_path(args)) + ".sync-lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        return fail(f"another sync is running on this archive (lock {lock_path})")
    try:
        return _run(args, list(settings.sources), dry_run=False)
    finally:
        lock.release()


def _run(args: argparse.Namespace, sources: Sequence[Any], *, dry_run: bool) -> int:
    from store.ingest.web.sync import SourceReport, run_sources

    politeness = config(args).politeness
    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    failed: list[SourceReport] = []

    def report(done: SourceReport) -> None:
        if line is not None:
            line.clear()
        if dry_run:
            _print_items(done.items, args.json)
        for failure in done.failures:
            print(f"pressroom: {printable(failure)}", file=sys.stderr)
        if done.failures:
            failed.append(done)
        if not (dry_run and args.json):
            # flushed: a log (or whoever watches it) sees each source as it is committed
            print(printable(done.summary()), flush=True)

    # SIGTERM (systemd stopping the timer's service, a kill) ends the run like ctrl+c:
    # the source being written rolls back, the ones committed stay.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        if dry_run:
            run_sources(None, sources, politeness, since=getattr(args, "since", None),
                        limit=getattr(args, "limit", None), progress=line, on_report=report)
        else:
            with open_archive(args) as archive:
                run_sources(archive, sources, politeness, since=getattr(args, "since", None),
                            limit=getattr(args, "limit", None), progress=line,
                            on_report=report)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if line is not None:
            line.clear()
    if failed:
        names = ", ".join(printable(r.name) for r in failed)
        print(f"pressroom: {len(failed)} of {len(sources)} sources failed: {names}",
              file=sys.stderr)
        return EXIT_SOME_FAILED
    return 0


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _print_items(items: Sequence[Any], as_json: bool) -> None:
    for item in items:
        if as_json:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            title = printable(item.title)
            print(f"{item.date or 'undated':10}  {item.kind:9}  {item.id:17}  {title}")


class ProgressLine:
    """"CSTO news: 3/12 pages  https://..." on one terminal line, for each source."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, source: Any, done: int, found: int, url: str) -> None:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
        text = printable(f"{source.name}: {done}/{found} pages  {url}")
        self.stream.write("\r" + text[: max(10, width - 1)] + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def run_config(args: argparse.Namespace) -> int:
    from store.config import show

    print(printable(show(config(args)), keep_newlines=True))
    return 0
