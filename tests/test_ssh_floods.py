"""`serve --ssh` under a flood: connections that never log in cannot lock anybody out, a
refused client is told why, and every refusal leaves a line in the log.

Loopback accepts the whole 127/8 as this machine's own addresses, so the flood comes from
127.0.0.2 (or .3) while the colleague who wants to read logs in from 127.0.0.1, to the
same server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import asyncssh
import pytest

from tests.ssh_support import (
    DEADLINE,
    RemoteScreen,
    connect,
    eventually,
    idle_connection,
    idle_connections,
    new_key,
    openssh,
    pretend_app,
    running_server,
    write_authorized_keys,
    write_identity,
)
from tui.sshd.config import ServeConfig
from tui.sshd.identity import Identity
from tui.sshd.server import NO_SESSION
from tui.sshd.startups import FULL_REFUSAL, PER_ADDRESS_REFUSAL, MaxStartups

pytestmark = pytest.mark.slow

FLOOD = "127.0.0.2"
ELSEWHERE = "127.0.0.3"

needs_openssh = pytest.mark.skipif(not shutil.which("ssh"), reason="needs the OpenSSH client")


@pytest.fixture
def alice() -> asyncssh.SSHKey:
    return new_key()


@pytest.fixture
def config(tmp_path: Path, alice: asyncssh.SSHKey) -> ServeConfig:
    """A loopback server letting in alice and running the stand-in app."""
    return ServeConfig(
        archive=tmp_path / "archive.sqlite3",
        data_dir=tmp_path / "data",
        port=0,
        authorized_keys=write_authorized_keys(tmp_path / "authorized_keys", alice),
        app_command=pretend_app(tmp_path),
        kill_grace=1.0,
    )


@pytest.fixture
def sshd_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="pressroom.sshd")
    return caplog


def lines(log: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [record.getMessage() for record in log.records if text in record.getMessage()]


async def read_the_app(port: int, key: asyncssh.SSHKey, source: str = "127.0.0.1") -> None:
    """Log in, see the app's first frame, quit."""
    remote = await RemoteScreen.open(port, key, source=source)
    try:
        await remote.wait_for("pid=")  # the stand-in's first frame
        remote.type("q")
        assert await remote.exit_status() == 0
    finally:
        await remote.close()


def close_all(writers: list[asyncio.StreamWriter]) -> None:
    for writer in writers:
        writer.close()


async def refused_openssh(port: int, identity: Path, source: str) -> str:
    """Run OpenSSH's client from `source`, expecting to be turned away; returns its stderr."""
    ssh = await asyncio.create_subprocess_exec(
        *openssh(port, identity, "-b", source, "127.0.0.1"),
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(ssh.communicate(), DEADLINE)
    assert ssh.returncode == 255
    return err.decode(errors="replace")


# --- nobody is locked out -------------------------------------------------------------------


async def test_idle_connections_from_one_address_keep_nobody_else_out(config, alice):
    async with running_server(config) as server:
        flood = await idle_connections(server.port, FLOOD, 30)
        try:
            # the lock-up was 12 of these; a colleague is now in at once
            await asyncio.wait_for(read_the_app(server.port, alice), 2.0)
        finally:
            close_all(flood)
        # the flood holds its address's login slots, and no more
        assert server.startups.logging_in == config.per_address_startups


async def test_a_flood_from_one_address_never_stops_the_others(config, alice):
    async with running_server(config) as server:
        held: list[asyncio.StreamWriter] = []
        opened = 0

        async def flood() -> None:
            nonlocal opened
            while True:  # a new idle socket as soon as the server answers the last one
                with contextlib.suppress(OSError, AssertionError, TimeoutError):
                    held.append(await idle_connection(server.port, FLOOD))
                    opened += 1
                if len(held) > 200:  # keep this process's own files bounded
                    held.pop(0).close()

        flooding = asyncio.create_task(flood())
        try:
            await eventually(lambda: opened > 20, "the flood under way")
            for source in ["127.0.0.1", ELSEWHERE] * 2:
                started = time.monotonic()
                await read_the_app(server.port, alice, source)
                print(f"logged in from {source} in {time.monotonic() - started:.2f} s "
                      f"({opened} flood connections so far)")
        finally:
            flooding.cancel()
            close_all(held)


async def test_logging_in_does_not_count_against_the_login_limit(config, alice):
    """Logged-in sessions are the session limits' business: sessions open from an address
    leave that address its login slot."""
    async with running_server(replace(config, per_address_startups=1)) as server:
        remotes = [await RemoteScreen.open(server.port, alice) for _ in range(2)]
        for remote in remotes:
            await remote.wait_for("pid=")
        assert server.startups.logging_in == 0
        await read_the_app(server.port, alice)
        for remote in remotes:
            remote.type("q")
            await remote.exit_status()
            await remote.close()


async def test_a_login_that_asks_for_nothing_is_closed_after_the_login_timeout(
    config, alice, sshd_log
):
    """With --open anybody can log in; a connection that then sits there holds a socket."""
    async with running_server(replace(config, login_timeout=0.5)) as server:
        conn = await connect(server.port, alice)
        await asyncio.wait_for(conn.wait_closed(), DEADLINE)
        await eventually(lambda: not server.connections, "the connection forgotten")
    (line,) = lines(sshd_log, "closing ")
    assert line.endswith(f": {NO_SESSION}")


# --- the refused are told why ---------------------------------------------------------------


@needs_openssh
@pytest.mark.parametrize(("limits", "reason"), [
    ({}, PER_ADDRESS_REFUSAL),
    ({"max_startups": MaxStartups.parse("4"), "per_address_startups": 8}, FULL_REFUSAL),
], ids=["from one address", "in all"])
async def test_openssh_prints_why_it_was_refused(config, alice, tmp_path, sshd_log, limits,
                                                 reason):
    identity = write_identity(tmp_path / "id_ed25519", alice)
    async with running_server(replace(config, **limits)) as server:
        flood = await idle_connections(server.port, FLOOD, 4)
        try:
            err = await refused_openssh(server.port, identity, FLOOD)
        finally:
            close_all(flood)
    assert "kex_exchange_identification" not in err
    assert re.fullmatch(rf"Received disconnect from 127\.0\.0\.1 port \d+:12: {reason}\s*", err)
    (line,) = [line for line in lines(sshd_log, "before login") if reason in line]
    assert re.fullmatch(rf"refused {re.escape(FLOOD)}:\d+ before login: {reason}", line)


@needs_openssh
async def test_the_early_drop_refuses_some_and_lets_some_in(config, alice, tmp_path):
    """Past START, a new connection is refused at random (OpenSSH's MaxStartups), so a
    retry gets in; at FULL everyone is refused until a slot frees."""
    identity = write_identity(tmp_path / "id_ed25519", alice)
    limits = {"max_startups": MaxStartups(2, 50, 5), "per_address_startups": 8}
    async with running_server(replace(config, **limits)) as server:
        server.startups.chance = random.Random(7)  # which ones: fixed for the test
        flood = await idle_connections(server.port, FLOOD, 2)
        outcomes = []
        try:
            for _ in range(8):
                try:
                    await asyncio.wait_for(read_the_app(server.port, alice), DEADLINE)
                    outcomes.append("in")
                except asyncssh.DisconnectError as error:
                    assert FULL_REFUSAL in str(error)
                    outcomes.append("refused")
            while server.startups.logging_in < 5:
                flood.append(await idle_connection(server.port, FLOOD))
            err = await refused_openssh(server.port, identity, ELSEWHERE)
        finally:
            close_all(flood)
    assert {"in", "refused"} == set(outcomes), outcomes
    assert FULL_REFUSAL in err


# --- the log ----------------------------------------------------------------------------------


async def test_a_refused_key_is_logged_with_its_fingerprint(config, sshd_log):
    stranger = new_key()
    async with running_server(config) as server:
        with pytest.raises(asyncssh.PermissionDenied):
            await connect(server.port, stranger, user="mallory")
        await eventually(lambda: lines(sshd_log, "offered="), "the refusal logged")
    fingerprint = Identity.from_key("mallory", stranger).fingerprint
    (line,) = lines(sshd_log, "offered=")
    assert re.fullmatch(
        rf"refused 127\.0\.0\.1:\d+ user=mallory key=-: not logged in \(.+\) "
        rf"offered={re.escape(fingerprint)}", line)


@needs_openssh
async def test_every_forwarding_request_is_refused_with_a_log_line(config, alice, tmp_path,
                                                                   sshd_log):
    async with running_server(config) as server:
        async with await connect(server.port, alice,
                                 agent_forwarding=str(tmp_path / "agent.sock")) as conn:
            with pytest.raises(asyncssh.ChannelOpenError):
                await conn.open_connection("10.1.2.3", 5432)
            with pytest.raises(asyncssh.ChannelListenError):
                await conn.forward_remote_port("127.0.0.1", 0, "127.0.0.1", 9)
            with pytest.raises(asyncssh.ChannelOpenError):
                await conn.open_unix_connection("/run/postgresql/.s.PGSQL.5432")
            with pytest.raises(asyncssh.ChannelListenError):
                await conn.forward_remote_path("/run/user/1000/remote.sock", "/dev/null")
            with pytest.raises(asyncssh.ChannelOpenError):
                await conn.open_tun()
            app = await conn.create_process(term_type="xterm")  # asks for the agent too
            assert "pid=" in await asyncio.wait_for(app.stdout.readuntil("pid="), DEADLINE)
            app.stdin.write("q")
            assert (await asyncio.wait_for(app.wait(), DEADLINE)).exit_status == 0
        # X11 with OpenSSH's own client, which sends it when DISPLAY is set
        identity = write_identity(tmp_path / "id_ed25519", alice)
        ssh = await asyncio.create_subprocess_exec(
            *openssh(server.port, identity, "-tt", "-X", "127.0.0.1"),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, "DISPLAY": ":7"},
        )
        assert ssh.stdin is not None and ssh.stdout is not None
        await asyncio.wait_for(ssh.stdout.readuntil(b"pid="), DEADLINE)  # the app is up
        ssh.stdin.write(b"q")
        _, err = await asyncio.wait_for(ssh.communicate(), DEADLINE)
        assert b"X11 forwarding request failed" in err
    refusals = [re.sub(r"^refused 127\.0\.0\.1:\d+ user=\S+ key=SHA256:\S+: ", "", line)
                for line in lines(sshd_log, "refused ")]
    assert refusals == [
        "port forwarding to 10.1.2.3:5432",
        "remote port forwarding from 127.0.0.1:0",
        "socket forwarding to /run/postgresql/.s.PGSQL.5432",
        "remote socket forwarding from /run/user/1000/remote.sock",
        "tunnel (tun) forwarding",
        "agent forwarding",
        "X11 forwarding",
    ]
