"""The server's host key (kept across restarts) and the client keys it lets in."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from store.errors import PressroomError

log = logging.getLogger("pressroom.sshd")


class KeyFileError(PressroomError):
    """A host key or authorized_keys file cannot be read or holds no usable key."""


def load_host_key(path: Path, *, create: bool) -> asyncssh.SSHKey:
    """Read the host key; with `create`, make an Ed25519 one on first run.

    Clients remember the host key, so it must survive restarts: a new one every start would
    make every colleague's ssh warn about a possible attack.
    """
    if not path.exists() and create:
        key = asyncssh.generate_private_key("ssh-ed25519", comment="pressroom host key")
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two servers starting at once must not both write (and disagree on) the key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return load_host_key(path, create=False)
        with os.fdopen(fd, "wb") as out:
            out.write(key.export_private_key())
        key.write_public_key(str(path) + ".pub")
        log.info("generated host key %s (%s)", path, key.get_fingerprint())
        return key
    try:
        return asyncssh.read_private_key(path)
    except FileNotFoundError:
        raise KeyFileError(f"{path}: host key file not found") from None
    except (OSError, ValueError, asyncssh.KeyImportError) as error:
        raise KeyFileError(f"{path}: not a usable SSH private key ({error})") from None


@dataclass
class AuthorizedKeys:
    """An OpenSSH authorized_keys file, re-read when it changes so colleagues can be added
    (or removed) without restarting the server."""

    path: Path
    _keys: asyncssh.SSHAuthorizedKeys | None = None
    _stamp: tuple[int, int] | None = None
    count: int = 0
    skipped: list[int] = field(default_factory=list)
    """Line numbers that are not keys (ignored, as OpenSSH does)."""

    @classmethod
    def load(cls, path: Path) -> AuthorizedKeys:
        keys = cls(path)
        keys.refresh(strict=True)
        return keys

    def refresh(self, *, strict: bool = False) -> None:
        """Re-read the file if it changed; a bad edit keeps the keys that were in force."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp == self._stamp:
                return
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return self._problem(f"{self.path}: authorized keys file not found", strict)
        except (OSError, UnicodeDecodeError) as error:
            return self._problem(f"{self.path}: cannot read ({error})", strict)
        good: list[str] = []
        skipped: list[int] = []
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                asyncssh.import_authorized_keys(line)
            except (ValueError, asyncssh.KeyImportError):
                skipped.append(number)
                continue
            good.append(line)
        if not good:
            return self._problem(f"{self.path}: no public keys in this file", strict)
        self._keys = asyncssh.import_authorized_keys("\n".join(good))
        self._stamp = stamp
        self.count = len(good)
        self.skipped = skipped
        for number in skipped:
            log.warning("%s:%d: not a public key, ignored", self.path, number)

    def _problem(self, message: str, strict: bool) -> None:
        if strict:
            raise KeyFileError(message)
        log.warning("%s; keeping the %d keys read before", message, self.count)

    def accepts(self, key: asyncssh.SSHKey, host: str, address: str) -> bool:
        """Whether this key may log in from there (honouring `from=` options)."""
        if self._keys is None:
            return False
        return self._keys.validate(key, host, address) is not None
