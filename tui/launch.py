"""Open the archive and bookmarks the command line chose, and run the app on them.

Imports stay inside `run_app` so `pressroom --help` and the subcommands never load Textual,
and the app's start-up pays only for what the first frame needs.
"""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    """Run the TUI until the user quits; returns the exit status (0 for ctrl+q)."""
    from store.errors import BookmarksUnavailable
    from tui.commands.common import open_archive, open_bookmarks
    from tui.session import Session, Settings

    settings = Settings(
        low_bandwidth=bool(getattr(args, "low_bandwidth", False)),
        mouse=not getattr(args, "no_mouse", False),
        served=bool(getattr(args, "served", False)),
    )
    archive = open_archive(args, readonly=settings.served)
    try:
        bookmarks, problem = open_bookmarks(args), ""
    except BookmarksUnavailable as error:
        # a corrupt bookmarks file is kept as it is; the app opens and says so
        bookmarks, problem = None, str(error)
    from tui.app import PressroomApp

    app = PressroomApp(Session(archive, bookmarks, problem, settings))
    try:
        app.run(mouse=settings.mouse)
    finally:
        archive.close()
    return int(app.return_code or 0)
