"""The fork server: the app imported once, and a served session forked from it per login.

`serve --ssh` runs every session as a process of its own (`tui.sshd.app_process`). Started
as a fresh interpreter, each session imports Python, Textual, numpy and pressroom again:
about 39 MB of private memory per session before it has read an archive, and a third of
a second before its first frame. Forked from this process instead, a session starts with
those modules already in memory, and the pages it only reads stay shared with every other
session (copy-on-write). The collector is frozen (`gc.freeze`) before any fork, so
collecting in a session never writes to the objects every session shares. Measured on a
1M-item archive over the same typing mix: 34 MB private per session after a pause, where
a fresh interpreter kept 53 MB.

The server (`tui.sshd.app_forks.ForkServer`) starts this process as a fresh interpreter,
with the environment a served session gets and nothing of its own, and talks to it over
one SOCK_SEQPACKET socket (fd `CONTROL_FD`): a request is one JSON message (argv,
environment, working folder) carrying the session's PTY as an SCM_RIGHTS descriptor; the
answer is `{"pid": N}` or `{"error": "..."}`, in request order; `{"exited": N, "status":
S}` follows when a session ends (S as `asyncio`'s returncode: negative for a signal).
This process never opens the archive, a user's files or a socket of its own: it holds
nothing a session could learn of another's. What forked sessions do share is the state
every interpreter draws at start: `random` is reseeded in each fork (Python does it), and
the string-hash secret is the fork server's, new each time `serve` starts; a session can
only ever hash its own user's input with it, in its own process.

Why not `multiprocessing`'s forkserver: its children start by closing stdin and replacing
it with /dev/null, they run a pickled target under multiprocessing's bootstrap, the server
inherits the starting process's whole environment, and nothing freezes the collector.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import importlib
import io
import json
import os
import selectors
import signal
import socket
import sys
import termios
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CONTROL_FD = 3
"""The descriptor the server passes the fork server's end of their socket as."""
MESSAGE_LIMIT = 1 << 16
"""Bytes a request may take (argv, environment and folder: a few hundred in practice);
a longer one arrives cut short (MSG_TRUNC) and is refused."""
READY = {"ready": True}
"""Sent once the app is imported: the server may then count on fast starts."""

PRELOAD = (
    "tui.cli.main",
    "tui.cli.launch",
    "tui.cli.common",
    "tui.session",
    "tui.memory",
    "tui.app",
    "tui.screens",
    "tui.widgets",
    "store.archive",
    "store.index.mapped",
    "store.index.search",
    "store.index.dossier",
    "store.bookmarks.store",
    "textual.widgets",
    "numpy",
    "rapidfuzz.process",
    "rapidfuzz.fuzz",
    "sqlite3",
)
"""What a session imports by its first frame and first searches (a package here brings
every module in it): whatever it imports beyond this is its own, private, as before."""


@dataclass(frozen=True)
class Request:
    """One session to start: its command line (argv[0] is the program's name), its whole
    environment, and the folder it runs in."""

    argv: list[str]
    env: dict[str, str]
    cwd: str

    @classmethod
    def parse(cls, data: bytes) -> Request:
        """A request as the server sends it; ValueError for anything else."""
        try:
            fields = json.loads(data)
            argv, env, cwd = fields["argv"], fields["env"], fields["cwd"]
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"not a request: {error}") from None
        if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)):
            raise ValueError("argv is not a list of strings")
        if not (isinstance(env, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())):
            raise ValueError("env is not a map of strings")
        if not isinstance(cwd, str):
            raise ValueError("cwd is not a string")
        return cls(argv, env, cwd)


def preload() -> None:
    """Import what sessions use, then freeze the collector over it.

    TEXTUAL_FPS is read once, when Textual is imported: it is set here as a served session
    sets it (`set_frame_rate`), so every forked session paints as an exec'd one would.
    """
    from tui.cli.launch import set_frame_rate

    set_frame_rate(low_bandwidth=False)
    for name in PRELOAD:
        module = importlib.import_module(name)
        path = getattr(module, "__path__", None)
        if path is not None and name.startswith("tui."):
            import pkgutil

            for info in pkgutil.iter_modules(path, prefix=f"{name}."):
                importlib.import_module(info.name)
    gc.collect()
    gc.freeze()


def send(control: socket.socket, message: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):  # the server has gone: the loop sees EOF next
        control.send(json.dumps(message).encode())


def reap(control: socket.socket) -> None:
    """Collect every session that has ended and tell the server how."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        send(control, {"exited": pid, "status": os.waitstatus_to_exitcode(status)})


def become_session(terminal: int, request: Request, closing: list[int]) -> None:
    """In the forked child: a session of its own on the PTY, as an exec'd app would be.

    The PTY becomes fds 0-2 and the controlling terminal (so the kernel delivers SIGWINCH
    and SIGHUP), the fork server's descriptors and signal handling are dropped, and the
    environment, folder, argv and standard streams are the session's own.
    """
    for fd in closing:
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.setsid()
    for fd in (0, 1, 2):
        os.dup2(terminal, fd)
    if terminal > 2:
        os.close(terminal)
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    sys.argv = list(request.argv)
    # The fork server's streams were not terminals (stdout block-buffered): the session's
    # are, and line-buffered as an interpreter started on a terminal makes them.
    streams = {
        "stdin": io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                  encoding="utf-8"),
        "stdout": io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                   encoding="utf-8", line_buffering=True),
        "stderr": io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                   encoding="utf-8", errors="backslashreplace",
                                   line_buffering=True),
    }
    for name, stream in streams.items():  # Textual writes to sys.__stderr__ itself
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def serve(control: socket.socket, run: Callable[[list[str]], int]) -> int | None:
    """Start sessions until the server closes its end; returns None then, in this process.

    In a forked session this returns the session's exit status instead, having run it: the
    caller exits with it, and the interpreter ends the way any process does (atexit,
    threads joined, streams flushed).
    """
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    send(control, READY)
    while True:
        for key, _ in selector.select():
            if key.fd == wake_read:
                with contextlib.suppress(BlockingIOError):
                    os.read(wake_read, 4096)
                reap(control)
                continue
            try:
                data, fds, flags, _ = socket.recv_fds(control, MESSAGE_LIMIT, 1)
            except OSError:
                data, fds, flags = b"", [], 0
            if not data:
                selector.close()
                return None
            started = start(control, data, fds, flags)
            if started is None:
                continue
            terminal, request = started
            try:
                pid = os.fork()
            except OSError as error:  # out of processes or memory: this session starts
                os.close(terminal)    # the slow way, or not at all, and we go on
                send(control, {"error": f"cannot fork: {error.strerror or error}"})
                continue
            if pid == 0:
                selector.close()
                try:
                    become_session(terminal, request,
                                   [control.fileno(), wake_read, wake_write])
                except OSError as error:  # its folder gone, say: one line to the user
                    os.write(2, f"pressroom: cannot start the session: {error}\r\n".encode())
                    os._exit(1)
                return run(request.argv[1:])
            os.close(terminal)
            send(control, {"pid": pid})


def start(control: socket.socket, data: bytes, fds: list[int],
          flags: int) -> tuple[int, Request] | None:
    """The PTY and request of a message, or None (and an error answer) when it is not one."""
    try:
        if flags & (socket.MSG_TRUNC | socket.MSG_CTRUNC) or len(fds) != 1:
            raise ValueError("a request carries one terminal and fits the limit")
        request = Request.parse(data)
        if not os.isatty(fds[0]):
            raise ValueError("the descriptor is not a terminal")
    except ValueError as error:
        for fd in fds:
            os.close(fd)
        send(control, {"error": str(error)})
        return None
    return fds[0], request


def run_session(args: list[str]) -> int:
    """A session's `pressroom` command line, as `python -m tui` would run it."""
    from tui.cli.main import main

    try:
        return main(args)
    except SystemExit as done:
        code = done.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1


def main() -> int:
    control = socket.socket(fileno=CONTROL_FD)
    os.set_inheritable(CONTROL_FD, False)
    preload()
    status = serve(control, run_session)
    return 0 if status is None else status


if __name__ == "__main__":
    raise SystemExit(main())
