"""`pressroom person NAME [--json]`: a person's dossier from the shell.

The JSON is the dossier itself (`store.Dossier.to_dict`): spellings, roles with first and
last dates, counts by year and kind, co-participants with counts, every item id.
"""

from __future__ import annotations

import argparse
import json
import shutil

from store import Archive, Dossier
from store.text.printable import printable
from tui.cli.common import fail, open_archive
from tui.dossier_text import role_line, year_bars


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "person", parents=[common],
        help="a person's dossier: spellings, roles over time, by year, who they met",
    )
    p.add_argument("name", nargs="+", metavar="NAME")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="items listed (20)")
    p.add_argument("--json", action="store_true", help="the whole dossier as one JSON object")
    p.set_defaults(run=run_person)


def run_person(args: argparse.Namespace) -> int:
    name = " ".join(args.name)
    if args.limit < 0:
        return fail("--limit must be 0 or more")
    with open_archive(args, readonly=True) as archive:
        if args.json:
            print(json.dumps(archive.dossier(name).to_dict(), ensure_ascii=False))
            return 0
        dossier = archive.dossier(name, item_limit=args.limit)
        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        for line in dossier_lines(archive, dossier, width):
            print(line)
    return 0


def dossier_lines(archive: Archive, dossier: Dossier, width: int) -> list[str]:
    """The dossier as the plain text the command prints."""
    years = [y for y, n in dossier.by_year if n]
    when = f" ({years[0]} → {years[-1]})" if years else ""
    lines = [printable(f"{dossier.name} · {dossier.item_count:,} items{when}")]
    if dossier.spellings:
        lines.append(printable("also written: " + ", ".join(dossier.spellings)))
    if dossier.roles:
        lines += ["", "Roles"]
        lines += [
            "  " + role_line(r.role, r.organisation, r.first, r.last, r.count)
            for r in dossier.roles[:12]
        ]
    if dossier.by_year:
        lines += ["", "By year"]
        lines += ["  " + line for line in year_bars(dossier.by_year, width - 2)]
    if dossier.kinds:
        lines += ["", "Kinds: " + " · ".join(f"{k} {n:,}" for k, n in dossier.kinds)]
    if dossier.met_with:
        lines += ["", "Met with"]
        for contact in dossier.met_with[:15]:
            last = f"  (last {contact.last})" if contact.last else ""
            lines.append(printable(f"  {contact.count:6,}  {contact.name}{last}"))
    if dossier.items:
        lines += ["", "Items (speeches, statements, interviews first; newest first)"]
        for item_id in dossier.items:
            item = archive.get(item_id)
            line = f"  {item.date or 'undated':10}  {item.kind:9}  {item.id}  {item.title}"
            lines.append(printable(line)[:width])
        rest = dossier.item_count - len(dossier.items)
        if rest > 0:
            lines.append(printable(f"  … {rest:,} more: pressroom search 'person:{dossier.name}'"))
    return lines
