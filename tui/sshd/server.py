"""The SSH server: public-key logins, one app session per channel, a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path

import asyncssh

from store.errors import PressroomError
from store.text.printable import printable
from tui.sshd.app_forks import Fork, ForkServer, fork_server_command
from tui.sshd.channel import AppChannel
from tui.sshd.config import ServeConfig
from tui.sshd.environment import session_environment
from tui.sshd.forwarding import RefusesForwarding
from tui.sshd.identity import Identity
from tui.sshd.keys import AuthorizedKeys, load_host_key
from tui.sshd.limits import SessionLimits
from tui.sshd.log_format import PrintableFormatter
from tui.sshd.startups import Startups

log = logging.getLogger("pressroom.sshd")

KEEPALIVE_INTERVAL = 30
"""Seconds between keepalives, so a client that vanished without closing (a laptop lid,
a dropped Wi-Fi) is noticed within about a minute and a half and its app ended."""
KEEPALIVE_COUNT_MAX = 3
REFUSAL_GRACE = 5.0
"""Seconds a connection refused before login is kept open for its client to ask to log in
and be told why (a real client asks within a round trip or three; a flood's idle sockets
never ask, and go after this)."""
HELD_REFUSALS = 100
"""Refused connections kept open at once for that. Beyond, the reason is sent right after
the banner and the socket closed at once, so a flood cannot run the server out of files."""
MAX_LOGGED_KEYS = 8
"""Offered keys named in a refusal's log line; a client may offer any number."""
NO_SESSION = "logged in but asked for no session; connect with ssh -t"


class ServeError(PressroomError):
    """The server cannot start (address in use, no permission for the port)."""


def _printable(text: str, limit: int = 64, *, spaces: bool = False) -> str:
    """A client-chosen string made safe for one log line (and one field, without spaces)."""
    clean = printable(text)
    if not spaces:
        clean = "".join("?" if c.isspace() else c for c in clean)
    return clean[:limit] or "-"


class Connection(RefusesForwarding):
    """One client connection: who it is (after public-key auth) and where it comes from."""

    def __init__(self, service: Service) -> None:
        self._service = service
        self._conn: asyncssh.SSHServerConnection | None = None
        self.address = "?"
        self.port = 0
        self.username = ""
        self.identity: Identity | None = None
        self._accepted: asyncssh.SSHKey | None = None
        self._offered: list[str] = []
        """Fingerprints of the keys the client offered, for the refusal's log line."""
        self._logging_in = False
        self._refusal: str | None = None
        self._held = False
        self._deadline: asyncio.TimerHandle | None = None
        self._closed_because: str | None = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self._conn = conn
        peer = conn.get_extra_info("peername") or ("?", 0)
        self.address, self.port = str(peer[0]), int(peer[1])
        self._service.connections.add(conn)
        refusal = self._service.startups.begin(self.address)
        if refusal is None:
            self._logging_in = True
            self._disconnect_after(self._service.config.login_timeout, _login_time_over(
                self._service.config.login_timeout), asyncssh.DISC_BY_APPLICATION)
            return
        log.warning("refused %s:%d before login: %s", self.address, self.port, refusal)
        # asyncssh sends the version banner once this method returns, so even the quickest
        # refusal below comes after it. The reason goes out when the client asks to log in
        # (begin_auth): it then waits for an answer, has nothing unsent, and reads the
        # disconnect; closing earlier would reset the connection under the client's
        # key-exchange packets, and it would print "Broken pipe" instead of the reason.
        self._refusal = refusal
        self._held = self._service.hold_refusal()
        self._disconnect_after(REFUSAL_GRACE if self._held else 0.0, refusal,
                               asyncssh.DISC_TOO_MANY_CONNECTIONS)

    def _disconnect_after(self, delay: float, reason: str, code: int) -> None:
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(delay, self._disconnect, reason, code)

    def _disconnect(self, reason: str, code: int) -> None:
        self._deadline = None
        self._closed_because = reason
        if self._conn is not None:
            if self.identity is not None:
                log.info("closing %s: %s", self.describe(), reason)
            self._conn.disconnect(code, reason)

    def begin_auth(self, username: str) -> bool:
        self.username = username
        if self._refusal is not None:
            raise asyncssh.DisconnectError(asyncssh.DISC_TOO_MANY_CONNECTIONS, self._refusal)
        if self._service.authorized is not None:
            self._service.authorized.refresh()
        return True  # every user must authenticate, with a key

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        fingerprint = key.get_fingerprint("sha256")
        if fingerprint not in self._offered and len(self._offered) < MAX_LOGGED_KEYS:
            self._offered.append(fingerprint)
        authorized = self._service.authorized
        accepted = authorized is None or authorized.accepts(key, self.address, self.address)
        if accepted:
            # asyncssh checks the signature right after this call and, if it is good, calls
            # auth_completed without yielding in between: the last key accepted here is the
            # key the client proved it holds.
            self._accepted = key
        return accepted

    def auth_completed(self) -> None:
        assert self._accepted is not None
        self.identity = Identity.from_key(self.username, self._accepted)
        self._end_login()
        # A logged-in connection that never asks for the app would hold its socket forever
        # (with --open, anybody can log in); it gets as long as a login to ask.
        self._disconnect_after(self._service.config.login_timeout, NO_SESSION,
                               asyncssh.DISC_BY_APPLICATION)

    def session_requested(self) -> tuple[asyncssh.SSHServerChannel, AppChannel]:
        self._cancel_deadline()
        assert self._conn is not None
        return self.session_channel(self._conn), AppChannel(self._service, self)

    @property
    def forced_command(self) -> str | None:
        if self._conn is None:
            return None
        command = self._conn.get_key_option("command")
        return command if isinstance(command, str) else None

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        if self._held:
            self._held = False
            self._service.release_refusal()
        if self._logging_in:
            self._end_login()
            offered = ",".join(self._offered) or "none"
            why = self._closed_because or (
                _printable(str(exc), 80, spaces=True) if exc else "no accepted key")
            log.info("refused %s: not logged in (%s) offered=%s", self.describe(), why, offered)
        if self._conn is not None:
            self._service.connections.discard(self._conn)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _end_login(self) -> None:
        if self._logging_in:
            self._logging_in = False
            self._cancel_deadline()
            self._service.startups.end(self.address)

    def describe(self) -> str:
        key = self.identity.fingerprint if self.identity else "-"
        return f"{self.address}:{self.port} user={_printable(self.username)} key={key}"


def _login_time_over(seconds: float) -> str:
    return f"not logged in within {seconds:g} seconds; connect again"


class Service:
    """The listening server, its limits, and every live session (to end them on stop)."""

    def __init__(self, config: ServeConfig, authorized: AuthorizedKeys | None,
                 host_key: asyncssh.SSHKey) -> None:
        self.config = config
        self.authorized = None if config.open_access else authorized
        self.host_key = host_key
        self.limits = SessionLimits(config.max_sessions, config.per_address)
        self.startups = Startups(config.max_startups, config.per_address_startups)
        self._held_refusals = 0
        self.connections: set[asyncssh.SSHServerConnection] = set()
        self.channels: set[AppChannel] = set()
        self.app_environment = {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        """The app must import the same `tui` and `store` as the server, also from a checkout."""
        self.forks: ForkServer | None = None
        """Starts sessions by forking a process that imported the app already (config's
        `fork_sessions`, the default; never with a test's `app_command`)."""
        if config.fork_sessions and config.app_command is None:
            self.forks = ForkServer(
                fork_server_command(),
                session_environment({}, "dumb", config.data_dir, self.app_environment),
                config.data_dir)
        self._acceptor: asyncssh.SSHAcceptor | None = None

    def app_arguments(self, bookmarks: Path) -> list[str]:
        """The `pressroom` command line of a session with these bookmarks."""
        return ["--served", "--archive", str(self.config.archive), "--bookmarks", str(bookmarks)]

    def app_command(self, bookmarks: Path) -> list[str]:
        if self.config.app_command is not None:
            return [*self.config.app_command, str(bookmarks)]
        # -P: the session's working directory is the user's folder; nothing in it may shadow
        # the `tui` package the server means to run.
        return [sys.executable, "-P", "-m", "tui", *self.app_arguments(bookmarks)]

    def app_fork(self, bookmarks: Path) -> Fork | None:
        """How to fork the session instead, when sessions are forked."""
        if self.forks is None:
            return None
        return Fork(self.forks, ["pressroom", *self.app_arguments(bookmarks)])

    def hold_refusal(self) -> bool:
        """Whether one more refused connection may stay open until its client reads why."""
        if self._held_refusals >= HELD_REFUSALS:
            return False
        self._held_refusals += 1
        return True

    def release_refusal(self) -> None:
        self._held_refusals -= 1

    def track(self, channel: AppChannel) -> None:
        self.channels.add(channel)

    def untrack(self, channel: AppChannel) -> None:
        self.channels.discard(channel)

    @property
    def port(self) -> int:
        assert self._acceptor is not None
        return self._acceptor.get_port()

    async def start(self) -> None:
        config = self.config
        try:
            self._acceptor = await asyncssh.create_server(
                lambda: Connection(self), config.host, config.port,
                server_host_keys=[self.host_key],
                login_timeout=None,  # Connection's own deadline, which says why it closes
                keepalive_interval=KEEPALIVE_INTERVAL,
                keepalive_count_max=KEEPALIVE_COUNT_MAX,
                password_auth=False, kbdint_auth=False, host_based_auth=False, gss_host=None,
                agent_forwarding=False, x11_forwarding=False, allow_scp=False,
                allow_pty=True, line_editor=False, encoding=None,
            )
        except OSError as error:
            raise ServeError(
                f"cannot listen on {config.host}:{config.port}: {error.strerror or error}"
            ) from None
        if self.forks is not None:
            await self.forks.start()
        log.info("serving %s on %s:%d (host key %s, %s)", config.archive, config.host, self.port,
                 self.host_key.get_fingerprint(),
                 "any key" if self.authorized is None
                 else f"{self.authorized.count} authorized keys")

    async def stop(self, message: str = "the server is shutting down") -> None:
        """Stop listening, end every session with a line to its user, close connections."""
        if self._acceptor is not None:
            self._acceptor.close()
        await asyncio.gather(*(channel.close(message, reason="server stopping")
                               for channel in list(self.channels)))
        for conn in list(self.connections):
            conn.close()
        for conn in list(self.connections):
            await conn.wait_closed()
        if self._acceptor is not None:
            await self._acceptor.wait_closed()
        if self.forks is not None:
            await self.forks.stop()


def configure_logging() -> None:
    """One line per event on stderr; asyncssh's own chatter only when it matters."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("%(asctime)s pressroom-sshd %(message)s",
                                            "%Y-%m-%d %H:%M:%S"))
    logger = logging.getLogger("pressroom.sshd")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logging.getLogger("asyncssh").setLevel(logging.WARNING)


def prepare(config: ServeConfig) -> tuple[AuthorizedKeys | None, asyncssh.SSHKey]:
    """Read the keys before listening, so a bad file is one line and exit 2, not a server
    that refuses everybody."""
    authorized = None
    if not config.open_access:
        assert config.authorized_keys is not None
        authorized = AuthorizedKeys.load(config.authorized_keys)
    host_key = load_host_key(config.host_key_path, create=config.host_key is None)
    return authorized, host_key


async def serve(config: ServeConfig, authorized: AuthorizedKeys | None,
                host_key: asyncssh.SSHKey) -> int:
    """Run until SIGTERM or SIGINT, then end every session and return 0."""
    service = Service(config, authorized, host_key)
    await service.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        log.info("stopping: ending %d sessions", len(service.channels))
        await service.stop()
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            loop.remove_signal_handler(signum)
    log.info("stopped")
    return 0
