"""Text from data made safe to draw: no terminal control sequences, controls or bidi overrides.

Archive items, participant names, bookmark notes, queries, file names and SSH user names
all come from outside. A terminal obeys what it is sent, so a title holding
``ESC ] 0 ; text BEL`` retitles the window, ``ESC ] 52`` writes the user's clipboard and
U+202E makes the rest of a line read backwards. Importers store text through
`printable` and every place that draws or prints data passes it through `printable`
again, so archives written before these rules are safe too. JSON output stays lossless:
`json.dumps` escapes these characters instead.

    >>> printable("Minsk\\x1b]0;owned\\x07 talks")
    'Minsk talks'
"""

from __future__ import annotations

import re

__all__ = ["is_printable", "printable"]

_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, SOS, PM, APC up to BEL/ST
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # their 8-bit forms
    r"|\x1b[ -/]*[0-~]"  # two- and three-byte escapes (charset, keypad, RIS)
)
"""Whole sequences are removed, so an OSC title leaves none of its payload behind. An
unterminated one loses only its introducer below: what follows is then plain text."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (lone ESC among them), DEL, and the bidi embeddings, overrides and
isolates. Tab and newline are left to `_SPACE`."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile("[\t\n\u2028\u2029]")
_LINES = re.compile("[\t\u2028\u2029]")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control sequence and control character removed.

    Tabs and line separators become spaces; newlines too unless `keep_newlines` (a
    paragraph drawn as several lines). Carriage returns are dropped: they would let a
    later part of a line overwrite an earlier one. Lone surrogates, which no terminal
    can be sent in UTF-8, become U+FFFD.
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
