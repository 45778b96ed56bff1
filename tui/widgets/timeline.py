"""The timeline: one line of items per month for the current result, so its shape shows."""

from __future__ import annotations

import weakref

import numpy as np
from rich.text import Text
from textual.widget import Widget

from store.index.columns import Columns
from tui.widgets.sparkline_text import sparkline


def monthly_counts(months: np.ndarray) -> tuple[int, np.ndarray]:
    """(first month key, items per month from it to the last); undated rows are left out."""
    dated = months[months >= 0]
    if len(dated) == 0:
        return 0, np.zeros(0, dtype=np.int64)
    first = int(dated.min())
    return first, np.bincount(dated - first)


def monthly_counts_at(columns: Columns, positions: np.ndarray) -> tuple[int, np.ndarray]:
    """`monthly_counts` of the items at `positions` (ascending indexes into `order`, as
    `Matches.positions`), without gathering a month per match: each month is one stretch
    of `order`, so its count is two binary searches (a first letter matches most of a
    million items, whose gather and count took ~8 ms a keystroke)."""
    keys, bounds = _month_stretches(columns)
    counts = np.diff(np.searchsorted(positions, bounds.astype(positions.dtype)))
    return monthly_counts_of_stretches(keys, counts)


def monthly_counts_of_stretches(keys: np.ndarray, counts: np.ndarray) -> tuple[int, np.ndarray]:
    """`monthly_counts` of rows given as stretches of one month each: the month of each
    stretch (`keys`) and how many rows it holds. A listing in date order is a few hundred
    stretches however many rows it has."""
    found = np.flatnonzero((counts > 0) & (keys >= 0))
    if len(found) == 0:
        return 0, np.zeros(0, dtype=np.int64)
    dated = keys[found].astype(np.int64)
    first = int(dated.min())
    out = np.zeros(int(dated.max()) - first + 1, dtype=np.int64)
    np.add.at(out, dated - first, counts[found])  # a month may come back in another stretch
    return first, out


_stretches: tuple[weakref.ref[Columns], np.ndarray, np.ndarray] | None = None
"""The last columns' month stretches (one archive is searched at a time), holding the
columns weakly: an archive swapped out is not kept for them."""


def _month_stretches(columns: Columns) -> tuple[np.ndarray, np.ndarray]:
    """The months of the dated items along `order` (newest first), and where each one's
    stretch begins, with where the last ends."""
    global _stretches
    cached = _stretches
    if cached is not None and cached[0]() is columns:
        return cached[1], cached[2]
    months = columns.month_in_order
    if len(months) == 0:
        keys, bounds = np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    else:
        starts = np.flatnonzero(np.concatenate(([True], months[1:] != months[:-1])))
        keys = months[starts].astype(np.int64)
        dated = int(np.count_nonzero(keys >= 0))  # undated (-1) come last
        ends = np.append(starts[1:], len(months))
        keys, bounds = keys[:dated], np.append(starts[:dated], ends[dated - 1] if dated else 0)
    _stretches = (weakref.ref(columns), keys, bounds)
    return keys, bounds


class Timeline(Widget):
    """'2019 ▁▁▂▅█▃ 2024': a sparkline between the first and last year of the result."""

    DEFAULT_CSS = """
    Timeline {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.first = 0
        self.counts = np.zeros(0, dtype=np.int64)
        self.first_use = ""

    def show(self, counts: tuple[int, np.ndarray], first_use: str = "") -> None:
        """Show `monthly_counts` of the current result (`Listing.timeline`, counted with
        the result off the event loop). `first_use`, a phrase's earliest date, is named on
        the left and its month marked, so the line reads where the formula began."""
        self.first, self.counts = counts
        self.first_use = first_use
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width
        if len(self.counts) == 0:
            return Text("no dated items", style="dim", no_wrap=True)
        first_year = self.first // 12
        last_year = (self.first + len(self.counts) - 1) // 12
        left, right = f"{first_year} ", f" {last_year}"
        if self.first_use:
            left = f"first use {self.first_use[:7]} "
        # more months than columns are summed by the one binning sparklines use
        columns = min(len(self.counts), max(1, width - len(left) - len(right)))
        line = Text(no_wrap=True, overflow="crop")
        line.append(left, style="bold")
        bars = sparkline(self.counts.tolist(), columns)
        if self.first_use:  # the first column holds the first month: the first use
            line.append(bars[:1], style="reverse")
            bars = bars[1:]
        line.append(bars)
        line.append(right, style="bold")
        return line
