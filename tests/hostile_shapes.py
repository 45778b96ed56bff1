"""Shapes of hostile press text that once made the parser quadratic, or could: one long
line of the same phrase, or a dump of thousands of the same small item. Each is a maker of
the text for a count of repeats, and a count at which a quadratic pass would dominate.

Shared by the scaling test (which counts the parser's steps) and the hostile benchmark
(which times them).
"""

from __future__ import annotations

from collections.abc import Callable

_TITLE = "Heads of delegations met in Minsk\n"
_CLOSING = "\nOn 5 May 2024, the ministers met.\n"


def _line(phrase: str) -> Callable[[int], str]:
    """One paragraph of `phrase` repeated, under a title and over a dated lead."""
    return lambda n: _TITLE + phrase * n + _CLOSING


def _items(item: str) -> Callable[[int], str]:
    """A dump of `item` repeated, each numbered so none is a copy of another."""
    return lambda n: "\n".join(item.format(i=i) for i in range(n)) + "\n"


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "comma-joined posts": (_line("Head of Y, "), 300),
    "places joined by dashes": (_line("Tirana – "), 300),
    "names joined by commas": (_line("Ivan Petrov, "), 300),
    "names joined by and": (_line("Ivan Petrov and Sergey Lavrov met "), 200),
    "Russian names in the instrumental": (_line("с Министром обороны Сейраном Оганяном, "), 200),
    "Russian initials": (_line("И.Тасмагамбетов, "), 300),
    "addressing lines": (_line("Dear Sergey Viktorovich! "), 300),
    "Russian posts": (_line("Генеральный секретарь ОДКБ, "), 300),
    "full dates": (_line("7 March 2023, "), 300),
    "yearless days": (_line("7 March, "), 300),
    "held on days": (_line("The meeting was held on 7 March. "), 300),
    "wire leads": (_line("MOSCOW, March 4 /TASS/. "), 300),
    "signature tables": (_line("For the Republic of Belarus A. Lukashenko; "), 300),
    "yearless posts": (_items("Item {i}\n7 March\nThe ministers met in Minsk."), 200),
    "dated posts": (_items("Item {i}\n7 March 2020\nThe ministers met in Minsk."), 200),
    "questions and answers": (_items("Question {i}: what?\nAnswer: yes."), 200),
    "channel stamps": (_items("CSTO, [07.03.23 11:05]\nText {i}."), 200),
    "undated weekday copies": (_items("Item {i}\nThe ministers met in Minsk on Monday."), 200),
}
