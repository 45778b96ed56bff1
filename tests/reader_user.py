"""Run pressroom as a colleague who may read the test's files but not write them.

Permissions do not bite root, and CI runs as root. So there the command runs as
uid/gid 65534 (`nobody`) under `setpriv --reuid=65534 --regid=65534 --clear-groups`, on
files root made with mode 0644 in folders of mode 0755: exactly what an admin publishes.
Run as any other user, the test's files are made read-only with chmod instead (files
0444, folders 0555) and the command runs as that user: the same refusals follow, so the
tests bite either way. As root without setpriv (or with a Python uid 65534 cannot run)
the tests are skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

READER_UID = 65534
"""`nobody` on Debian and most Linux systems."""

AS_READER = ("setpriv", f"--reuid={READER_UID}", f"--regid={READER_UID}", "--clear-groups")


def _as_root() -> bool:
    return os.geteuid() == 0


def unavailable() -> str:
    """Why these tests cannot run here ("" when they can)."""
    if not _as_root():
        return ""
    if shutil.which("setpriv") is None:
        return "running as root, and setpriv (util-linux) is missing to run as another uid"
    probe = subprocess.run([*AS_READER, sys.executable, "-c", "import tui.cli.main"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        return f"uid {READER_UID} cannot run {sys.executable}: {probe.stderr.strip()[-200:]}"
    return ""


@dataclass
class Shared:
    """A folder the reader can reach, holding the owner's files and the reader's home."""

    folder: Path
    """Where the owner keeps the archive: published read-only by `publish`."""
    home: Path
    """The reader's own home (their data folder, bookmarks): writable by the reader."""

    def publish(self, *paths: Path) -> None:
        """Make these files (and `folder`) readable, not writable, by the reader."""
        for path in paths:
            path.chmod(0o644 if _as_root() else 0o444)
        self.folder.chmod(0o755 if _as_root() else 0o555)

    def unpublish(self) -> None:
        """Writable again by the owner (so the test can clean up, or write as the owner)."""
        self.folder.chmod(0o755)
        for path in self.folder.iterdir():
            if path.is_file():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`pressroom ARGS...` as the reader; its output as text."""
        return subprocess.run(self.command(*args), cwd=ROOT, env=self.env(),
                              capture_output=True, text=True, timeout=timeout)

    def command(self, *args: str) -> list[str]:
        prefix = list(AS_READER) if _as_root() else []
        return [*prefix, sys.executable, "-m", "tui", *args]

    def env(self) -> dict[str, str]:
        return {**os.environ, "HOME": str(self.home), "XDG_DATA_HOME": str(self.home / "data"),
                "XDG_CONFIG_HOME": str(self.home / "config"), "COLUMNS": "120"}


def shared_folder() -> Iterator[Shared]:
    """A Shared in a fresh folder under the system temp dir (pytest's tmp_path lies in a
    folder only its owner may enter), removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="pressroom-shared-"))
    base.chmod(0o755)
    folder, home = base / "press", base / "reader"
    folder.mkdir()
    home.mkdir()
    if _as_root():
        os.chown(home, READER_UID, READER_UID)
    shared = Shared(folder, home)
    try:
        yield shared
    finally:
        shared.unpublish()
        shutil.rmtree(base, ignore_errors=True)
