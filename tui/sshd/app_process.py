"""One served app: a `pressroom` process of its own, in a PTY of its own.

A process per session keeps sessions apart: one app crashing, hanging or using a lot of
memory never touches another, and no two share an event loop. The server only moves bytes
between the SSH channel and the PTY's master side.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import signal
import struct
import termios
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from tui.sshd.app_forks import Fork

log = logging.getLogger("pressroom.sshd")

READ_SIZE = 65536
INPUT_HIGH_WATER = 256 * 1024
"""Bytes of client input waiting for the app beyond which the channel stops reading."""


class Child(Protocol):
    """A session's process, started either way: its pid, and its exit status when it ends
    (negative for a signal, as `asyncio`'s returncode)."""

    @property
    def pid(self) -> int: ...

    async def wait(self) -> int: ...


def _take_terminal() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """Make the PTY (already fd 0 after `setsid`) the child's controlling terminal, so the
    kernel delivers SIGWINCH and SIGHUP to the app as it would under sshd."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _set_size(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


class AppProcess:
    """A child process on a fresh PTY, fed and drained without blocking the event loop.

    `on_output` gets what the app writes (to fds 1 and 2 alike: the PTY is all three);
    `on_exit` gets the exit status once the app is gone and its output fully delivered.
    """

    def __init__(
        self,
        on_output: Callable[[bytes], None],
        on_exit: Callable[[int], None],
        on_input_backlog: Callable[[bool], None] | None = None,
    ) -> None:
        self._on_output = on_output
        self._on_exit = on_exit
        self._on_input_backlog = on_input_backlog or (lambda full: None)
        self._process: Child | None = None
        self._master = -1
        self._reading = False
        self._pending = bytearray()
        self._writing = False
        self._ended = False
        self._loop = asyncio.get_running_loop()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    async def start(
        self,
        command: Sequence[str],
        env: Mapping[str, str],
        cwd: Path,
        columns: int,
        rows: int,
        fork: Fork | None = None,
    ) -> None:
        """Start the app on a new PTY: forked as `fork` says when the fork server can,
        else as a fresh process running `command` (the same app, started the slow way)."""
        master, slave = os.openpty()
        try:
            _set_size(master, columns, rows)
            if fork is not None:
                try:
                    self._process = await fork.server.spawn(fork.argv, env, cwd, slave)
                except OSError as error:
                    log.info("a session starts as a fresh process: %s", error)
            if self._process is None:
                self._process = await asyncio.create_subprocess_exec(
                    *command,
                    stdin=slave,
                    stdout=slave,
                    stderr=slave,
                    env=dict(env),
                    cwd=cwd,
                    start_new_session=True,
                    preexec_fn=_take_terminal,
                    close_fds=True,
                )
        except BaseException:
            os.close(master)
            raise
        finally:
            # Only the child may hold the slave: once it exits, reads on the master end (EIO)
            # and we know the app is done.
            os.close(slave)
        self._master = master
        os.set_blocking(master, False)
        self.resume_output()

    # --- output: app -> client ------------------------------------------------------------

    def pause_output(self) -> None:
        """The client is not keeping up: stop reading, so the app blocks on its writes
        instead of the server buffering without limit."""
        if self._reading:
            self._loop.remove_reader(self._master)
            self._reading = False

    def resume_output(self) -> None:
        if not self._reading and not self._ended and self._master >= 0:
            self._loop.add_reader(self._master, self._read)
            self._reading = True

    def _read(self) -> None:
        try:
            data = os.read(self._master, READ_SIZE)
        except BlockingIOError:
            return
        except OSError:  # EIO: every copy of the slave is closed, the app has gone
            data = b""
        if data:
            self._on_output(data)
            return
        self.pause_output()
        self._ended = True
        self._loop.create_task(self._report_exit())

    async def _report_exit(self) -> None:
        assert self._process is not None
        status = await self._process.wait()
        self._close_master()
        self._on_exit(status)

    # --- input: client -> app -------------------------------------------------------------

    def write(self, data: bytes) -> None:
        if self._master < 0 or self._ended:
            return
        self._pending += data
        self._flush()

    def _flush(self) -> None:
        try:
            while self._pending:
                written = os.write(self._master, self._pending)
                del self._pending[:written]
        except BlockingIOError:
            pass
        except OSError:
            self._pending.clear()
        if self._pending and not self._writing:
            self._loop.add_writer(self._master, self._flush)
            self._writing = True
        elif not self._pending and self._writing:
            self._loop.remove_writer(self._master)
            self._writing = False
        self._on_input_backlog(len(self._pending) > INPUT_HIGH_WATER)

    # --- control --------------------------------------------------------------------------

    def resize(self, columns: int, rows: int) -> None:
        if self._master < 0 or self._process is None:
            return
        with contextlib.suppress(OSError):
            _set_size(self._master, columns, rows)
        # The kernel signals the terminal's foreground group already; the explicit signal
        # covers platforms that do not, and Textual coalesces the two.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, signal.SIGWINCH)

    async def stop(self, grace: float) -> int | None:
        """End the app and everything it started: SIGHUP, then SIGKILL after `grace` seconds.

        The whole process group goes, as on a real hangup: a Textual app left on a PTY
        nobody reads spins at ~70% CPU until killed.
        """
        process = self._process
        if process is None:
            self._close_master()
            return None
        group = process.pid
        self._signal_group(group, signal.SIGHUP)
        try:
            status = await asyncio.wait_for(asyncio.shield(process.wait()), grace)
        except TimeoutError:
            self._signal_group(group, signal.SIGKILL)
            status = await process.wait()
        # Anything the app left behind in its group (a pager, a helper) goes as well.
        self._signal_group(group, signal.SIGKILL)
        self._ended = True
        self.pause_output()
        self._close_master()
        return status

    @staticmethod
    def _signal_group(group: int, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signum)

    def _close_master(self) -> None:
        if self._master < 0:
            return
        self.pause_output()
        if self._writing:
            self._loop.remove_writer(self._master)
            self._writing = False
        os.close(self._master)
        self._master = -1
