"""The timeline: one line of items per month for the current result, so its shape shows."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.widget import Widget

from tui.widgets.sparkline_text import sparkline


def monthly_counts(months: np.ndarray) -> tuple[int, np.ndarray]:
    """(first month key, items per month from it to the last); undated rows are left out."""
    dated = months[months >= 0]
    if len(dated) == 0:
        return 0, np.zeros(0, dtype=np.int64)
    first = int(dated.min())
    return first, np.bincount(dated - first)


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

    def show(self, counts: tuple[int, np.ndarray]) -> None:
        """Show `monthly_counts` of the current result (`Listing.timeline`, counted with
        the result off the event loop)."""
        self.first, self.counts = counts
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width
        if len(self.counts) == 0:
            return Text("no dated items", style="dim", no_wrap=True)
        first_year = self.first // 12
        last_year = (self.first + len(self.counts) - 1) // 12
        left, right = f"{first_year} ", f" {last_year}"
        # more months than columns are summed by the one binning sparklines use
        columns = min(len(self.counts), max(1, width - len(left) - len(right)))
        line = Text(no_wrap=True, overflow="crop")
        line.append(left, style="bold")
        line.append(sparkline(self.counts.tolist(), columns))
        line.append(right, style="bold")
        return line
