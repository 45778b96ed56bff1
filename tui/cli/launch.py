"""Open the archive and bookmarks the command line chose, and run the app on them.

Imports stay inside `run_app` so `pressroom --help` and the subcommands never load Textual,
and the app's start-up pays only for what the first frame needs.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.config import Config

FRAMES_PER_SECOND = 120
"""Textual paints at most this often, and a new search result waits for the next frame
slot: at Textual's default 60 that wait is most of a keystroke's latency (p50 34 -> 20 ms
at 100k items). Frames are only drawn when something changed, so typing and scrolling
send no more than before; `--low-bandwidth` keeps Textual's 60."""


def set_frame_rate(low_bandwidth: bool) -> None:
    """Before Textual is imported (it reads TEXTUAL_FPS once); a TEXTUAL_FPS set by the
    user wins."""
    os.environ.setdefault("TEXTUAL_FPS", str(60 if low_bandwidth else FRAMES_PER_SECOND))


def run_app(args: argparse.Namespace) -> int:
    """Run the TUI until the user quits; returns the exit status (0 for ctrl+q)."""
    from store.config import citation_style
    from store.errors import BookmarksUnavailable
    from tui.cli.common import config, open_archive, open_bookmarks, say_index_notice
    from tui.session import Session, Settings

    chosen = config(args)
    settings = Settings(
        low_bandwidth=bool(getattr(args, "low_bandwidth", False)),
        mouse=not getattr(args, "no_mouse", False),
        served=bool(getattr(args, "served", False)),
        theme=chosen.theme,
        keymap=chosen.keymap,
        citation_style=citation_style(chosen, getattr(args, "citation_style", None)),
    )
    check_theme(chosen)
    set_frame_rate(settings.low_bandwidth)
    from tui.memory import one_heap_for_all_threads

    one_heap_for_all_threads()  # before the archive's and Textual's threads start
    # The app never writes the archive: users who may only read it can browse it. Served
    # sessions do not upgrade either: `serve` did, before anyone connected.
    archive = open_archive(args, readonly=True, upgrade=not settings.served)
    say_index_notice(archive)
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


def check_theme(chosen: Config) -> None:
    """A theme Textual does not have is the config's error, named by file and line."""
    if chosen.theme is None:
        return
    from textual.theme import BUILTIN_THEMES

    from store.config import ConfigError

    if chosen.theme not in BUILTIN_THEMES:
        known = ", ".join(sorted(BUILTIN_THEMES))
        raise ConfigError(f"{chosen.where('theme')}: theme: unknown theme {chosen.theme!r}"
                          f" (one of {known})")
