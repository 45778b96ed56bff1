"""Sparklines as plain text: counts drawn with the eight block characters ▁▂▃▄▅▆▇█.

The blocks are single-width in every terminal font (unlike emoji), survive NO_COLOR and
16-colour terminals, and cost nothing to send over a slow SSH link. Both the Events
timeline and the People list draw with this one function.
"""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"
"""Eight heights; zero is drawn as a space so an empty stretch reads as a gap."""
EMPTY = " "


def sparkline(counts: Sequence[int], width: int) -> str:
    """`counts` drawn in exactly `width` columns, scaled so the largest count is a full block.

    More counts than columns are summed in neighbouring groups (a year of months becomes
    one column, never a sample of one month); fewer counts are drawn left-aligned and padded
    with spaces, not stretched, so one column always means one period. Any non-zero count
    gets at least the lowest block, so a single item is never invisible.
    """
    if width <= 0:
        return ""
    values = [max(0, int(c)) for c in counts]
    if len(values) > width:
        values = _group(values, width)
    peak = max(values, default=0)
    if peak == 0:
        return (EMPTY * len(values)).ljust(width)
    levels = len(BLOCKS)
    chars = [EMPTY if v == 0 else BLOCKS[-(-v * levels // peak) - 1] for v in values]
    return "".join(chars).ljust(width)


def _group(values: list[int], width: int) -> list[int]:
    """Sum `values` into `width` contiguous groups whose sizes differ by at most one."""
    total = len(values)
    edges = [total * i // width for i in range(width + 1)]
    return [sum(values[edges[i] : edges[i + 1]]) for i in range(width)]
