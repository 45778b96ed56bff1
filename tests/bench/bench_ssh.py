"""Many sessions over `serve --ssh`: first frame, memory per session, typing while others type.

    python -m tests.bench.bench_ssh --size 1000000 --sessions 64   # the issue's figures
    python -m tests.bench.bench_ssh --size 100000 --sessions 9     # a quicker run
    python -m tests.bench.bench_ssh --size 1000000 --sessions 64 --mix-sessions 9
    python -m tests.bench.bench_ssh --first-frame-only [--sessions 8] [--rounds 3]
    python -m tests.bench.bench_ssh ... --no-fork   # sessions as fresh interpreters, to compare

`--size N` serves the synthetic archive of N items that `bench_search.archive_for` built
(the newest one in /work/bench-data/, built there if there is none); `--archive PATH`
serves that file; with neither, the bundled sample. The archive is only read (the app
opens it read-only). Each run works in /work/bench-data/ssh/run-PID/ (keys, the users'
folders, the server's log), removed at the end; the figures are also written to
/work/bench-data/ssh/result-SIZE-xN-TIME.json.

Everything goes through the real server (`tui.sshd.server.Service`, run in this process,
so the apps are this process's children) and real SSH clients (asyncssh with a PTY; each
client's screen is a pyte screen fed every byte as it arrives: `tests.ssh_support`). Each
session logs in with a key of its own, so each has its own bookmarks and HOME, as separate
users do. The server's limits are raised for the bench (sessions, per address, logins at
once: N + 2; the login and idle timeouts too), so nothing is refused by design.

What is measured, in this order:

1. First frame, one session alone (`--rounds`, after one warm-up session): from the start
   of the TCP connect (key exchange, key login, PTY, the app's start) until the client's
   status line (the row above the key bar) shows "N items", which the app draws with the
   list in its first full frame.
2. First frame, N at once: N sessions start at the same instant; each one's first frame as
   above, p50/p95, and the time until the last of them draws. They stay open for the rest.
3. Keystroke -> repaint. A key is written to the SSH channel at t0; t1 is when the
   client's screen, fed chunk by chunk, shows the status line for the query typed so far:
   its count (any number) followed by exactly what that query parses to, e.g.
   "61,541 matches for 'sec' · best first" (`store.index.query.parse_query`, formatted as
   `EventsScreen._update_status` does). The app updates the status line in the same call
   as the list (`EventsScreen._apply`) and the status line is drawn below the list, so t1
   is when the new result, list and count, has reached the user's terminal: SSH both ways,
   the server's PTY relay, the app's key handling, the search in its worker thread, the
   frame, and the client's parsing of it. Keys after which the status line cannot change
   (a space after a word, an opening quote: the query parses as before) are typed but not
   timed; the bench waits SETTLE seconds after them. Each session waits for its own
   repaint before its next key, as a person reading the list would.
   - alone: one session types the query mix while the others sit idle (open, drawn);
   - together: the next `--typing` sessions (8; fewer if N <= 8) type the same mix at
     the same time;
   the ratio is p95 together / p95 alone. Then the rest type the mix, `--typing` at a
   time (their keystrokes are reported as "the other batches"), so every session has the
   whole mix behind it. With `--mix-sessions K` only the first K sessions type it (the
   one alone and the K - 1 after it), the others only draw: at 1M items some keys of the
   mix take minutes with 8 typing on 2 CPUs, and 64 sessions typing it take hours.
4. Memory, after the first frames and again after every session typed the mix: for each
   app process (a child of the fork server, or with `--no-fork` a child of this process
   running `tui --served`), from
   /proc/PID/smaps_rollup, private = Private_Clean + Private_Dirty (what this session
   alone holds), Pss (its share of what it shares), Rss; p50 and max over the apps; the
   sum of their Pss; MemAvailable (/proc/meminfo) before the N sessions start and after.
   With `--mix-sessions`, the figures after the mix are given for the sessions that typed
   it, the others, and all. "After the first frames" is when the last session drew: an app
   keeps loading its index in the background after its first frame, so with few sessions
   (drawn quickly) this is lower than with many (drawn after their warm-up ended).

The query mix, the same for every session, typed one character at a time into the search
box, the box cleared with ctrl+u after each query (timed too: the whole archive again):
QUERIES below; then Tab (to the list), `p` (People; timed until "N people" shows) and
PEOPLE_FILTER typed into its filter box (timed until "N people matching '...'" shows);
ctrl+u (timed until "N people"), Tab, `e` (back to Events, timed until its status line
shows).

Budgets (the issue): private memory per session at 1M items <= 60 MB (goal 40); first
frame alone <= 1.5 s; keystroke -> repaint p95 within search p95 (bench_search's budget)
plus one frame.

This process is the server and all N clients at once (the clients' SSH and pyte parsing
share its one event loop with the server's relay): on a small machine the typing figures
include that client-side cost, which a real deployment's clients do not put on the host.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import re
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from store.errors import InputError
from store.index.query import parse_query
from tests.ssh_support import RemoteScreen, new_key, running_server, write_authorized_keys
from tui.sshd.config import ServeConfig
from tui.sshd.server import Service
from tui.sshd.startups import MaxStartups

DATA = Path("/work/bench-data/ssh")
COLUMNS, ROWS = 100, 30
CTRL_Q, CTRL_U, TAB = b"\x11", b"\x15", b"\t"
PAUSE = 3.0
"""Seconds the typists pause before their memory is read again: a session gives the memory
its searches freed back to the host once its user pauses (`tui/memory.py`), as sessions sit
most of the time between actions."""
SETTLE = 0.3
"""Seconds waited after a key whose effect the screen cannot show (see the docstring)."""
QUERIES = ["minsk", "security council", "voitolovsky", "sec", "person:tasmagambetov",
           '"security council"']
"""Words (one, two, a prefix), a name, a person: filter, a quoted phrase."""
PEOPLE_FILTER = "tasmag"
BUDGET_PRIVATE_MB, GOAL_PRIVATE_MB = 60.0, 40.0
BUDGET_FIRST_FRAME_S = 1.5
BUDGET_SEARCH_P95_MS = {100_000: 20.0, 1_000_000: 60.0}
"""bench_search's budgets for `Archive.match`."""
FRAME_MS = 1000 / 60
"""One frame, as bench_tui counts it."""
APP_MARKER = "--served"
FORK_SERVER_MARKER = "tui.cli.forkserver"
"""In every app's command line (`Service.app_command`)."""

log = logging.getLogger("pressroom.sshd")


# -- what the screen must show ---------------------------------------------------------------


def events_status(query: str) -> re.Pattern[str] | None:
    """The Events status line for `query`'s result, any count; None if it does not parse
    (the app then keeps the previous result and adds the problem)."""
    try:
        shown = parse_query(query)
    except InputError:
        return None
    words = [*shown.words, *('"' + " ".join(phrase) + '"' for phrase in shown.phrases),
             *("-" + word for word in shown.excluded)]
    tail = f" for {' '.join(words)!r}" if words else ""
    filters = shown.filters()
    if filters:
        tail += " · " + " ".join(filters)
    noun = "match(?:es)?" if words else "items?"
    return re.compile(rf"[\d,]+ {noun}{re.escape(tail)}(?: · .*)?")


def people_status(query: str) -> re.Pattern[str]:
    tail = f" matching {query.strip()!r}" if query.strip() else ""
    return re.compile(rf"[\d,]+ (?:people|person){re.escape(tail)}(?: · .*)?")


@dataclass(frozen=True)
class Step:
    """One key of the mix and what the status line shows once the app has answered it
    (None: nothing new; typed, then SETTLE)."""

    key: bytes
    shows: re.Pattern[str] | None
    kind: str
    """"type": a character in the search box; "clear": ctrl+u; "people": People's keys."""
    echo: str | None = None
    """What the search box holds after the key ("type" keys)."""
    what: str = ""

    @property
    def label(self) -> str:
        return repr(self.echo) if self.echo is not None else self.what


def mix() -> list[Step]:
    steps: list[Step] = []
    shown = events_status("")
    assert shown is not None
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            want = events_status(query[:end])
            new = want is not None and want.pattern != shown.pattern
            steps.append(Step(query[end - 1].encode(), want if new else None, "type",
                              query[:end]))
            shown = want or shown
        want = events_status("")
        assert want is not None
        steps.append(Step(CTRL_U, want if want.pattern != shown.pattern else None, "clear",
                          what="ctrl+u"))
        shown = want
    steps.append(Step(TAB, None, "people"))
    steps.append(Step(b"p", people_status(""), "people", what="p (People)"))
    steps += [Step(PEOPLE_FILTER[end - 1].encode(), people_status(PEOPLE_FILTER[:end]), "people",
                   what=f"People filter {PEOPLE_FILTER[:end]!r}")
              for end in range(1, len(PEOPLE_FILTER) + 1)]
    # the filter cleared, back to Events (its status line again)
    steps += [Step(CTRL_U, people_status(""), "people", what="ctrl+u (People)"),
              Step(TAB, None, "people"), Step(b"e", shown, "people", what="e (Events)")]
    return steps


FIRST_FRAME = events_status("")


# -- a client that notices the moment its screen shows something ----------------------------------


class _Tap:
    """Feeds the pyte stream, then lets the terminal check what it waits for."""

    def __init__(self, terminal: Terminal, stream: object) -> None:
        self._terminal = terminal
        self._feed = stream.feed  # type: ignore[attr-defined]

    def feed(self, data: bytes) -> None:
        self._feed(data)
        self._terminal.fed()


class Terminal(RemoteScreen):
    """A RemoteScreen that records when its screen first shows something (checked on every
    chunk received, not by polling)."""

    def __init__(self, columns: int = COLUMNS, rows: int = ROWS) -> None:
        super().__init__(columns, rows)
        self._stream = _Tap(self, self._stream)  # type: ignore[assignment]
        self._waits: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []

    def _line(self, y: int) -> str:
        row, width = self.screen.buffer[y], self.screen.columns
        return "".join(row[x].data for x in range(width)).strip()

    def shows(self, pattern: re.Pattern[str]) -> bool:
        """Whether the status line (the row above the key bar; one more row up too, for
        the watchlists line) is `pattern`."""
        bottom = self.screen.lines - 1
        return any(pattern.fullmatch(self._line(y)) for y in range(bottom, bottom - 3, -1))

    def echoes(self, text: str) -> bool:
        """Whether the search box (its border drawn with block characters) holds `text`."""
        return any(self._line(y).strip("▊▎").strip() == text for y in range(3))

    def fed(self) -> None:
        now = time.perf_counter()
        for check, done in self._waits:
            if not done.done() and check():
                done.set_result(now)

    async def until(self, pattern: re.Pattern[str], deadline: float) -> float:
        """Wait until the status line is `pattern`; returns the seconds waited."""
        started = time.perf_counter()
        if self.shows(pattern):
            return 0.0
        [done] = self._expect(lambda: self.shows(pattern))
        try:
            return await asyncio.wait_for(done, deadline) - started
        finally:
            self._waits.clear()

    async def key(self, key: bytes, pattern: re.Pattern[str], echo: str | None,
                  deadline: float) -> tuple[float, float | None]:
        """Type `key`, wait until the status line is `pattern`: (seconds from the key to
        that, and to the search box showing `echo` if given)."""
        checks: list[Callable[[], bool]] = [lambda: self.shows(pattern)]
        if echo is not None:
            checks.append(lambda: self.echoes(echo))
        futures = self._expect(*checks)
        started = time.perf_counter()
        self.type(key)
        try:
            shown = await asyncio.wait_for(futures[0], deadline) - started
            echoed = (futures[1].result() - started
                      if echo is not None and futures[1].done() else None)
        finally:
            self._waits.clear()
        return shown, echoed

    def _expect(self, *checks: Callable[[], bool]) -> list[asyncio.Future[float]]:
        loop = asyncio.get_running_loop()
        self._waits = [(check, loop.create_future()) for check in checks]
        return [done for _, done in self._waits]

    @property
    def local_port(self) -> int:
        assert self.conn is not None
        return int(self.conn.get_extra_info("sockname")[1])

    async def quit(self, deadline: float) -> None:
        with contextlib.suppress(Exception):
            self.type(CTRL_Q)
            await self.exit_status(deadline)
        await self.close()


async def open_session(port: int, key: asyncssh.SSHKey, deadline: float
                       ) -> tuple[Terminal, float, float]:
    """A session drawn: (terminal, seconds to log in and get the channel, to first frame)."""
    started = time.perf_counter()
    remote = Terminal()
    remote.conn = await asyncio.wait_for(_connect(port, key), deadline)
    remote.process = await remote.conn.create_process(
        term_type="xterm-256color", term_size=(COLUMNS, ROWS), encoding=None)
    remote._pumps = [
        asyncio.create_task(remote._pump(remote.process.stdout, remote._stream.feed)),
        asyncio.create_task(remote._pump(remote.process.stderr, remote.stderr.extend)),
    ]
    login = time.perf_counter() - started
    assert FIRST_FRAME is not None
    try:
        await remote.until(FIRST_FRAME, deadline - login)
    except TimeoutError:
        raise AssertionError(f"no first frame in {deadline:g} s; the screen shows:\n"
                             f"{remote.text}\nstderr: {bytes(remote.stderr)!r}") from None
    return remote, login, time.perf_counter() - started


async def _connect(port: int, key: asyncssh.SSHKey) -> asyncssh.SSHClientConnection:
    return await asyncssh.connect(
        "127.0.0.1", port, username="reader", client_keys=[key], known_hosts=None,
        agent_path=None, preferred_auth="publickey", login_timeout=None)


# -- typing --------------------------------------------------------------------------------------


@dataclass
class Typed:
    """One session's pass through the mix: milliseconds per timed key, by kind."""

    ms: dict[str, list[float]] = field(default_factory=dict)
    keys: list[tuple[str, float]] = field(default_factory=list)
    """(what the key was, ms) for every timed key, in order."""
    timeouts: int = 0

    def add(self, other: Typed) -> None:
        self.timeouts += other.timeouts
        self.keys += other.keys
        for kind, values in other.ms.items():
            self.ms.setdefault(kind, []).extend(values)

    def slowest(self, count: int = 3) -> str:
        ordered = sorted(self.keys, key=lambda key: -key[1])[:count]
        return ", ".join(f"{label} {ms / 1000:.1f} s" for label, ms in ordered)


async def type_mix(terminal: Terminal, steps: Sequence[Step], deadline: float) -> Typed:
    typed = Typed()
    for step in steps:
        if step.shows is None:
            terminal.type(step.key)
            await asyncio.sleep(SETTLE)
            continue
        try:
            seconds, echoed = await terminal.key(step.key, step.shows, step.echo, deadline)
        except TimeoutError:
            typed.timeouts += 1
            print(f"  ! no repaint for {step.key!r} within {deadline:g} s; the screen shows:\n"
                  f"{terminal.text}", file=sys.stderr)
            continue
        typed.ms.setdefault(step.kind, []).append(seconds * 1000)
        typed.keys.append((step.label, seconds * 1000))
        if echoed is not None:
            typed.ms.setdefault("echo", []).append(echoed * 1000)
    return typed


async def type_together(terminals: Sequence[Terminal], steps: Sequence[Step],
                        deadline: float) -> Typed:
    passes = await asyncio.gather(*(type_mix(t, steps, deadline) for t in terminals))
    merged = Typed()
    for one in passes:
        merged.add(one)
    return merged


# -- memory --------------------------------------------------------------------------------------


def app_pids() -> list[int]:
    """The served apps of this process's server: its children running the app (sessions
    started as fresh interpreters) and the fork server's children (sessions forked)."""
    me, processes = os.getpid(), {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        processes[int(entry.name)] = (parent, command)
    forks = fork_servers(processes)
    return sorted(pid for pid, (parent, command) in processes.items()
                  if (parent == me and APP_MARKER.encode() in command) or parent in forks)


def fork_servers(processes: dict[int, tuple[int, list[bytes]]] | None = None) -> set[int]:
    """This process's fork servers (`tui.cli.forkserver`): what every forked session shares."""
    if processes is None:
        processes = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError, IndexError, ValueError):
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    processes[int(entry.name)] = (
                        int(stat[1]), (entry / "cmdline").read_bytes().split(b"\0"))
    return {pid for pid, (parent, command) in processes.items()
            if parent == os.getpid() and FORK_SERVER_MARKER.encode() in command}


def leftover_apps(marker: str) -> list[int]:
    """Any process left (orphaned or not) whose command line names this run's folder."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            with contextlib.suppress(OSError):
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
    return found


def smaps_mb(pid: int) -> dict[str, float]:
    """Private (clean + dirty), Pss and Rss of `pid`, in MB."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            fields[name] = int(parts[0]) / 1024
    return {"private": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0),
            "private_dirty": fields.get("Private_Dirty", 0),
            "pss": fields.get("Pss", 0), "rss": fields.get("Rss", 0)}


def mem_available_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no MemAvailable in /proc/meminfo")


@dataclass
class Memory:
    apps: dict[int, dict[str, float]]
    """Each app process's figures, by process id."""
    available_mb: float

    @classmethod
    def now(cls) -> Memory:
        apps = {}
        for pid in app_pids():
            with contextlib.suppress(OSError):
                apps[pid] = smaps_mb(pid)
        return cls(apps, mem_available_mb())

    def only(self, pids: Iterable[int]) -> Memory:
        return Memory({pid: self.apps[pid] for pid in pids if pid in self.apps},
                      self.available_mb)

    def of(self, what: str) -> list[float]:
        return [app[what] for app in self.apps.values()]

    def summary(self) -> dict[str, float]:
        out: dict[str, float] = {"apps": len(self.apps), "mem_available_mb": self.available_mb}
        for what in ("private", "private_dirty", "pss", "rss"):
            values = self.of(what) or [0.0]
            out[f"{what}_p50_mb"] = statistics.median(values)
            out[f"{what}_max_mb"] = max(values)
        out["pss_sum_mb"] = sum(self.of("pss"))
        return out


# -- figures -------------------------------------------------------------------------------------


def pct(values: Sequence[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def spread(values: Sequence[float], unit: str, digits: int = 2) -> str:
    if not values:
        return "none"
    return (f"p50 {pct(values, .5):.{digits}f} {unit}  p95 {pct(values, .95):.{digits}f} {unit}"
            f"  max {max(values):.{digits}f} {unit}  (n={len(values)})")


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


# -- the run -------------------------------------------------------------------------------------


@dataclass
class Run:
    archive: Path
    size: int | None
    sessions: int
    typing: int
    rounds: int
    deadline: float
    mix_sessions: int
    fork: bool = True
    results: dict[str, object] = field(default_factory=dict)


def app_pid_of(server: Service) -> dict[int, int]:
    """Each session's app process, by the client's port (what the server sees as the
    connection's source port)."""
    return {channel._connection.port: channel.app_pid  # type: ignore[attr-defined]
            for channel in server.channels if channel.app_pid is not None}


def server_config(run: Run, folder: Path, keys: list[asyncssh.SSHKey]) -> ServeConfig:
    room = run.sessions + 2  # the alone sessions' slots may be released a moment late
    return ServeConfig(
        archive=run.archive, data_dir=folder / "data", port=0,
        authorized_keys=write_authorized_keys(folder / "keys", *keys),
        max_sessions=room, per_address=room,
        # N logins at once from one address, which a flood may not have
        max_startups=MaxStartups.parse(str(room)), per_address_startups=room,
        login_timeout=run.deadline, idle_timeout=24 * 3600.0, fork_sessions=run.fork,
    )


class LogCount(logging.Handler):
    """The server's log lines, kept in a file; refusals and errors counted."""

    def __init__(self, path: Path) -> None:
        super().__init__(logging.INFO)
        self._file = path.open("w")
        self.refused = 0
        self.errors = 0

    def emit(self, record: logging.LogRecord) -> None:
        line = record.getMessage()
        self.refused += line.startswith("refused")
        self.errors += record.levelno >= logging.ERROR
        self._file.write(f"{record.created:.3f} {record.levelname} {line}\n")

    def close(self) -> None:
        self._file.close()
        super().close()


async def first_frames_alone(port: int, key: asyncssh.SSHKey, run: Run) -> list[float]:
    times = []
    for _ in range(run.rounds + 1):  # the first warms the page cache
        terminal, _, seconds = await open_session(port, key, run.deadline)
        times.append(seconds)
        await terminal.quit(run.deadline)
    return times[1:]


async def first_frame_rounds(server: Service, keys: list[asyncssh.SSHKey], run: Run) -> None:
    """The old mode: `--rounds` rounds of N sessions that draw and quit."""
    port = server.port
    alone = await first_frames_alone(port, keys[0], run)
    together: list[float] = []
    for _ in range(run.rounds):
        opened = await asyncio.gather(*(open_session(port, key, run.deadline)
                                        for key in keys[1:]))
        together += [seconds for _, _, seconds in opened]
        await asyncio.gather(*(terminal.quit(run.deadline) for terminal, _, _ in opened))
    print(f"first frame, 1 session alone: {spread(alone, 's')}")
    print(f"first frame, {run.sessions} at once:  {spread(together, 's')}  ({run.rounds} rounds)")
    print(f"ratio p95 at once / p50 alone: {pct(together, .95) / statistics.median(alone):.1f}x")
    run.results.update(first_frame_alone_s=alone, first_frame_together_s=together)


async def many(server: Service, keys: list[asyncssh.SSHKey], run: Run) -> None:
    """Steps 1-4 of the docstring."""
    results, port = run.results, server.port
    alone = await first_frames_alone(port, keys[0], run)
    results["first_frame_alone_s"] = alone
    print(f"first frame, 1 session alone: {spread(alone, 's')}", flush=True)

    before = Memory.now()
    results["mem_available_before_mb"] = before.available_mb
    started = time.perf_counter()
    opened = await asyncio.gather(*(open_session(port, key, run.deadline) for key in keys[1:]))
    last_drew = time.perf_counter() - started
    terminals = [terminal for terminal, _, _ in opened]
    logins = [login for _, login, _ in opened]
    firsts = [seconds for _, _, seconds in opened]
    results.update(first_frame_together_s=firsts, login_together_s=logins,
                   last_drew_s=last_drew)
    print(f"first frame, {run.sessions} at once:  {spread(firsts, 's')}")
    print(f"  the last of them drew after {last_drew:.1f} s; SSH login + channel alone: "
          f"{spread(logins, 's')}", flush=True)
    try:
        drawn = Memory.now()
        results["memory_after_first_frame"] = drawn.summary()
        print_memory("after the first frames", drawn, before)
        typists = terminals[:run.mix_sessions]
        await typing(typists, run)
        pids = app_pid_of(server)
        at_last_key = Memory.now().only(pids[terminal.local_port] for terminal in typists)
        results["memory_at_last_key"] = at_last_key.summary()
        print_memory(f"of the {len(at_last_key.apps)} sessions at the last key of the mix",
                     at_last_key, before)
        await asyncio.sleep(PAUSE)
        now = Memory.now()
        typed = now.only(pids[terminal.local_port] for terminal in typists)
        results["memory_after_mix"] = typed.summary()
        print_memory(f"of the {len(typed.apps)} sessions after each typed the mix"
                     f" and paused {PAUSE:.0f} s", typed, before)
        if len(typed.apps) < len(now.apps):
            rest = now.only(set(now.apps) - set(typed.apps))
            results["memory_others_after_mix"] = rest.summary()
            print_memory(f"of the {len(rest.apps)} others (first frame only)", rest, before)
            results["memory_all_after_mix"] = now.summary()
            print_memory(f"of all {len(now.apps)} sessions", now, before)
    finally:
        await asyncio.gather(*(terminal.quit(run.deadline) for terminal in terminals))


async def typing(terminals: list[Terminal], run: Run) -> None:
    steps = mix()
    timed = sum(step.shows is not None for step in steps)
    print(f"query mix: {len(steps)} keys, {timed} timed; typing...", flush=True)
    alone = await type_mix(terminals[0], steps, run.deadline)
    group = terminals[1:1 + run.typing]  # fewer with fewer than `typing` + 1 sessions
    together = await type_together(group, steps, run.deadline)
    rest = terminals[1 + len(group):]
    others = Typed()
    for start in range(0, len(rest), run.typing):
        others.add(await type_together(rest[start:start + run.typing], steps, run.deadline))
    run.results.update(typing_alone=alone.__dict__, typing_together=together.__dict__,
                       typing_others=others.__dict__, typing_sessions=len(group))
    print_typing(alone, together, others, len(group), run)


def print_typing(alone: Typed, together: Typed, others: Typed, group: int, run: Run) -> None:
    budget = BUDGET_SEARCH_P95_MS.get(run.size or 0, 60.0) + FRAME_MS
    a, t = alone.ms.get("type", []), together.ms.get("type", [])
    print("keystroke -> repaint (key sent -> status line for that query on the client's screen):")
    print(f"  1 session typing alone:     {spread(a, 'ms', 0)}")
    print(f"  {group} session{'s' if group != 1 else ''} typing at once: {spread(t, 'ms', 0)}")
    if a and t:
        print(f"  ratio p95 at once / p95 alone: {pct(t, .95) / pct(a, .95):.1f}x; budget search"
              f" p95 + one frame = {budget:.0f} ms -> alone {verdict(pct(a, .95) <= budget)},"
              f" at once {verdict(pct(t, .95) <= budget)}")
    print(f"  of which key -> the search box echoes it (no search in it): alone "
          f"{spread(alone.ms.get('echo', []), 'ms', 0)}; at once "
          f"{spread(together.ms.get('echo', []), 'ms', 0)}")
    if others.ms:
        print(f"  the other batches ({run.typing} at a time): "
              f"{spread(others.ms.get('type', []), 'ms', 0)}")
    for kind, label in (("clear", "ctrl+u (whole archive again)"),
                        ("people", "People: open, filter keys, back")):
        print(f"  {label}: alone {spread(alone.ms.get(kind, []), 'ms', 0)}; at once "
              f"{spread(together.ms.get(kind, []), 'ms', 0)}")
    print(f"  slowest keys: alone {alone.slowest()}; at once {together.slowest()}")
    timeouts = alone.timeouts + together.timeouts + others.timeouts
    if timeouts:
        print(f"  ! {timeouts} keys never repainted within {run.deadline:g} s")


def print_memory(when: str, memory: Memory, before: Memory) -> None:
    s = memory.summary()
    print(f"memory {when} ({len(memory.apps)} app processes):")
    print(f"  private per session: p50 {s['private_p50_mb']:.1f} MB  max {s['private_max_mb']:.1f}"
          f" MB (dirty p50 {s['private_dirty_p50_mb']:.1f} MB); Pss p50 {s['pss_p50_mb']:.1f} MB"
          f" max {s['pss_max_mb']:.1f} MB; Rss p50 {s['rss_p50_mb']:.1f} MB")
    for pid in fork_servers():
        with contextlib.suppress(OSError):
            own = smaps_mb(pid)
            print(f"  the fork server (once per host): private {own['private']:.1f} MB, "
                  f"Pss {own['pss']:.1f} MB")
    print(f"  host: sum of the sessions' Pss {s['pss_sum_mb']:.0f} MB; MemAvailable "
          f"{before.available_mb:.0f} -> {memory.available_mb:.0f} MB "
          f"(used {before.available_mb - memory.available_mb:.0f} MB)", flush=True)


def print_budgets(run: Run) -> None:
    results = run.results
    print("budgets:")
    alone = results.get("first_frame_alone_s")
    if isinstance(alone, list) and alone:
        p50 = statistics.median(alone)
        print(f"  first frame alone p50 {p50:.2f} s <= {BUDGET_FIRST_FRAME_S} s: "
              f"{verdict(p50 <= BUDGET_FIRST_FRAME_S)}")
    memory = results.get("memory_after_mix")
    if isinstance(memory, dict):
        worst = memory["private_max_mb"]
        scale = "" if run.size == 1_000_000 else " (the budget is for 1M items)"
        print(f"  private per session max {worst:.1f} MB <= {BUDGET_PRIVATE_MB:.0f} MB (goal "
              f"{GOAL_PRIVATE_MB:.0f}): {verdict(worst <= BUDGET_PRIVATE_MB)}"
              f"{'' if worst > GOAL_PRIVATE_MB else ', goal met'}{scale}")


async def watched(work: Coroutine[object, object, None], run: Run, floor_mb: float) -> None:
    """Run `work`, stopping it (its sessions quit, then the server stops) if the host's
    MemAvailable falls below `floor_mb`; the lowest MemAvailable seen goes in the results."""
    task = asyncio.ensure_future(work)
    lowest = mem_available_mb()
    while not task.done():
        await asyncio.wait([task], timeout=0.25)
        lowest = min(lowest, mem_available_mb())
        if lowest < floor_mb and not task.done():
            sessions = len(app_pids())
            run.results["stopped"] = (f"MemAvailable fell to {lowest:.0f} MB with {sessions}"
                                      " app processes running")
            print(f"! stopping: {run.results['stopped']}", flush=True)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    run.results["mem_available_lowest_mb"] = lowest
    print(f"lowest MemAvailable during the run: {lowest:.0f} MB", flush=True)
    if not task.cancelled():
        task.result()


def archive_of(options: argparse.Namespace, folder: Path) -> Path:
    if options.archive is not None:
        return Path(options.archive)
    if options.size is not None:
        from tests.bench.bench_search import archive_for

        return archive_for(options.size, 1, reuse=True)[0]
    from store import Archive
    from store.paths import sample_files

    path = folder / "archive.sqlite3"
    with Archive.open(path) as opened:
        opened.import_files(sample_files())
    return path


async def main(options: argparse.Namespace) -> int:
    folder = DATA / f"run-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    run = Run(archive_of(options, folder), options.size, options.sessions, options.typing,
              options.rounds, options.deadline, options.mix_sessions or options.sessions,
              fork=not options.no_fork)
    print(f"archive: {run.archive} ({run.archive.stat().st_size / 1e9:.2f} GB); "
          f"{run.sessions} sessions, {'forked' if run.fork else 'fresh interpreters'}; "
          f"{os.cpu_count()} CPUs; load average {load()}", flush=True)
    keys = [new_key() for _ in range(run.sessions + 1)]
    logged = LogCount(folder / "server.log")
    log.addHandler(logged)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        async with running_server(server_config(run, folder, keys)) as server:
            work = first_frame_rounds if options.first_frame_only else many
            await watched(work(server, keys, run), run, options.min_available)
    finally:
        log.removeHandler(logged)
        logged.close()
        left = leftover_apps(str(folder))
        shutil.copy(folder / "server.log", DATA / f"server-{os.getpid()}.log")
        shutil.rmtree(folder, ignore_errors=True)
    run.results.update(archive=str(run.archive), size=run.size, sessions=run.sessions,
                       refused=logged.refused, server_errors=logged.errors, leftover=left,
                       load_average_end=os.getloadavg())
    print(f"load average at the end: {load()} (anything else running on the host shares the"
          " CPUs with the sessions: the timings are only as quiet as the host)")
    print_budgets(run)
    print(f"server: {logged.refused} refusals, {logged.errors} errors logged "
          f"(log: {DATA}/server-{os.getpid()}.log); app processes left after stop: "
          f"{len(left)}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = DATA / f"result-{run.size or 'archive'}-x{run.sessions}-{stamp}.json"
    out.write_text(json.dumps(run.results, indent=1))
    print(f"figures: {out}")
    return 1 if left else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, help="serve the synthetic archive of this size")
    parser.add_argument("--archive", type=Path, help="serve this archive instead")
    parser.add_argument("--sessions", type=int, default=8, help="sessions at once (N)")
    parser.add_argument("--typing", type=int, default=8, help="sessions typing at once")
    parser.add_argument("--mix-sessions", type=int,
                        help="sessions that type the mix (default: all); the others only draw")
    parser.add_argument("--rounds", type=int, default=3, help="first frames alone")
    parser.add_argument("--deadline", type=float, default=600.0,
                        help="seconds any one wait may take before it counts as a failure")
    parser.add_argument("--min-available", type=float, default=2048.0,
                        help="MB of MemAvailable below which the run stops (the host's safety)")
    parser.add_argument("--no-fork", action="store_true",
                        help="sessions as fresh interpreters (serve --no-fork), to compare")
    parser.add_argument("--first-frame-only", action="store_true",
                        help="only first frames: alone, then --rounds rounds of N at once")
    sys.exit(asyncio.run(main(parser.parse_args())))
