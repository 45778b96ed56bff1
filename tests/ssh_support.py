"""Helpers for the SSH tests: keys, an in-process server, and a client that sees a screen.

The client is asyncssh's, with a PTY, feeding a `pyte` screen: what a user's terminal
would show, without root, a display or a real terminal emulator.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncssh
import pyte

from tui.sshd.config import ServeConfig
from tui.sshd.server import Service, prepare

DEADLINE = 20.0
"""Seconds to wait for something to appear before the test fails (never a speed check)."""

PRETEND_APP = r'''
"""Stands in for the app: shows what it was started with, echoes keys, `q` quits."""
import os, signal, sys, tty

tty.setraw(0)

def draw(*_):
    cols, rows = os.get_terminal_size(1)
    ctty = os.tcgetpgrp(0) == os.getpgrp()
    names = ",".join(sorted(os.environ))
    os.write(1, f"\x1b[2J\x1b[Hsize={cols}x{rows} term={os.environ.get('TERM')} "
                f"ctty={ctty}\r\npid={os.getpid()}\r\nenv={names}\r\n"
                f"lang={os.environ.get('LANG')} home={os.environ.get('HOME')}\r\n"
                f"args={' '.join(sys.argv[1:])}\r\n".encode())
    os.write(2, b"stderr reaches the client\r\n")

signal.signal(signal.SIGWINCH, draw)
draw()
while True:
    data = os.read(0, 1024)
    if not data or b"q" in data:
        break
    os.write(1, b"typed=" + data + b"\r\n")
sys.exit(int(os.environ.get("PRETEND_EXIT", "0")))
'''


def new_key() -> asyncssh.SSHKey:
    return asyncssh.generate_private_key("ssh-ed25519")


def write_authorized_keys(path: Path, *keys: asyncssh.SSHKey) -> Path:
    path.write_bytes(b"".join(key.export_public_key() for key in keys))
    return path


def pretend_app(folder: Path) -> tuple[str, ...]:
    script = folder / "pretend_app.py"
    script.write_text(PRETEND_APP)
    return (sys.executable, str(script))


@contextlib.asynccontextmanager
async def running_server(config: ServeConfig) -> AsyncIterator[Service]:
    authorized, host_key = prepare(config)
    service = Service(config, authorized, host_key)
    await service.start()
    try:
        yield service
    finally:
        await service.stop()


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def eventually(check, what: str, deadline: float = DEADLINE) -> None:
    """Wait until `check()` is true; fail naming `what` if it never becomes true."""
    end = time.monotonic() + deadline
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        await asyncio.sleep(0.05)


class RemoteScreen:
    """An SSH session with a PTY, its output drawn on a pyte screen as a terminal would."""

    def __init__(self, columns: int = 80, rows: int = 24) -> None:
        self.screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self.screen)
        self.stderr = bytearray()
        self.conn: asyncssh.SSHClientConnection | None = None
        self.process: asyncssh.SSHClientProcess | None = None
        self._pumps: list[asyncio.Task] = []

    @classmethod
    async def open(cls, port: int, key: asyncssh.SSHKey, *, user: str = "reader",
                   columns: int = 80, rows: int = 24, term: str = "xterm-256color",
                   env: dict[str, str] | None = None, command: str | None = None,
                   pty: bool = True, source: str = "127.0.0.1") -> RemoteScreen:
        remote = cls(columns, rows)
        remote.conn = await connect(port, key, user=user, source=source)
        remote.process = await remote.conn.create_process(
            command, term_type=term if pty else None,
            term_size=(columns, rows) if pty else None,
            env=env or {}, encoding=None,
        )
        remote._pumps = [
            asyncio.create_task(remote._pump(remote.process.stdout, remote._stream.feed)),
            asyncio.create_task(remote._pump(remote.process.stderr, remote.stderr.extend)),
        ]
        return remote

    @staticmethod
    async def _pump(reader: asyncssh.SSHReader, sink) -> None:
        while data := await reader.read(65536):
            sink(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def wait_for(self, text: str, deadline: float = DEADLINE) -> None:
        try:
            await eventually(lambda: text in self.text, repr(text), deadline)
        except AssertionError:
            raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.text}\n"
                                 f"stderr: {bytes(self.stderr)!r}") from None

    def type(self, keys: str | bytes) -> None:
        assert self.process is not None
        self.process.stdin.write(keys.encode() if isinstance(keys, str) else keys)

    def resize(self, columns: int, rows: int) -> None:
        assert self.process is not None
        self.screen.resize(rows, columns)
        self.process.change_terminal_size(columns, rows)

    async def exit_status(self, deadline: float = DEADLINE) -> int | None:
        assert self.process is not None
        await asyncio.wait_for(self.process.wait_closed(), deadline)
        await asyncio.gather(*self._pumps, return_exceptions=True)
        return self.process.exit_status

    def drop(self) -> None:
        """Vanish as a crashed client would: no channel close, no SSH disconnect."""
        assert self.conn is not None
        self.conn.abort()

    async def close(self) -> None:
        for pump in self._pumps:
            pump.cancel()
        if self.conn is not None:
            self.conn.close()
            with contextlib.suppress(Exception):
                await self.conn.wait_closed()


async def connect(port: int, key: asyncssh.SSHKey, *, user: str = "reader",
                  source: str = "127.0.0.1", **options: object
                  ) -> asyncssh.SSHClientConnection:
    """Log in to the server on loopback from `source`: any 127.x.y.z address works as
    the client's own, so tests can be several client addresses on one machine."""
    return await asyncssh.connect(
        "127.0.0.1", port, username=user, client_keys=[key], known_hosts=None,
        agent_path=None, preferred_auth="publickey", local_addr=(source, 0), **options,
    )


async def idle_connection(port: int, source: str) -> asyncio.StreamWriter:
    """A TCP connection from `source` that reads the server's banner and then says nothing,
    as a flood's sockets do; close the writer to end it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    # the banner comes after the server has counted the connection
    assert (await asyncio.wait_for(reader.readline(), DEADLINE)).startswith(b"SSH-2.0-")
    return writer


async def idle_connections(port: int, source: str, count: int) -> list[asyncio.StreamWriter]:
    return list(await asyncio.gather(*(idle_connection(port, source) for _ in range(count))))


def write_identity(path: Path, key: asyncssh.SSHKey) -> Path:
    """`key` as a private key file OpenSSH's client accepts (`ssh -i`)."""
    path.write_bytes(key.export_private_key())
    path.chmod(0o600)
    return path


SERVER_SCRIPT = r'''
"""Runs `serve` as `pressroom serve --ssh` would, with the stand-in app (tests only)."""
import asyncio, sys
from pathlib import Path
from tui.sshd.config import ServeConfig
from tui.sshd.server import configure_logging, prepare, serve

data, keys, app, port_file = sys.argv[1:5]
config = ServeConfig(archive=Path(data) / "archive.sqlite3", data_dir=Path(data), port=0,
                     authorized_keys=Path(keys), app_command=(sys.executable, app))
authorized, host_key = prepare(config)
configure_logging()

async def main():
    import tui.sshd.server as server
    real_start = server.Service.start
    async def start(self):
        await real_start(self)
        Path(port_file).write_text(str(self.port))
    server.Service.start = start
    return await serve(config, authorized, host_key)

sys.exit(asyncio.run(main()))
'''


def openssh(port: int, identity: Path, *args: str) -> list[str]:
    """OpenSSH's client as the tests run it: this key only, never a prompt or a host-key
    question, nothing written to known_hosts; `args` are the rest of its command line."""
    return ["ssh", "-p", str(port), "-i", str(identity), "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", *args]


class Tmux:
    """A private tmux server (its own socket) running one command in a window of a set size."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    async def _run(self, *args: str) -> str:
        process = await asyncio.create_subprocess_exec(
            "tmux", "-S", str(self.socket), *args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, _ = await process.communicate()
        return out.decode(errors="replace")

    async def start(self, command: str, columns: int, rows: int) -> None:
        await self._run("-f", "/dev/null", "new-session", "-d", "-x", str(columns),
                        "-y", str(rows), command)

    async def start_ssh(self, ssh: list[str], done: Path, columns: int, rows: int) -> None:
        """Run `ssh` (see `openssh`) in a UTF-8 xterm-256color window; its exit status goes
        to `done` (see `exit_status`)."""
        await self.start(f"env TERM=xterm-256color LANG=C.UTF-8 {shlex.join(ssh)};"
                         f" echo $? > {done}; sleep 30", columns, rows)

    async def screen(self) -> str:
        return await self._run("capture-pane", "-p")

    async def wait_for(self, text: str, deadline: float = DEADLINE) -> str:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            shown = await self.screen()
            if text in shown:
                return shown
            await asyncio.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared in tmux:\n{await self.screen()}")

    async def keys(self, *keys: str) -> None:
        await self._run("send-keys", *keys)

    async def resize(self, columns: int, rows: int) -> None:
        await self._run("resize-window", "-x", str(columns), "-y", str(rows))

    async def kill(self) -> None:
        await self._run("kill-server")

    async def exit_status(self, done: Path, *keys: str) -> str:
        """Press `keys` (the app's quit) and wait for the shell to write ssh's exit status
        into `done` (the window runs `ssh ...; echo $? > done`)."""
        await self.keys(*keys)
        await eventually(lambda: done.exists() and done.read_text().strip(), "ssh exited")
        return done.read_text().strip()
