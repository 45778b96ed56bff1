"""The environment a served app starts with: a small allow-list, never the client's whole env."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

ALLOWED = frozenset({"COLORTERM", "NO_COLOR", "LANG"})
"""Client variables that reach the app, with every `LC_*` (OpenSSH's AcceptEnv LANG LC_*).
`TERM` is not among them: the app's TERM is the one the client sends with its terminal
request (`terminal_type`), as under OpenSSH's sshd."""
SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
FALLBACK_TERM = "xterm-256color"
_TERM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
_MAX_VALUE = 256


def allowed(name: str) -> bool:
    return name in ALLOWED or (name.startswith("LC_") and name[3:].isalpha())


def terminal_type(requested: str | None) -> str:
    """The client's TERM when it is a plain terminal name, else a common default.

    A TERM with a slash could point terminfo lookups at any file, and an empty one (a client
    without TERM) would leave the app guessing.
    """
    if requested and _TERM_NAME.fullmatch(requested):
        return requested
    return FALLBACK_TERM


def session_environment(
    client: Mapping[str, str], term: str, home: Path, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The app's whole environment: TERM, a minimal HOME/PATH, and the allowed client vars.

    HOME is the user's own folder, so whatever the app or a library keeps under `~` stays
    with that key and inside the data dir.
    """
    env = {"TERM": terminal_type(term), "HOME": str(home), "PATH": SAFE_PATH}
    for name, value in client.items():
        if allowed(name) and len(value) <= _MAX_VALUE and value.isprintable():
            env[name] = value
    env.update(extra or {})
    return env
