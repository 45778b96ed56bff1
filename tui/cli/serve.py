"""`pressroom serve --ssh`: host the archive once; colleagues `ssh -p 2222 host` to browse it."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path

from store.paths import data_dir
from tui.cli.common import archive_path, fail, open_archive, say_index_notice
from tui.sshd import config as defaults
from tui.sshd.startups import MaxStartups


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0: {text!r}")
        return value

    return parse


def _max_startups(text: str) -> MaxStartups:
    try:
        return MaxStartups.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve", parents=[common], help="serve the archive over SSH (serve --ssh)",
        description="Run an SSH server that gives every connection its own pressroom app, "
        "read-only, with bookmarks kept per client key. Public-key logins only: list the "
        "keys in --authorized-keys, or accept any key with --open. Each key's bookmarks live "
        "in a folder of its own inside --bookmarks FOLDER (default: ssh-users in the data "
        "folder). Logs one line per connect, disconnect and refusal on stderr; SIGTERM ends "
        "every session and exits.",
    )
    p.add_argument("--ssh", action="store_true", help="serve over SSH (required)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)")
    p.add_argument("--port", type=int, default=defaults.DEFAULT_PORT,
                   help=f"port to listen on (default: {defaults.DEFAULT_PORT})")
    p.add_argument("--host-key", type=Path, metavar="FILE",
                   help="the server's private key (default: generated on first run and "
                   "kept in the data folder)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--authorized-keys", type=Path, metavar="FILE",
                     help="OpenSSH authorized_keys file of the keys that may connect "
                     "(re-read when it changes)")
    who.add_argument("--open", action="store_true",
                     help="accept any public key; each key gets its own bookmarks")
    p.add_argument("--max-sessions", type=_positive(int), default=defaults.DEFAULT_MAX_SESSIONS,
                   metavar="N", help=f"sessions at once (default: {defaults.DEFAULT_MAX_SESSIONS})")
    p.add_argument("--per-address", type=_positive(int), default=defaults.DEFAULT_PER_ADDRESS,
                   metavar="N", help="sessions at once from one client address "
                   f"(default: {defaults.DEFAULT_PER_ADDRESS})")
    p.add_argument("--no-fork", action="store_true",
                   help="start each session as a fresh interpreter instead of forking it "
                   "from one that has imported the app (slower start, ~20 MB more each)")
    p.add_argument("--idle-timeout", type=_positive(float),
                   default=defaults.DEFAULT_IDLE_TIMEOUT, metavar="SECONDS",
                   help="close a session after this long without input (default: 1800)")
    p.add_argument("--login-timeout", type=_positive(float),
                   default=defaults.DEFAULT_LOGIN_TIMEOUT, metavar="SECONDS",
                   help="time a client has to log in "
                   f"(default: {defaults.DEFAULT_LOGIN_TIMEOUT:g})")
    p.add_argument("--max-startups", type=_max_startups, default=MaxStartups(),
                   metavar="START:RATE:FULL",
                   help="connections logging in at once, as OpenSSH's MaxStartups: from "
                   "START on, a new one is refused with RATE%% chance, rising to 100%% at "
                   f"FULL; one number N refuses from N on (default: {MaxStartups()})")
    p.add_argument("--per-address-startups", type=_positive(int),
                   default=defaults.DEFAULT_PER_ADDRESS_STARTUPS, metavar="N",
                   help="connections logging in at once from one client address "
                   f"(default: {defaults.DEFAULT_PER_ADDRESS_STARTUPS})")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.ssh:
        return fail("serve: say how to serve: pressroom serve --ssh")
    if args.authorized_keys is None and not args.open:
        return fail("serve: say who may connect: --authorized-keys FILE, or --open for any key")
    if not 0 < args.port < 65536:
        return fail(f"serve: --port {args.port} is not a TCP port (1-65535)")
    users = getattr(args, "bookmarks", None)
    if users is not None and users.exists() and not users.is_dir():
        return fail(f"serve: --bookmarks {users} is a file; serve keeps one bookmarks file "
                    "per key, so give it a folder")
    if users is not None:
        try:
            users.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            return fail(f"serve: cannot use --bookmarks {users}: {error.strerror or error}")
    # Open the archive once, first: a mistyped --archive is one line before anything is
    # created (host key, data folder); a first run imports the sample before anyone
    # connects, an older layout is upgraded, and every session then opens the same file
    # read-only. So is its index file (written here when missing and this user may):
    # sessions map it, one copy of the index for the host.
    with open_archive(args, readonly=True, upgrade=True) as opened:
        say_index_notice(opened)
    from tui.sshd.config import ServeConfig
    from tui.sshd.server import configure_logging, prepare, serve

    config = ServeConfig(
        archive=archive_path(args).resolve(),
        data_dir=data_dir(),
        host=args.host,
        port=args.port,
        host_key=args.host_key,
        authorized_keys=args.authorized_keys,
        open_access=args.open,
        max_sessions=args.max_sessions,
        per_address=args.per_address,
        idle_timeout=args.idle_timeout,
        login_timeout=args.login_timeout,
        max_startups=args.max_startups,
        per_address_startups=args.per_address_startups,
        users_folder=users.resolve() if users is not None else None,
        fork_sessions=not args.no_fork,
    )
    keys = prepare(config)  # a bad key file is one line before the server starts
    configure_logging()
    return asyncio.run(serve(config, *keys))
