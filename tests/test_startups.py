"""The MaxStartups policy on its own: who may start logging in while others are at it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.sshd.startups import FULL_REFUSAL, PER_ADDRESS_REFUSAL, MaxStartups, Startups


def test_the_drop_chance_rises_from_rate_at_start_to_certain_at_full():
    policy = MaxStartups(10, 30, 100)
    assert [policy.drop_percent(n) for n in (0, 9, 10, 55, 99, 100, 500)] == [
        0, 0, 30, 65, 99, 100, 100]


def test_max_startups_reads_like_openssh():
    assert MaxStartups.parse("10:30:100") == MaxStartups(10, 30, 100)
    assert MaxStartups.parse("7") == MaxStartups(7, 100, 7)  # a hard cap, as in sshd_config
    assert str(MaxStartups()) == "10:30:100"


@pytest.mark.parametrize("text", ["10:30", "a:b:c", "20:30:10", "10:130:100", "0", "", "1:2:3:4"])
def test_a_bad_max_startups_is_refused(text):
    with pytest.raises(ValueError, match="START:RATE:FULL"):
        MaxStartups.parse(text)


def test_one_address_gets_its_share_and_no_more():
    startups = Startups(per_address=2)
    assert startups.begin("10.0.0.9") is None and startups.begin("10.0.0.9") is None
    assert startups.begin("10.0.0.9") == PER_ADDRESS_REFUSAL
    assert startups.begin("10.0.0.10") is None  # the others are untouched
    startups.end("10.0.0.9")
    assert startups.begin("10.0.0.9") is None
    assert startups.logging_in == 3


def refused_share(logging_in: int, tries: int = 2000) -> float:
    """How many of `tries` newcomers are refused while `logging_in` others log in."""
    startups = Startups(MaxStartups(10, 30, 100), per_address=1, chance=random.Random(1))
    addresses = (f"10.0.{n // 250}.{n % 250}" for n in range(10**5))
    while startups.logging_in < logging_in:  # the crowd, each from an address of its own
        startups.begin(next(addresses))
    refused = 0
    for _ in range(tries):
        reason = startups.begin("192.0.2.1")
        if reason is None:
            startups.end("192.0.2.1")
        else:
            assert reason == FULL_REFUSAL
            refused += 1
    return refused / tries


def test_newcomers_are_dropped_at_random_in_proportion_to_the_crowd():
    assert refused_share(9) == 0
    assert 0.27 < refused_share(10) < 0.33
    assert 0.62 < refused_share(55) < 0.68
    assert refused_share(100) == 1


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), max_size=120),
       st.integers(0, 2**32))
def test_no_sequence_of_connects_and_leaves_passes_the_limits(steps, seed):
    startups = Startups(MaxStartups(3, 50, 8), per_address=2, chance=random.Random(seed))
    held: list[str] = []
    for address_number, leaving in steps:
        address = f"10.0.0.{address_number}"
        if leaving and address in held:
            held.remove(address)
            startups.end(address)
        elif startups.begin(address) is None:
            held.append(address)
        assert startups.logging_in == len(held) <= 8
        assert all(held.count(a) <= 2 for a in held)
