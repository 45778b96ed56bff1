"""`pressroom quote ID`: a passage and its citation on standard output, for scripts and editors."""

from __future__ import annotations

import argparse
import sys

from store.bookmarks.citation import DEFAULT_STYLE, STYLES, CitationError, find_passage, parse_range
from store.config import citation_style
from store.text.printable import printable
from tui.cli.common import config, open_archive


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "quote", parents=[common], help="print paragraphs of an item with their citation",
        description="Print paragraphs of an item as clean text (joined by blank lines, not "
        "wrapped), then a blank line and the citation. Without --paragraphs or --match, "
        "quotes the whole text.",
    )
    p.add_argument("item_id", metavar="ID")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--paragraphs", metavar="A-B",
                       help="paragraphs A to B, counting from 1 (one number: one paragraph)")
    which.add_argument("--match", metavar="TEXT",
                       help="the first paragraph containing TEXT (case and spacing ignored)")
    p.add_argument("--style", choices=STYLES, default=None,
                   help="citation style (default: citation_style in config.toml, "
                   f"else {DEFAULT_STYLE})")
    p.set_defaults(run=run_quote)


def run_quote(args: argparse.Namespace) -> int:
    with open_archive(args, readonly=True) as archive:
        item = archive.get(args.item_id)
    if args.match is not None:
        quoted = find_passage(item, args.match)
    elif args.paragraphs is not None:
        quoted = parse_range(args.paragraphs, item)
    elif item.body:
        quoted = parse_range(f"1-{len(item.body)}", item)
    else:
        raise CitationError(f"item {item.id} has no text to quote")
    text = quoted.quote(citation_style(config(args), args.style))
    sys.stdout.write(printable(text, keep_newlines=True) + "\n")
    return 0
