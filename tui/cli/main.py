"""The `pressroom` command: opens the app, or runs a subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any, NoReturn

from store.bookmarks.citation import STYLES
from store.text.printable import printable
from tui.cli import bookmarks, items, person, quote, serve, watch, web
from tui.cli.common import EXIT_ERROR, common_options, fail


class PressroomParser(argparse.ArgumentParser):
    """argparse with pressroom's errors: one line and a hint, exit 2, never the usage block.

    `add_subparsers` makes every subcommand's parser one of these too (argparse uses the
    parent's class), so `pressroom search --frobnicate` says `try pressroom search --help`.

    With `query_words=True` (`search`, `people`), every word that is not one of the
    subcommand's options is a word of the query, wherever it stands, even one that begins
    with `-`: `pressroom search minsk -videoconference --limit 5`. A word beginning with
    `--` is still taken as an option (so a typo is reported, not searched for); after a
    bare `--` everything is query.
    """

    def __init__(self, *args: Any, query_words: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.query_words = query_words

    def parse_known_args(  # type: ignore[override]  # one signature for typeshed's overloads
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.query_words:
            args = self._options_then_words(sys.argv[1:] if args is None else list(args))
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            # here, not in the parent: its hint would name the top-level --help
            self.error(_unexpected(extras))
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"pressroom: {printable(message)}; try {self.prog} --help\n")

    def _options_then_words(self, args: list[str]) -> list[str]:
        """`args` reordered as options, `--`, query words: argparse then takes every word
        as a positional, `-videoconference` included."""
        options: list[str] = []
        words: list[str] = []
        rest = iter(args)
        for arg in rest:
            if arg == "--":
                words.extend(rest)
                break
            action = self._option_action(arg)
            if action is None and not arg.startswith("--"):
                words.append(arg)
                continue
            options.append(arg)
            if action is not None and action.nargs != 0 and "=" not in arg:
                value = next(rest, None)  # its value, even one that begins with -
                if value is not None:
                    options.append(value)
        return [*options, "--", *words]

    def _option_action(self, arg: str) -> argparse.Action | None:
        """The option `arg` names: exactly, as `--opt=value`, or as a unique prefix of a long
        option (argparse's abbreviations); None for anything else."""
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg
        actions = {s: a for a in self._actions for s in a.option_strings}
        if name in actions:
            return actions[name]
        if name.startswith("--") and len(name) > 2:
            found = {id(a): a for s, a in actions.items() if s.startswith(name)}
            if len(found) == 1:
                return next(iter(found.values()))
        return None


def _unexpected(extras: list[str]) -> str:
    options = [e for e in extras if e.startswith("-")]
    if options:
        return f"unknown option{'s' if len(options) > 1 else ''} {' '.join(options)}"
    return f"unexpected argument{'s' if len(extras) > 1 else ''} {' '.join(extras)}"


def package_version() -> str:
    try:
        return version("pressroom")
    except PackageNotFoundError:  # running from a checkout without an install
        return "0+checkout"


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = PressroomParser(
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
        "--citation-style", choices=STYLES, default=None, metavar="STYLE",
        help=f"how y in the reader cites a quote: {', '.join(STYLES)} "
        "(default: citation_style in config.toml, else plain)",
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
    watch.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from store.errors import PressroomError

    try:
        if args.command is None:
            from tui.cli.launch import run_app

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
