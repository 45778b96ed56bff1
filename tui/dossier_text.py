"""A dossier as plain characters: its role lines and activity bars, the same in the
dossier screen and in `pressroom person`; readable over SSH, with NO_COLOR, anywhere."""

from __future__ import annotations

from collections.abc import Sequence

from store.text.filing import role_with_organisation
from store.text.printable import printable

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


def span(first: str | None, last: str | None) -> str:
    """"2022-01 → 2026-10" (months: a role's dates need no more)."""
    if not first:
        return "undated"
    return first[:7] if first[:7] == (last or "")[:7] else f"{first[:7]} → {(last or '')[:7]}"


def role_line(role: str, organisation: str, first: str | None, last: str | None,
              count: int) -> str:
    title = role_with_organisation(role, organisation)
    noun = "item" if count == 1 else "items"
    return printable(f"{title} · {span(first, last)} · {count:,} {noun}")
