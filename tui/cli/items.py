"""`pressroom import|list|search|show|people`: the archive from the shell, for scripts too."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store import KINDS, Archive, Item
from store.archive import ImportReport, plan_items
from store.ingest.inputs import input_files
from store.text.filing import participant_line
from store.text.printable import printable, printable_json
from tui.cli.common import archive_path, fail, open_archive, open_bookmarks


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common], help="import raw press text, .jsonl files or saved pages",
        description="Import raw press text, JSON Lines files, saved web pages (.html) or "
        "folders of them (a site mirror) in one transaction: on any bad input nothing is "
        "written. Importing a file again adds nothing; an item whose id is known with other "
        "content is updated, and its earlier content kept.",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE|FOLDER")
    p.add_argument(
        "--dry-run", action="store_true",
        help="say what the import would add, update or leave, without touching the archive",
    )
    p.add_argument("--json", action="store_true", help="with --dry-run: print items as JSON Lines")
    p.set_defaults(run=run_import)

    p = sub.add_parser("list", parents=[common], help="list items, newest first")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--after", metavar="DATE", help="on or after: 2024, 2024-10 or 2024-10-31")
    p.add_argument("--before", metavar="DATE", help="on or before: 2024, 2024-10 or 2024-10-31")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(run=run_list)

    p = sub.add_parser(
        "search", parents=[common], help="search titles, people and text", query_words=True,
        description="Words are ANDed, the last one is a prefix; typos and other spellings or "
        'scripts are forgiven. "exact phrase", -word, person:NAME, kind:speech, '
        "after:2024-10, before:2024-12-31, in:bookmarks. Every word that is not an option "
        "is part of the query, -word too; after -- everything is.",
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true", help="one JSON object per line, with score")
    use = p.add_mutually_exclusive_group()
    use.add_argument(
        "--first", action="store_true",
        help="the earliest matches first (undated last), with date, speaker and title: "
        "who used a phrase first",
    )
    use.add_argument(
        "--by-person", action="store_true",
        help="the people named in the matches, by how many items name them: who says it",
    )
    p.set_defaults(run=run_search)

    p = sub.add_parser("show", parents=[common], help="print one item")
    p.add_argument("item_id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--revisions", action="store_true",
        help="print the earlier contents imports replaced, oldest first",
    )
    p.set_defaults(run=run_show)

    p = sub.add_parser("people", parents=[common], help="list people, fuzzy-matched",
                       query_words=True)
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_people)


def _print_json(data: dict[str, Any]) -> None:
    print(printable_json(data))


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _row_line(date: str | None, kind: str, item_id: str, title: str) -> str:
    line = printable(f"{date or 'undated':10}  {kind:9}  {item_id:17}  {title}")
    width = _width()
    return line if len(line) <= width or not sys.stdout.isatty() else line[: width - 1] + "…"


def run_import(args: argparse.Namespace) -> int:
    if args.json and not args.dry_run:
        return fail("--json prints parsed items and needs --dry-run")
    inputs = input_files(args.files)
    if args.dry_run:
        return _dry_run(args, inputs.files)
    meter = ImportMeter(sys.stderr) if sys.stderr.isatty() else None
    with open_archive(args) as archive:
        try:
            report = archive.import_paths(args.files, progress=meter)
        finally:
            if meter is not None:
                meter.done()
    print(printable(f"{', '.join(map(str, args.files))}: {report.summary()}"))
    return 0


def _dry_run(args: argparse.Namespace, files: list[Path]) -> int:
    """Parse, and decide as the import would (`store.archive.plan_items`): the same counts
    of added, updated and unchanged, with nothing written. An archive that does not exist
    yet is not created (not even the default one of a first run): everything would be
    added to it."""
    path = archive_path(args)
    archive = open_archive(args, readonly=True) if path.exists() else None
    report = ImportReport()
    try:
        for item, verdict in plan_items(Archive.parse_files(files), archive, report):
            report.count(verdict)
            if args.json:
                _print_json(item.to_dict())
            else:
                print(f"{verdict:9}  " + _row_line(item.date, item.kind, item.id, item.title))
    finally:
        if archive is not None:
            archive.close()
    parsed = report.added + report.updated + report.unchanged
    print(
        f"{', '.join(map(str, args.files))}: {report.summary()}"
        f" (dry run: {parsed} items parsed, nothing imported)",
        file=sys.stderr,
    )
    return 0


class ImportMeter:
    """"123,000 items read (7,412/s)" on one terminal line, redrawn twice a second at most."""

    def __init__(self, stream: Any, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.started = self.shown = clock()
        self.drawn = False

    def __call__(self, count: int) -> None:
        now = self.clock()
        if now - self.shown < 0.5:
            return
        self.shown = now
        rate = count / max(now - self.started, 1e-9)
        self.stream.write(f"\r{count:,} items read ({rate:,.0f}/s)\x1b[K")
        self.stream.flush()
        self.drawn = True

    def done(self) -> None:
        """Clear the line, so the summary (or an error) starts on a clean one."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def run_list(args: argparse.Namespace) -> int:
    with open_archive(args, readonly=True) as archive:
        order = archive.order(kind=args.kind, after=args.after, before=args.before)
        for start in range(0, len(order), 1_000):
            for row in archive.rows(order[start : start + 1_000]):
                if args.json:
                    _print_json(archive.get_by_rowid(row.rowid).to_dict())
                else:
                    print(_row_line(row.date, row.kind, row.item_id, row.title))
    return 0


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if args.limit < 1:
        return fail("--limit must be at least 1")
    if args.first or args.by_person:
        return _first_or_by_person(args, query)
    with open_archive(args, readonly=True) as archive:
        bookmarks = None
        if "in:bookmarks" in query:
            bookmarks = open_bookmarks(args)
        hits = archive.search(query, limit=args.limit, bookmarks=bookmarks)
        for hit in hits:
            item = archive.get(hit.item_id)
            if args.json:
                data = item.to_dict()
                data["score"] = round(hit.score, 4)
                data["spans"] = [[s.field, s.start, s.end] for s in hit.spans]
                _print_json(data)
            else:
                print(f"{hit.score:6.2f}  " + _row_line(item.date, item.kind, item.id, item.title))
    if not hits and not args.json:
        with open_archive(args, readonly=True) as archive:
            notes = archive.match(query).notes if "person:" in query else ()
        print(printable("; ".join(notes)) if notes else "no matches", file=sys.stderr)
    return 0


def _first_or_by_person(args: argparse.Namespace, query: str) -> int:
    """`search --first`: the matches oldest first; `search --by-person`: who is named in
    them, most items first."""
    with open_archive(args, readonly=True) as archive:
        bookmarks = open_bookmarks(args) if "in:bookmarks" in query or "tag:" in query else None
        matches = archive.match(query, bookmarks)
        if args.by_person:
            for person in archive.people_named(matches.rowids)[: args.limit]:
                if args.json:
                    _print_json({"name": person.name, "key": person.key, "items": person.count})
                else:
                    print(printable(f"{person.count:7,}  {person.name}"))
        else:
            for rowid in archive.oldest_first(matches.rowids)[: args.limit]:
                item = archive.get_by_rowid(int(rowid))
                if args.json:
                    _print_json(item.to_dict())
                else:
                    print(_first_use_line(item))
    if not len(matches) and not args.json:
        print(printable("; ".join(matches.notes)) or "no matches", file=sys.stderr)
    return 0


def _first_use_line(item: Item) -> str:
    """"2015-03-01  Nikolai Bordyuzha     Address in Minsk": date, main participant, title."""
    speaker = item.participants[0].name if item.participants else "-"
    line = printable(f"{item.date or 'undated':10}  {speaker[:24]:24}  {item.title}")
    width = _width()
    return line if len(line) <= width or not sys.stdout.isatty() else line[: width - 1] + "…"


def run_show(args: argparse.Namespace) -> int:
    with open_archive(args, readonly=True) as archive:
        item = archive.get(args.item_id)
        if args.revisions:
            return _show_revisions(args, archive)
        sources = archive.sources(item.id)
    if args.json:
        _print_json(item.to_dict())
    else:
        page = render_item(item, min(_width(), 88))
        # an item reached by two routes (a dump and its web page) names both
        if sources:
            page += "\n\n" + "\n".join(f"source: {printable(s)}" for s in sources)
        print(page)
    return 0


def _show_revisions(args: argparse.Namespace, archive: Archive) -> int:
    """`show ID --revisions`: each earlier content, oldest first, with when it was replaced."""
    found = archive.revisions(args.item_id)
    if args.json:
        for revision in found:
            _print_json(revision.to_dict())
        return 0
    if not found:
        print("no earlier versions: no import has changed this item", file=sys.stderr)
        return 0
    width = min(_width(), 88)
    pages = []
    for number, revision in enumerate(found, 1):
        when = revision.replaced_at.replace("T", " ").replace("+00:00", " UTC")
        heading = f"── version {number} of {len(found) + 1}, replaced {when} ──"
        pages.append(heading + "\n" + render_item(revision.as_item(), width))
    print("\n\n".join(pages))
    return 0


def render_item(item: Item, width: int) -> str:
    """A plain-text page for `show`: heading, participants, wrapped paragraphs."""
    item = item.printable()  # an archive written before imports cleaned text
    lines = [item.title, f"{item.date or 'undated'} · {item.kind} · {item.id}", ""]
    lines.extend(f"  {participant_line(person)}" for person in item.participants)
    if item.participants:
        lines.append("")
    for paragraph in item.body:
        lines.extend(textwrap.wrap(paragraph, width) or [""])
        lines.append("")
    return "\n".join(lines).rstrip()


def run_people(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_archive(args, readonly=True) as archive:
        people = archive.people(query, limit=args.limit)
    for person in people:
        if args.json:
            _print_json(person.to_dict())
        else:
            others = [s for s in person.spellings if s != person.name]
            also = f"  (also {', '.join(others[:4])})" if others else ""
            role = f" — {person.role}" if person.role else ""
            print(printable(f"{person.count:6}  {person.name}{role}{also}"))
    if not people and not args.json:
        print("no people match" if query else "no people in the archive", file=sys.stderr)
    return 0
