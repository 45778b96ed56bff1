"""`pressroom watch list|add|remove|check`: watchlists from the shell, and a digest for cron.

`check` prints the items new to each watchlist since the last check (or since the app last
opened it) and then remembers them as seen, so a daily cron job mails each new item once
(README, "Watchlists").
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from store import Archive, Bookmarks, PressroomError, Watchlist
from store.bookmarks.watchlists import new_matches, seen_marker
from store.text.printable import printable, printable_json
from tui.cli.common import fail, open_archive, open_bookmarks
from tui.cli.items import _row_line


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "watch", parents=[common], help="watchlists: saved queries that say what is new",
        description="A watchlist is a saved query; its new items are those imported since "
        "you last opened it in the app or ran `watch check`. Without an action, lists them.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    a = actions.add_parser("list", parents=[common], help="watchlists, with how many are new")
    a.add_argument("--json", action="store_true", help="one JSON object per line")

    a = actions.add_parser(
        "add", parents=[common], query_words=True,
        help="save a query as a watchlist (again: a new query)",
        description="Save QUERY (the search syntax) under NAME; what matches now counts as "
        "seen. Every word after NAME that is not an option is part of the query.",
    )
    a.add_argument("name", metavar="NAME")
    a.add_argument("query", nargs="+", metavar="QUERY")

    a = actions.add_parser("remove", parents=[common], help="remove a watchlist")
    a.add_argument("name", metavar="NAME")

    a = actions.add_parser(
        "check", parents=[common], help="print what is new, then remember it as seen",
        description="Print the items each watchlist matches that are new since its last "
        "check, newest first, and remember them as seen. Prints nothing when nothing is "
        "new, so cron mails only a digest with something in it.",
    )
    a.add_argument("--json", action="store_true",
                   help="one JSON object per line: the item, and its watchlist's name")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    action = args.action or "list"
    marks = open_bookmarks(args)
    if action == "remove":
        if not marks.unwatch(args.name):
            return fail(f"no watchlist named {args.name!r}; pressroom watch list shows them")
        print(printable(f"Removed the watchlist {args.name}"))
        return 0
    with open_archive(args, readonly=True) as archive:
        if action == "add":
            return _add(marks, archive, args.name, " ".join(args.query))
        if action == "check":
            return _check(marks, archive, as_json=args.json)
        return _list(marks, archive, as_json=getattr(args, "json", False))


def _add(marks: Bookmarks, archive: Archive, name: str, query: str) -> int:
    matches = archive.match(query, marks)  # a query the archive cannot run is refused here
    try:
        again = marks.watchlist(name) is not None
        kept = marks.watch(name, query, seen_until=seen_marker(archive))
    except ValueError as error:
        return fail(str(error))
    count = len(matches.rowids)
    verb = "Changed the query of" if again else "Watching"
    print(printable(f"{verb} {kept.name}: {kept.query} ({count:,} "
                    f"match{'' if count == 1 else 'es'} now; new ones will show as new)"))
    return 0


def _list(marks: Bookmarks, archive: Archive, *, as_json: bool) -> int:
    watchlists = marks.watchlists()
    for watchlist in watchlists:
        try:
            new: int | str = len(new_matches(archive, watchlist, marks))
        except PressroomError as error:
            new = f"! {error}"
        if as_json:
            print(printable_json({**watchlist.to_dict(), "new": new}))
        else:
            count = f"{new:,} new" if isinstance(new, int) else new
            print(printable(f"{watchlist.name:20}  {count:>8}  {watchlist.query}"))
    if not watchlists and not as_json:
        print("no watchlists yet; add one with pressroom watch add NAME QUERY", file=sys.stderr)
    return 0


def _check(marks: Bookmarks, archive: Archive, *, as_json: bool) -> int:
    """Print each watchlist's new items, then mark it seen: an item is printed once."""
    failed = 0
    seen = seen_marker(archive)
    for watchlist in marks.watchlists():
        try:
            new = newest_first(archive, new_matches(archive, watchlist, marks))
        except PressroomError as error:
            fail(f"watchlist {watchlist.name}: {error}")
            failed += 1
            continue
        _print_new(archive, watchlist, new, as_json=as_json)
        sys.stdout.flush()  # printed before it counts as seen: a broken pipe keeps it new
        marks.mark_seen(watchlist.name, max(seen, watchlist.seen_until))
    return 2 if failed else 0


def newest_first(archive: Archive, rowids: np.ndarray) -> np.ndarray:
    """Rowids by date, newest first, undated last (as the Events list orders them)."""
    dates = archive.columns.date_ord[rowids].astype(np.int64)
    return rowids[np.lexsort((-rowids, -dates))]


def _print_new(archive: Archive, watchlist: Watchlist, rowids: np.ndarray, *,
               as_json: bool) -> None:
    if not len(rowids):
        return
    if not as_json:
        count = len(rowids)
        print(printable(f"{watchlist.name} ({watchlist.query}): {count:,} new"))
    for start in range(0, len(rowids), 1_000):
        for row in archive.rows(rowids[start : start + 1_000]):
            if as_json:
                data = archive.get_by_rowid(row.rowid).to_dict()
                data["watchlist"] = watchlist.name
                print(printable_json(data))
            else:
                print("  " + _row_line(row.date, row.kind, row.item_id, row.title))
    if not as_json:
        print()
