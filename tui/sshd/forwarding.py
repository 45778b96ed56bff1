"""What the server never offers besides the app: forwarding of ports, sockets, the agent,
X11 and tunnels. Each request is refused with a line in the log, as the README promises."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NoReturn

import asyncssh

from store.text.printable import printable

log = logging.getLogger("pressroom.sshd")

PROHIBITED = "this server only offers the interactive app"


def _field(text: str) -> str:
    """A client-chosen host or path, safe and short enough for one log line."""
    return printable(text)[:80] or "-"


def _prohibited() -> NoReturn:
    raise asyncssh.ChannelOpenError(asyncssh.OPEN_ADMINISTRATIVELY_PROHIBITED, PROHIBITED)


class RefusesForwarding(asyncssh.SSHServer):
    """asyncssh's forwarding hooks, each answered no, with one log line naming the connection."""

    def describe(self) -> str:
        """Who asked: address, user name and key (the connection fills this in)."""
        raise NotImplementedError

    def refused(self, what: str) -> None:
        log.info("refused %s: %s", self.describe(), what)

    def connection_requested(self, dest_host: str, dest_port: int, orig_host: str,
                             orig_port: int) -> NoReturn:
        self.refused(f"port forwarding to {_field(dest_host)}:{dest_port}")
        _prohibited()

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        self.refused(f"remote port forwarding from {_field(listen_host)}:{listen_port}")
        return False

    def unix_connection_requested(self, dest_path: str) -> NoReturn:
        self.refused(f"socket forwarding to {_field(dest_path)}")
        _prohibited()

    def unix_server_requested(self, listen_path: str) -> bool:
        self.refused(f"remote socket forwarding from {_field(listen_path)}")
        return False

    def tun_requested(self, unit: int | None) -> NoReturn:
        self.refused("tunnel (tun) forwarding")
        _prohibited()

    def tap_requested(self, unit: int | None) -> NoReturn:
        self.refused("tunnel (tap) forwarding")
        _prohibited()

    def session_channel(self, conn: asyncssh.SSHServerConnection) -> asyncssh.SSHServerChannel:
        """A session channel that logs the agent and X11 forwarding it is asked for."""
        chan = conn.create_server_channel()
        chan.__class__ = _RefusingChannel
        assert isinstance(chan, _RefusingChannel)
        chan.refused = self.refused
        return chan


class _RefusingChannel(asyncssh.SSHServerChannel):
    """A session channel that refuses agent and X11 forwarding with a log line.

    asyncssh turns both down by itself (the server runs with `agent_forwarding` and
    `x11_forwarding` off) without telling the application; these are its handlers for the
    two channel requests (asyncssh dispatches `<request>` to `_process_<request>_request`),
    the one place they are seen. tests/test_ssh.py sends both with OpenSSH's client, so an
    asyncssh that renames them fails there rather than in production.
    """

    refused: Callable[[str], None]
    """Set by `RefusesForwarding.session_channel`: the connection's log line."""

    def _process_x11_req_request(self, packet: object) -> bool:
        self.refused("X11 forwarding")
        return False

    # asyncssh's own handler returns None and answers later, from a task; the dispatcher
    # answers at once with any bool a handler returns, so False here is the refusal.
    def _process_auth_agent_req_at_openssh_dot_com_request(  # type: ignore[override]
        self, packet: object
    ) -> bool:
        self.refused("agent forwarding")
        return False
