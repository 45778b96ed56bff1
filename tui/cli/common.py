"""What every subcommand shares: the common options, opening the archive, one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from store import Archive, Bookmarks
from store.paths import default_archive_path, default_bookmarks_path, sample_files
from store.schema import upgrade_pending
from store.text.printable import printable

if TYPE_CHECKING:  # read only when a command needs the config
    from store.config import Config

EXIT_ERROR = 2
"""The exit status of every error a user can cause; its one line goes to stderr."""


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
    common.add_argument(
        "--config", type=Path, default=argparse.SUPPRESS, metavar="PATH",
        help="the config file (default: config.toml in the user config folder)",
    )
    return common


def config(args: argparse.Namespace) -> Config:
    """The effective config of this run, read once; a wrong file raises ConfigError."""
    from store.config import load_config

    if getattr(args, "_config", None) is None:
        args._config = load_config(getattr(args, "config", None))
    return args._config


def archive_path(args: argparse.Namespace) -> Path:
    return getattr(args, "archive", None) or config(args).archive or default_archive_path()


def bookmarks_path(args: argparse.Namespace) -> Path:
    return (getattr(args, "bookmarks", None) or config(args).bookmarks
            or default_bookmarks_path())


def open_archive(
    args: argparse.Namespace, *, readonly: bool = False, upgrade: bool = False
) -> Archive:
    """Open the archive the user chose; a first run imports the bundled sample.

    Only `import` (readonly=False) creates an archive where there is none: every other
    command, the app and `serve` say there is no archive at the path, so a mistyped
    `--archive` never becomes a new, empty archive. The one exception is the default
    archive on a first run, made from the bundled sample.

    `readonly` opens never write the file, so users who may only read a published
    archive can use it. `upgrade` (the app, `serve`) first brings an archive of an older
    layout up to date, when this user may write it; otherwise it is read as it is.
    """
    path = archive_path(args)
    if (getattr(args, "archive", None) is None and config(args).archive is None
            and not os.path.lexists(path)):
        with Archive.open(path) as archive:  # first run
            files = sample_files()
            if files:
                archive.import_files(files)
    elif upgrade and upgrade_pending(path) and Archive.can_write(path):
        _say_upgrading(path)
        Archive.open(path).close()
    if readonly:
        archive = Archive.open(path, readonly=True)
        if upgrade and archive.index_notice and Archive.can_write(path):
            pending = archive.phrases_pending()
            archive.close()
            _say(f"writing the index file beside {path} (once; about ten seconds per"
                 " million items)")
            if pending:
                _say("and filing every word's position for exact phrases (once; about a"
                     " minute per 200,000 items)")
            with Archive.open(path) as writer:
                writer.write_index()
            archive = Archive.open(path, readonly=True)
        return archive
    if os.path.lexists(path) and upgrade_pending(path):
        _say_upgrading(path)
    return Archive.open(path)


def _say_upgrading(path: Path) -> None:
    _say(f"upgrading {path} to this version's layout (once; about two minutes per million items)")


def _say(message: str) -> None:
    print(printable(f"pressroom: {message}"), file=sys.stderr)


def say_index_notice(archive: Archive) -> None:
    """One line when this archive searches from memory: its index file is missing, stale
    or damaged and this user cannot rewrite it (`store.index.mapped`)."""
    if archive.index_notice:
        _say(f"{archive.index_notice}; searching from memory until an import rewrites it")


def open_bookmarks(args: argparse.Namespace) -> Bookmarks:
    return Bookmarks.open(bookmarks_path(args))


def fail(message: str) -> int:
    """Print one line to stderr and return the error exit code.

    Messages name files, ids and queries: `printable` keeps them from controlling the
    terminal, and on one line.
    """
    print(printable(f"pressroom: {message}"), file=sys.stderr)
    return EXIT_ERROR
