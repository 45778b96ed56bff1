"""Who a served session belongs to: the client's public key, and that key's own files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import asyncssh


@dataclass(frozen=True)
class Identity:
    """A served user: the name they typed (only for the log) and the key they proved.

    The key, never the user name, decides whose bookmarks a session sees: anyone may type
    any name, but only the key's holder can sign with it.
    """

    username: str
    fingerprint: str
    """OpenSSH's form, `SHA256:...`, as `ssh-keygen -lf` prints it."""

    @classmethod
    def from_key(cls, username: str, key: asyncssh.SSHKey) -> Identity:
        return cls(username=username, fingerprint=key.get_fingerprint("sha256"))

    @property
    def folder_name(self) -> str:
        """The fingerprint as a file name: base64's `+` and `/` become `-` and `_`."""
        digest = self.fingerprint.split(":", 1)[-1]
        safe = digest.translate(str.maketrans("+/", "-_")).rstrip("=")
        return "sha256-" + re.sub(r"[^A-Za-z0-9_-]", "", safe)

    def home(self, users_dir: Path) -> Path:
        """This key's folder (created on demand, private to the server's user)."""
        path = users_dir / self.folder_name
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def bookmarks_path(self, users_dir: Path) -> Path:
        return self.home(users_dir) / "bookmarks.json"
