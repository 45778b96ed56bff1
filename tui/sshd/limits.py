"""How many sessions the server runs: in all and per client address (logged-in sessions only;
connections still logging in are `startups.py`'s)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class SessionLimits:
    """Counts live sessions and says, in words for the user, why one more is refused."""

    max_sessions: int
    per_address: int
    _sessions: Counter[str] = field(default_factory=Counter)

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
