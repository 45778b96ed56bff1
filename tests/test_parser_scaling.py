"""A hostile dump cannot stall an import: the parser's work grows with the text, not with
its square.

A shared server imports whatever a user pastes or a site serves. A line of thousands of
names, roles, places or dates, or a dump of thousands of yearless posts, once cost the
parser minutes (a 20 KB line of "Head of Y, " took 168 s), because each name or date read
everything before it. Work is counted as the lines of Python the parser executes (a
deterministic count, unlike time on a shared machine): four times the text may cost about
four times the steps, never the sixteen a quadratic pass costs. `tests/bench/bench_hostile.py`
prints the same shapes' real times.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from store.ingest.parser import parse_text
from tests.hostile_shapes import SHAPES

GROWTH = 6.0
"""Most that four times the text may cost: linear work gives about 4, quadratic 16."""


def steps(text: str) -> int:
    """Lines of Python executed while parsing `text`."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        parse_text(text, "hostile.txt")
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_hostile_text_costs_about_four_times_the_work(shape: str) -> None:
    make, size = SHAPES[shape]
    small, large = steps(make(size)), steps(make(4 * size))
    assert large / small < GROWTH, f"{shape}: {small} steps, then {large} for 4x the text"


def test_a_name_after_endless_comma_joined_posts_keeps_its_own_post() -> None:
    # the walk back over ", "-joined posts stops after a few: a real title has three or four
    text = (
        "Heads of delegations met in Minsk\n12 March 2025\n"
        + "Head of Delegation, " * 400 + "Secretary General of the CSTO Imangali "
        "Tasmagambetov opened the meeting.\n"
    )
    [item] = parse_text(text, "x")
    [person] = [p for p in item.participants if "Tasmagambetov" in p.name]
    assert person.role.endswith("Secretary General")
    assert "CSTO" in person.organisation
