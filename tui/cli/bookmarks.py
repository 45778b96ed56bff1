"""`pressroom bookmarks list|add|remove|export|repair`: bookmarks from the shell."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from store import Archive, Bookmarks, Item, UnknownItem
from store.bookmarks import export as case_file
from store.bookmarks.citation import DEFAULT_STYLE, STYLES
from store.bookmarks.store import Bookmark
from store.config import citation_style
from store.paths import short_path
from store.text.printable import printable, printable_json
from tui.cli.common import bookmarks_path, config, fail, open_archive, open_bookmarks


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "bookmarks", parents=[common], help="list, add, remove, export or repair bookmarks",
        description="Bookmarks are shared safely with other sessions of the same user. "
        "Without an action, lists them.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    a = actions.add_parser("list", parents=[common], help="bookmarks, newest first")
    a.add_argument("--json", action="store_true", help="one JSON object per line")

    a = actions.add_parser("add", parents=[common], help="bookmark an item (again: new note)")
    a.add_argument("item_id", metavar="ID")
    a.add_argument("--note", default="", metavar="TEXT")
    a.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG",
                   help="a tag; repeat for more")

    a = actions.add_parser("remove", parents=[common], help="remove a bookmark")
    a.add_argument("item_id", metavar="ID")

    a = actions.add_parser(
        "export", parents=[common], help="a case file: Markdown, Word (docx) or JSON",
        description="Each bookmarked or clipped item with its note, its clippings as "
        "quotations with their citations, and a bibliography. JSON holds everything and "
        "`pressroom bookmarks import` reads it back.",
    )
    a.add_argument("--format", choices=case_file.FORMATS, default="md")
    a.add_argument("--tag", default="", metavar="TAG",
                   help="only what is tagged TAG (and the items of clippings tagged TAG)")
    a.add_argument("--style", choices=STYLES, default=None,
                   help="citation style (default: citation_style in config.toml, "
                   f"else {DEFAULT_STYLE})")
    a.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help="write to FILE instead of standard output (needed for docx)")

    a = actions.add_parser("import", parents=[common],
                           help="add the bookmarks and clippings of a JSON export")
    a.add_argument("file", type=Path, metavar="FILE")

    actions.add_parser(
        "repair", parents=[common], help="move an unreadable bookmarks file aside",
        description="When the bookmarks file cannot be read, move it aside under a "
        "timestamped name and start a new one with every bookmark that could be read.",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    action = args.action or "list"
    if action == "repair":
        report = Bookmarks.repair(bookmarks_path(args))
        print(printable(report.summary()))
        return 0
    marks = open_bookmarks(args)
    if action == "add":
        return _add(args, marks)
    if action == "remove":
        if not marks.remove(args.item_id):
            return fail(f"{args.item_id!r} is not bookmarked")
        print(printable(f"Removed the bookmark on {args.item_id}"))
        return 0
    if action == "import":
        records, clips = case_file.read_json(args.file)
        added, clipped = marks.import_records(records, clips)
        print(f"{args.file}: added {added} bookmarks and {clipped} clippings; "
              f"{len(records) - added + len(clips) - clipped} were already there")
        return 0
    with open_archive(args, readonly=True) as archive:
        if action == "export":
            return _export(args, marks, archive)
        return _list(marks, archive, as_json=getattr(args, "json", False))


def _export(args: argparse.Namespace, marks: Bookmarks, archive: Archive) -> int:
    style = citation_style(config(args), args.style)
    sections = case_file.gather(marks, archive, tag=args.tag)
    if args.format == "docx":
        if args.output is None:
            return fail("--format docx writes a file: give it --output FILE.docx")
        case_file.write_docx(sections, args.output, style=style, tag=args.tag)
    else:
        if args.format == "json":
            text = case_file.to_json(sections)
        else:
            text = case_file.markdown(sections, style=style, tag=args.tag)
        if args.output is None:
            sys.stdout.write(text)
            return 0
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            return fail(f"could not write {short_path(args.output)}: {error.strerror}")
    count = len(sections)
    print(printable(f"Exported {count} item{'' if count == 1 else 's'} to "
                    f"{short_path(args.output)}"), file=sys.stderr)
    return 0


def _add(args: argparse.Namespace, marks: Bookmarks) -> int:
    with open_archive(args, readonly=True) as archive:
        try:
            item = archive.get(args.item_id)
        except UnknownItem:
            return fail(f"no item with id {args.item_id!r} in {archive.path}")
    again = marks.get(args.item_id) is not None
    marks.add(args.item_id, note=args.note, tags=args.tags)
    print(printable(f"{'Updated the bookmark on' if again else 'Bookmarked'} {item.id}:"
                    f" {item.title}"))
    return 0


def _list(marks: Bookmarks, archive: Archive, *, as_json: bool) -> int:
    bookmarks = marks.list()
    for mark in bookmarks:
        item = _item(archive, mark.item_id)
        if as_json:
            print(printable_json(_json_row(mark, item)))
        else:
            print(_table_row(mark, item))
    if not bookmarks and not as_json:
        print("no bookmarks yet", file=sys.stderr)
    return 0


def _item(archive: Archive, item_id: str) -> Item | None:
    try:
        return archive.get(item_id)
    except UnknownItem:
        return None


def _json_row(mark: Bookmark, item: Item | None) -> dict:
    row = mark.to_dict()
    row["title"] = item.title if item else None
    row["date"] = item.date if item else None
    return row


def _table_row(mark: Bookmark, item: Item | None) -> str:
    """date, id, title, note: one line, cut to the terminal's width when it is one."""
    date = (item.date or "undated") if item else "?"
    title = item.title if item else "(not in this archive)"
    note = " ".join(mark.note.split())
    line = printable(f"{date:10}  {mark.item_id:17}  {title}" + (f"  — {note}" if note else ""))
    width = shutil.get_terminal_size((100, 24)).columns
    if sys.stdout.isatty() and len(line) > width:
        line = line[: width - 1] + "…"
    return line
