"""Served sessions share one copy of the index: each maps the index file beside the archive,
and its own memory holds only what it computes.

The real budget (60 MB per session at 10^6 items) is `tests/bench/bench_ssh.py`'s; here a
100,000-item archive, two sessions through the real server, and a generous bound.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import asyncssh
import pytest

from store import Archive
from store.index.mapped import index_path
from store.model import Item, Participant
from tests.ssh_support import RemoteScreen, new_key, running_server, write_authorized_keys
from tui.sshd.config import ServeConfig

pytestmark = pytest.mark.slow

ITEMS = 100_000
PRIVATE_BOUND_MB = 100
"""Generous: a session here measures ~50 MB, the app alone ~44; without the index file its
search structures alone add tens of megabytes at this size."""

WORDS = [
    f"{a}{b}{c}" for a in ("se", "mi", "co", "pa", "ta", "vo", "ar", "ne")
    for b in ("cu", "ns", "lle", "rt", "sma", "ito", "me", "ra")
    for c in ("rity", "k", "ctive", "ner", "gambet", "lov", "nia", "ship", "tion", "al")
]
NAMES = [f"{first} {last}" for first in ("Fyodor", "Imangali", "Anna", "Sergei", "Yuri")
         for last in ("Voitolovsky", "Tasmagambetov", "Petrova", "Khachaturov", "Sidorov")]


def tiny_items(count: int) -> list[Item]:
    """Short items (a title and a sentence) with the spread of words and people of real
    ones: the index grows with the number of items, which is what this test is about."""
    rng = random.Random(7)
    out = []
    for number in range(count):
        year, day = 2000 + number % 26, 1 + number % 28
        out.append(Item(
            id=f"tiny-{number}", date=f"{year}-{1 + number % 12:02d}-{day:02d}",
            kind=("news", "speech", "statement", "interview")[number % 4],
            title=" ".join(rng.choices(WORDS, k=6)).capitalize(),
            body=(" ".join(rng.choices(WORDS, k=14)) + ".",),
            participants=tuple(
                Participant(name=name, role="Secretary General", organisation="CSTO")
                for name in rng.sample(NAMES, 2)
            ),
        ))
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shared-index") / "archive.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items(tiny_items(ITEMS))
    return path


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def memory(pid: int) -> dict[str, int]:
    """smaps_rollup's figures of a process, in kB."""
    out = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, value = line.partition(":")
        out[name] = int(value.split()[0])
    return out


def index_mapping(pid: int, index: Path) -> dict[str, int]:
    """smaps' figures (kB) of the process's mapping of the index file, summed."""
    totals: dict[str, int] = {}
    inside = False
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and not head[0].endswith(":"):
            inside = line.rstrip().endswith(str(index))
            continue
        if inside and head and head[0].endswith(":") and len(head) >= 2 and head[1].isdigit():
            totals[head[0][:-1]] = totals.get(head[0][:-1], 0) + int(head[1])
    return totals


async def test_two_served_sessions_share_the_index_file_and_keep_little_to_themselves(
    archive: Path, tmp_path: Path
) -> None:
    keys: list[asyncssh.SSHKey] = [new_key(), new_key()]
    config = ServeConfig(
        archive=archive, data_dir=tmp_path / "data", port=0,
        authorized_keys=write_authorized_keys(tmp_path / "keys", *keys),
        app_command=None, kill_grace=1.0,
    )
    async with running_server(config) as server:
        first = await RemoteScreen.open(server.port, keys[0], columns=100, rows=30)
        await first.wait_for("100,000 items", deadline=90)
        second = await RemoteScreen.open(server.port, keys[1], columns=100, rows=30)
        await second.wait_for("100,000 items", deadline=90)
        await asyncio.sleep(1.0)  # the warm-up after the first frame
        for query in ("security", "minsk", "voitolovsky", "co", "person:tasmagambetov"):
            for remote in (first, second):
                remote.type("/")
                await asyncio.sleep(0.5)  # the box takes the focus before the letters arrive
                remote.type(query)
                shown = f"items · {query}" if query.startswith("person:") else f"for '{query}'"
                await remote.wait_for(shown, deadline=60)
                remote.type("\x1b")  # Escape clears the box
                await asyncio.sleep(0.7)
        await asyncio.sleep(1.0)
        pids = [channel.app_pid for channel in server.channels]
        assert len(pids) == 2 and None not in pids
        assert server.forks is not None
        for pid in pids:
            assert pid is not None
            assert parent_of(pid) == server.forks.pid, "the session was not forked"
            # what the fork server imported is still shared with it, not copied
            assert memory(pid)["Shared_Dirty"] > 5 * 1024
            mapped = index_mapping(pid, index_path(archive))
            assert mapped.get("Rss", 0) > 0, "the session does not map the index file"
            assert mapped.get("Private_Dirty", 0) == 0
            assert mapped.get("Shared_Clean", 0) > 0, "the two sessions do not share pages"
            private_mb = memory(pid)["Private_Dirty"] / 1024
            assert private_mb < PRIVATE_BOUND_MB, f"{private_mb:.0f} MB private"
        for remote in (first, second):
            remote.type("\x11")
            await remote.exit_status(deadline=30)
            await remote.close()
