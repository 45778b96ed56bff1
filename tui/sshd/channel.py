"""One SSH session channel: checks what the client asked for, then runs the app for it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path
from typing import Protocol

import asyncssh

from store.text.printable import printable
from tui.sshd.app_forks import Fork
from tui.sshd.app_process import AppProcess
from tui.sshd.config import ServeConfig
from tui.sshd.environment import session_environment, terminal_type
from tui.sshd.identity import Identity
from tui.sshd.limits import SessionLimits

log = logging.getLogger("pressroom.sshd")

ONLY_INTERACTIVE = "this server only offers the interactive app; connect with ssh -t"
EXIT_REFUSED = 1
DEFAULT_SIZE = (80, 24)
MAX_SIDE = 1000

RESTORE_TERMINAL = (
    b"\x1b[0m\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?1004l"
    b"\x1b[?2004l\x1b[<u\x1b[?25h\x1b[?1049l\r\n"
)
"""Leave the alternate screen and turn off mouse, paste and keyboard modes. Sent when the
server ends a session the client is still watching (idle, shutdown): a killed app cannot
restore the terminal itself, and the user's shell would be left unusable."""


def _quoted(text: str, limit: int = 80) -> str:
    """What the client asked to run, safe and short enough for the log line of its refusal."""
    clean = printable(text)
    return repr(clean if len(clean) <= limit else clean[:limit] + "...")


def _side(value: int, default: int) -> int:
    return min(value, MAX_SIDE) if value > 0 else default


class Sessions(Protocol):
    """What a channel needs of the server (`server.Service`): its limits and settings, how to
    start the app, and a register of live sessions to end on stop."""

    config: ServeConfig
    limits: SessionLimits
    app_environment: dict[str, str]

    def app_command(self, bookmarks: Path) -> list[str]: ...

    def app_fork(self, bookmarks: Path) -> Fork | None: ...

    def track(self, channel: AppChannel) -> None: ...

    def untrack(self, channel: AppChannel) -> None: ...


class Client(Protocol):
    """What a channel needs of its connection (`server.Connection`): who is logged in, from
    where, and the command their key forces, if any."""

    address: str
    identity: Identity | None

    @property
    def forced_command(self) -> str | None: ...

    def describe(self) -> str: ...


class AppChannel(asyncssh.SSHServerSession):
    """Accepts only a shell request with a PTY; everything else gets one polite line."""

    def __init__(self, service: Sessions, connection: Client) -> None:
        self._service = service
        self._connection = connection
        self._chan: asyncssh.SSHServerChannel | None = None
        self._term: str | None = None
        self._size = DEFAULT_SIZE
        self._refusal: str | None = None
        self._app: AppProcess | None = None
        self._admitted = False
        self._started = 0.0
        self._last_input = time.monotonic()
        self._idle_timer: asyncio.TimerHandle | None = None
        self._closing = False
        self._exit_status: int | None = None
        """The app's own exit status; None while it runs, or when the client dropped."""
        self._ended = asyncio.Event()

    @property
    def app_pid(self) -> int | None:
        """The app's process id while it runs (for the log and for tests)."""
        return self._app.pid if self._app is not None else None

    # --- what the client asks for ---------------------------------------------------------

    def connection_made(self, chan: asyncssh.SSHServerChannel) -> None:
        self._chan = chan

    def pty_requested(self, term_type: str, term_size: tuple[int, int, int, int],
                      term_modes: object) -> bool:
        self._term = terminal_type(term_type)
        self._size = (_side(term_size[0], DEFAULT_SIZE[0]), _side(term_size[1], DEFAULT_SIZE[1]))
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        # An authorized_keys `command=` turns every login into an exec of that command; the
        # server never runs it, so such a key still gets the app (with a PTY) like a shell.
        if command != self._connection.forced_command:
            self._refusal = f"command {_quoted(command)}"
        return True

    def subsystem_requested(self, subsystem: str) -> bool:
        self._refusal = f"subsystem {_quoted(subsystem)}"
        return True

    def session_started(self) -> None:
        self._service.track(self)
        asyncio.get_running_loop().create_task(self._begin())

    # --- running the app ------------------------------------------------------------------

    async def _begin(self) -> None:
        reason = self._refusal or (None if self._term else "no PTY")
        if reason:
            self._refuse(ONLY_INTERACTIVE, reason)
            return
        address = self._connection.address
        full = self._service.limits.admit(address)
        if full:
            self._refuse(full, "limit")
            return
        self._admitted = True
        identity = self._connection.identity
        assert identity is not None and self._term is not None
        config = self._service.config
        home = identity.home(config.users_dir)
        assert self._chan is not None
        env = session_environment(self._chan.get_environment(), self._term, home,
                                  self._service.app_environment)
        bookmarks = identity.bookmarks_path(config.users_dir)
        command = self._service.app_command(bookmarks)
        self._app = AppProcess(self._output, self._app_exited, self._input_backlog)
        try:
            await self._app.start(command, env, home, *self._size,
                                  fork=self._service.app_fork(bookmarks))
        except OSError as error:
            log.error("cannot start the app for %s: %s", self._who(), error)
            self._app = None
            self._end(b"pressroom: the app could not start; please tell the administrator\r\n",
                      EXIT_REFUSED)
            return
        if self._closing:  # the client left while the app was starting
            await self._app.stop(config.kill_grace)
            return
        self._started = time.monotonic()
        log.info("connect %s term=%s size=%dx%d", self._who(), self._term, *self._size)
        self._arm_idle_timer(config.idle_timeout)

    def _refuse(self, message: str, reason: str) -> None:
        log.info("refused %s: %s", self._who(), reason)
        self._end(f"pressroom: {message}\r\n".encode(), EXIT_REFUSED)

    def _end(self, line: bytes, status: int) -> None:
        """Tell the client why, on stderr (stdout may be a protocol, as for sftp), and close."""
        if self._chan is None or self._closing:
            return
        self._closing = True
        with contextlib.suppress(OSError, asyncssh.Error):
            self._chan.write_stderr(line)
            self._chan.exit(status)
        self._exit_status = status

    def _output(self, data: bytes) -> None:
        if self._chan is not None and not self._closing:
            self._chan.write(data)

    def _app_exited(self, status: int) -> None:
        if self._chan is None or self._closing:
            return
        self._closing = True
        # A signal death (negative) is reported the way shells do: 128 + the signal number.
        self._exit_status = status if status >= 0 else 128 - status
        with contextlib.suppress(OSError, asyncssh.Error):
            self._chan.exit(self._exit_status)

    def _input_backlog(self, full: bool) -> None:
        if self._chan is None:
            return
        if full:
            self._chan.pause_reading()
        else:
            self._chan.resume_reading()

    # --- the client's side ----------------------------------------------------------------

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self._last_input = time.monotonic()
        if self._app is not None:
            self._app.write(data)

    def eof_received(self) -> bool:
        # Keep the channel open: OpenSSH sends EOF at once when its stdin is /dev/null, and
        # closing here would drop the refusal line and exit status before they are sent. A
        # running app without input ends when the user disconnects or the idle timeout hits.
        return True

    def terminal_size_changed(self, width: int, height: int, pixwidth: int,
                              pixheight: int) -> None:
        self._size = (_side(width, self._size[0]), _side(height, self._size[1]))
        if self._app is not None:
            self._app.resize(*self._size)

    def pause_writing(self) -> None:
        if self._app is not None:
            self._app.pause_output()

    def resume_writing(self) -> None:
        if self._app is not None:
            self._app.resume_output()

    def break_received(self, msec: int) -> bool:
        return False

    def signal_received(self, signal: str) -> None:
        """Clients may not signal the app: it is ended only by quitting or leaving."""

    def connection_lost(self, exc: Exception | None) -> None:
        self._closing = True
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        asyncio.get_running_loop().create_task(self._finish())

    async def _finish(self) -> None:
        if self._app is not None:
            await self._app.stop(self._service.config.kill_grace)
        if self._admitted:
            self._service.limits.release(self._connection.address)
            duration = time.monotonic() - self._started if self._started else 0.0
            log.info("disconnect %s term=%s size=%dx%d duration=%.1fs status=%s",
                     self._who(), self._term, *self._size, duration,
                     "dropped" if self._exit_status is None else self._exit_status)
        self._service.untrack(self)
        self._ended.set()

    # --- ending from the server's side ----------------------------------------------------

    def _arm_idle_timer(self, delay: float) -> None:
        loop = asyncio.get_running_loop()
        self._idle_timer = loop.call_later(max(delay, 0.05), self._check_idle)

    def _check_idle(self) -> None:
        limit = self._service.config.idle_timeout
        quiet = time.monotonic() - self._last_input
        if quiet < limit:
            self._arm_idle_timer(limit - quiet)
            return
        minutes = limit / 60
        span = f"{minutes:g} minutes" if minutes >= 1 else f"{limit:g} seconds"
        asyncio.get_running_loop().create_task(
            self.close(f"closed after {span} without input", reason="idle")
        )

    async def close(self, message: str, *, reason: str) -> None:
        """End the app, put the client's terminal back, tell the user why, close."""
        if self._closing:
            await self._ended.wait()
            return
        self._closing = True
        log.info("closing %s: %s", self._who(), reason)
        if self._app is not None:
            await self._app.stop(self._service.config.kill_grace)
        self._exit_status = EXIT_REFUSED
        if self._chan is not None:
            with contextlib.suppress(OSError, asyncssh.Error):
                self._chan.write(RESTORE_TERMINAL)
                self._chan.write_stderr(f"pressroom: {message}\r\n".encode())
                self._chan.exit(EXIT_REFUSED)
        await self._ended.wait()

    def _who(self) -> str:
        return self._connection.describe()

