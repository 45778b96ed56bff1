"""Served sessions follow a moving archive: an import while colleagues are connected over
`pressroom serve --ssh` is announced in each session, and `r` shows it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncssh
import pytest

from store import Archive, Bookmarks
from tests.ssh_support import (
    RemoteScreen,
    new_key,
    running_server,
    write_authorized_keys,
)
from tests.tui.conftest import sample_items
from tests.tui.test_live_archive import import_elsewhere, new_items
from tui.sshd.config import ServeConfig
from tui.sshd.identity import Identity

pytestmark = pytest.mark.slow

CTRL_Q = b"\x11"
TAB = b"\t"


@pytest.fixture
def keys() -> tuple[asyncssh.SSHKey, asyncssh.SSHKey]:
    return new_key(), new_key()


@pytest.fixture
def config(tmp_path: Path, keys: tuple[asyncssh.SSHKey, asyncssh.SSHKey]) -> ServeConfig:
    """The real app served on loopback, on an archive at rest (closed by its last writer)."""
    archive = tmp_path / "archive.sqlite3"
    with Archive.open(archive) as writer:
        writer.import_items(sample_items())
    return ServeConfig(
        archive=archive,
        data_dir=tmp_path / "data",
        port=0,
        authorized_keys=write_authorized_keys(tmp_path / "authorized_keys", *keys),
        app_command=None,
        kill_grace=1.0,
    )


async def test_an_import_reaches_every_served_session_and_r_shows_it(
    config: ServeConfig, keys: tuple[asyncssh.SSHKey, asyncssh.SSHKey], tmp_path: Path
) -> None:
    alice, bob = keys
    async with running_server(config) as server:
        remotes = await asyncio.gather(
            RemoteScreen.open(server.port, alice, columns=100, rows=30),
            RemoteScreen.open(server.port, bob, columns=100, rows=30),
        )
        for remote in remotes:
            await remote.wait_for("39 items", deadline=60)
        await asyncio.to_thread(import_elsewhere, config.archive, new_items(tmp_path, 3))
        for remote in remotes:
            await remote.wait_for("3 new items", deadline=30)
        mine = remotes[0]
        mine.type(TAB)
        await mine.wait_for("3 new items · r to show")
        mine.type("r")
        await mine.wait_for("42 items")
        mine.type("g")
        await mine.wait_for("Fresh statement 3 on Minsk")
        # a watchlist is the key's own: saved by alice, unknown to bob
        mine.type("/")
        await asyncio.sleep(0.5)  # the box takes the focus before the letters arrive
        mine.type("minsk")
        await mine.wait_for("matches for 'minsk'")
        mine.type(TAB)
        await asyncio.sleep(0.5)
        mine.type("W")
        await mine.wait_for("Save as a watchlist")
        mine.type("\r")
        await mine.wait_for("watch: minsk 0 new")
        for remote in remotes:
            remote.type(CTRL_Q)
            assert await remote.exit_status() == 0
            await remote.close()
    alice_marks = Identity.from_key("x", alice).bookmarks_path(config.users_dir)
    bob_marks = Identity.from_key("x", bob).bookmarks_path(config.users_dir)
    assert [w.name for w in Bookmarks.open(alice_marks).watchlists()] == ["minsk"]
    assert not bob_marks.exists() or Bookmarks.open(bob_marks).watchlists() == []
