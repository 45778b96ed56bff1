"""The `pressroom` command: opens the app, or runs a subcommand (DESIGN.md, CLI contract)."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

from store.citation import DEFAULT_STYLE, STYLES
from tui.commands import bookmarks, items, person, quote, serve, web
from tui.commands.common import common_options, fail


def package_version() -> str:
    try:
        return version("pressroom")
    except PackageNotFoundError:  # running from a checkout without an install
        return "0+checkout"


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="pressroom",
        parents=[common],
        description="Browse a press archive in the terminal: events by date, people, "
        "a reader and bookmarks. Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"pressroom {package_version()}")
    parser.add_argument(
        "--no-mouse", action="store_true", help="do not capture the mouse (plain SSH, tmux)"
    )
    parser.add_argument(
        "--low-bandwidth", action="store_true",
        help="no animations, no cursor blink: for slow SSH links",
    )
    parser.add_argument(
        "--citation-style", choices=STYLES, default=DEFAULT_STYLE, metavar="STYLE",
        help=f"how y in the reader cites a quote: {', '.join(STYLES)} (default: plain)",
    )
    # Set by `pressroom serve --ssh` for its sessions: archive read-only, nothing that
    # could reach outside the app. Not for people to type.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    items.register(sub, common)
    quote.register(sub, common)
    person.register(sub, common)
    bookmarks.register(sub, common)
    serve.register(sub, common)
    web.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from store.errors import PressroomError

    try:
        if args.command is None:
            from tui.launch import run_app

            return run_app(args)
        return int(args.run(args) or 0)
    except PressroomError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `pressroom list | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
