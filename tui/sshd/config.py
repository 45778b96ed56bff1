"""What one `pressroom serve --ssh` server is set up with (the command line, resolved)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.sshd.startups import DEFAULT_PER_ADDRESS as DEFAULT_PER_ADDRESS_STARTUPS
from tui.sshd.startups import MaxStartups

DEFAULT_PORT = 2222
DEFAULT_MAX_SESSIONS = 256
"""Sessions at once. Each is a process forked from the fork server, whose own memory is
what its screens and searches compute (22-35 MB at 10^6 items: tests/bench/bench_ssh.py),
the app's modules shared with the fork server and the index shared through the index file
beside the archive: 256 fit a 24 GB host at 1M items (~9 GB) with room for the page
cache; README "Sizing" says how to choose."""
DEFAULT_PER_ADDRESS = 4
DEFAULT_IDLE_TIMEOUT = 1800.0
DEFAULT_LOGIN_TIMEOUT = 30.0
"""Seconds a client has to log in (OpenSSH's LoginGraceTime is 120). A key login takes
well under a second; the rest is for a first-time user reading the host-key question or
typing a key's passphrase. Shorter also means an idle connection holds a login slot less
long."""


@dataclass(frozen=True)
class ServeConfig:
    """Everything the server needs, with paths already resolved and checked."""

    archive: Path
    """The archive every session shows, opened read-only by the app."""
    data_dir: Path
    """Holds the host key (by default) and `ssh-users/<key>/` for each user's bookmarks."""
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    host_key: Path | None = None
    """None: `ssh_host_ed25519_key` in the data dir, generated on first run."""
    authorized_keys: Path | None = None
    """None only together with `open_access`."""
    open_access: bool = False
    """Accept any public key; the key's fingerprint is then the identity."""
    max_sessions: int = DEFAULT_MAX_SESSIONS
    per_address: int = DEFAULT_PER_ADDRESS
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    login_timeout: float = DEFAULT_LOGIN_TIMEOUT
    max_startups: MaxStartups = field(default_factory=MaxStartups)
    """Connections logging in at once before random early drop, as OpenSSH's MaxStartups."""
    per_address_startups: int = DEFAULT_PER_ADDRESS_STARTUPS
    """Connections logging in at once from one address (OpenSSH's PerSourceMaxStartups)."""
    users_folder: Path | None = None
    """Where each key's folder (bookmarks, HOME) goes: `serve --bookmarks`; None: the data
    dir's `ssh-users/`."""
    kill_grace: float = 2.0
    """Seconds between SIGHUP and SIGKILL when a session's app must go."""
    fork_sessions: bool = True
    """Fork sessions from a process that has imported the app (`tui.cli.forkserver`): a
    third less private memory and a faster first frame. `serve --no-fork` starts each as a
    fresh interpreter instead."""
    app_command: tuple[str, ...] | None = None
    """Replaces `python -m tui` for sessions. Only tests set it (to run a small program in
    the PTY); the command line has no way to, so a served user can never choose it."""

    @property
    def host_key_path(self) -> Path:
        return self.host_key or self.data_dir / "ssh_host_ed25519_key"

    @property
    def users_dir(self) -> Path:
        return self.users_folder or self.data_dir / "ssh-users"
