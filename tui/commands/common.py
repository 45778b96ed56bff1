"""What every subcommand shares: the common options, opening the archive, one-line errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store import Archive, Bookmarks
from store.paths import default_archive_path, default_bookmarks_path, sample_files
from store.printable import printable
from store.schema import upgrade_pending

EXIT_ERROR = 2
"""DESIGN.md: errors go to stderr with exit code 2."""


def common_options() -> argparse.ArgumentParser:
    """`--archive` and `--bookmarks`, accepted by the app and every subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--archive", type=Path, default=argparse.SUPPRESS, metavar="PATH",
        help="the archive file (default: archive.sqlite3 in the user data folder)",
    )
    common.add_argument(
        "--bookmarks", type=Path, default=argparse.SUPPRESS, metavar="PATH",
        help="the bookmarks file (default: bookmarks.json in the user data folder)",
    )
    return common


def archive_path(args: argparse.Namespace) -> Path:
    return getattr(args, "archive", None) or default_archive_path()


def bookmarks_path(args: argparse.Namespace) -> Path:
    return getattr(args, "bookmarks", None) or default_bookmarks_path()


def open_archive(args: argparse.Namespace, *, readonly: bool = False) -> Archive:
    """Open the archive the user chose; a first run imports the bundled sample.

    The sample is imported only when the default archive does not exist yet, so a user
    who points `--archive` at a new file gets an empty archive to import into.
    """
    path = archive_path(args)
    first_run = not path.exists() and getattr(args, "archive", None) is None
    readonly = readonly and not first_run
    if not readonly and path.exists() and upgrade_pending(path):
        print(printable(f"pressroom: upgrading {path} to this version's layout"
                        " (once; about two minutes per million items)"), file=sys.stderr)
    archive = Archive.open(path, readonly=readonly)
    if first_run:
        files = sample_files()
        if files:
            archive.import_files(files)
    return archive


def open_bookmarks(args: argparse.Namespace) -> Bookmarks:
    return Bookmarks.open(bookmarks_path(args))


def fail(message: str) -> int:
    """Print one line to stderr and return the error exit code.

    Messages name files, ids and queries: `printable` keeps them from controlling the
    terminal, and on one line.
    """
    print(printable(f"pressroom: {message}"), file=sys.stderr)
    return EXIT_ERROR
