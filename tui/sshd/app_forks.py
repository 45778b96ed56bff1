"""Served sessions forked from one process that has imported the app already.

The server's side of `tui.cli.forkserver` (its docstring says why: a third of a session's
private memory, and of its start, is importing). The fork server is started as a fresh
interpreter with the environment sessions get (`tui.sshd.environment`) and nothing of the
server's, so it holds neither the host key nor anything of a user; sessions are its
children, and this module learns their pids and exit statuses over the socket.

Whenever the fork server cannot start a session (it is still importing and fails, has
died, or answers with an error), `AppProcess` starts that session as before, as a
fresh interpreter: a session may start slower, never not at all. A dead fork server is
started again for a later session, at most once every `RESTART_AFTER` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("pressroom.sshd")

CONTROL_FD = 3
"""Where the fork server finds its end of the socket (`tui.cli.forkserver.CONTROL_FD`)."""
MESSAGE_LIMIT = 1 << 16
"""The longest request the fork server reads (`tui.cli.forkserver.MESSAGE_LIMIT`): a
session whose request is longer (a client sending many LC_* variables) starts the slow
way instead."""
RESTART_AFTER = 30.0
"""Seconds after the fork server was (re)started before a dead one is started again: one
that dies at once (a broken install) is not restarted for every login."""
STATUS_UNKNOWN = 255
"""A session's exit status when the fork server died before reporting it."""


@dataclass(frozen=True)
class Fork:
    """How a session is forked: by which fork server, with which `pressroom` command line
    (argv[0] names the program, as in `sys.argv`)."""

    server: ForkServer
    argv: list[str]


class ForkedApp:
    """A session the fork server started: its pid, and its exit status once it ends."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._status: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def ended(self, status: int) -> None:
        if not self._status.done():
            self._status.set_result(status)

    async def wait(self) -> int:
        return await asyncio.shield(self._status)


class ForkServer:
    """The fork server process and the socket to it."""

    def __init__(self, command: Sequence[str], env: Mapping[str, str], cwd: Path) -> None:
        self._command = list(command)
        self._env = dict(env)
        self._cwd = cwd
        self._process: asyncio.subprocess.Process | None = None
        self._socket: socket.socket | None = None
        self._waiting: deque[asyncio.Future[int]] = deque()
        self._apps: dict[int, ForkedApp] = {}
        self._started_at = -RESTART_AFTER
        self.ready = asyncio.Event()
        """Set once the app is imported and sessions start by forking."""

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._socket is not None

    async def start(self) -> None:
        """Start the fork server (it imports the app in the background); never raises."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._started_at = time.monotonic()
        try:
            self._process = await asyncio.create_subprocess_exec(
                *self._command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                env=self._env, cwd=self._cwd, pass_fds=(CONTROL_FD,),
                preexec_fn=lambda: _as_control_fd(theirs.fileno()),
                start_new_session=True)
        except OSError as error:
            ours.close()
            log.warning("sessions start as fresh processes: no fork server (%s)", error)
            return
        finally:
            theirs.close()
        ours.setblocking(False)
        self._socket = ours
        asyncio.get_running_loop().add_reader(ours, self._receive)

    async def spawn(self, argv: Sequence[str], env: Mapping[str, str], cwd: Path,
                    terminal: int) -> ForkedApp:
        """A session forked on `terminal` (a PTY's slave side; the caller keeps and closes
        its own copy). OSError when the fork server cannot start it."""
        if self._socket is None and time.monotonic() - self._started_at >= RESTART_AFTER:
            await self.start()
        if self._socket is None:
            raise OSError("the fork server is not running")
        message = json.dumps({"argv": list(argv), "env": dict(env), "cwd": str(cwd)}).encode()
        if len(message) > MESSAGE_LIMIT:
            raise OSError(f"a request of {len(message)} bytes is over the fork server's limit")
        answer = asyncio.get_running_loop().create_future()
        self._waiting.append(answer)
        try:
            socket.send_fds(self._socket, [message], [terminal])
        except OSError:
            self._waiting.remove(answer)
            self._lost()  # a socket that takes no request of the limit's size is broken
            raise
        pid = await answer
        app = ForkedApp(pid)
        self._apps[pid] = app
        return app

    def _receive(self) -> None:
        assert self._socket is not None
        try:
            data = self._socket.recv(MESSAGE_LIMIT)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._lost()
            return
        try:
            message = json.loads(data)
        except ValueError:
            log.error("fork server: unreadable message %r", data[:80])
            return
        if "exited" in message:
            app = self._apps.pop(message["exited"], None)
            if app is not None:
                app.ended(int(message["status"]))
        elif "pid" in message or "error" in message:
            if not self._waiting:
                return
            answer = self._waiting.popleft()
            if answer.done():
                return
            if "pid" in message:
                answer.set_result(int(message["pid"]))
            else:
                answer.set_exception(OSError(f"fork server: {message['error']}"))
        elif message.get("ready"):
            self.ready.set()
            log.info("fork server ready (pid %s): sessions start forked", self.pid)

    def _lost(self) -> None:
        """The fork server has gone: the sessions it started run on, their statuses lost."""
        if self._socket is None:
            return
        asyncio.get_running_loop().remove_reader(self._socket)
        self._socket.close()
        self._socket = None
        self.ready.clear()
        while self._waiting:
            answer = self._waiting.popleft()
            if not answer.done():
                answer.set_exception(OSError("the fork server has gone"))
        if self._apps:
            log.warning("fork server gone; %d running sessions will end with status %d",
                        len(self._apps), STATUS_UNKNOWN)
        for app in self._apps.values():
            app.ended(STATUS_UNKNOWN)
        self._apps.clear()
        if self._process is not None:
            asyncio.get_running_loop().create_task(self._collect(self._process))

    @staticmethod
    async def _collect(process: asyncio.subprocess.Process) -> None:
        status = await process.wait()
        if status:
            log.warning("fork server ended with status %s", status)

    async def stop(self) -> None:
        """Close the socket (the fork server exits when it sees that) and wait for it."""
        process = self._process
        self._lost()
        if process is not None:
            try:
                await asyncio.wait_for(process.wait(), 5.0)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()


def _as_control_fd(fd: int) -> None:  # pragma: no cover - runs in the child before exec
    """Put the fork server's end of the socket where it looks for it."""
    if fd != CONTROL_FD:
        os.dup2(fd, CONTROL_FD)


def fork_server_command() -> list[str]:
    """`python -P -m tui.cli.forkserver` with the server's own interpreter (-P: nothing in
    the working folder may shadow the `tui` package)."""
    return [sys.executable, "-P", "-m", "tui.cli.forkserver"]
