"""Connections still logging in: how many may be, from one address and in all (MaxStartups).

An unauthenticated connection costs the server a socket and a key exchange, and anybody
who can reach the port can open one. OpenSSH bounds them with `MaxStartups 10:30:100`:
below 10 every connection may try to log in; from 10 a new one is dropped with
probability 30%, rising linearly to 100% at 100. The randomness is the point: a flood
cannot predict which of its connections keep their slot, and a real user still gets in
after a retry or two instead of never. A per-address cap on top (OpenSSH's
`PerSourceMaxStartups`) keeps one address from filling even the first 10 slots, so a
flood from one place never reaches the random drop that would hurt everybody else.

Only connections that have not logged in count: a logged-in session is the session
limits' business (`limits.py`).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

DEFAULT_PER_ADDRESS = 4
"""Connections logging in at once from one address. A person's client makes one; an
office behind one NAT address rarely has more than a few in the same second."""

PER_ADDRESS_REFUSAL = "too many unauthenticated connections from your address; try again later"
FULL_REFUSAL = "server full: too many connections are logging in; try again in a moment"


@dataclass(frozen=True)
class MaxStartups:
    """OpenSSH's `start:rate:full`: random early drop from `start` connections logging in,
    with probability `rate`% rising to 100% at `full`."""

    start: int = 10
    rate: int = 30
    full: int = 100

    def __post_init__(self) -> None:
        if not (0 < self.start <= self.full and 0 <= self.rate <= 100):
            raise ValueError(f"not START:RATE:FULL with 0 < START <= FULL and RATE 0-100: {self}")

    @classmethod
    def parse(cls, text: str) -> MaxStartups:
        """`10:30:100`, or one number `N` meaning a hard cap at N (as in OpenSSH)."""
        parts = text.split(":")
        try:
            numbers = [int(part) for part in parts]
        except ValueError:
            raise ValueError(f"not START:RATE:FULL or a number: {text!r}") from None
        if len(numbers) == 1:
            return cls(numbers[0], 100, numbers[0])
        if len(numbers) != 3:
            raise ValueError(f"not START:RATE:FULL or a number: {text!r}")
        return cls(*numbers)

    def drop_percent(self, logging_in: int) -> int:
        """The chance, in percent, that one more connection is dropped when `logging_in`
        connections are logging in already (OpenSSH's integer arithmetic)."""
        if logging_in < self.start:
            return 0
        if logging_in >= self.full:
            return 100
        return self.rate + (100 - self.rate) * (logging_in - self.start) // (
            self.full - self.start
        )

    def __str__(self) -> str:
        return f"{self.start}:{self.rate}:{self.full}"


@dataclass
class Startups:
    """Counts connections that have not logged in yet and decides whether one more may try."""

    policy: MaxStartups = field(default_factory=MaxStartups)
    per_address: int = DEFAULT_PER_ADDRESS
    chance: random.Random = field(default_factory=random.SystemRandom)
    """Which connection a flood loses must not be predictable; tests pass a seeded one."""
    _by_address: Counter[str] = field(default_factory=Counter)

    @property
    def logging_in(self) -> int:
        return sum(self._by_address.values())

    def begin(self, address: str) -> str | None:
        """Take a login slot for a new connection from `address`; returns the refusal (for
        the user, sent as the SSH disconnect reason) instead when it may not have one."""
        if self._by_address[address] >= self.per_address:
            return PER_ADDRESS_REFUSAL
        if self.chance.randrange(100) < self.policy.drop_percent(self.logging_in):
            return FULL_REFUSAL
        self._by_address[address] += 1
        return None

    def end(self, address: str) -> None:
        """The connection logged in, or left: its slot is free."""
        self._by_address[address] -= 1
        if self._by_address[address] <= 0:
            del self._by_address[address]
