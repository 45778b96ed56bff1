"""`pressroom bookmarks list|add|remove|export|repair`: bookmarks from the shell."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from store import Archive, Bookmarks, Item, UnknownItem
from store.bookmarks import EXPORT_FORMATS, Bookmark
from store.paths import short_path
from store.printable import printable
from tui.commands.common import bookmarks_path, fail, open_archive, open_bookmarks


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

    a = actions.add_parser("export", parents=[common],
                           help="Markdown for a report, or JSON, on standard output or to a file")
    a.add_argument("--format", choices=EXPORT_FORMATS, default="md")
    a.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help="write to FILE (replacing it) instead of standard output")

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
        print(report.summary())
        return 0
    marks = open_bookmarks(args)
    if action == "add":
        return _add(args, marks)
    if action == "remove":
        if not marks.remove(args.item_id):
            return fail(f"{args.item_id!r} is not bookmarked")
        print(f"Removed the bookmark on {args.item_id}")
        return 0
    with open_archive(args, readonly=True) as archive:
        if action == "export":
            return _export(marks, archive, args.format, args.output)
        return _list(marks, archive, as_json=getattr(args, "json", False))


def _export(marks: Bookmarks, archive: Archive, fmt: str, output: Path | None) -> int:
    text = marks.export(fmt, archive)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return 0
    where = printable(short_path(output))
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(f"could not write {where}: {error.strerror}")
    count = len(marks.list())
    print(f"Exported {count} bookmark{'' if count == 1 else 's'} to {where}")
    return 0


def _add(args: argparse.Namespace, marks: Bookmarks) -> int:
    with open_archive(args, readonly=True) as archive:
        try:
            item = archive.get(args.item_id)
        except UnknownItem:
            return fail(f"no item with id {args.item_id!r} in {archive.path}")
    again = marks.get(args.item_id) is not None
    marks.add(args.item_id, note=args.note, tags=args.tags)
    print(f"{'Updated the bookmark on' if again else 'Bookmarked'} {item.id}: {item.title}")
    return 0


def _list(marks: Bookmarks, archive: Archive, *, as_json: bool) -> int:
    bookmarks = marks.list()
    for mark in bookmarks:
        item = _item(archive, mark.item_id)
        if as_json:
            print(json.dumps(_json_row(mark, item), ensure_ascii=False))
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
    line = f"{date:10}  {mark.item_id:17}  {title}" + (f"  — {note}" if note else "")
    width = shutil.get_terminal_size((100, 24)).columns
    if sys.stdout.isatty() and len(line) > width:
        line = line[: width - 1] + "…"
    return line
