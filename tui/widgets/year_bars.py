"""Activity by year as bars of plain characters: readable over SSH, with NO_COLOR, anywhere."""

from __future__ import annotations

from collections.abc import Sequence

BAR = "#"


def year_bars(by_year: Sequence[tuple[int, int]], width: int) -> list[str]:
    """One line per year: "2024 ##########  3,331", the longest bar filling `width`.

    A year with any item gets at least one character, so a quiet year is not mistaken for
    an empty one.
    """
    if not by_year:
        return []
    most = max(n for _, n in by_year) or 1
    digits = len(f"{most:,}")
    room = max(1, width - 5 - 2 - digits)
    lines = []
    for year, n in by_year:
        length = 0 if not n else max(1, round(n / most * room))
        lines.append(f"{year} {BAR * length:<{room}}  {n:>{digits},}")
    return lines
