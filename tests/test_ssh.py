"""`pressroom serve --ssh`, end to end over loopback with a real SSH client.

Most tests run a small stand-in program in each session's PTY (what the server does is the
same for any program, and the stand-in starts in milliseconds); the tests under "the app"
run the real pressroom app, as colleagues would see it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import asyncssh
import pytest

from store import Archive
from tests.ssh_support import (
    DEADLINE,
    SERVER_SCRIPT,
    RemoteScreen,
    Tmux,
    connect,
    eventually,
    new_key,
    openssh,
    pretend_app,
    process_alive,
    running_server,
    write_authorized_keys,
)
from tui.sshd.channel import ONLY_INTERACTIVE
from tui.sshd.config import ServeConfig
from tui.sshd.identity import Identity
from tui.sshd.keys import AuthorizedKeys, KeyFileError, load_host_key
from tui.sshd.limits import SessionLimits
from tui.sshd.startups import MaxStartups

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def alice() -> asyncssh.SSHKey:
    return new_key()


@pytest.fixture
def bob() -> asyncssh.SSHKey:
    return new_key()


@pytest.fixture
def config(tmp_path: Path, alice: asyncssh.SSHKey, bob: asyncssh.SSHKey) -> ServeConfig:
    """A loopback server on a free port, letting in alice and bob, running the stand-in."""
    return ServeConfig(
        archive=tmp_path / "archive.sqlite3",
        data_dir=tmp_path / "data",
        port=0,
        authorized_keys=write_authorized_keys(tmp_path / "authorized_keys", alice, bob),
        app_command=pretend_app(tmp_path),
        kill_grace=1.0,
    )


def pid_on(remote: RemoteScreen) -> int:
    match = re.search(r"pid=(\d+)", remote.text)
    assert match, remote.text
    return int(match.group(1))


# --- sessions ---------------------------------------------------------------------------


async def test_a_session_runs_in_its_own_pty_with_the_clients_terminal(config, alice):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice, columns=100, rows=30,
                                         term="screen-256color")
        await remote.wait_for("size=100x30 term=screen-256color ctty=True")
        await remote.wait_for("stderr reaches the client")
        remote.type("x")
        await remote.wait_for("typed=x")
        remote.type("q")
        assert await remote.exit_status() == 0
        await remote.close()


async def test_only_allowed_environment_variables_reach_the_app(config, alice):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice, env={
            "LANG": "ru_RU.UTF-8", "LC_TIME": "C", "COLORTERM": "truecolor",
            "LD_PRELOAD": "/tmp/evil.so", "PYTHONSTARTUP": "/tmp/evil.py", "EDITOR": "vi",
            "TERM": "dumb",  # TERM is the terminal request's, never the environment's
        })
        await remote.wait_for("lang=ru_RU.UTF-8")
        assert "term=xterm-256color" in remote.text
        env = re.search(r"env=(\S+)", remote.text).group(1).split(",")
        assert {"COLORTERM", "LANG", "LC_TIME", "TERM", "HOME", "PATH"} <= set(env)
        assert not {"LD_PRELOAD", "PYTHONSTARTUP", "EDITOR"} & set(env)
        remote.type("q")
        await remote.exit_status()
        await remote.close()


async def test_a_window_change_reaches_the_app(config, alice):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice)
        await remote.wait_for("size=80x24")
        remote.resize(120, 40)
        await remote.wait_for("size=120x40")
        remote.type("q")
        await remote.exit_status()
        await remote.close()


async def test_the_apps_exit_status_is_the_sessions(config, alice, tmp_path):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice, env={"LANG": "C"})
        await remote.wait_for("size=")
        remote.type("q")
        assert await remote.exit_status() == 0
        await remote.close()


# --- refusals ---------------------------------------------------------------------------


async def test_an_unknown_key_is_refused(config):
    async with running_server(config) as server:
        with pytest.raises(asyncssh.PermissionDenied):
            await connect(server.port, new_key())


async def test_passwords_are_never_asked_for(config):
    async with running_server(config) as server:
        with pytest.raises(asyncssh.PermissionDenied):
            await asyncssh.connect("127.0.0.1", server.port, username="reader",
                                   password="secret", client_keys=None, known_hosts=None,
                                   agent_path=None)


async def test_open_mode_accepts_any_key(config):
    async with running_server(replace(config, open_access=True)) as server:
        remote = await RemoteScreen.open(server.port, new_key())
        await remote.wait_for("size=80x24")
        remote.type("q")
        assert await remote.exit_status() == 0
        await remote.close()


@pytest.mark.parametrize("request_kind", ["no pty", "command", "sftp"])
async def test_anything_but_an_interactive_session_gets_one_polite_line(
    config, alice, tmp_path, request_kind, caplog
):
    caplog.set_level(logging.INFO, logger="pressroom.sshd")
    async with running_server(config) as server, await connect(server.port, alice) as conn:
        if request_kind == "sftp":
            chan, _ = await conn.create_session(asyncssh.SSHClientSession,
                                                subsystem="sftp", encoding=None)
            await chan.wait_closed()
            status = chan.get_exit_status()
            stderr = b""
        else:
            command = "touch " + str(tmp_path / "ran") if request_kind == "command" else None
            result = await conn.run(command, term_type=None, encoding=None)
            status, stderr = result.exit_status, result.stderr
    assert status == 1
    if request_kind != "sftp":  # sftp reads stdout as its protocol; the line is for people
        assert stderr == b"pressroom: " + ONLY_INTERACTIVE.encode() + b"\r\n"
    assert not (tmp_path / "ran").exists(), "the client's command must never run"
    logged = {"no pty": ": no PTY$", "command": r": command 'touch /\S+'$",  # long: cut
              "sftp": ": subsystem 'sftp'$"}[request_kind]
    refusals = [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused")]
    assert len(refusals) == 1 and re.search(logged, refusals[0]), refusals


async def test_a_command_with_a_pty_is_refused_too(config, alice, tmp_path):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice, command="touch " + str(tmp_path / "x"))
        assert await remote.exit_status() == 1
        assert b"connect with ssh -t" in remote.stderr
        assert not (tmp_path / "x").exists()
        await remote.close()


async def test_port_forwarding_is_refused(config, alice):
    async with running_server(config) as server, await connect(server.port, alice) as conn:
        with pytest.raises(asyncssh.ChannelOpenError):
            await conn.open_connection("127.0.0.1", server.port)
        with pytest.raises(asyncssh.ChannelListenError):
            await conn.forward_remote_port("127.0.0.1", 0, "127.0.0.1", 9)


# --- identity ---------------------------------------------------------------------------


async def test_each_key_gets_its_own_bookmarks_file(config, alice, bob):
    async with running_server(config) as server:
        seen = {}
        for name, key in (("alice", alice), ("bob", bob)):
            remote = await RemoteScreen.open(server.port, key, user="same-name", columns=250)
            await remote.wait_for("args=")
            seen[name] = re.search(r"args=(\S+)", remote.text).group(1)
            remote.type("q")
            await remote.exit_status()
            await remote.close()
    assert seen["alice"] != seen["bob"]
    for name, key in (("alice", alice), ("bob", bob)):
        folder = Identity.from_key("x", key).folder_name
        assert seen[name] == str(config.users_dir / folder / "bookmarks.json")


def test_a_fingerprint_makes_a_safe_folder_name():
    identity = Identity("u", "SHA256:ab+/cd/../ef=")
    assert identity.folder_name == "sha256-ab-_cd__ef"


# --- processes --------------------------------------------------------------------------


async def test_a_dropped_connection_leaves_no_process_behind(config, alice):
    async with running_server(config) as server:
        remote = await RemoteScreen.open(server.port, alice)
        await remote.wait_for("pid=")
        pid = pid_on(remote)
        assert process_alive(pid)
        remote.drop()
        await eventually(lambda: not process_alive(pid), f"app {pid} ended")
        await eventually(lambda: server.limits.sessions == 0, "its session slot freed")


async def test_an_app_that_ignores_hangup_is_killed(config, alice, tmp_path):
    stubborn = tmp_path / "stubborn.py"
    stubborn.write_text(
        "import os, signal, time\nsignal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "os.write(1, f'pid={os.getpid()}\\r\\n'.encode())\nwhile True: time.sleep(1)\n"
    )
    async with running_server(replace(config, app_command=(sys.executable, str(stubborn)),
                                      kill_grace=0.3)) as server:
        remote = await RemoteScreen.open(server.port, alice)
        await remote.wait_for("pid=")
        pid = pid_on(remote)
        await remote.close()
        await eventually(lambda: not process_alive(pid), f"app {pid} killed")


async def test_an_idle_session_is_closed_and_the_terminal_restored(config, alice):
    async with running_server(replace(config, idle_timeout=0.5)) as server:
        remote = await RemoteScreen.open(server.port, alice)
        await remote.wait_for("pid=")
        pid = pid_on(remote)
        assert await remote.exit_status() == 1
        assert b"closed after 0.5 seconds without input" in remote.stderr
        assert not process_alive(pid)
        await remote.close()


async def test_a_client_that_never_logs_in_is_dropped_after_the_login_timeout(config):
    async with running_server(replace(config, login_timeout=0.5)) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        assert (await reader.readline()).startswith(b"SSH-2.0-")
        # say nothing more, as a stalled or hostile client would: the server says why it
        # hangs up (an SSH disconnect message, unencrypted before any key exchange)
        said = await asyncio.wait_for(reader.read(), DEADLINE)
        assert b"not logged in within 0.5 seconds" in said
        writer.close()
        await eventually(lambda: not server.connections, "the connection forgotten")


# --- limits -----------------------------------------------------------------------------


async def test_the_session_cap_refuses_politely_and_frees_up(config, alice):
    async with running_server(replace(config, max_sessions=2, per_address=5)) as server:
        first = await RemoteScreen.open(server.port, alice)
        second = await RemoteScreen.open(server.port, alice)
        await first.wait_for("pid=")
        await second.wait_for("pid=")
        third = await RemoteScreen.open(server.port, alice)
        assert await third.exit_status() == 1
        assert b"the server is full (2 sessions)" in third.stderr
        first.type("q")
        await first.exit_status()
        await eventually(lambda: server.limits.sessions == 1, "a slot freed")
        fourth = await RemoteScreen.open(server.port, alice)
        await fourth.wait_for("pid=")
        for remote in (second, fourth):
            remote.type("q")
            await remote.exit_status()
        for remote in (first, second, third, fourth):
            await remote.close()


async def test_the_per_address_cap_refuses_politely(config, alice):
    async with running_server(replace(config, per_address=1)) as server:
        first = await RemoteScreen.open(server.port, alice)
        await first.wait_for("pid=")
        second = await RemoteScreen.open(server.port, alice)
        assert await second.exit_status() == 1
        assert b"1 sessions from your address are open already" in second.stderr
        first.type("q")
        await first.exit_status()
        await first.close()
        await second.close()


def test_limits_count_per_address():
    limits = SessionLimits(max_sessions=3, per_address=2)
    assert limits.admit("a") is None and limits.admit("a") is None
    assert "from your address" in limits.admit("a")
    assert limits.admit("b") is None
    assert "full" in limits.admit("c")
    limits.release("a")
    assert limits.admit("c") is None


# --- keys and the command line ----------------------------------------------------------


def test_the_host_key_is_made_once_and_kept(tmp_path):
    path = tmp_path / "data" / "ssh_host_ed25519_key"
    first = load_host_key(path, create=True)
    again = load_host_key(path, create=True)
    assert first.get_fingerprint() == again.get_fingerprint()
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "data" / "ssh_host_ed25519_key.pub").exists()


def test_a_bad_authorized_keys_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "authorized_keys"
    bad.write_text("this is not a key\n")
    with pytest.raises(KeyFileError, match="no public keys"):
        AuthorizedKeys.load(bad)
    with pytest.raises(KeyFileError, match="not found"):
        AuthorizedKeys.load(tmp_path / "missing")


def test_authorized_keys_are_reread_when_the_file_changes(tmp_path, alice, bob):
    path = write_authorized_keys(tmp_path / "authorized_keys", alice)
    keys = AuthorizedKeys.load(path)
    alice, bob = (asyncssh.import_public_key(k.export_public_key()) for k in (alice, bob))
    assert keys.accepts(alice, "127.0.0.1", "127.0.0.1")
    assert not keys.accepts(bob, "127.0.0.1", "127.0.0.1")
    write_authorized_keys(path, alice, bob)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    keys.refresh()
    assert keys.accepts(bob, "127.0.0.1", "127.0.0.1")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_serve_without_ssh_is_an_error_line():
    result = run_cli("serve")
    assert result.returncode == 2
    assert result.stderr.strip() == "pressroom: serve: say how to serve: pressroom serve --ssh"


def test_serve_with_a_bad_authorized_keys_file_is_an_error_line(tmp_path):
    bad = tmp_path / "keys"
    bad.write_text("nonsense\n")
    archive = tmp_path / "a.sqlite3"
    Archive.open(archive).close()  # a missing archive would be the first error line
    result = run_cli("serve", "--ssh", "--archive", str(archive), "--authorized-keys", str(bad),
                     env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.returncode == 2
    assert result.stderr.strip() == f"pressroom: {bad}: no public keys in this file"


def test_serve_bookmarks_must_be_a_folder(tmp_path):
    file = tmp_path / "bookmarks.json"
    file.write_text("{}")
    result = run_cli("serve", "--ssh", "--open", "--bookmarks", str(file),
                     env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.returncode == 2
    assert result.stderr.strip() == (f"pressroom: serve: --bookmarks {file} is a file; serve "
                                     "keeps one bookmarks file per key, so give it a folder")


async def test_serve_bookmarks_is_the_folder_of_every_keys_bookmarks(tmp_path, alice,
                                                                    sample_archive):
    folder = tmp_path / "shared" / "press-bookmarks"
    with socket.socket() as probe:  # a free port for the server to take
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tui", "serve", "--ssh", "--open", "--port", str(port),
        "--archive", str(sample_archive), "--bookmarks", str(folder),
        cwd=ROOT, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")},
    )
    try:
        assert server.stderr is not None
        while b" serving " not in await asyncio.wait_for(server.stderr.readline(), DEADLINE):
            pass
        remote = await RemoteScreen.open(port, alice, columns=100, rows=30)
        await remote.wait_for("4 items")
        remote.type(ESCAPE)  # to the list
        await remote.wait_for("Bookmark")
        remote.type("b")
        await remote.wait_for("Bookmarked")
        remote.type(CTRL_Q)
        assert await remote.exit_status() == 0
        await remote.close()
    finally:
        server.send_signal(signal.SIGTERM)
        await asyncio.wait_for(server.wait(), DEADLINE)
    assert len(bookmarked(users_in(folder), alice)) == 1
    assert not (tmp_path / "xdg" / "pressroom" / "ssh-users").exists()


def users_in(folder: Path) -> ServeConfig:
    """A config that only says where the keys' folders are (for `bookmarked`)."""
    return ServeConfig(archive=Path("-"), data_dir=Path("-"), users_folder=folder)


# --- the server process -----------------------------------------------------------------


async def test_sigterm_ends_every_session_and_the_server_exits_cleanly(tmp_path, alice):
    keys = write_authorized_keys(tmp_path / "authorized_keys", alice)
    script = tmp_path / "server.py"
    script.write_text(SERVER_SCRIPT)
    port_file = tmp_path / "port"
    server = await asyncio.create_subprocess_exec(
        sys.executable, str(script), str(tmp_path / "data"), str(keys),
        pretend_app(tmp_path)[1], str(port_file),
        cwd=ROOT, stderr=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        await eventually(lambda: port_file.exists() and port_file.read_text(), "server listening")
        remote = await RemoteScreen.open(int(port_file.read_text()), alice, user="alice")
        await remote.wait_for("pid=")
        pid = pid_on(remote)
        server.send_signal(signal.SIGTERM)
        assert await remote.exit_status() == 1
        assert b"pressroom: the server is shutting down" in remote.stderr
        assert await asyncio.wait_for(server.wait(), DEADLINE) == 0
        assert not process_alive(pid)
        await remote.close()
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
    log = (await server.stderr.read()).decode()
    fingerprint = Identity.from_key("alice", alice).fingerprint
    connect_line = next(line for line in log.splitlines() if " connect " in line)
    assert re.search(
        rf"connect 127\.0\.0\.1:\d+ user=alice key={re.escape(fingerprint)} "
        r"term=xterm-256color size=80x24$", connect_line)
    disconnect = [line for line in log.splitlines() if " disconnect " in line]
    assert len(disconnect) == 1 and re.search(r"duration=\d+\.\ds status=1$", disconnect[0])


# --- OpenSSH's own client -----------------------------------------------------------------


@pytest.mark.skipif(not (shutil.which("ssh") and shutil.which("tmux")),
                    reason="needs the OpenSSH client and tmux")
async def test_openssh_in_tmux_draws_resizes_and_quits(config, alice, tmp_path):
    identity = tmp_path / "id_ed25519"
    identity.write_bytes(alice.export_private_key())
    identity.chmod(0o600)
    done = tmp_path / "done"
    tmux = Tmux(tmp_path / "tmux.sock")
    async with running_server(config) as server:
        ssh = openssh(server.port, identity, "-o", "SendEnv=LANG", "-t", "reader@127.0.0.1")
        await tmux.start_ssh(ssh, done, 100, 30)
        try:
            await tmux.wait_for("size=100x30 term=xterm-256color ctty=True")
            await tmux.wait_for("lang=C.UTF-8")
            await tmux.resize(90, 20)
            await tmux.wait_for("size=90x20")
            await tmux.keys("z")
            await tmux.wait_for("typed=z")
            assert await tmux.exit_status(done, "q") == "0"
        finally:
            await tmux.kill()


# --- the app --------------------------------------------------------------------------------

CTRL_Q = b"\x11"
ESCAPE = b"\x1b"


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from store import Archive
    from store.paths import sample_files

    path = tmp_path_factory.mktemp("archive") / "archive.sqlite3"
    archive = Archive.open(path)
    archive.import_files(sample_files())
    archive.close()
    return path


@pytest.fixture
def app_config(config: ServeConfig, sample_archive: Path) -> ServeConfig:
    """The same server, running the real pressroom app on the bundled sample."""
    return replace(config, archive=sample_archive, app_command=None)


def bookmarked(config: ServeConfig, key: asyncssh.SSHKey) -> set[str]:
    from store import Bookmarks

    path = Identity.from_key("x", key).bookmarks_path(config.users_dir)
    return Bookmarks.open(path).ids() if path.exists() else set()


async def test_the_app_over_ssh_searches_bookmarks_opens_resizes_and_quits(app_config, alice):
    async with running_server(app_config) as server:
        remote = await RemoteScreen.open(server.port, alice, columns=100, rows=30)
        await remote.wait_for("Search:")  # the first frame: the search box on top
        await remote.wait_for("4 items")  # and the status line: the whole sample is listed
        remote.type("voytolovskiy")
        await remote.wait_for("1 match for 'voytolovskiy'")
        await remote.wait_for("2024-12-05")  # the meeting with Fyodor Voitolovsky
        remote.type(ESCAPE)  # to the list, whose keys the footer then shows
        await remote.wait_for("Bookmark")
        remote.type("b")
        await remote.wait_for("Bookmarked")
        assert len(bookmarked(app_config, alice)) == 1
        remote.type("\r")
        await remote.wait_for("Institute of World Economy")
        remote.resize(120, 40)
        await eventually(lambda: remote.screen.display[-1].strip() != "", "redrawn at 120x40")
        remote.type(CTRL_Q)
        assert await remote.exit_status() == 0
        await remote.close()


async def test_two_keys_see_separate_bookmarks(app_config, alice, bob):
    async with running_server(app_config) as server:
        mine = await RemoteScreen.open(server.port, alice, columns=100, rows=30)
        await mine.wait_for("4 items")
        mine.type("voytolovskiy")
        await mine.wait_for("match for 'voytolovskiy'")
        mine.type(ESCAPE)
        await mine.wait_for("Bookmark")
        mine.type("b")
        await mine.wait_for("Bookmarked")
        mine.type(CTRL_Q)
        await mine.exit_status()
        await mine.close()

        theirs = await RemoteScreen.open(server.port, bob, columns=100, rows=30)
        await theirs.wait_for("4 items")
        theirs.type("in:bookmarks")
        await theirs.wait_for("0 items · in:bookmarks")
        theirs.type(CTRL_Q)
        assert await theirs.exit_status() == 0
        await theirs.close()
    assert len(bookmarked(app_config, alice)) == 1
    assert bookmarked(app_config, bob) == set()


async def test_a_dropped_client_leaves_no_app_behind(app_config, alice):
    async with running_server(app_config) as server:
        remote = await RemoteScreen.open(server.port, alice)
        await remote.wait_for("4 items")
        (channel,) = server.channels
        pid = channel.app_pid
        assert pid is not None and process_alive(pid)
        remote.drop()
        await eventually(lambda: not process_alive(pid), f"app {pid} ended")
        await eventually(lambda: not server.channels, "the session forgotten")


async def test_eight_sessions_at_once_all_draw(app_config, alice, bob):
    sessions = 8
    # all log in at once from one address: more than the login limits let a flood have
    logins = {"max_startups": MaxStartups.parse(str(sessions)), "per_address_startups": sessions}
    async with running_server(replace(app_config, per_address=sessions, **logins)) as server:
        remotes = await asyncio.gather(*(
            RemoteScreen.open(server.port, (alice, bob)[n % 2], columns=100, rows=30)
            for n in range(sessions)
        ))
        started = time.monotonic()
        await asyncio.gather(*(remote.wait_for("4 items", deadline=60) for remote in remotes))
        print(f"{sessions} sessions drew their first frame within "
              f"{time.monotonic() - started:.1f} s")
        for remote in remotes:
            remote.type(CTRL_Q)
        assert await asyncio.gather(*(remote.exit_status() for remote in remotes)) == [0] * 8
        for remote in remotes:
            await remote.close()


@pytest.mark.skipif(not shutil.which("ssh"), reason="needs the OpenSSH client")
@pytest.mark.parametrize(("options", "command"), [(["-T"], []), ([], ["ls"])],
                         ids=["ssh -T", "ssh host command"])
async def test_openssh_without_a_terminal_gets_the_polite_line(
    config, alice, tmp_path, options, command
):
    identity = tmp_path / "id_ed25519"
    identity.write_bytes(alice.export_private_key())
    identity.chmod(0o600)
    async with running_server(config) as server:
        ssh = await asyncio.create_subprocess_exec(
            *openssh(server.port, identity, *options, "127.0.0.1", *command),
            stdin=subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(ssh.communicate(), DEADLINE)
    assert ssh.returncode == 1
    assert err.decode().strip() == "pressroom: " + ONLY_INTERACTIVE
    assert out == b""


@pytest.mark.skipif(not (shutil.which("ssh") and shutil.which("tmux")),
                    reason="needs the OpenSSH client and tmux")
async def test_a_copied_quote_reaches_the_clients_terminal_through_tmux(
    app_config, alice, tmp_path, sample_archive
):
    """`y` writes OSC 52; over serve --ssh and OpenSSH it reaches tmux (set-clipboard on),
    which keeps it as a paste buffer: what the user's terminal would put on the clipboard."""
    from store import Archive
    from store.bookmarks.citation import passage

    with Archive.open(sample_archive, readonly=True) as archive:
        speech = archive.get("20241031-193207b4")
    expected = passage(speech, 0, 1).quote("plain")
    identity = tmp_path / "id_ed25519"
    identity.write_bytes(alice.export_private_key())
    identity.chmod(0o600)
    done = tmp_path / "done"
    tmux = Tmux(tmp_path / "tmux.sock")
    async with running_server(app_config) as server:
        ssh = openssh(server.port, identity, "-t", "reader@127.0.0.1")
        await tmux.start_ssh(ssh, done, 100, 30)
        try:
            await tmux._run("set-option", "-g", "set-clipboard", "on")
            await tmux.wait_for("4 items")
            for key in ("Escape", "G", "Enter"):  # to the list, its last row, read it
                await tmux.keys(key)
                await asyncio.sleep(0.3)  # so Escape and G are not read as alt+G
            await tmux.wait_for("Dear participants")
            await tmux.keys("v")
            await tmux.wait_for("1 paragraph selected")
            await tmux.keys("j")
            await tmux.wait_for("2 paragraphs selected")
            await tmux.keys("y")
            await tmux.wait_for("Copied 2 paragraphs")
            buffer = await tmux._run("show-buffer")
            assert buffer == expected
            assert await tmux.exit_status(done, "C-q") == "0"
        finally:
            await tmux.kill()
