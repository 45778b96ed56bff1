"""The README's first way over SSH: an account whose login runs pressroom (ForceCommand).

A real OpenSSH server on loopback with the README's `Match` block settings, and the real
`ssh -t` client in tmux, as a colleague would use it. sshd needs root and the Debian
package openssh-server (`.ci/run` installs it); elsewhere the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ssh_support import Tmux, openssh

SSHD = "/usr/sbin/sshd"

MISSING = [
    what for what, present in (
        ("root (sshd checks its files' owners)", hasattr(os, "geteuid") and os.geteuid() == 0),
        (f"OpenSSH's server at {SSHD} (apt-get install openssh-server)", os.path.exists(SSHD)),
        ("OpenSSH's client, ssh (apt-get install openssh-client)", shutil.which("ssh")),
        ("tmux (apt-get install tmux)", shutil.which("tmux")),
    ) if not present
]
"""What this machine lacks for these tests; the skip names each one."""

pytestmark = pytest.mark.skipif(bool(MISSING), reason="needs " + "; ".join(MISSING))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def keygen(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    return path


@pytest.fixture
def account(tmp_path: Path):  # type: ignore[no-untyped-def]
    """sshd on a free loopback port forcing `pressroom` on every login of one key."""
    from store import Archive
    from store.paths import sample_files

    archive = tmp_path / "archive.sqlite3"
    with Archive.open(archive) as opened:
        opened.import_files(sample_files())
    client = keygen(tmp_path / "client_key")
    (tmp_path / "authorized_keys").write_text(Path(f"{client}.pub").read_text())
    pressroom = Path(sys.executable).with_name("pressroom")
    port = free_port()
    config = tmp_path / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\n"
        f"HostKey {keygen(tmp_path / 'host_key')}\nPidFile {tmp_path / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {tmp_path / 'authorized_keys'}\nStrictModes no\n"
        "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nAcceptEnv LANG LC_* COLORTERM NO_COLOR\n"
        f"ForceCommand {pressroom} --archive {archive} --bookmarks {tmp_path / 'marks.json'}\n"
        "PermitTTY yes\nAllowTcpForwarding no\nAllowAgentForwarding no\nX11Forwarding no\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege-separation folder
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        if server.poll() is not None:
            reason = server.stderr.read().decode() if server.stderr else ""
            pytest.fail(f"sshd did not start: {reason}")
        time.sleep(0.05)
    try:
        yield port, client
    finally:
        server.terminate()
        server.wait(timeout=10)


async def test_an_account_forced_to_run_pressroom_searches_in_cyrillic_and_quits(
    account, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    port, key = account
    done = tmp_path / "done"
    ssh = openssh(port, key, "-t", "-o", "SendEnv=LANG", "root@127.0.0.1",
                  "some-command-that-is-never-run")
    tmux = Tmux(tmp_path / "tmux.sock")
    await tmux.start_ssh(ssh, done, 80, 24)
    try:
        await tmux.wait_for("4 items")
        await tmux.keys("-l", "Войтоловский")
        await tmux.wait_for("1 match for 'Войтоловский'")
        await tmux.keys("Enter")
        await tmux.wait_for("Fyodor Voitolovsky — Director")
        assert await tmux.exit_status(done, "C-q") == "0"
    finally:
        await tmux.kill()
