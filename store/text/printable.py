"""Text from data made safe to draw: no terminal control sequences, controls or bidi overrides.

Archive items, participant names, bookmark notes, queries, file names and SSH user names
all come from outside. A terminal obeys what it is sent, so a title holding
``ESC ] 0 ; text BEL`` retitles the window, ``ESC ] 52`` writes the user's clipboard and
U+202E makes the rest of a line read backwards. Importers store text through
`printable` and every place that draws or prints data passes it through `printable`
again, so archives written before these rules are safe too. JSON output stays lossless:
`printable_json` escapes these characters instead.

    >>> printable("Minsk\\x1b]0;owned\\x07 talks")
    'Minsk talks'
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["is_printable", "printable", "printable_json"]

_PAYLOAD = r"[^\x07\x1b\x90\x98\x9c-\x9f]*"
"""A string sequence's payload stops at BEL, ESC or any 8-bit introducer or ST, so each
scan ends where the next sequence could begin: cleaning stays linear in the text's length
(a payload that may run over introducers takes 10 s on 20,000 U+009D)."""

_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    rf"|\x1b[\]PX^_]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, SOS, PM, APC up to BEL/ST
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the 8-bit CSI
    rf"|[\x90\x98\x9d\x9e\x9f]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)"  # their 8-bit forms
    r"|\x1b[ -/]*[0-~]"  # two- and three-byte escapes (charset, keypad, RIS)
)
"""Whole sequences are removed, so an OSC title leaves none of its payload behind. An
unterminated one loses only its introducer below: what follows is then plain text."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (lone ESC among them), DEL, and the bidi embeddings, overrides and
isolates. Tab and newline are left to `_SPACE`."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile("[\t\n\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_LINES = re.compile("[\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
"""The controls that separate words (tab, vertical tab, form feed, the ASCII separators,
NEL, line and paragraph separators) become spaces rather than vanish, so the words they
separated stay apart."""


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control sequence and control character removed.

    Tabs, line separators and the other controls that separate words become spaces;
    newlines too unless `keep_newlines` (a paragraph drawn as several lines). Carriage
    returns are dropped: they would let a later part of a line overwrite an earlier one.
    Lone surrogates, which no terminal can be sent in UTF-8, become U+FFFD.
    """
    if text.isprintable():  # the common case costs one C-level scan
        return text
    text = _SEQUENCE.sub("", text)
    text = (_LINES if keep_newlines else _SPACE).sub(" ", text)
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def is_printable(text: str, *, keep_newlines: bool = False) -> bool:
    """True when `printable` would return `text` unchanged (what tests assert of output)."""
    return printable(text, keep_newlines=keep_newlines) == text


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What `json.dumps(..., ensure_ascii=False)` leaves raw that a terminal would obey (or
that UTF-8 cannot carry): DEL, C1, line separators, bidi controls, lone surrogates."""


def printable_json(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON text that is safe to print and still says exactly what it holds.

    `json.dumps` escapes C0 controls (ESC among them) but, keeping other scripts
    readable, writes C1 controls and bidi overrides raw. These only occur inside JSON
    strings, where a `\\uXXXX` escape means the same character: nothing is lost.

        >>> print(printable_json({"title": "a\\x1b]0;x\\x07 \\u202eb"}))
        {"title": "a\\u001b]0;x\\u0007 \\u202eb"}
    """
    encoded = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", encoded)
