"""How many sessions the server runs: in all, per client address, and logins in progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class SessionLimits:
    """Counts live sessions and says, in words for the user, why one more is refused."""

    max_sessions: int
    per_address: int
    max_startups: int
    _sessions: Counter[str] = field(default_factory=Counter)
    _logging_in: int = 0

    def admit(self, address: str) -> str | None:
        """Take a session slot for `address`; returns the refusal instead when none is free."""
        if sum(self._sessions.values()) >= self.max_sessions:
            return f"the server is full ({self.max_sessions} sessions); try again later"
        if self._sessions[address] >= self.per_address:
            return (
                f"{self.per_address} sessions from your address are open already; "
                "close one and try again"
            )
        self._sessions[address] += 1
        return None

    def release(self, address: str) -> None:
        self._sessions[address] -= 1
        if self._sessions[address] <= 0:
            del self._sessions[address]

    @property
    def sessions(self) -> int:
        return sum(self._sessions.values())

    def start_login(self) -> bool:
        """A new connection begins to log in; False when too many are at it already."""
        if self._logging_in >= self.max_startups:
            return False
        self._logging_in += 1
        return True

    def end_login(self) -> None:
        self._logging_in = max(0, self._logging_in - 1)
