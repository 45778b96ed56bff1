"""Served sessions forked from the fork server: each still a session of its own, and never
lost when the fork server is.

The fork server (`tui.cli.forkserver`) is a real process here, started by a real server
or talked to over its socket directly; sessions run the real app on the bundled sample.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import asyncssh
import pytest

from tests.ssh_support import (
    RemoteScreen,
    eventually,
    new_key,
    process_alive,
    running_server,
    write_authorized_keys,
)
from tui.sshd.config import ServeConfig
from tui.sshd.identity import Identity

pytestmark = pytest.mark.slow

CTRL_Q = "\x11"
ESCAPE = "\x1b"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from store import Archive
    from store.paths import sample_files

    path = tmp_path_factory.mktemp("archive") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_files(sample_files())
    return path


@pytest.fixture
def key() -> asyncssh.SSHKey:
    return new_key()


def config_for(tmp_path: Path, archive: Path, key: asyncssh.SSHKey, **changes) -> ServeConfig:
    return ServeConfig(archive=archive, data_dir=tmp_path / "data", port=0,
                       authorized_keys=write_authorized_keys(tmp_path / "keys", key),
                       kill_grace=1.0, **changes)


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def environment_of(pid: int) -> dict[str, str]:
    pairs = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(pair.decode().split("=", 1) for pair in pairs if b"=" in pair)


async def searched(remote: RemoteScreen, query: str) -> None:
    remote.type("/")
    await asyncio.sleep(0.3)
    remote.type(query)
    await remote.wait_for(f"for '{query}'")
    remote.type(ESCAPE)
    await asyncio.sleep(0.7)


async def quit_cleanly(*remotes: RemoteScreen) -> None:
    """ctrl+q in each session: each ends with status 0."""
    for remote in remotes:
        remote.type(CTRL_Q)
        assert await remote.exit_status() == 0
        await remote.close()


async def test_a_served_session_is_forked_into_its_own_folder_environment_and_terminal(
    tmp_path: Path, sample_archive: Path, key: asyncssh.SSHKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRESSROOM_TEST_SERVER_ONLY", "not for sessions")
    config = config_for(tmp_path, sample_archive, key)
    async with running_server(config) as server:
        assert server.forks is not None
        await asyncio.wait_for(server.forks.ready.wait(), 60)
        remote = await RemoteScreen.open(server.port, key, columns=100, rows=30)
        await remote.wait_for("4 items", deadline=60)
        (channel,) = server.channels
        pid = channel.app_pid
        assert pid is not None and parent_of(pid) == server.forks.pid
        home = Identity.from_key("x", key).home(config.users_dir)
        assert Path(f"/proc/{pid}/cwd").resolve() == home.resolve()
        # /proc shows the environment a process was exec'd with: the fork server's, which
        # holds nothing of the server's own (the session's is tested below)
        assert "PRESSROOM_TEST_SERVER_ONLY" not in environment_of(pid)
        assert os.getsid(pid) == pid, "the session leads a session of its own"
        await searched(remote, "voytolovskiy")
        remote.resize(120, 40)  # SIGWINCH reaches it through its controlling terminal
        await eventually(lambda: remote.screen.display[-1].strip() != "", "redrawn at 120x40")
        await quit_cleanly(remote)
        await eventually(lambda: not process_alive(pid), "the session's process gone")


async def test_two_forked_sessions_do_not_share_their_random_state(
    tmp_path: Path, sample_archive: Path, key: asyncssh.SSHKey,
) -> None:
    """Every fork reseeds `random` (Python does it at fork): two sessions never draw the
    same numbers, as two fresh interpreters would not."""
    config = config_for(tmp_path, sample_archive, key)
    async with running_server(config) as server:
        assert server.forks is not None
        await asyncio.wait_for(server.forks.ready.wait(), 60)
        remotes = [await RemoteScreen.open(server.port, key, columns=100, rows=30)
                   for _ in range(2)]
        for remote in remotes:
            await remote.wait_for("4 items", deadline=60)
        pids = {channel.app_pid for channel in server.channels}
        assert len(pids) == 2 and all(parent_of(p) == server.forks.pid for p in pids if p)
        await quit_cleanly(*remotes)


async def test_a_session_outlives_its_fork_server_and_the_next_login_still_starts(
    tmp_path: Path, sample_archive: Path, key: asyncssh.SSHKey,
) -> None:
    config = config_for(tmp_path, sample_archive, key)
    async with running_server(config) as server:
        forks = server.forks
        assert forks is not None
        await asyncio.wait_for(forks.ready.wait(), 60)
        first = await RemoteScreen.open(server.port, key, columns=100, rows=30)
        await first.wait_for("4 items", deadline=60)
        fork_server = forks.pid
        assert fork_server is not None
        os.kill(fork_server, signal.SIGKILL)
        await eventually(lambda: not forks.running, "the server notices its fork server gone")
        await searched(first, "voytolovskiy")  # the running session carries on

        second = await RemoteScreen.open(server.port, key, columns=100, rows=30)
        await second.wait_for("4 items", deadline=60)
        started = [c.app_pid for c in server.channels if c.app_pid is not None]
        assert len(started) == 2
        await quit_cleanly(second)
        first.type(CTRL_Q)
        assert await first.exit_status() is not None  # its status died with the fork server
        await first.close()


def letters(number: int) -> str:
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += chr(ord("A") + digit)
        if not number:
            return word


async def test_a_client_sending_a_huge_environment_still_gets_a_session(
    tmp_path: Path, sample_archive: Path, key: asyncssh.SSHKey,
) -> None:
    """Too big a request for the fork server starts that one session the slow way; the
    fork server serves the next as before."""
    config = config_for(tmp_path, sample_archive, key)
    async with running_server(config) as server:
        assert server.forks is not None
        await asyncio.wait_for(server.forks.ready.wait(), 60)
        huge = {f"LC_{letters(i)}": "x" * 250 for i in range(400)}
        remote = await RemoteScreen.open(server.port, key, columns=100, rows=30, env=huge)
        await remote.wait_for("4 items", deadline=60)
        (channel,) = server.channels
        assert channel.app_pid is not None and parent_of(channel.app_pid) == os.getpid()
        assert server.forks.running
        other = await RemoteScreen.open(server.port, key, columns=100, rows=30)
        await other.wait_for("4 items", deadline=60)
        forked = [c.app_pid for c in server.channels if c.app_pid != channel.app_pid]
        assert forked and forked[0] is not None
        assert parent_of(forked[0]) == server.forks.pid
        await quit_cleanly(remote, other)


async def test_serve_no_fork_starts_each_session_as_a_fresh_interpreter(
    tmp_path: Path, sample_archive: Path, key: asyncssh.SSHKey,
) -> None:
    config = config_for(tmp_path, sample_archive, key, fork_sessions=False)
    async with running_server(config) as server:
        assert server.forks is None
        remote = await RemoteScreen.open(server.port, key, columns=100, rows=30)
        await remote.wait_for("4 items", deadline=60)
        (channel,) = server.channels
        assert channel.app_pid is not None and parent_of(channel.app_pid) == os.getpid()
        await quit_cleanly(remote)


# -- the fork server's socket, spoken to directly -------------------------------------------


@pytest.fixture
def fork_server(tmp_path: Path) -> Iterator[tuple[socket.socket, subprocess.Popen[bytes]]]:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "tui.cli.forkserver"], env=env, cwd=tmp_path,
        stdin=subprocess.DEVNULL, pass_fds=(3,),
        preexec_fn=lambda: os.dup2(theirs.fileno(), 3))
    theirs.close()
    ours.settimeout(60)
    assert json.loads(ours.recv(4096)) == {"ready": True}
    try:
        yield ours, process
    finally:
        ours.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def answer(control: socket.socket) -> dict[str, object]:
    return json.loads(control.recv(4096))


def test_the_fork_server_refuses_what_is_not_a_request_and_keeps_serving(
    fork_server: tuple[socket.socket, subprocess.Popen[bytes]], tmp_path: Path,
) -> None:
    control, process = fork_server
    control.send(b"\xff not json")  # no terminal either
    assert "error" in answer(control)
    master, slave = os.openpty()
    request = {"argv": ["pressroom", "--help"], "env": {"HOME": str(tmp_path)},
               "cwd": str(tmp_path)}
    with open(os.devnull) as not_a_terminal:
        socket.send_fds(control, [json.dumps(request).encode()], [not_a_terminal.fileno()])
    assert "not a terminal" in str(answer(control)["error"])
    for bad in ({"argv": [], "env": {}, "cwd": "/"}, {"argv": ["x"], "env": {"A": 1}, "cwd": "/"},
                {"argv": "pressroom", "env": {}, "cwd": "/"}, [1, 2]):
        socket.send_fds(control, [json.dumps(bad).encode()], [slave])
        assert "error" in answer(control)
    control.send(b"x" * 100_000)  # over the limit: cut, and refused
    assert "error" in answer(control)
    assert process.poll() is None

    socket.send_fds(control, [json.dumps(request).encode()], [slave])
    os.close(slave)
    pid = answer(control)["pid"]
    output = bytearray()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the session has ended and closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert b"usage: pressroom" in output
    assert answer(control) == {"exited": pid, "status": 0}


def test_the_fork_server_ends_when_the_server_closes_its_socket(
    fork_server: tuple[socket.socket, subprocess.Popen[bytes]],
) -> None:
    control, process = fork_server
    control.close()
    assert process.wait(30) == 0


BECOME = """
import json, os, sys
from tui.cli.forkserver import Request, become_session
master, slave = os.openpty()
pid = os.fork()
if pid == 0:
    become_session(slave, Request(["pressroom", "x"], {"HOME": sys.argv[1], "ONLY": "this"},
                                  sys.argv[1]), [master])
    print(json.dumps({"env": dict(os.environ), "cwd": os.getcwd(), "argv": sys.argv,
                      "tty": [os.isatty(fd) for fd in (0, 1, 2)],
                      "leader": os.getsid(0) == os.getpid(),
                      "terminal": os.tcgetpgrp(0) == os.getpgrp(),
                      "buffered": sys.stdout.line_buffering}))
    os._exit(0)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode())
"""


def test_a_forked_session_has_only_its_own_environment_folder_and_terminal(
    tmp_path: Path,
) -> None:
    shown = subprocess.run(
        [sys.executable, "-c", BECOME, str(tmp_path)], capture_output=True, text=True,
        cwd=ROOT, env={**os.environ, "PRESSROOM_TEST_SERVER_ONLY": "x"}, timeout=60)
    session = json.loads(shown.stdout.strip().splitlines()[-1])
    assert session["env"] == {"HOME": str(tmp_path), "ONLY": "this"}
    assert session["cwd"] == str(tmp_path)
    assert session["argv"] == ["pressroom", "x"]
    assert session["tty"] == [True, True, True]
    assert session["leader"] and session["terminal"], "the PTY is its controlling terminal"
    assert session["buffered"], "stdout is line-buffered, as on any terminal"


def test_a_session_that_cannot_enter_its_folder_ends_with_one_line(
    fork_server: tuple[socket.socket, subprocess.Popen[bytes]], tmp_path: Path,
) -> None:
    control, process = fork_server
    master, slave = os.openpty()
    request = {"argv": ["pressroom"], "env": {}, "cwd": str(tmp_path / "gone")}
    socket.send_fds(control, [json.dumps(request).encode()], [slave])
    os.close(slave)
    pid = answer(control)["pid"]
    output = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert output.decode().strip().startswith("pressroom: cannot start the session:")
    assert b"Traceback" not in output
    assert answer(control) == {"exited": pid, "status": 1}
    assert process.poll() is None
